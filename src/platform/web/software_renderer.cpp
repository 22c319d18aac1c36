#include "platform/web/software_renderer.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "imgui.h"
#include "platform/web/framebuffer.h"
#include "raster/raster.h"

extern "C" {
// web/linli_library.js
// Rows top .. top + rows of a frame fb_w x fb_h.
void linli_js_2d_present(const void* pixels, int fb_w, int fb_h, int top, int rows);
void linli_js_2d_drawn(double ms);  // a frame is done: how long drawing and handing it over took
}

namespace linli::platform::software {
namespace {

static_assert(sizeof(ImDrawVert) == sizeof(raster::Vertex) && sizeof(ImDrawIdx) == 2, "raster::Vertex is ImDrawVert's layout");

constexpr std::uint32_t kPage = kPageRGB[0] | kPageRGB[1] << 8 | kPageRGB[2] << 16 | 255u << 24;

// Drawn a band of rows at a time, each copied out to the page as it is done: a band's
// pixels stay in the CPU's cache, and the wasm memory does not grow by a whole frame
// (12 MB at 1170x2532; drawing in place there was slower, README).
constexpr int kBandRows = 64;
std::vector<std::uint32_t> g_band;
std::vector<raster::Vertex> g_vertices;  // all lists' vertices, in framebuffer pixels

// Triangles that touch a band, in the order drawn: a band goes through its own, not all
// of the frame's (thousands of triangles, 40 bands).
struct Run {
    raster::Texture tex;
    const raster::Vertex* vtx;
    const ImDrawIdx* idx;  // the first of `count` indices
    int count;
    raster::Clip clip;
    int cmd;  // which of the frame's commands
};
std::vector<std::vector<Run>> g_runs;  // by band

// Files the triangles of a command (all of it in `whole`) under the bands they touch, two
// at a time (ImGui's rectangles: raster::draw takes the pair at once).
void file(const Run& whole) {
    const raster::Vertex* vtx = whole.vtx;
    const ImDrawIdx* idx = whole.idx;
    const raster::Clip& clip = whole.clip;
    for (int i = 0; i < whole.count; i += 6) {
        const int n = std::min(6, whole.count - i);
        float lo = INFINITY, hi = -INFINITY;
        for (int k = 0; k < n; ++k) {
            lo = std::min(lo, vtx[idx[i + k]].y);
            hi = std::max(hi, vtx[idx[i + k]].y);
        }
        lo = std::max(lo, static_cast<float>(clip.y0));
        hi = std::min(hi + 1.0f, static_cast<float>(clip.y1));  // the rows raster::draw may touch
        if (!(lo < hi)) continue;                                // (NaN: false)
        const int first = static_cast<int>(lo) / kBandRows, last = (static_cast<int>(std::ceil(hi)) - 1) / kBandRows;
        for (int b = first; b <= last; ++b) {
            std::vector<Run>& runs = g_runs[static_cast<std::size_t>(b)];
            if (!runs.empty() && runs.back().cmd == whole.cmd && runs.back().idx + runs.back().count == idx + i) {
                runs.back().count += n;
            } else {
                Run part = whole;
                part.idx = idx + i;
                part.count = n;
                runs.push_back(part);
            }
        }
    }
}

// What was last drawn: ImGui settles a layout over a few frames that mostly come out the
// same, and a frame drawn on the CPU is worth not drawing again.
std::uint64_t g_shown = 0;

std::uint64_t hash(std::uint64_t h, const void* p, std::size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 0x100000001b3ull;  // FNV-1a
    return h;
}

std::uint64_t fingerprint(const ImDrawData* data, int fb_w, int fb_h) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    const int size[2] = {fb_w, fb_h};
    h = hash(h, size, sizeof size);
    h = hash(h, &data->DisplayPos, sizeof data->DisplayPos);
    h = hash(h, &data->FramebufferScale, sizeof data->FramebufferScale);
    for (const ImDrawList* list : data->CmdLists) {
        h = hash(h, list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.size_in_bytes()));
        h = hash(h, list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.size_in_bytes()));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h = hash(h, &cmd.ClipRect, sizeof cmd.ClipRect);
            h = hash(h, &cmd.TexRef._TexData, sizeof cmd.TexRef._TexData);
            const unsigned range[2] = {cmd.IdxOffset, cmd.ElemCount};
            h = hash(h, range, sizeof range);
        }
    }
    return h;
}

}  // namespace

void invalidate() { g_shown = 0; }

void render(ImDrawData* data, int fb_w, int fb_h) {
    if (fb_w <= 0 || fb_h <= 0) return;
    const std::uint64_t f = fingerprint(data, fb_w, fb_h);
    if (f == g_shown) return;
    g_shown = f;
    const double t0 = emscripten_get_now();
    const float L = data->DisplayPos.x, T = data->DisplayPos.y;
    const ImVec2 scale = data->FramebufferScale;
    g_vertices.resize(static_cast<std::size_t>(data->TotalVtxCount));
    std::size_t n = 0;
    for (const ImDrawList* list : data->CmdLists)
        for (const ImDrawVert& v : list->VtxBuffer) g_vertices[n++] = {(v.pos.x - L) * scale.x, (v.pos.y - T) * scale.y, v.uv.x, v.uv.y, v.col};

    const int bands = (fb_h + kBandRows - 1) / kBandRows;
    g_runs.resize(static_cast<std::size_t>(bands));
    for (std::vector<Run>& runs : g_runs) runs.clear();
    const raster::Vertex* vtx = g_vertices.data();
    int cmds = 0;
    for (const ImDrawList* list : data->CmdLists) {
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // Linli's lists have none
            const ImTextureData* tex = cmd.TexRef._TexData;  // ImGui's own textures keep their pixels
            if (!tex || !tex->Pixels || tex->Format != ImTextureFormat_RGBA32) continue;
            const PixelRect c = clip_in_pixels(cmd, *data);
            const raster::Clip clip{std::max(c.x0, 0), std::max(c.y0, 0), std::min(c.x1, fb_w), std::min(c.y1, fb_h)};
            if (clip.x0 >= clip.x1 || clip.y0 >= clip.y1) continue;
            file({raster::Texture{reinterpret_cast<const std::uint32_t*>(tex->Pixels), tex->Width, tex->Height}, vtx,
                  list->IdxBuffer.Data + cmd.IdxOffset, static_cast<int>(cmd.ElemCount), clip, cmds++});
        }
        vtx += list->VtxBuffer.Size;
    }

    g_band.resize(static_cast<std::size_t>(fb_w) * kBandRows);
    for (int b = 0; b < bands; ++b) {
        const int top = b * kBandRows;
        const raster::Image band{g_band.data(), fb_w, std::min(kBandRows, fb_h - top), top};
        raster::clear(band, kPage);
        for (const Run& r : g_runs[static_cast<std::size_t>(b)]) raster::draw(band, r.tex, r.vtx, r.idx, r.count, r.clip);
        linli_js_2d_present(g_band.data(), fb_w, fb_h, top, band.h);
    }
    linli_js_2d_drawn(emscripten_get_now() - t0);
}

}  // namespace linli::platform::software
