// Fonts drawn by the browser from the phone's own fonts (see canvas_font.cpp).
#pragma once

namespace linli::platform {

// Adds the system-font source and, merged behind it, Linli's own font for what the
// system lacks (fetched the first time a glyph needs it).
void add_canvas_fonts(float size);

}  // namespace linli::platform
