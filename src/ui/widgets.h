// Linli's own widgets, built for fingers and for Chinese: full-width choices whose text
// wraps, bars for results, and text fields bound to std::string.
#pragma once
#include <string>
#include <string_view>

#include "core/i18n.h"
#include "imgui.h"

namespace linli::ui {

enum class Mark { none, radio, check, rank };

// A full-width tappable choice; `rank` is shown for Mark::rank when > 0. The label wraps.
bool choice(std::string_view label, const char* id, bool selected, Mark mark, int rank = 0);

// A labelled bar: `fraction` of the width filled, `left` above it, `right` at its end.
void bar(float fraction, std::string_view left, std::string_view right, const ImVec4& color);

// A text field over a std::string, limited to `max_chars` characters (code points, as
// people count them). A counter "123/300" shows under it while it is typed in (always under
// a multi-line field); input that would go past the limit is refused whole, and a message
// in `words`' language says so until the next accepted change.
// `name`: what the field is for (its question), for the screen-reader mirror.
bool text_field(const Strings& words, const char* id, std::string& s, int max_chars, bool multiline = false,
                float height = 0, std::string_view name = {});

// ImGui's combo, full width, reported to window.linli.widgets() like other items
// (ImGui's own combo has no test-engine hook).
bool combo(const char* id, const char* preview);

// A button as wide as the space left.
bool wide_button(const char* label);

// Headings: the current text size times `scale`.
void heading(std::string_view text, float scale = 1.15f);
// ... or at `px` pixels (the hall screen sizes its text by the display's height).
void heading_px(std::string_view text, float px);

}  // namespace linli::ui
