// One poll: what it asks, who may answer, when; the way in to answering and to the
// results; and, with the committee's tools on, codes, status, CSV and the audit.
#include "core/calendar.h"
#include "core/poll_rules.h"
#include "ui/app_ui.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {

void start_answering(View& v, const Id& poll_id, const Poll& p) {
    AnswerState a;
    if (const store::Draft* d = v.store.draft(poll_id)) a.draft = *d;
    else a.draft.poll = poll_id;
    a.stage = p.eligibility == Eligibility::household && !a.draft.household ? AnswerState::Stage::code
                                                                             : AnswerState::Stage::question;
    v.ui.answer = std::move(a);
    v.ui.screen = Screen::answer;
}

namespace {

void draw_tools(View& v, const Id& id, const Poll& p) {
    ImGui::Separator();
    heading(v.t("tools.title"), 1.05f);
    int n = responses_to(v, id);
    wrapped_text(v.f("poll.count", {std::to_string(n)}));
    if (wide_button(v.t("tools.edit"))) begin_editing(v, id, p);
    if (p.eligibility == Eligibility::household) {
        const CodesJob& job = v.status.codes;
        if (job.running() && job.poll == id) {
            wrapped_text(v.f("tools.codes_progress", {std::to_string(job.done), std::to_string(job.total)}));
            ImGui::ProgressBar(job.total ? static_cast<float>(job.done) / job.total : 0.0f, ImVec2(-1, 0), "");
        } else {
            wrapped_text_colored(colors::muted, v.f("tools.codes_count", {std::to_string(p.codes.size())}));
            if (!job.running() && wide_button(v.t(p.codes.empty() ? "tools.make_codes" : "tools.remake_codes")))
                v.act.make_codes(id);
            if (!p.codes.empty() && wide_button(v.t("tools.print_codes"))) v.act.print_codes(id);
        }
    }
    switch (p.status) {
        case PollStatus::draft:
            if (wide_button(v.t("tools.open"))) v.act.set_poll_status(id, PollStatus::open);
            break;
        case PollStatus::open:
            if (wide_button(v.t("tools.close"))) v.act.set_poll_status(id, PollStatus::closed);
            break;
        case PollStatus::closed:
        case PollStatus::published:
            if (wide_button(v.t(p.status == PollStatus::published ? "tools.republish" : "tools.publish")))
                v.act.set_poll_status(id, PollStatus::published);
            break;
    }
    if (n > 0) {
        if (wide_button(v.t("tools.audit"))) v.ui.screen = Screen::audit;
        if (wide_button(v.t("tools.csv"))) v.act.export_csv(id);
    }
    if (!v.status.notice.empty()) wrapped_text_colored(colors::accent, v.status.notice);
}

}  // namespace

void draw_poll(View& v) {
    const Id id = v.ui.open_poll;
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
    wrapped_text_colored(colors::muted, v.f("poll.questions", {std::to_string(p.questions.size())}));
    ImGui::Spacing();

    bool open = phase(p, v.now_ms) == PollPhase::open;
    const Record* mine = answered_here(v, id);
    if (open) {
        if (mine && !v.tools() && p.eligibility == Eligibility::anyone) {
            wrapped_text_colored(colors::accent, v.f("poll.answered_here", {receipt_code(mine->id)}));
            wrapped_text_colored(colors::muted, v.t("poll.soft_limit"));
        } else {
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
    bool results = p.results || (v.tools() && responses_to(v, id) > 0);
    if (results && wide_button(v.t(open ? "poll.live_results" : "poll.results"))) v.ui.screen = Screen::results;
    if (v.tools()) draw_tools(v, id, p);
}

}  // namespace linli::ui
