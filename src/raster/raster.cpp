#include "raster/raster.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace linli::raster {
namespace {

// x * y / 255, rounded, for bytes.
inline unsigned mul255(unsigned x, unsigned y) {
    const unsigned v = x * y + 128;
    return (v + (v >> 8)) >> 8;
}

// `src` (R, G, B, A bytes) over `dst`, as glBlendFuncSeparate(SRC_ALPHA, ONE_MINUS_SRC_ALPHA,
// ONE, ONE_MINUS_SRC_ALPHA).
inline std::uint32_t blend(std::uint32_t dst, std::uint32_t src) {
    const unsigned a = src >> 24;
    if (a == 255) return src;
    if (a == 0) return dst;
    const unsigned na = 255 - a;
    std::uint32_t out = 0;
    for (int shift = 0; shift < 24; shift += 8) {
        const unsigned c = mul255((src >> shift) & 255, a) + mul255((dst >> shift) & 255, na);
        out |= std::min(c, 255u) << shift;
    }
    const unsigned oa = a + mul255(dst >> 24, na);
    return out | (std::min(oa, 255u) << 24);
}

inline std::uint32_t modulate(std::uint32_t col, std::uint32_t tex) {
    std::uint32_t out = 0;
    for (int shift = 0; shift < 32; shift += 8) out |= mul255((col >> shift) & 255, (tex >> shift) & 255) << shift;
    return out;
}

// n pixels of one colour, two a store and eight a turn: a first visit's first frames are
// drawn before V8 has optimised this, and clearing and filling are most of their pixels.
void fill_opaque(std::uint32_t* p, std::size_t n, std::uint32_t px) {
    if (n > 0 && (reinterpret_cast<std::uintptr_t>(p) & 7) != 0) {
        *p++ = px;
        --n;
    }
    const std::uint64_t two = px | static_cast<std::uint64_t>(px) << 32;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::memcpy(p + i, &two, 8);
        std::memcpy(p + i + 2, &two, 8);
        std::memcpy(p + i + 4, &two, 8);
        std::memcpy(p + i + 6, &two, 8);
    }
    for (; i < n; ++i) p[i] = px;
}

// Pixels [lo, hi) of a row: one colour over them, as it is or blended.
void fill(std::uint32_t* row, int lo, int hi, std::uint32_t px) {
    const unsigned a = px >> 24;
    if (a == 255) fill_opaque(row + lo, static_cast<std::size_t>(hi - lo), px);
    else if (a != 0) for (int x = lo; x < hi; ++x) row[x] = blend(row[x], px);
}

// The colour at barycentric weights w0..w2 of three vertices' colours.
std::uint32_t mix(std::uint32_t c0, std::uint32_t c1, std::uint32_t c2, float w0, float w1, float w2) {
    std::uint32_t out = 0;
    for (int shift = 0; shift < 32; shift += 8) {
        const float c = w0 * static_cast<float>((c0 >> shift) & 255) + w1 * static_cast<float>((c1 >> shift) & 255) +
                        w2 * static_cast<float>((c2 >> shift) & 255);
        out |= static_cast<std::uint32_t>(std::clamp(static_cast<int>(c + 0.5f), 0, 255)) << shift;
    }
    return out;
}

inline std::uint32_t sample(const Texture& t, float u, float v) {
    const int x = std::clamp(static_cast<int>(u * static_cast<float>(t.w)), 0, t.w - 1);
    const int y = std::clamp(static_cast<int>(v * static_cast<float>(t.h)), 0, t.h - 1);
    return t.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(t.w) + static_cast<std::size_t>(x)];
}

// An edge a*x + b*y + c, positive inside; `top_left`: pixel centres exactly on it are in.
struct Edge {
    float a, b, c;
    bool top_left;
    float at(float x, float y) const { return a * x + b * y + c; }
};

// The edge from p to q of a triangle wound so that its inside is on the positive side.
Edge edge(const Vertex& p, const Vertex& q) {
    Edge e{p.y - q.y, q.x - p.x, p.x * q.y - p.y * q.x, false};
    // (a, b) points inside: a top edge (horizontal, inside below, y down) has a == 0 and
    // b > 0; a left edge (inside to its right) has a > 0.
    e.top_left = (e.a == 0 && e.b > 0) || e.a > 0;
    return e;
}

