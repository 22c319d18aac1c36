#include "ui/widgets.h"

#include <algorithm>
#include <vector>

#include "core/line_break.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/long_text.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch.h"
#include "ui/widget_log.h"

namespace linli::ui {

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
    WidgetLog::mark(mark == Mark::radio ? SeenWidget::Role::radio
                    : mark == Mark::none ? SeenWidget::Role::button
                                         : SeenWidget::Role::checkbox,
                    mark == Mark::none ? -1 : (selected ? 1 : 0));
    bool active = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 bg = selected ? colors::selected : colors::card;
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
    dl->AddRectFilled(p, ImVec2(p.x + bar_w, p.y + h), ImGui::GetColorU32(colors::bar), 4);
    float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f > 0) dl->AddRectFilled(p, ImVec2(p.x + std::max(4.0f, bar_w * f), p.y + h), ImGui::GetColorU32(color), 4);
    dl->AddText(ImVec2(p.x + bar_w + ImGui::GetStyle().ItemSpacing.x, p.y + (h - ts.y) * 0.5f),
                ImGui::GetColorU32(colors::text), right.data(), right.data() + right.size());
    ImGui::Dummy(ImVec2(width, h));
}

namespace {

struct Limit {
    const std::string* before;  // the field's text before this frame's edit
    std::size_t max_chars;
    std::size_t refused = 0;    // characters the refused text would have had
};

// Runs after ImGui has applied a frame's typing to its own copy of the text: over the
// limit, that copy goes back to what it was, so what is shown is what is kept.
int keep_within_limit(ImGuiInputTextCallbackData* data) {
    auto* limit = static_cast<Limit*>(data->UserData);
    std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    std::size_t n = utf8_chars(now);
    if (n <= limit->max_chars) return 0;
    limit->refused = n;
    const std::string& was = *limit->before;
    std::size_t same = 0;  // where the edit began: the caret goes back there
    while (same < was.size() && same < now.size() && was[same] == now[same]) ++same;
    while (same > 0 && (static_cast<unsigned char>(was[same]) & 0xC0) == 0x80) --same;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, was.data(), was.data() + was.size());
    data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(same);
    return 0;
}

}  // namespace

bool text_field(const Strings& words, const char* id, std::string& s, int max_chars, bool multiline, float height,
                std::string_view name) {
    std::string before = s;
    Limit limit{&before, static_cast<std::size_t>(std::max(max_chars, 0))};
    bool changed = false, active = false;
    ImGuiID key = 0;
    if (multiline) {
        changed = long_text(id, s, limit.max_chars, height, name, limit.refused, active);
        key = ImGui::GetID(id);
    } else {
        ImGui::SetNextItemWidth(-1);
        changed = ImGui::InputText(id, &s, ImGuiInputTextFlags_CallbackEdit, keep_within_limit, &limit);
        active = ImGui::IsItemActive();
        key = ImGui::GetItemID();
        WidgetLog::mark(SeenWidget::Role::textbox, -1, name, s);
    }
    if (active && !multiline) keep_field_in_view(ImGui::IsItemActivated());
    if (changed && utf8_chars(s) > limit.max_chars) {  // text set from outside the field (a paste before it was active)
        limit.refused = utf8_chars(s);
        s = before;
    }
    changed = changed && s != before;
    // Nothing here appears or goes when the field is left: a tap that leaves it must land
    // where the finger went down. The refusal stays said until the next accepted edit.
    ImGuiStorage* st = ImGui::GetStateStorage();
    if (limit.refused) st->SetInt(key, static_cast<int>(limit.refused));
    else if (changed) st->SetInt(key, 0);
    int refused = st->GetInt(key, 0);
    std::size_t n = utf8_chars(s);
    char count[32];
    std::snprintf(count, sizeof count, "%zu/%d", n, max_chars);
    ImVec4 count_color = n >= limit.max_chars ? colors::pinned : colors::muted;
    if (multiline) {  // under the field, always
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 0.85f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(count).x);
        ImGui::TextColored(count_color, "%s", count);
        ImGui::PopFont();
        WidgetLog::note_text(SeenWidget::Kind::text, count);
    } else if (active || n * 5 >= limit.max_chars * 4) {  // inside the field, at its right end
        ImVec2 max = ImGui::GetItemRectMax(), min = ImGui::GetItemRectMin();
        float size = ImGui::GetStyle().FontSizeBase * 0.75f;
        ImFont* font = ImGui::GetFont();
        ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, count);
        ImVec2 at(max.x - ts.x - ImGui::GetStyle().FramePadding.x * 0.5f, min.y + (max.y - min.y - ts.y) * 0.5f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(at.x - 4, at.y), ImVec2(max.x - 2, at.y + ts.y),
                                                  ImGui::GetColorU32(colors::card));
        ImGui::GetWindowDrawList()->AddText(font, size, at, ImGui::GetColorU32(count_color), count);
        WidgetLog::note_text(SeenWidget::Kind::text, count);
    }
    if (refused) alert_text(words.format("field.over_limit", {std::to_string(max_chars), std::to_string(refused)}));
    return changed;
}

bool combo(const char* id, const char* preview) {
    ImGui::SetNextItemWidth(-1);
    bool open = ImGui::BeginCombo(id, preview, ImGuiComboFlags_HeightLarge);  // 20 rows: a compound's buildings without scrolling a small list
    if (!open) {
        // LastItemData is the combo's frame here; when open it would be the popup's.
        ImGuiContext& g = *ImGui::GetCurrentContext();
        ImGuiTestEngineHook_ItemInfo(&g, g.LastItemData.ID, id, g.LastItemData.StatusFlags);
    }
    return open;
}

bool wide_button(const char* label) { return ImGui::Button(label, ImVec2(ImGui::GetContentRegionAvail().x, 0)); }

void heading(std::string_view text, float scale) { heading_px(text, ImGui::GetStyle().FontSizeBase * scale); }

void heading_px(std::string_view text, float px) {
    ImGui::PushFont(nullptr, px);
    WidgetLog::note_text(SeenWidget::Kind::heading, text);  // at its own size
    for (const auto& l : wrap_lines(text, ImGui::GetContentRegionAvail().x))
        ImGui::TextUnformatted(text.data() + l.begin, text.data() + l.end);
    ImGui::PopFont();
}

}  // namespace linli::ui
