#include "ui/fonts.h"

#include <cstring>

#include "imgui.h"
#include "ui/theme.h"

namespace linli::ui {

bool add_ttf_font(const std::string& bytes) {
    if (bytes.empty()) return false;
    void* data = IM_ALLOC(bytes.size());  // owned by the atlas from here on
    std::memcpy(data, bytes.data(), bytes.size());
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;
    cfg.OversampleH = 2;  // crisp at any size: glyphs are drawn at the device's pixel density
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes.size()), kBaseFontSize, &cfg) != nullptr;
}

}  // namespace linli::ui
