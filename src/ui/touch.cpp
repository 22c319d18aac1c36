#include "ui/touch.h"

#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"

namespace linli::ui {
namespace {
// CSS px a finger moves before a tap becomes a drag: generous, for hands that shake a
// little (a press that moved 16 px was lost as a scroll).
constexpr float kDragStart = 20.0f;
constexpr float kFriction = 4.0f;     // coasting slows by e^-4 a second
constexpr float kMinSpeed = 30.0f;    // px/s below which coasting stops
}  // namespace

bool touch_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID k_track = ImGui::GetID("##touch-track"), k_drag = ImGui::GetID("##touch-drag"),
                  k_moved = ImGui::GetID("##touch-moved"), k_speed = ImGui::GetID("##touch-speed");
    bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
    bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);

    if (touch && ImGui::IsMouseClicked(0) && hovered) {
        st->SetBool(k_track, true);
        st->SetBool(k_drag, false);
        st->SetFloat(k_moved, 0);
        st->SetFloat(k_speed, 0);
    }
    float speed = st->GetFloat(k_speed, 0);
    if (st->GetBool(k_track)) {
        if (ImGui::IsMouseDown(0)) {
            float dy = io.MouseDelta.y;
            st->SetFloat(k_moved, st->GetFloat(k_moved) + std::fabs(dy));
            ImGuiContext& g = *ImGui::GetCurrentContext();
            bool typing = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
            if (!typing && st->GetFloat(k_moved) > kDragStart) {
                if (!st->GetBool(k_drag)) ImGui::ClearActiveID();  // a drag, not a tap
                st->SetBool(k_drag, true);
                ImGui::SetScrollY(ImGui::GetScrollY() - dy);
                if (io.DeltaTime > 0) speed = 0.6f * speed + 0.4f * (dy / io.DeltaTime);
            }
        } else {
            st->SetBool(k_track, false);
            if (!st->GetBool(k_drag)) speed = 0;
        }
    }
    bool coasting = !st->GetBool(k_track) && std::fabs(speed) > kMinSpeed;
    if (coasting) {
        ImGui::SetScrollY(ImGui::GetScrollY() - speed * io.DeltaTime);
        speed *= std::exp(-kFriction * io.DeltaTime);
        float y = ImGui::GetScrollY();
        if (y <= 0 || y >= ImGui::GetScrollMaxY()) speed = 0;  // stopped by an end
    } else if (!st->GetBool(k_track)) {
        speed = 0;
    }
    st->SetFloat(k_speed, speed);
    return coasting || st->GetBool(k_drag);
}

void keep_field_in_view(bool tapped) {
    ImGuiStorage* st = ImGui::GetStateStorage();
    ImGuiID seen = ImGui::GetID("##display-height");
    float h = ImGui::GetIO().DisplaySize.y;
    bool resized = st->GetFloat(seen, h) != h;
    st->SetFloat(seen, h);
    if ((tapped || resized) && !ImGui::GetCurrentWindow()->ClipRect.Contains(ImGui::GetCurrentContext()->LastItemData.Rect))
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
}

}  // namespace linli::ui
