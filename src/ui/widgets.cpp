#include "ui/widgets.h"

#include <algorithm>
#include <vector>

#include "core/line_break.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_log.h"

namespace linli::ui {
namespace {

std::size_t utf8_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

bool choice(std::string_view label, const char* id, bool selected, Mark mark, int rank) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = ImGui::GetContentRegionAvail().x;
    float mark_w = mark == Mark::none ? 0 : ImGui::GetFontSize() * 1.6f;
    float text_w = width - 2 * style.FramePadding.x - mark_w;
    auto lines = wrap_lines(label, text_w);
    float line_h = ImGui::GetTextLineHeight();
    float height = std::max(lines.size() * line_h + 2 * style.FramePadding.y, ImGui::GetFontSize() * 2.6f);

    ImVec2 p = ImGui::GetCursorScreenPos();
    std::string button_id = std::string(label) + "##" + id;
    bool pressed = ImGui::InvisibleButton(button_id.c_str(), ImVec2(width, height));
    bool active = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 bg = selected ? ImVec4(0.86f, 0.93f, 0.92f, 1) : colors::card;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), ImGui::GetColorU32(bg), style.FrameRounding);
    dl->AddRect(p, ImVec2(p.x + width, p.y + height),
                ImGui::GetColorU32(selected ? colors::accent : colors::line), style.FrameRounding, 0, selected ? 3.0f : 1.5f);
    if (active) dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), IM_COL32(0, 0, 0, 20), style.FrameRounding);

    float cy = p.y + height * 0.5f, r = ImGui::GetFontSize() * 0.45f;
    ImVec2 c(p.x + style.FramePadding.x + r, cy);
    ImU32 accent = ImGui::GetColorU32(colors::accent), muted = ImGui::GetColorU32(colors::muted);
    switch (mark) {
        case Mark::none: break;
        case Mark::radio:
            dl->AddCircle(c, r, selected ? accent : muted, 0, 2.0f);
            if (selected) dl->AddCircleFilled(c, r * 0.55f, accent);
            break;
        case Mark::check:
            dl->AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), selected ? accent : muted, 3, 0, 2.0f);
            if (selected) {
                dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), accent, 3);
                dl->PathLineTo(ImVec2(c.x - r * 0.55f, c.y));
                dl->PathLineTo(ImVec2(c.x - r * 0.1f, c.y + r * 0.45f));
                dl->PathLineTo(ImVec2(c.x + r * 0.6f, c.y - r * 0.5f));
                dl->PathStroke(IM_COL32_WHITE, 0, 2.5f);
            }
            break;
        case Mark::rank:
            dl->AddCircle(c, r * 1.1f, rank > 0 ? accent : muted, 0, 2.0f);
            if (rank > 0) {
                dl->AddCircleFilled(c, r * 1.1f, accent);
                char n[8];
                std::snprintf(n, sizeof n, "%d", rank);
                ImVec2 ts = ImGui::CalcTextSize(n);
                dl->AddText(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32_WHITE, n);
            }
            break;
    }
    float y = p.y + (height - lines.size() * line_h) * 0.5f;
    ImU32 text = ImGui::GetColorU32(colors::text);
    for (const auto& l : lines) {
        dl->AddText(ImVec2(p.x + style.FramePadding.x + mark_w, y), text, label.data() + l.begin, label.data() + l.end);
        y += line_h;
    }
    ImGui::Dummy(ImVec2(0, style.ItemSpacing.y * 0.2f));
    return pressed;
}

void bar(float fraction, std::string_view left, std::string_view right, const ImVec4& color) {
    wrapped_text(left);
    float width = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetFontSize() * 1.1f;
    ImVec2 ts = ImGui::CalcTextSize(right.data(), right.data() + right.size());
    float bar_w = std::max(0.0f, width - ts.x - ImGui::GetStyle().ItemSpacing.x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(ImVec4(0.88f, 0.88f, 0.85f, 1)), 4);
    float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f > 0) dl->AddRectFilled(p, ImVec2(p.x + std::max(4.0f, bar_w * f), p.y + h), ImGui::GetColorU32(color), 4);
    dl->AddText(ImVec2(p.x + bar_w + ImGui::GetStyle().ItemSpacing.x, p.y + (h - ts.y) * 0.5f),
                ImGui::GetColorU32(colors::text), right.data(), right.data() + right.size());
    ImGui::Dummy(ImVec2(width, h));
}

bool text_field(const char* id, std::string& s, int max_chars, bool multiline, float height) {
    std::string before = s;
    ImGui::SetNextItemWidth(-1);
    bool changed = multiline ? ImGui::InputTextMultiline(id, &s, ImVec2(-1, height))
                             : ImGui::InputText(id, &s);
    // When the phone's keyboard shrinks the screen, the field being typed in stays in view.
    if (ImGui::IsItemActive() && !ImGui::IsItemVisible()) ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    else if (ImGui::IsItemActive()) {
        ImGuiWindow* w = ImGui::GetCurrentWindow();
        if (!w->ClipRect.Contains(ImGui::GetCurrentContext()->LastItemData.Rect))
            ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    if (changed && static_cast<int>(utf8_chars(s)) > max_chars) {
        s = before;  // refuse the keystroke that went over the limit
        changed = false;
    }
    return changed;
}

bool combo(const char* id, const char* preview) {
    ImGui::SetNextItemWidth(-1);
    bool open = ImGui::BeginCombo(id, preview);
    if (!open) {
        // LastItemData is the combo's frame here; when open it would be the popup's.
        ImGuiContext& g = *ImGui::GetCurrentContext();
        ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, id, g.LastItemData.StatusFlags);
    }
    return open;
}

bool wide_button(const char* label) { return ImGui::Button(label, ImVec2(ImGui::GetContentRegionAvail().x, 0)); }

void heading(std::string_view text, float scale) {
    WidgetLog::note_text(SeenWidget::Kind::heading, text);
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * scale);
    for (const auto& l : wrap_lines(text, ImGui::GetContentRegionAvail().x))
        ImGui::TextUnformatted(text.data() + l.begin, text.data() + l.end);
    ImGui::PopFont();
}

}  // namespace linli::ui
