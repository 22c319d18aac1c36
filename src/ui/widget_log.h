// Records every item ImGui lays out in a frame, on screen or scrolled away, through ImGui's
// own test-engine hooks: so window.linli.widgets() can name what a person could tap and
// where, and the screen-reader mirror can be a complete copy of the screen, with each
// item's role (button, tab, radio, checkbox, text box) and state, that a screen reader
// can act on (activate()).
#pragma once
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace linli::ui {

struct SeenWidget {
    // Items can be acted on; the rest is read: headings, text, a status that is announced
    // when it changes ("已保存"), an alert (an error).
    enum class Kind { item, heading, text, status, alert } kind = Kind::item;
    enum class Role { button, tab, radio, checkbox, textbox } role = Role::button;
    std::string label;  // visible text, without "##id"; a text box's: what it is for
    std::string id;     // the "##id" part, for fields whose label is hidden
    float x = 0, y = 0, w = 0, h = 0;  // in ImGui units = CSS pixels of the canvas (unclipped)
    bool text_field = false;
    bool visible = true;   // on screen now (else scrolled out of its window)
    int checked = -1;      // radios, checkboxes, tabs: 1 chosen, 0 not; -1 not checkable
    unsigned key = 0;      // ImGui's id of the item: what activate() takes
    std::string value;     // a text box's text
    bool multiline = false;  // ...typed in the page's own box (ui/long_text.h)
    std::vector<std::string> lines;  // ...and the lines it is drawn in, at rest (a test checks the wrapping)
};

class WidgetLog {
public:
    void attach(ImGuiContext* ctx);  // sets ctx->TestEngine, enables the hooks, lays out every item
    // Forgets the frame before; an item asked for by activate() is pressed in this frame.
    // Called before ImGui's NewFrame.
    void begin_frame();
    // What the frame being drawn has drawn so far; between frames, the whole of the frame
    // on screen (where a tap lands next).
    const std::vector<SeenWidget>& drawn() const { return current_; }
    void add(SeenWidget w) { current_.push_back(std::move(w)); }
    // The item with this key is pressed (a button), chosen (an option) or made the field
    // being typed in, as a tap would: from the mirror, wherever the item is scrolled.
    void activate(unsigned key) { pending_ = key; }
    // The item just reported is not laid out (a long list's card far from the screen): it is
    // about here, and out of sight.
    static void hidden_at(float x, float y, float h);
    // The lines the text box just laid out is drawn in.
    static void lines(std::vector<std::string> lines);
    // Text drawn on screen, for the screen-reader mirror.
    static void note_text(SeenWidget::Kind kind, std::string_view text);
    // Says what the item just laid out is: its role and state, and for a text box its name
    // (the question it answers) and text.
    static void mark(SeenWidget::Role role, int checked, std::string_view name = {}, std::string_view value = {},
                     bool multiline = false);

private:
    std::vector<SeenWidget> current_;
    unsigned pending_ = 0;
};

// What is on screen, for window.linli.widgets() (the items) and texts() (the rest, with
// where each starts: a test looks at its pixels).
std::string widgets_json(const std::vector<SeenWidget>& widgets);
// Everything in drawing order (headings, text, items: on screen or not), for the mirror.
std::string mirror_json(const std::vector<SeenWidget>& widgets, const char* lang);

}  // namespace linli::ui
