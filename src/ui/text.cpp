#include "ui/text.h"

#include "core/line_break.h"
#include "ui/theme.h"
#include "ui/widget_log.h"

namespace linli::ui {

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}
std::vector<linli::LineSpan> wrap_lines(std::string_view text, float width) {
    ImFontBaked* baked = ImGui::GetFontBaked();
    return linli::break_lines(text, width, [baked](char32_t c) {
        return baked->GetCharAdvance(c <= IM_UNICODE_CODEPOINT_MAX ? static_cast<ImWchar>(c) : IM_UNICODE_CODEPOINT_INVALID);
    });
}

void wrapped_text(std::string_view text) {
    WidgetLog::note_text(SeenWidget::Kind::text, text);
    float width = ImGui::GetContentRegionAvail().x;
    for (const auto& l : wrap_lines(text, width))
        ImGui::TextUnformatted(text.data() + l.begin, text.data() + l.end);
}

void colored_text(const ImVec4& color, std::string_view text) {
    WidgetLog::note_text(SeenWidget::Kind::text, text);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void done_text(std::string_view text) {
    WidgetLog::note_text(SeenWidget::Kind::status, text);
    ImGui::PushStyleColor(ImGuiCol_Text, colors::pass);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void alert_text(std::string_view text) {
    WidgetLog::note_text(SeenWidget::Kind::alert, text);
    ImGui::PushStyleColor(ImGuiCol_Text, colors::pinned);
    float width = ImGui::GetContentRegionAvail().x;
    for (const auto& l : wrap_lines(text, width)) ImGui::TextUnformatted(text.data() + l.begin, text.data() + l.end);
    ImGui::PopStyleColor();
}

void wrapped_text_colored(const ImVec4& color, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    wrapped_text(text);
    ImGui::PopStyleColor();
}

float wrapped_height(std::string_view text, float width) {
    auto n = wrap_lines(text, width).size();
    return n * ImGui::GetTextLineHeight() + (n > 1 ? (n - 1) * ImGui::GetStyle().ItemSpacing.y : 0);
}

}  // namespace linli::ui
