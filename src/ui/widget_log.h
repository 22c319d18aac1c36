// Records every labelled item ImGui draws in a frame, through ImGui's own test-engine
// hooks, so window.linli.widgets() can name what a person could tap and where.
#pragma once
#include <string>
#include <vector>

struct ImGuiContext;

namespace linli::ui {

struct SeenWidget {
    std::string label;  // visible text, without "##id"
    std::string id;     // the "##id" part, for fields whose label is hidden
    float x = 0, y = 0, w = 0, h = 0;  // in ImGui units = CSS pixels of the canvas
    bool text_field = false;
};

class WidgetLog {
public:
    void attach(ImGuiContext* ctx);  // sets ctx->TestEngine and enables the hooks
    void begin_frame();              // the frame just drawn becomes last_frame()
    const std::vector<SeenWidget>& last_frame() const { return last_; }
    void add(SeenWidget w) { current_.push_back(std::move(w)); }

private:
    std::vector<SeenWidget> current_, last_;
};

std::string widgets_json(const std::vector<SeenWidget>& widgets);

}  // namespace linli::ui
