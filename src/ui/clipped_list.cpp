#include "ui/clipped_list.h"

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/widget_log.h"

namespace linli::ui {

void clipped_list(std::size_t count, ItemHeights& h, const std::function<const std::string&(std::size_t)>& key,
                  const std::function<std::string(std::size_t)>& button, const std::function<void(std::size_t)>& draw) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    bool mirror_all = count <= kMirrorAll;
    float width = ImGui::GetContentRegionAvail().x, font = ImGui::GetFontSize();
    if (h.width != width || h.font != font) h = ItemHeights{.width = width, .font = font};
    const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
    float screen = clip.GetHeight(), spacing = ImGui::GetStyle().ItemSpacing.y;
    float near_top = clip.Min.y - screen, near_bottom = clip.Max.y + 2 * screen;
    float gap = 0;  // heights of the items passed over since the last one drawn
    auto close_gap = [&] {
        if (gap > 0) ImGui::Dummy(ImVec2(0, std::max(0.0f, gap - spacing)));  // Dummy adds the spacing back
        gap = 0;
    };
    h.drawn = 0;
    double total = 0;
    int measured = 0;
    for (std::size_t i = 0; i < count; ++i) {
        auto it = h.of.find(key(i));
        float guess = it != h.of.end() ? it->second : (h.typical > 0 ? h.typical : screen * 0.25f);
        float y = ImGui::GetCursorScreenPos().y + gap;
        if (y + guess < near_top || y > near_bottom) {
            if (mirror_all) {
                // Not laid out, but in the mirror; pressed there, it is laid out this frame.
                std::string label = button(i);
                ImGuiID id = ImGui::GetID(label.c_str());
                if (g.NavActivateId != id && g.NavNextActivateId != id) {
                    ImGuiTestEngineHook_ItemInfo(&g, id, label.c_str(), ImGuiItemStatusFlags_None);
                    WidgetLog::hidden_at(ImGui::GetCursorScreenPos().x, y, guess);
                    gap += guess;
                    continue;
                }
            } else {
                gap += guess;
                continue;
            }
        }
        close_gap();
        float before = ImGui::GetCursorPosY();
        draw(i);
        float moved = ImGui::GetCursorPosY() - before;
        h.of[key(i)] = moved;
        total += moved;
        ++measured;
        ++h.drawn;
    }
    close_gap();
    if (measured > 0) h.typical = static_cast<float>(total / measured);
}

}  // namespace linli::ui