// Where an edge crosses a row: the columns of the row's pixel centres it leaves inside.
// Computed afresh for each row (not stepped from the last), so that two triangles sharing
// the edge agree exactly on every row.
struct Crossing {
    Edge e;
    float inv_a;
    explicit Crossing(const Edge& edge) : e(edge), inv_a(edge.a != 0 ? 1.0f / edge.a : 0) {}
    // Narrows [lo, hi) to the inside on the row whose centre line is at yc.
    void narrow(float yc, int& lo, int& hi) const {
        const float r = e.b * yc + e.c;  // e(x) = a*x + r
        if (e.a == 0) {
            if (r < 0 || (r == 0 && !e.top_left)) hi = lo;
            return;
        }
        const float f = -r * inv_a - 0.5f;  // e is 0 at x = f + 0.5; pixel i's centre is i + 0.5
        if (e.a > 0) {  // in where x > t (or x >= t)
            int i = static_cast<int>(std::ceil(f));
            if (static_cast<float>(i) == f && !e.top_left) ++i;
            lo = std::max(lo, i);
        } else {        // in where x < t (or x <= t)
            int i = static_cast<int>(std::floor(f));
            if (static_cast<float>(i) == f && !e.top_left) --i;
            hi = std::min(hi, i + 1);
        }
    }
};

void triangle(Image img, const Texture& tex, Vertex p0, Vertex p1, Vertex p2, const Clip& clip) {
    const float ymin = std::min({p0.y, p1.y, p2.y}), ymax = std::max({p0.y, p1.y, p2.y});
    const int row0 = std::max(clip.y0, static_cast<int>(std::floor(ymin))), row1 = std::min(clip.y1, static_cast<int>(std::ceil(ymax)) + 1);
    if (!(row0 < row1)) return;  // (NaN: false)
    float area = (p1.x - p0.x) * (p2.y - p0.y) - (p1.y - p0.y) * (p2.x - p0.x);
    if (area == 0 || !std::isfinite(area)) return;
    if (area < 0) {  // the other winding: swap so that the inside is positive
        std::swap(p1, p2);
        area = -area;
    }
    const float xmin = std::min({p0.x, p1.x, p2.x}), xmax = std::max({p0.x, p1.x, p2.x});
    const int col0 = std::max(clip.x0, static_cast<int>(std::floor(xmin))), col1 = std::min(clip.x1, static_cast<int>(std::ceil(xmax)) + 1);
    if (col0 >= col1) return;

    // One colour and one texel for the whole triangle (solid fills: ImGui's white pixel),
    // or interpolated per pixel.
    const bool flat = p0.col == p1.col && p1.col == p2.col && p0.u == p1.u && p1.u == p2.u && p0.v == p1.v && p1.v == p2.v;
    const std::uint32_t flat_px = flat ? modulate(p0.col, sample(tex, p0.u, p0.v)) : 0;
    if (flat && (flat_px >> 24) == 0) return;
    const bool same_col = p0.col == p1.col && p1.col == p2.col;  // glyphs: only the texture varies
    // ImGui's anti-aliased edges: one texel, one colour, only the alpha fading out.
    const bool fade = !flat && p0.u == p1.u && p1.u == p2.u && p0.v == p1.v && p1.v == p2.v &&
                      ((p0.col ^ p1.col) & 0xffffffu) == 0 && ((p1.col ^ p2.col) & 0xffffffu) == 0;
    const std::uint32_t fade_px = fade ? modulate(p0.col | 0xff000000u, sample(tex, p0.u, p0.v)) : 0;
    const float a0 = static_cast<float>(p0.col >> 24), a1 = static_cast<float>(p1.col >> 24), a2 = static_cast<float>(p2.col >> 24);
    const float inv = 1.0f / area;

    const Edge e0 = edge(p1, p2), e1 = edge(p2, p0), e2 = edge(p0, p1);  // e_k is 0 on the side opposite vertex k
    const Crossing c0(e0), c1(e1), c2(e2);
    for (int y = row0; y < row1; ++y) {
        const float yc = static_cast<float>(y) + 0.5f;
        int lo = col0, hi = col1;
        c0.narrow(yc, lo, hi);
        c1.narrow(yc, lo, hi);
        c2.narrow(yc, lo, hi);
        if (lo >= hi) continue;
        std::uint32_t* row = img.pixels + static_cast<std::size_t>(y - img.top) * static_cast<std::size_t>(img.w);
        if (flat) {
            fill(row, lo, hi, flat_px);
            continue;
        }
        if (fade) {
            const unsigned texel_a = fade_px >> 24;
            for (int x = lo; x < hi; ++x) {
                const float xc = static_cast<float>(x) + 0.5f;
                const float w0 = e0.at(xc, yc) * inv, w1 = e1.at(xc, yc) * inv, w2 = 1.0f - w0 - w1;
                const unsigned a = static_cast<unsigned>(std::clamp(static_cast<int>(w0 * a0 + w1 * a1 + w2 * a2 + 0.5f), 0, 255));
                row[x] = blend(row[x], (fade_px & 0xffffffu) | mul255(a, texel_a) << 24);
            }
            continue;
        }
        for (int x = lo; x < hi; ++x) {
            const float xc = static_cast<float>(x) + 0.5f;
            const float w0 = e0.at(xc, yc) * inv, w1 = e1.at(xc, yc) * inv, w2 = 1.0f - w0 - w1;
            const std::uint32_t col = same_col ? p0.col : mix(p0.col, p1.col, p2.col, w0, w1, w2);
            const float u = w0 * p0.u + w1 * p1.u + w2 * p2.u, v = w0 * p0.v + w1 * p1.v + w2 * p2.v;
            row[x] = blend(row[x], modulate(col, sample(tex, u, v)));
        }
    }
}

