// ImGui's renderer for WebGL2, in place of its OpenGL3 backend, in two halves: this one
// walks ImGui's textures and draw lists, web/linli_gl.js makes the GL calls. That
// backend saves and restores every GL state around each frame and checks its shaders
// and looks up their uniforms when it makes them; in a browser each of those queries
// waits until the GPU process has caught up with all that was queued before it
// (measured here: 5-90 ms each, one or two every frame). Linli owns its context, so
// its state is set once, and nothing is read back while drawing.
#include "platform/web/webgl_renderer.h"

#include <cstdint>

#include "imgui.h"
#include "platform/web/framebuffer.h"

extern "C" {
// web/linli_library.js
int linli_js_gl_ready();
int linli_js_gl_up();
void linli_js_gl_texture(int id, int w, int h, int x, int y, int rw, int rh, const void* pixels);
void linli_js_gl_free_texture(int id);
void linli_js_gl_begin(int w, int h, float sx, float sy, float ox, float oy, float r, float g, float b);
void linli_js_gl_list(const void* vtx, int vtx_bytes, const void* idx, int idx_bytes);
void linli_js_gl_draw(int texture, int x, int y, int w, int h, int count, int offset);
void linli_js_gl_end();
}

namespace linli::platform::webgl {
namespace {

static_assert(sizeof(ImDrawVert) == 20 && sizeof(ImDrawIdx) == 2, "web/linli_gl.js reads this layout");

int g_next_texture = 1;

void update_texture(ImTextureData* tex) {
    if (tex->Status == ImTextureStatus_WantCreate) {
        IM_ASSERT(tex->Format == ImTextureFormat_RGBA32);
        const int id = g_next_texture++;
        linli_js_gl_texture(id, tex->Width, tex->Height, 0, 0, tex->Width, tex->Height, tex->GetPixels());
        tex->SetTexID(static_cast<ImTextureID>(id));
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantUpdates) {
        // Only regions never drawn with before are written.
        const int id = static_cast<int>(tex->TexID);
        for (const ImTextureRect& r : tex->Updates)
            linli_js_gl_texture(id, tex->Width, tex->Height, r.x, r.y, r.w, r.h, tex->GetPixels());
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
        linli_js_gl_free_texture(static_cast<int>(tex->TexID));
        tex->SetTexID(ImTextureID_Invalid);
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
}

}  // namespace

void attach() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "linli_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // no VtxOffset: WebGL2 has no base vertex
    // WebGL2's guaranteed minimum: asking the context for more would wait for the GPU.
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Renderer_TextureMaxWidth = pio.Renderer_TextureMaxHeight = 2048;
}

bool ready() { return linli_js_gl_ready() != 0; }

bool gpu_up() { return linli_js_gl_up() != 0; }

void render(ImDrawData* data, int fb_w, int fb_h) {
    if (data->Textures)
        for (ImTextureData* tex : *data->Textures)
            if (tex->Status != ImTextureStatus_OK) update_texture(tex);

    // Display coordinates (top left at DisplayPos, y down) to clip space (y up).
    const float L = data->DisplayPos.x, T = data->DisplayPos.y;
    const float W = data->DisplaySize.x > 0 ? data->DisplaySize.x : 1, H = data->DisplaySize.y > 0 ? data->DisplaySize.y : 1;
    linli_js_gl_begin(fb_w, fb_h, 2.0f / W, -2.0f / H, -1.0f - 2.0f * L / W, 1.0f + 2.0f * T / H,
                      kPageRGB[0] / 255.0f, kPageRGB[1] / 255.0f, kPageRGB[2] / 255.0f);

    for (const ImDrawList* list : data->CmdLists) {
        linli_js_gl_list(list->VtxBuffer.Data, list->VtxBuffer.Size * static_cast<int>(sizeof(ImDrawVert)),
                         list->IdxBuffer.Data, list->IdxBuffer.Size * static_cast<int>(sizeof(ImDrawIdx)));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const PixelRect c = clip_in_pixels(cmd, *data);
            if (c.x1 <= c.x0 || c.y1 <= c.y0) continue;
            // WebGL's scissor counts rows from the bottom.
            linli_js_gl_draw(static_cast<int>(cmd.GetTexID()), c.x0, fb_h - c.y1, c.x1 - c.x0, c.y1 - c.y0, static_cast<int>(cmd.ElemCount),
                             static_cast<int>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    linli_js_gl_end();
}

}  // namespace linli::platform::webgl
