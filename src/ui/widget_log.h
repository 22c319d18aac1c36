// Records every labelled item ImGui draws in a frame, through ImGui's own test-engine
// hooks, so window.linli.widgets() can name what a person could tap and where.
#pragma once
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace linli::ui {

struct SeenWidget {
    enum class Kind { item, heading, text } kind = Kind::item;  // items can be tapped
    std::string label;  // visible text, without "##id"
    std::string id;     // the "##id" part, for fields whose label is hidden
    float x = 0, y = 0, w = 0, h = 0;  // in ImGui units = CSS pixels of the canvas
    bool text_field = false;
};

class WidgetLog {
public:
    void attach(ImGuiContext* ctx);  // sets ctx->TestEngine and enables the hooks
    void begin_frame();  // forgets the frame before
    // What the frame being drawn has drawn so far; between frames, the whole of the frame
    // on screen (where a tap lands next).
    const std::vector<SeenWidget>& drawn() const { return current_; }
    void add(SeenWidget w) { current_.push_back(std::move(w)); }
    // Text drawn on screen, for the screen-reader mirror.
    static void note_text(SeenWidget::Kind kind, std::string_view text);

private:
    std::vector<SeenWidget> current_;
};

// The tappable items, for window.linli.widgets().
std::string widgets_json(const std::vector<SeenWidget>& widgets);
// Everything in drawing order (headings, text, items), for the screen-reader mirror.
std::string mirror_json(const std::vector<SeenWidget>& widgets, const char* lang);

}  // namespace linli::ui
