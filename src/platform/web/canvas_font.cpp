// Glyphs from the phone's own fonts. An ImGui 1.92 font loader (ImFontLoader) that has
// the browser draw each glyph on demand into a 2D canvas (web/linli_fonts.js), so a
// device with Chinese fonts downloads none. A glyph the system fonts lack (found by
// comparing it with the "missing" box, not by non-empty pixels) comes from Linli's
// own font, from the one slice of it that holds the character, fetched as a web font
// the first time one of its characters is needed. Until the browser's GPU process has
// answered the page, a canvas would stop the page to wait for it: the glyphs a frame needs
// are then drawn together as an image (web/linli_glyph_images.js), and the frame is held
// back until their pixels are in.
//
// ImGui picks its default loader at compile time: stb_truetype, or with
// IMGUI_ENABLE_FREETYPE whatever ImGuiFreeType::GetFontLoader() returns. Linli defines
// IMGUI_ENABLE_FREETYPE and answers that call with this loader, so stb_truetype is not
// linked at all.
#include <emscripten.h>

#include <algorithm>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/web/canvas_font.h"
#include "platform/web/software_renderer.h"

extern "C" {
// web/linli_library.js
float linli_js_font_init(int source);  // ascent as a share of the line height (ascent + descent)
int linli_js_font_has(int source, int codepoint);
// Measures a glyph and, with want_pixels, draws it; out[0..4] = width, height (device pixels),
// x0, y0 (device pixels from the pen on the baseline), advance (ImGui units). Returns -1 when
// its pixels wait for linli_js_font_pixels, or a token for linli_js_font_take once
// linli_font_images_arrived is called.
int linli_js_font_glyph(int source, int codepoint, float size, float density, int want_pixels, float* out);
void linli_js_font_pixels(unsigned char* dst);
int linli_js_font_take(int token, int* left_top);  // 1: it is in the image linli_font_images_arrived has
void linli_js_font_fallback_want(int codepoint);
}

namespace linli::platform {
namespace {

// Source 0: the system's fonts; source 1: Linli's own, a slice fetched when first needed.
struct SourceData {
    int source = 0;
    float ascent_share = 0.8f;
    bool measured = false;
};

SourceData g_sources[2] = {{0}, {1}};

// Glyphs whose place in the atlas waits for pixels drawn as an image.
struct Awaited {
    int token;
    ImFontAtlasRectId rect;
    int w, h;
};
std::vector<Awaited> g_awaited;

int source_of(ImFontConfig* src) { return static_cast<const SourceData*>(src->FontLoaderData)->source; }

// Nothing is measured yet: the first use of a canvas waits until the browser's GPU
// process is up, and start-up has other work to do meanwhile (see baked_init).
bool src_init(ImFontAtlas*, ImFontConfig* src) {
    src->FontLoaderData = &g_sources[src->MergeMode ? 1 : 0];
    return true;
}

bool contains(ImFontAtlas*, ImFontConfig* src, ImWchar c) {
    int s = source_of(src);
    if (linli_js_font_has(s, c)) return true;
    if (s == 0 && c > 0x7F) linli_js_font_fallback_want(c);  // the phone cannot draw it
    return false;
}

bool baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    if (!src->MergeMode) {
        // The merged source (Linli's own font) is measured when a slice of it arrives.
        SourceData* d = static_cast<SourceData*>(src->FontLoaderData);
        if (!d->measured) {
            d->ascent_share = linli_js_font_init(d->source);
            d->measured = true;
        }
        baked->Ascent = ImCeil(baked->Size * d->ascent_share);
        baked->Descent = -ImCeil(baked->Size * (1.0f - d->ascent_share));
    }
    return true;
}

bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar c, ImFontGlyph* out,
                float* out_advance) {
    if (!contains(atlas, src, c)) return false;
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    float m[5] = {};
    const int token = linli_js_font_glyph(source_of(src), c, baked->Size, density, out_advance ? 0 : 1, m);
    if (out_advance) {
        *out_advance = m[4];
        return true;
    }
    out->Codepoint = c;
    out->AdvanceX = m[4];
    const int w = static_cast<int>(m[0]), h = static_cast<int>(m[1]);
    if (w <= 0 || h <= 0) return true;  // a space: an advance and nothing to draw
    ImFontAtlasRectId id = ImFontAtlasPackAddRect(atlas, w, h);
    if (id == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, id);
    ImFontAtlasBuilder* builder = atlas->Builder;
    builder->TempBuffer.resize(w * h);
    if (token >= 0) {
        std::fill(builder->TempBuffer.begin(), builder->TempBuffer.end(), 0);  // blank until its pixels come
        g_awaited.push_back({token, id, w, h});
    } else {
        linli_js_font_pixels(builder->TempBuffer.Data);
    }
    const float top = IM_ROUND(baked->Ascent);
    out->X0 = m[2] / density;
    out->Y0 = m[3] / density + top;
    out->X1 = (m[2] + w) / density;
    out->Y1 = (m[3] + h) / density + top;
    out->Visible = true;
    out->PackId = id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out, r, builder->TempBuffer.Data, ImTextureFormat_Alpha8, w);
    return true;
}

