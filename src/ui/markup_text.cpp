#include "ui/markup_text.h"

#include <algorithm>
#include <string>

#include "core/markup.h"
#include "imgui.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_log.h"

namespace linli::ui {
namespace {

// One block's lines, each drawn run by run: emphasis is drawn twice, a pixel apart (the
// phone's fonts come in one weight here), so it reads as bold in any script.
void draw_block_text(const MarkupBlock& b) {
    WidgetLog::note_text(SeenWidget::Kind::text, b.text);
    const std::string& t = b.text;
    float line_h = ImGui::GetTextLineHeight();
    ImU32 color = ImGui::GetColorU32(ImGuiCol_Text);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& l : wrap_lines(t, ImGui::GetContentRegionAvail().x)) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        std::size_t pos = l.begin;
        while (pos < l.end) {
            // The run up to the next change between plain and emphasised.
            bool strong = false;
            std::size_t next = l.end;
            for (const auto& e : b.emphasis) {
                if (e.begin <= pos && pos < e.end) {
                    strong = true;
                    next = std::min(next, e.end);
                } else if (e.begin > pos) {
                    next = std::min(next, e.begin);
                }
            }
            const char *s = t.data() + pos, *end = t.data() + next;
            dl->AddText(at, color, s, end);
            if (strong) dl->AddText(ImVec2(at.x + 1, at.y), color, s, end);
            at.x += ImGui::CalcTextSize(s, end).x;
            pos = next;
        }
        ImGui::Dummy(ImVec2(0, line_h));
    }
}

}  // namespace

void draw_markup(std::string_view body) {
    for (const auto& b : parse_markup(body)) {
        if (b.type == MarkupBlock::Type::paragraph) {
            draw_block_text(b);
        } else {
            // An item hangs from its marker: its lines start where its first one does.
            std::string marker = b.type == MarkupBlock::Type::bullet ? "\xE2\x80\xA2" : std::to_string(b.number) + ".";
            ImGui::TextUnformatted(marker.c_str());
            ImGui::SameLine(ImGui::GetFontSize() * 1.6f);
            ImGui::BeginGroup();
            draw_block_text(b);
            ImGui::EndGroup();
        }
        ImGui::Spacing();
    }
}

}  // namespace linli::ui
