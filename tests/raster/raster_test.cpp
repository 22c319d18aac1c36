// The CPU rasterizer against what a GPU would draw: which pixels, each once, what colour.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "raster/raster.h"

using linli::raster::Clip;
using linli::raster::Image;
using linli::raster::Texture;
using linli::raster::Vertex;

namespace {

constexpr std::uint32_t rgba(unsigned r, unsigned g, unsigned b, unsigned a) { return r | g << 8 | b << 16 | a << 24; }
constexpr std::uint32_t kWhite = rgba(255, 255, 255, 255);
constexpr std::uint32_t kBlack = rgba(0, 0, 0, 255);
const std::uint32_t kWhitePixel[1] = {kWhite};
const Texture kSolid{kWhitePixel, 1, 1};

struct Canvas {
    int w, h;
    std::vector<std::uint32_t> px;
    Canvas(int w_, int h_, std::uint32_t fill = kBlack) : w(w_), h(h_), px(static_cast<std::size_t>(w_ * h_), fill) {}
    Image image() { return Image{px.data(), w, h}; }
    std::uint32_t at(int x, int y) const { return px[static_cast<std::size_t>(y * w + x)]; }
    int count(std::uint32_t c) const {
        int n = 0;
        for (auto p : px) n += p == c;
        return n;
    }
};

// A rectangle as ImGui makes one: four corners, two triangles sharing the diagonal.
void quad(Canvas& c, float x0, float y0, float x1, float y1, std::uint32_t col, Texture tex = kSolid,
          float u0 = 0, float v0 = 0, float u1 = 0, float v1 = 0, Clip clip = {0, 0, 1 << 20, 1 << 20}) {
    const Vertex v[4] = {{x0, y0, u0, v0, col}, {x1, y0, u1, v0, col}, {x1, y1, u1, v1, col}, {x0, y1, u0, v1, col}};
    const std::uint16_t idx[6] = {0, 1, 2, 0, 2, 3};
    linli::raster::draw(c.image(), tex, v, idx, 6, clip);
}

}  // namespace

TEST_CASE("a rectangle covers the pixels whose centres are inside it, each once") {
    Canvas c(10, 10);
    // Half-transparent white over black: a pixel blended twice would come out brighter.
    quad(c, 2.0f, 3.0f, 7.0f, 6.0f, rgba(255, 255, 255, 128));
    const std::uint32_t once = c.at(2, 3);
    CHECK((once & 255) == 128);
    CHECK(c.count(once) == 5 * 3);
    CHECK(c.at(1, 3) == kBlack);
    CHECK(c.at(7, 3) == kBlack);
    CHECK(c.at(2, 6) == kBlack);
    // Edges between pixel centres: 2.4 .. 4.6 covers centres 2.5, 3.5 and 4.5.
    Canvas d(10, 10);
    quad(d, 2.4f, 0.0f, 4.6f, 1.0f, kWhite);
    CHECK(d.count(kWhite) == 3);
    CHECK(d.at(2, 0) == kWhite);
    CHECK(d.at(4, 0) == kWhite);
}

TEST_CASE("rectangles that share an edge leave no gap and no seam") {
    Canvas c(12, 4);
    quad(c, 0, 0, 5.5f, 4, rgba(255, 255, 255, 128));
    quad(c, 5.5f, 0, 12, 4, rgba(255, 255, 255, 128));
    CHECK(c.count(c.at(0, 0)) == 12 * 4);
    CHECK(c.at(0, 0) != kBlack);
}

TEST_CASE("either winding draws the same pixels") {
    Canvas a(8, 8), b(8, 8);
    const Vertex v[3] = {{1, 1, 0, 0, kWhite}, {7, 2, 0, 0, kWhite}, {3, 7, 0, 0, kWhite}};
    const std::uint16_t cw[3] = {0, 1, 2}, ccw[3] = {0, 2, 1};
    linli::raster::draw(a.image(), kSolid, v, cw, 3, {0, 0, 8, 8});
    linli::raster::draw(b.image(), kSolid, v, ccw, 3, {0, 0, 8, 8});
    CHECK(a.px == b.px);
    CHECK(a.count(kWhite) > 10);
}

