#include "ui/card.h"

#include "imgui.h"
#include "ui/theme.h"

namespace linli::ui {

bool card(const std::string& label, const std::string& id, const std::function<void()>& content) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImVec2 start = ImGui::GetCursorScreenPos();
    float width = ImGui::GetContentRegionAvail().x;
    float pad = style.FramePadding.x;

    // The content lives in a child window sized to it, so its available width is the
    // card's inner width. A child draws after its parent: the background goes below.
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginChild(("card-" + id).c_str(), ImVec2(width - 2 * pad, 0), ImGuiChildFlags_AutoResizeY,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoInputs);
    content();
    ImGui::EndChild();
    ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(start, end, ImGui::GetColorU32(colors::card), style.FrameRounding);
    // White on the warm page is 1.1:1: the edge is what shows where a card is.
    dl->AddRect(start, end, ImGui::GetColorU32(colors::line), style.FrameRounding, 0, 1.5f);
    ImGui::SetCursorScreenPos(start);
    bool tapped = ImGui::InvisibleButton(card_label(label, id).c_str(), ImVec2(width, end.y - start.y));
    if (ImGui::IsItemActive()) dl->AddRectFilled(start, end, IM_COL32(0, 0, 0, 18), style.FrameRounding);
    return tapped;
}

std::string card_label(const std::string& label, const std::string& id) { return label + "##" + id; }

}  // namespace linli::ui
