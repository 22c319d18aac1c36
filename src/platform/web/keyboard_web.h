// The soft-keyboard bridge between ImGui and web/linli_keyboard.js (see keyboard_web.cpp).
#pragma once

namespace linli::platform {

void install_keyboard_bridge();  // after the ImGui backends are initialised
void keyboard_before_frame();    // before ImGui::NewFrame

}  // namespace linli::platform
