// Linli's look: light, high-contrast colours readable outdoors, and sizes made for
// fingers (hit targets of at least 48 CSS pixels), scaled together with the text.
#pragma once
#include "imgui.h"

namespace linli::ui {

namespace colors {
inline constexpr ImVec4 text{0.07f, 0.08f, 0.09f, 1.0f};
inline constexpr ImVec4 muted{0.30f, 0.32f, 0.35f, 1.0f};
inline constexpr ImVec4 page{0.97f, 0.96f, 0.94f, 1.0f};
inline constexpr ImVec4 card{1.0f, 1.0f, 1.0f, 1.0f};
inline constexpr ImVec4 accent{0.04f, 0.40f, 0.38f, 1.0f};       // deep teal
inline constexpr ImVec4 accent_text{1.0f, 1.0f, 1.0f, 1.0f};
inline constexpr ImVec4 pinned{0.70f, 0.11f, 0.09f, 1.0f};       // notice-board red
inline constexpr ImVec4 line{0.80f, 0.79f, 0.76f, 1.0f};
}  // namespace colors

// Base text size in CSS pixels for "standard"; large and extra large scale from it.
inline constexpr float kBaseFontSize = 20.0f;

void apply_theme(float scale);  // scale 1.0 = standard text size

}  // namespace linli::ui
