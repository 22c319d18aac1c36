#include "ui/long_text.h"

#include <algorithm>

#include "core/line_break.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch.h"
#include "ui/widget_log.h"

namespace linli::ui {
namespace {

LongTextHost g_host;
ImGuiID g_editing = 0;   // the field being typed in
int g_editing_frame = -1;  // ...last drawn in this frame (a field no longer drawn is let go)

}  // namespace

void set_long_text_host(LongTextHost host) { g_host = std::move(host); }

bool long_text(const char* id, std::string& s, std::size_t max_chars, float min_height, std::string_view name,
               std::size_t& refused, bool& active) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGuiID key = ImGui::GetID(id);
    if (g_editing == key && g_editing_frame < ImGui::GetFrameCount() - 1) g_editing = 0;
    bool changed = false;
    refused = 0;
    const std::string* reset = nullptr;
    if (g_editing == key && g_host.take) {
        if (auto edited = g_host.take()) {
            std::size_t n = utf8_chars(*edited);
            if (n > max_chars) {
                refused = n;
                reset = &s;  // what is shown is what is kept
            } else if (*edited != s) {
                s = std::move(*edited);
                changed = true;
            }
        }
    }

    float width = ImGui::GetContentRegionAvail().x;
    float inner = width - 2 * style.FramePadding.x, line_h = ImGui::GetTextLineHeight();
    auto lines = wrap_lines(s, inner);
    // One line more than the text while typing: the next line is there before it is needed.
    std::size_t rows = std::max<std::size_t>(lines.size(), 1) + (g_editing == key ? 1 : 0);
    float height = std::max(min_height, rows * line_h + 2 * style.FramePadding.y);
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImRect bb(at, ImVec2(at.x + width, at.y + height));
    ImGui::ItemSize(bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, key, nullptr, ImGuiItemFlags_Inputable)) {
        active = g_editing == key;
        if (active) g_editing_frame = ImGui::GetFrameCount();
        return changed;
    }
    bool hovered = false, held = false;
    bool tapped = ImGui::ButtonBehavior(bb, key, &hovered, &held);
    // Reported as a text field: window.linli.widgets(), the mirror and the keyboard bridge.
    ImGuiTestEngineHook_ItemInfo(&g, key, id, g.LastItemData.StatusFlags | ImGuiItemStatusFlags_Inputable);
    WidgetLog::mark(SeenWidget::Role::textbox, -1, name, s, true);
    if (tapped) {
        g_editing = key;
        ImGui::ClearActiveID();  // an ImGui field being typed in lets go: this one has the keyboard
    }
    bool editing = g_editing == key;
    if (editing) keep_field_in_view(tapped);
    ImGui::RenderFrame(bb.Min, bb.Max, ImGui::GetColorU32(editing ? ImGuiCol_FrameBgActive : ImGuiCol_FrameBg), true,
                       style.FrameRounding);
    if (!editing) {
        std::vector<std::string> drawn;
        for (const auto& l : lines) drawn.emplace_back(s.data() + l.begin, s.data() + l.end);
        WidgetLog::lines(std::move(drawn));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
        const ImRect& clip = ImGui::GetCurrentWindow()->ClipRect;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            float y = bb.Min.y + style.FramePadding.y + i * line_h;
            if (y + line_h < clip.Min.y || y > clip.Max.y) continue;
            dl->AddText(ImVec2(bb.Min.x + style.FramePadding.x, y), color, s.data() + lines[i].begin, s.data() + lines[i].end);
        }
    } else {
        g_editing_frame = ImGui::GetFrameCount();
        if (g_host.place)
            g_host.place({.x = bb.Min.x, .y = bb.Min.y, .w = width, .h = height, .font = ImGui::GetFontSize(),
                          .pad_x = style.FramePadding.x, .pad_y = style.FramePadding.y, .open = tapped, .reset = reset,
                          .text = &s});
        if (g_host.left && g_host.left()) g_editing = 0;
    }
    active = g_editing == key;
    return changed;
}

}  // namespace linli::ui
