// One poll: what it asks, who may answer, when; the way in to answering and to the
// results; and, with the committee's tools on, their part of the page (screen_poll_tools).
#include "core/calendar.h"
#include "core/poll_rules.h"
#include "ui/app_ui.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {


void draw_poll(View& v) {
    const Id id = v.ui.polls.open;
    const Poll* pp = v.poll(id);
    if (ImGui::Button(v.t("nav.back"))) v.ui.screen = Screen::polls;
    if (!pp) return;
    const Poll& p = *pp;
    ImGui::Spacing();
    wrapped_text_colored(colors::accent, kind_tag(v, p));
    heading(v.text(p.title), 1.25f);
    wrapped_text_colored(colors::muted, phase_line(v, p));
    if (!p.description.empty()) wrapped_text(v.text(p.description));
    ImGui::Spacing();
    wrapped_text(who_line(v, p));
    if (auto rule = rule_line(v, p); !rule.empty()) wrapped_text_colored(colors::muted, rule);
    wrapped_text_colored(colors::muted, questions_line(v, p));
    if (p.status == PollStatus::withdrawn && !p.log.empty())
        wrapped_text_colored(colors::pinned, v.f("poll.withdrawn_reason", {p.log.back().reason}));
    ImGui::Spacing();

    bool open = phase(p, v.now_ms) == PollPhase::open;
    const Record* mine = answered_here(v, id);
    if (mine) wrapped_text_colored(colors::accent, v.f("poll.answered_here", {receipt_code(mine->id)}));
    if (open) {
        if (mine && !v.tools() && p.eligibility == Eligibility::anyone) {
            wrapped_text_colored(colors::muted, v.t("poll.soft_limit"));
        } else {
            if (mine && p.eligibility == Eligibility::household) wrapped_text_colored(colors::muted, v.t("poll.revote"));
            const store::Draft* d = v.store.draft(id);
            std::string label = d && !d->answers.empty() ? v.f("poll.continue", {std::to_string(d->answers.size())})
                                                         : std::string(v.t("poll.start"));
            ImGui::PushStyleColor(ImGuiCol_Button, colors::accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::accent);
            ImGui::PushStyleColor(ImGuiCol_Text, colors::accent_text);
            bool go = ImGui::Button(label.c_str(), ImVec2(-1, ImGui::GetFrameHeight() * 1.3f));
            ImGui::PopStyleColor(3);
            if (go) start_answering(v, id, p);
        }
    }
    bool results = p.status != PollStatus::withdrawn && (p.results || (v.tools() && responses_to(v, id) > 0));
    if (results && wide_button(v.t(open ? "poll.live_results" : "poll.results"))) v.ui.screen = Screen::results;
    if (v.tools()) draw_poll_tools(v, id, p);
}

}  // namespace linli::ui
