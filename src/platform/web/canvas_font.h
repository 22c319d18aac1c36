// Fonts drawn by the browser from the phone's own fonts (see canvas_font.cpp).
#pragma once

namespace linli::platform {

// Adds the system-font source and, merged behind it, Linli's own font for what the
// system lacks (fetched the first time a glyph needs it).
void add_canvas_fonts(float size);
// Glyphs are being drawn as an image (before the GPU process is up): a frame would show them blank.
bool glyphs_awaited();
// (platform_web.cpp) Presents the last frame, held back for glyphs, once they are all in.
void present_held_frame();

}  // namespace linli::platform