// An axis-aligned rectangle with its texture mapped straight onto it, as ImGui draws
// glyphs, images and plain fills (two triangles, four corners): drawn without
// interpolating per pixel. The same pixels as its two triangles would be.
bool rectangle(Image img, const Texture& tex, const Vertex* vtx, const std::uint16_t* idx, const Clip& clip) {
    // ImGui's order: corners a b c d clockwise from the top left, triangles a b c and a c d.
    if (idx[3] != idx[0] || idx[4] != idx[2]) return false;
    const Vertex &a = vtx[idx[0]], &b = vtx[idx[1]], &c = vtx[idx[2]], &d = vtx[idx[5]];
    if (!(a.y == b.y && b.x == c.x && c.y == d.y && d.x == a.x && a.v == b.v && b.u == c.u && c.v == d.v && d.u == a.u)) return false;
    if (a.col != b.col || b.col != c.col || c.col != d.col) return false;
    if (!(a.x < c.x && a.y < c.y)) return false;  // flipped, empty or not finite: as triangles
    const int col0 = std::max(clip.x0, static_cast<int>(std::ceil(a.x - 0.5f))), col1 = std::min(clip.x1, static_cast<int>(std::ceil(c.x - 0.5f)));
    const int row0 = std::max(clip.y0, static_cast<int>(std::ceil(a.y - 0.5f))), row1 = std::min(clip.y1, static_cast<int>(std::ceil(c.y - 0.5f)));
    if (col0 >= col1 || row0 >= row1) return true;
    const float du = (c.u - a.u) / (c.x - a.x), dv = (c.v - a.v) / (c.y - a.y);
    const bool flat = a.u == c.u && a.v == c.v;
    const std::uint32_t flat_px = flat ? modulate(a.col, sample(tex, a.u, a.v)) : 0;
    for (int y = row0; y < row1; ++y) {
        std::uint32_t* row = img.pixels + static_cast<std::size_t>(y - img.top) * static_cast<std::size_t>(img.w);
        if (flat) {
            fill(row, col0, col1, flat_px);
            continue;
        }
        const float v = a.v + (static_cast<float>(y) + 0.5f - a.y) * dv;
        const int ty = std::clamp(static_cast<int>(v * static_cast<float>(tex.h)), 0, tex.h - 1);
        const std::uint32_t* texels = tex.pixels + static_cast<std::size_t>(ty) * static_cast<std::size_t>(tex.w);
        for (int x = col0; x < col1; ++x) {
            const float u = a.u + (static_cast<float>(x) + 0.5f - a.x) * du;
            const std::uint32_t t = texels[std::clamp(static_cast<int>(u * static_cast<float>(tex.w)), 0, tex.w - 1)];
            if ((t >> 24) != 0) row[x] = blend(row[x], modulate(a.col, t));
        }
    }
    return true;
}

}  // namespace

void clear(Image target, std::uint32_t rgba) {
    fill_opaque(target.pixels, static_cast<std::size_t>(target.w) * static_cast<std::size_t>(target.h), rgba);
}

void draw(Image target, Texture tex, const Vertex* vtx, const std::uint16_t* idx, int count, Clip clip) {
    clip.x0 = std::max(clip.x0, 0);
    clip.y0 = std::max(clip.y0, target.top);
    clip.x1 = std::min(clip.x1, target.w);
    clip.y1 = std::min(clip.y1, target.top + target.h);
    if (clip.x0 >= clip.x1 || clip.y0 >= clip.y1 || tex.w <= 0 || tex.h <= 0) return;
    for (int i = 0; i + 2 < count; i += 3) {
        if (i + 5 < count && rectangle(target, tex, vtx, idx + i, clip)) {
            i += 3;
            continue;
        }
        triangle(target, tex, vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], clip);
    }
}

}  // namespace linli::raster
