// The soft-keyboard bridge between ImGui and web/linli_keyboard.js (see keyboard_web.cpp).
#pragma once

namespace linli::platform {

void install_keyboard_bridge();  // after the ImGui backends are initialised
void keyboard_before_frame();    // before ImGui::NewFrame
void keyboard_after_frame();     // after the frame's UI: the long-text box goes if no field placed it

}  // namespace linli::platform
