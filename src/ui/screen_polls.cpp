// Polls: what the committee is asking, open ones first. (Answering comes with the
// polls issue; this lists them with their stage and closing time.)
#include "core/board.h"
#include "core/calendar.h"
#include "ui/app_ui.h"
#include "ui/card.h"
#include "ui/text.h"
#include "ui/theme.h"

namespace linli::ui {

void draw_polls(View& v) {
    auto polls = board_polls(v.data(), v.now_ms);
    if (polls.empty()) {
        wrapped_text_colored(colors::muted, v.t("poll.none"));
        return;
    }
    for (const Record* r : polls) {
        const Poll& p = *r->as<Poll>();
        const std::string& title = v.text(p.title);
        card(title, r->id, [&] {
            ImGui::TextColored(colors::accent, "%s", v.t("pollkind." + std::string(enum_name(p.type))));
            if (p.stage != PollStage::none) {
                ImGui::SameLine();
                ImGui::TextColored(colors::muted, "%s", v.t("stage." + std::string(enum_name(p.stage))));
            }
            ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
            wrapped_text(title);
            ImGui::PopFont();
            if (p.closes_ms)
                wrapped_text_colored(colors::muted, v.strings().format("poll.closes", {format_date_time(p.closes_ms)}));
        });
        ImGui::Spacing();
    }
}

}  // namespace linli::ui
