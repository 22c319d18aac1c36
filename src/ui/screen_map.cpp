// Map: the compound's buildings and facilities. Until the drawn map arrives this lists
// them: where the charging sheds, the AED and the service points are, and each
// building's elevator retro-fit stage (the five-colour elevator map).
#include <algorithm>

#include "core/board.h"
#include "ui/app_ui.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace linli::ui {
namespace {

ImVec4 stage_color(ElevatorStage s) {
    switch (s) {
        case ElevatorStage::none: return ImVec4(0.55f, 0.55f, 0.55f, 1);
        case ElevatorStage::proposed: return ImVec4(0.85f, 0.65f, 0.05f, 1);
        case ElevatorStage::signed_up: return ImVec4(0.10f, 0.45f, 0.80f, 1);
        case ElevatorStage::under_construction: return ImVec4(0.85f, 0.35f, 0.10f, 1);
        case ElevatorStage::completed: return ImVec4(0.15f, 0.60f, 0.25f, 1);
    }
    return ImVec4(0, 0, 0, 1);
}

}  // namespace

void draw_map(View& v) {
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.1f);
    ImGui::TextUnformatted(v.t("map.facilities"));
    ImGui::PopFont();
    auto facilities = v.data().live(Kind::facility);
    std::stable_sort(facilities.begin(), facilities.end(), [](const Record* a, const Record* b) {
        return a->as<Facility>()->type < b->as<Facility>()->type;
    });
    for (const Record* r : facilities) {
        const Facility& f = *r->as<Facility>();
        ImGui::TextColored(colors::accent, "%s", v.t("facility." + std::string(enum_name(f.type))));
        ImGui::SameLine();
        wrapped_text(v.text(f.name));
        if (!f.note.empty()) {
            ImGui::Indent();
            wrapped_text_colored(colors::muted, v.text(f.note));
            ImGui::Unindent();
        }
    }
    ImGui::Spacing();
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.1f);
    ImGui::TextUnformatted(v.t("map.elevators"));
    ImGui::PopFont();
    auto buildings = buildings_in_order(v.data());
    float chip = ImGui::GetFontSize();
    for (const Record* r : buildings) {
        const Building& b = *r->as<Building>();
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + chip, p.y + chip), ImGui::GetColorU32(stage_color(b.elevator)), 4);
        ImGui::Dummy(ImVec2(chip, chip));
        ImGui::SameLine();
        std::string line = v.strings().format("map.building", {b.number, std::to_string(b.floors)}) + "  " +
                           v.t("elevator." + std::string(enum_name(b.elevator)));
        ImGui::TextUnformatted(line.c_str());
    }
}

}  // namespace linli::ui