TEST_CASE("a texture is sampled texel for texel and tinted by the vertex colour") {
    // A 4x2 "glyph": alpha only, as ImGui's atlas keeps them (white, alpha varies).
    const std::uint32_t tex_px[8] = {rgba(255, 255, 255, 0),   rgba(255, 255, 255, 255), rgba(255, 255, 255, 255), rgba(255, 255, 255, 0),
                                     rgba(255, 255, 255, 255), rgba(255, 255, 255, 0),   rgba(255, 255, 255, 0),   rgba(255, 255, 255, 255)};
    const Texture tex{tex_px, 4, 2};
    Canvas c(6, 4, rgba(247, 245, 240, 255));
    quad(c, 1, 1, 5, 3, rgba(200, 0, 0, 255), tex, 0, 0, 1, 1);
    const std::uint32_t bg = rgba(247, 245, 240, 255), red = rgba(200, 0, 0, 255);
    CHECK(c.at(1, 1) == bg);
    CHECK(c.at(2, 1) == red);
    CHECK(c.at(3, 1) == red);
    CHECK(c.at(4, 1) == bg);
    CHECK(c.at(1, 2) == red);
    CHECK(c.at(2, 2) == bg);
    CHECK(c.at(4, 2) == red);
    CHECK(c.at(0, 0) == bg);
}

TEST_CASE("colours are interpolated across a triangle, as ImGui's anti-aliased edges need") {
    // The outer vertex transparent: alpha falls from the opaque edge towards it.
    Canvas c(20, 3);
    const Vertex v[3] = {{0, 0, 0, 0, kWhite}, {0, 3, 0, 0, kWhite}, {20, 1.5f, 0, 0, rgba(255, 255, 255, 0)}};
    const std::uint16_t idx[3] = {0, 1, 2};
    linli::raster::draw(c.image(), kSolid, v, idx, 3, {0, 0, 20, 3});
    const unsigned near = c.at(0, 1) & 255, mid = c.at(9, 1) & 255, far = c.at(18, 1) & 255;
    CHECK(near > 240);
    CHECK(mid > 100);
    CHECK(mid < 160);
    CHECK(far < 25);
}

TEST_CASE("nothing is drawn outside the clip rectangle or the image") {
    Canvas c(10, 10);
    quad(c, -5, -5, 15, 15, kWhite, kSolid, 0, 0, 0, 0, Clip{2, 3, 6, 8});
    CHECK(c.count(kWhite) == 4 * 5);
    CHECK(c.at(2, 3) == kWhite);
    CHECK(c.at(5, 7) == kWhite);
    CHECK(c.at(6, 7) == kBlack);
    Canvas d(4, 4);
    quad(d, -100, -100, 100, 100, kWhite);
    CHECK(d.count(kWhite) == 16);
}

TEST_CASE("degenerate and non-finite triangles draw nothing") {
    Canvas c(8, 8);
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    const Vertex v[6] = {{1, 1, 0, 0, kWhite}, {5, 5, 0, 0, kWhite}, {3, 3, 0, 0, kWhite},  // on a line
                         {nan, 1, 0, 0, kWhite}, {inf, 5, 0, 0, kWhite}, {1, 7, 0, 0, kWhite}};
    const std::uint16_t idx[6] = {0, 1, 2, 3, 4, 5};
    linli::raster::draw(c.image(), kSolid, v, idx, 6, {0, 0, 8, 8});
    CHECK(c.count(kBlack) == 64);
}

TEST_CASE("clear fills every pixel") {
    Canvas c(3, 2);
    linli::raster::clear(c.image(), rgba(247, 245, 240, 255));
    CHECK(c.count(rgba(247, 245, 240, 255)) == 6);
}

