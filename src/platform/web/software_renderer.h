// Draws ImGui's frames on the CPU and hands them to the page's canvas for them
// (web/linli_2d.js): the first frames of a visit, before the WebGL2 context is up, and
// every frame where there is none.
#pragma once

struct ImDrawData;

namespace linli::platform::software {

// Draws `data` over a cleared framebuffer of fb_w x fb_h and shows it. Leaves ImGui's
// textures as they are: WebGL2 makes them when it takes over.
// A frame whose lists are those of the last one shown is not drawn again.
void render(ImDrawData* data, int fb_w, int fb_h);
// The next frame is drawn whatever its lists: pixels of a texture changed under them.
void invalidate();

}  // namespace linli::platform::software
