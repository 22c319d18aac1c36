// Draws ImGui's frames with WebGL2 (the GL calls are in web/linli_gl.js).
#pragma once

struct ImDrawData;

namespace linli::platform::webgl {

// Tells ImGui what this renderer can do; before the first frame.
void attach();
// Whether this frame is drawn with WebGL2: the page's context is made here once the GPU
// process is up (web/linli_gl.js); never where there is no WebGL2 or the shaders did not
// build (the console says which).
bool ready();
// Whether the GPU process has answered the page (with WebGL2 or without): until then the
// display's refreshes wait for it too.
bool gpu_up();
// Updates ImGui's textures and draws `data` over a cleared framebuffer of fb_w x fb_h.
void render(ImDrawData* data, int fb_w, int fb_h);

}  // namespace linli::platform::webgl
