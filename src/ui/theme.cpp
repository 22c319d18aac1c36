#include "ui/theme.h"

namespace linli::ui {

void apply_theme(float scale) {
    ImGuiStyle style;  // start from the defaults each time so scaling never compounds
    ImGui::StyleColorsLight(&style);
    style.FontSizeBase = kBaseFontSize * scale;
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(14, 12);
    style.ItemSpacing = ImVec2(12, 10);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 10;
    style.GrabMinSize = 28;
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.FrameRounding = 10;
    style.PopupRounding = 10;
    style.ScrollbarRounding = 6;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.FrameBorderSize = 1;  // fields and choices show their edges
    style.TouchExtraPadding = ImVec2(4, 4);
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = colors::text;
    c[ImGuiCol_TextDisabled] = colors::muted;
    c[ImGuiCol_WindowBg] = colors::page;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = colors::card;
    c[ImGuiCol_Border] = colors::line;
    c[ImGuiCol_FrameBg] = colors::card;
    c[ImGuiCol_Button] = ImVec4(0.90f, 0.89f, 0.86f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.85f, 0.84f, 0.80f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.78f, 0.77f, 0.73f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.86f, 0.92f, 0.91f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.89f, 0.88f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.72f, 0.85f, 0.84f, 1.0f);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.70f, 0.70f, 0.68f, 1.0f);
    c[ImGuiCol_Separator] = colors::line;
    c[ImGuiCol_PlotHistogram] = colors::accent;
    c[ImGuiCol_CheckMark] = colors::accent;
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.95f, 0.97f, 0.97f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.90f, 0.95f, 0.94f, 1.0f);
    ImGui::GetStyle() = style;
}

}  // namespace linli::ui
