// Triangles onto a pixel buffer on the CPU, the way a GPU draws ImGui's lists: each
// pixel whose centre is inside a triangle (top-left rule, so shared edges are drawn once)
// gets the vertex colour times the texture, blended over what is there by its alpha.
// The browser shows frames drawn this way until its WebGL2 context is up.
#pragma once

#include <cstdint>

namespace linli::raster {

// ImDrawVert's layout: position in target pixels, texture coordinates 0..1, colour as
// bytes R, G, B, A in memory (IM_COL32).
struct Vertex {
    float x, y, u, v;
    std::uint32_t col;
};

// Pixels as bytes R, G, B, A in memory, rows top to bottom: rows top .. top + h of a
// larger picture (a band of it, drawn one after another), or all of it when top is 0.
struct Image {
    std::uint32_t* pixels;
    int w, h;
    int top = 0;
};
struct Texture {
    const std::uint32_t* pixels;
    int w, h;
};

// Which pixels may be drawn: x0 <= x < x1, y0 <= y < y1 (in the whole picture's rows).
struct Clip {
    int x0, y0, x1, y1;
};

void clear(Image target, std::uint32_t rgba);

// Triangles idx[0..count) (three indices each) of vtx, sampled nearest from `tex`.
void draw(Image target, Texture tex, const Vertex* vtx, const std::uint16_t* idx, int count, Clip clip);

}  // namespace linli::raster
