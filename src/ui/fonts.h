// The fonts ImGui draws with. Glyphs are rasterised on demand (ImGui 1.92), so a
// font with all of GB2312 costs nothing until a character is shown.
#pragma once
#include <string>

namespace linli::ui {

// Adds a TrueType font from memory; returns false if ImGui cannot read it.
bool add_ttf_font(const std::string& bytes);

}  // namespace linli::ui