const ImFontLoader& loader() {
    static ImFontLoader l = [] {
        ImFontLoader x;
        x.Name = "canvas";
        x.FontSrcInit = src_init;
        x.FontSrcContainsGlyph = contains;
        x.FontBakedInit = baked_init;
        x.FontBakedLoadGlyph = load_glyph;
        return x;
    }();
    return l;
}

void discard_glyphs() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (ImFont* f : atlas->Fonts) ImFontAtlasFontDiscardBakes(atlas, f, 0);
    software::invalidate();  // glyphs drawn again may land where others were
}

// Images of glyphs (web/linli_glyph_images.js): 4 bytes a pixel, alpha the fourth.
const unsigned char* alpha_at(const unsigned char* image, int stride, int x, int y) { return image + y * stride + x * 4 + 3; }

// The awaited glyphs that are in `image` go where the atlas keeps them.
void take_awaited(const unsigned char* image, int stride) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImTextureData* tex = atlas->TexData;
    ImVector<unsigned char>& alpha = atlas->Builder->TempBuffer;
    std::erase_if(g_awaited, [&](const Awaited& a) {
        int cell[2];
        if (!linli_js_font_take(a.token, cell)) return false;  // in a later image
        // Gone if its bake was discarded meanwhile; moved if the atlas grew.
        ImTextureRect* r = ImFontAtlasPackGetRectSafe(atlas, a.rect);
        if (!r) return true;
        alpha.resize(a.w * a.h);
        for (int y = 0; y < a.h; ++y)
            for (int x = 0; x < a.w; ++x) alpha[y * a.w + x] = *alpha_at(image, stride, cell[0] + x, cell[1] + y);
        ImFontAtlasTextureBlockConvert(alpha.Data, ImTextureFormat_Alpha8, a.w, static_cast<unsigned char*>(tex->GetPixelsAt(r->x, r->y)),
                                       tex->Format, tex->GetPitch(), a.w, a.h);
        ImFontAtlasTextureBlockQueueUpload(atlas, tex, r->x, r->y, a.w, a.h);
        return true;
    });
    software::invalidate();
}

}  // namespace

bool glyphs_awaited() { return !g_awaited.empty(); }

void add_canvas_fonts(float size) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig system;
    system.FontLoader = &loader();
    system.SizePixels = size;
    system.PixelSnapH = true;  // whole-pixel advances: crisp Latin next to Chinese
    ImStrncpy(system.Name, "system", sizeof system.Name);
    atlas->AddFont(&system);
    ImFontConfig fallback = system;
    fallback.MergeMode = true;
    ImStrncpy(fallback.Name, "linli-cjk", sizeof fallback.Name);
    atlas->AddFont(&fallback);
}

}  // namespace linli::platform

// ImGui asks this for its default font loader when built with IMGUI_ENABLE_FREETYPE.
namespace ImGuiFreeType {
const ImFontLoader* GetFontLoader() { return &linli::platform::loader(); }
}

// A slice of Linli's own font arrived: glyphs drawn as missing so far are drawn again.
extern "C" EMSCRIPTEN_KEEPALIVE void linli_font_fallback_ready() { linli::platform::discard_glyphs(); }

// Whether two w x h cells of an image of glyphs have the same alpha (a character drawn as
// the "missing" box).
extern "C" EMSCRIPTEN_KEEPALIVE int linli_font_same_pixels(const unsigned char* image, int stride, int x1, int y1, int x2, int y2,
                                                          int w, int h) {
    using linli::platform::alpha_at;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (*alpha_at(image, stride, x1 + x, y1 + y) != *alpha_at(image, stride, x2 + x, y2 + y)) return 0;
    return 1;
}

// An image of glyphs has been drawn: their pixels go into the atlas. `lacking`: some
// characters taken to be the system's are not, and are looked up again.
extern "C" EMSCRIPTEN_KEEPALIVE void linli_font_images_arrived(const unsigned char* image, int stride, int lacking) {
    linli::platform::take_awaited(image, stride);
    if (lacking) linli::platform::discard_glyphs();  // the frame held back shows some wrongly: a new one comes
    else linli::platform::present_held_frame();
}
