// Linli's look: light, high-contrast colours readable outdoors and by older eyes, and
// sizes made for fingers (hit targets of at least 48 CSS pixels), scaled with the text.
#pragma once
#include "imgui.h"

namespace linli::ui {

// One palette. Text meets WCAG AAA (7:1) against the background it is drawn on, and every
// control's edge 3:1 against what surrounds it (tests/browser/contrast.test.mjs samples the
// rendered pixels). Ratios against the page (page) / a card (white), as designed:
namespace colors {
inline constexpr ImVec4 text{0.07f, 0.08f, 0.09f, 1.0f};         // 17:1 / 18:1
inline constexpr ImVec4 muted{0.25f, 0.27f, 0.30f, 1.0f};        // hints: 8.9:1 / 9.7:1
inline constexpr ImVec4 page{0.97f, 0.96f, 0.94f, 1.0f};
inline constexpr ImVec4 card{1.0f, 1.0f, 1.0f, 1.0f};
inline constexpr ImVec4 accent{0.02f, 0.32f, 0.30f, 1.0f};       // deep teal: 8.4:1 / 9.1:1; white on it 9.1:1
inline constexpr ImVec4 accent_text{1.0f, 1.0f, 1.0f, 1.0f};
inline constexpr ImVec4 pinned{0.58f, 0.07f, 0.05f, 1.0f};       // notice-board red, warnings: 8.2:1 / 8.9:1
inline constexpr ImVec4 pass{0.04f, 0.34f, 0.13f, 1.0f};         // a threshold reached: 8.1:1 / 8.8:1
inline constexpr ImVec4 line{0.50f, 0.50f, 0.48f, 1.0f};         // control edges: 3.6:1 / 3.9:1
inline constexpr ImVec4 selected{0.86f, 0.93f, 0.92f, 1.0f};     // a chosen option's card
inline constexpr ImVec4 tab_bar{0.92f, 0.91f, 0.88f, 1.0f};      // under the tabs (edges 3.2:1)
inline constexpr ImVec4 bar{0.88f, 0.88f, 0.85f, 1.0f};          // a result bar's empty part
inline constexpr ImVec4 on_accent{0.85f, 0.95f, 0.93f, 1.0f};    // "已保存" in the header: 7.8:1
inline constexpr ImVec4 on_accent_warn{1.0f, 0.94f, 0.62f, 1.0f};  // "未能保存" there: 7.9:1
// Each notice topic's colour (records.h NoticeTopic order), with its character in white on
// it (8.8:1 to 10:1): general, parking, elevator, roster, safety, event, works.
inline constexpr ImVec4 topic[] = {{0.02f, 0.32f, 0.30f, 1.0f}, {0.10f, 0.24f, 0.55f, 1.0f}, {0.36f, 0.17f, 0.52f, 1.0f},
                                   {0.40f, 0.25f, 0.04f, 1.0f}, {0.58f, 0.07f, 0.05f, 1.0f}, {0.04f, 0.34f, 0.13f, 1.0f},
                                   {0.45f, 0.20f, 0.02f, 1.0f}};
}  // namespace colors

// Base text size in CSS pixels for "standard"; large and extra large scale from it.
inline constexpr float kBaseFontSize = 20.0f;

void apply_theme(float scale);  // scale 1.0 = standard text size

}  // namespace linli::ui
