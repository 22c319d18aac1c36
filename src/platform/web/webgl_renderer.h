// Draws ImGui's frames with WebGL2 (the GL calls are in web/linli_gl.js).
#pragma once

struct ImDrawData;

namespace linli::platform::webgl {

// Tells ImGui what this renderer can do; before the first frame.
void attach();
// False when nothing can be drawn here (no WebGL2, or the shaders did not build: the
// details go to the console).
bool ready();
// Updates ImGui's textures and draws `data` over a cleared framebuffer of fb_w x fb_h.
void render(ImDrawData* data, int fb_w, int fb_h);

}  // namespace linli::platform::webgl
