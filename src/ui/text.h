// Text drawing that wraps Chinese between any two characters (ImGui's own wrapping
// only breaks after spaces and a few punctuation marks).
#pragma once
#include <string_view>

#include <vector>

#include "core/line_break.h"
#include "imgui.h"

namespace linli::ui {

// Characters (code points, as people count them) in UTF-8 text.
std::size_t utf8_chars(std::string_view s);
// Wrapped to the available width, in the current font and colour.
void wrapped_text(std::string_view text);
void wrapped_text_colored(const ImVec4& color, std::string_view text);
// One line as it is (a tag, a date) in a colour, read by the screen-reader mirror too.
void colored_text(const ImVec4& color, std::string_view text);
// What an action just did ("已保存"), in the "done" colour; the mirror announces it (a live region).
void done_text(std::string_view text);
// An error or a refusal, in the warning colour; the mirror announces it (role=alert).
void alert_text(std::string_view text);
// The lines the text breaks into at `width` in the current font.
std::vector<linli::LineSpan> wrap_lines(std::string_view text, float width);
// Height the text would take at `width`, without drawing it.
float wrapped_height(std::string_view text, float width);

}  // namespace linli::ui
