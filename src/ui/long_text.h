// Long text — a notice's body, an answer in words, the suggestion box — is typed in the
// page's own text box laid over the field, and drawn by ImGui when it is not being typed in.
// Why not ImGui's multi-line field: Debian's ImGui 1.92.2b does not wrap it at all (its
// wrapping came in 1.92.3, still experimental), so a resident's paragraph ran off the side.
// The browser's <textarea> wraps Chinese by the same rule the board uses (CSS line-break:
// strict: no ，。！？ at a line's start, no （《「 at its end), and gives what every text box on
// a phone has: selection handles, copy and paste, the input method's candidates in place,
// its own undo, and the screen reader. At rest the field shows the text wrapped by
// wrap_lines, as the notice will show it. The page's box is the platform's: the app hands
// it over here (ui never calls the browser).
#pragma once
#include <functional>
#include <optional>
#include <string>

namespace linli::ui {

// Where the box goes this frame (CSS px of the page) and how its text looks.
struct LongTextPlace {
    float x = 0, y = 0, w = 0, h = 0;
    float font = 0, pad_x = 0, pad_y = 0;
    bool open = false;          // just tapped: show it and give it the keyboard
    const std::string* reset = nullptr;  // the text to put back in it (an edit was refused)
    const std::string* text = nullptr;   // the field's text, for a box that opens
};

struct LongTextHost {
    std::function<void(const LongTextPlace&)> place;  // over the field being typed in, every frame
    std::function<std::optional<std::string>()> take;  // its text, when it changed since the last take
    std::function<bool()> left;                        // the person left it (tapped elsewhere)
};
void set_long_text_host(LongTextHost host);

// The field: `s` edited, at most `max_chars` characters, at least `min_height` tall (it
// grows with its text). Returns true when `s` changed; `refused` gets the characters of
// an edit refused for its length (0: none); `active` whether it is being typed in.
bool long_text(const char* id, std::string& s, std::size_t max_chars, float min_height, std::string_view name,
               std::size_t& refused, bool& active);

}  // namespace linli::ui