TEST_CASE("a picture drawn in bands is the picture drawn whole") {
    const Vertex v[6] = {{1.3f, 0.7f, 0, 0, rgba(255, 0, 0, 200)}, {18.1f, 4.2f, 0, 0, rgba(0, 255, 0, 90)},  {6.6f, 19.4f, 0, 0, rgba(0, 0, 255, 255)},
                         {0, 10, 0, 0, rgba(255, 255, 255, 128)},  {20, 10.5f, 0, 0, rgba(255, 255, 255, 128)}, {10, 20, 0, 0, rgba(255, 255, 255, 128)}};
    const std::uint16_t idx[6] = {0, 1, 2, 3, 4, 5};
    Canvas whole(20, 20);
    linli::raster::draw(whole.image(), kSolid, v, idx, 6, {0, 0, 20, 20});
    Canvas banded(20, 20);
    for (int top = 0; top < 20; top += 3) {
        const int h = top + 3 <= 20 ? 3 : 20 - top;
        linli::raster::draw(Image{banded.px.data() + top * 20, 20, h, top}, kSolid, v, idx, 6, {0, 0, 20, 20});
    }
    CHECK(banded.px == whole.px);
    CHECK(whole.count(kBlack) < 300);
}

TEST_CASE("a rectangle drawn as one is what its two triangles draw") {
    std::vector<std::uint32_t> tex_px(16 * 8);
    for (std::size_t i = 0; i < tex_px.size(); ++i) tex_px[i] = rgba(255, 255, 255, static_cast<unsigned>(i * 37 % 256));
    const Texture tex{tex_px.data(), 16, 8};
    const std::uint32_t col = rgba(30, 120, 200, 230);
    for (const float x0 : {1.0f, 1.25f, 0.5f}) {
        const float x1 = x0 + 16, y0 = x0 + 1, y1 = y0 + 8;
        const Vertex v[4] = {{x0, y0, 0, 0, col}, {x1, y0, 1, 0, col}, {x1, y1, 1, 1, col}, {x0, y1, 0, 1, col}};
        const std::uint16_t as_rect[6] = {0, 1, 2, 0, 2, 3}, as_triangles[6] = {0, 1, 2, 2, 3, 0};
        Canvas a(20, 12), b(20, 12);
        linli::raster::draw(a.image(), tex, v, as_rect, 6, {0, 0, 20, 12});
        linli::raster::draw(b.image(), tex, v, as_triangles, 6, {0, 0, 20, 12});
        CAPTURE(x0);
        CHECK(a.px == b.px);
        CHECK(a.count(kBlack) < 20 * 12 - 16 * 8 + 20);
    }
}

TEST_CASE("an edge that only fades out is drawn as the general path draws it") {
    // With a 1x1 texture every UV is the same texel: varying UVs take the general path,
    // constant ones the fading edge's.
    const std::uint32_t col = rgba(10, 102, 97, 255), clear_col = rgba(10, 102, 97, 0);
    const Vertex fading[3] = {{0.3f, 0.2f, 0, 0, col}, {2.1f, 15.7f, 0, 0, col}, {17.9f, 8.4f, 0, 0, clear_col}};
    const Vertex general[3] = {{0.3f, 0.2f, 0, 0, col}, {2.1f, 15.7f, 0.5f, 0.5f, col}, {17.9f, 8.4f, 0.9f, 0.9f, clear_col}};
    const std::uint32_t grey[1] = {rgba(200, 200, 200, 230)};
    const Texture tex{grey, 1, 1};
    const std::uint16_t idx[3] = {0, 1, 2};
    Canvas a(20, 16, rgba(247, 245, 240, 255)), b(20, 16, rgba(247, 245, 240, 255));
    linli::raster::draw(a.image(), tex, fading, idx, 3, {0, 0, 20, 16});
    linli::raster::draw(b.image(), tex, general, idx, 3, {0, 0, 20, 16});
    CHECK(a.px == b.px);
    CHECK(a.count(rgba(247, 245, 240, 255)) < 20 * 16 - 60);
}
