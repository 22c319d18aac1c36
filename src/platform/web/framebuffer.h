// What the two renderers (webgl_renderer.cpp, software_renderer.cpp) agree on about the
// framebuffer, so that a frame looks the same whichever drew it.
#pragma once

#include <cstdint>

#include "imgui.h"

namespace linli::platform {

// The page's colour under every frame (#f7f5f0, as shell/index.html): R, G, B.
constexpr std::uint8_t kPageRGB[3] = {247, 245, 240};

// A draw command's clip rectangle in framebuffer pixels (y down): x0 <= x < x1, y0 <= y < y1.
struct PixelRect {
    int x0, y0, x1, y1;
};
inline PixelRect clip_in_pixels(const ImDrawCmd& cmd, const ImDrawData& data) {
    const float L = data.DisplayPos.x, T = data.DisplayPos.y;
    const ImVec2 s = data.FramebufferScale;
    return {static_cast<int>((cmd.ClipRect.x - L) * s.x), static_cast<int>((cmd.ClipRect.y - T) * s.y),
            static_cast<int>((cmd.ClipRect.z - L) * s.x), static_cast<int>((cmd.ClipRect.w - T) * s.y)};
}

}  // namespace linli::platform
