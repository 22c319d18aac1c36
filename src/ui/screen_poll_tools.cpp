// The committee's tools on a poll's page: edit, household codes and slips, the steps of
// its lifecycle — each asked for in words first (what happens, whether it can be undone,
// whether it is early) — the audit, the CSV, and a copy to start a new poll from.
#include "core/calendar.h"
#include "core/poll_lifecycle.h"
#include "core/poll_rules.h"
#include "ui/app_ui.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

using K = PollStep::Kind;

void ask(View& v, const Id& id, K kind, const Poll& p) {
    PollConfirm c;
    c.poll = id;
    c.kind = kind;
    // Reopening after the deadline needs a new one: a week from now to start from.
    if (kind == K::reopen) c.closes = format_date_time(v.now_ms + 7 * 86400000LL);
    if (kind == K::extend) c.closes = format_date_time(p.closes_ms + 86400000LL);
    v.ui.polls.confirm_step = c;
}

// What the step does, in words, before it is taken.
std::string explain(View& v, K kind, const Poll& p) {
    switch (kind) {
        case K::open: return v.t("confirm.open");
        case K::close:
            return closes_early(p, v.now_ms) ? v.f("confirm.close_early", {format_date_time(p.closes_ms)}) : v.t("confirm.close");
        case K::publish: return v.t("confirm.publish");
        case K::reopen: return v.t("confirm.reopen");
        case K::extend: return v.f("confirm.extend", {format_date_time(p.closes_ms)});
        case K::withdraw: return v.t("confirm.withdraw");
        case K::remove: return v.t("confirm.remove");
    }
    return "";
}

const char* confirm_key(K kind) {
    switch (kind) {
        case K::open: return "confirm.open_yes";
        case K::close: return "confirm.close_yes";
        case K::publish: return "confirm.publish_yes";
        case K::reopen: return "confirm.reopen_yes";
        case K::extend: return "confirm.extend_yes";
        case K::withdraw: return "confirm.withdraw_yes";
        case K::remove: return "confirm.remove_yes";
    }
    return "";
}

void draw_confirm(View& v, const Id& id, const Poll& p) {
    PollConfirm& c = v.ui.polls.confirm_step;
    wrapped_text_colored(colors::pinned, explain(v, c.kind, p));
    bool wants_reason = c.kind == K::reopen || c.kind == K::withdraw || c.kind == K::extend;
    bool wants_time = c.kind == K::reopen || c.kind == K::extend;
    if (wants_time) {
        wrapped_text_colored(colors::muted, v.t(c.kind == K::reopen ? "confirm.new_closes_optional" : "confirm.new_closes"));
        text_field(v.strings(), "##step-closes", c.closes, 16, false, 0,
                   v.t(c.kind == K::reopen ? "confirm.new_closes_optional" : "confirm.new_closes"));
    }
    if (wants_reason) {
        wrapped_text_colored(colors::muted, v.t(c.kind == K::extend ? "confirm.reason_optional" : "confirm.reason"));
        text_field(v.strings(), "##step-reason", c.reason, 200, false, 0,
                   v.t(c.kind == K::extend ? "confirm.reason_optional" : "confirm.reason"));
    }
    if (!c.error.empty()) alert_text(c.error);
    if (wide_button(v.t(confirm_key(c.kind)))) {
        PollStep step{c.kind, c.reason, 0};
        if (wants_time) {
            auto t = c.closes.empty() && c.kind == K::reopen ? std::optional<std::int64_t>(0) : parse_date_time(c.closes);
            if (!t) {
                c.error = v.say(make_error("err.poll.time_format"));
                return;
            }
            step.closes_ms = *t;
        }
        if (auto e = v.act.polls.step(id, step)) {
            c.error = v.say(*e);
            return;
        }
        v.ui.polls.confirm_step = {};
        if (step.kind == K::remove) v.ui.screen = Screen::polls;
        return;
    }
    if (wide_button(v.t("data.import_cancel"))) v.ui.polls.confirm_step = {};
}

void draw_codes(View& v, const Id& id, const Poll& p) {
    const CodesJob& job = v.status.codes;
    if (job.running() && job.poll == id) {
        wrapped_text(v.f("tools.codes_progress", {std::to_string(job.done), std::to_string(job.total)}));
        ImGui::ProgressBar(job.total ? static_cast<float>(job.done) / job.total : 0.0f, ImVec2(-1, 0), "");
        return;
    }
    wrapped_text_colored(colors::muted, v.f("tools.codes_count", {std::to_string(p.codes.size())}));
    if (p.status == PollStatus::published || p.status == PollStatus::withdrawn) {
        if (!p.codes.empty() && wide_button(v.t("tools.print_codes"))) v.act.polls.print_codes(id);
        return;
    }
    if (!p.codes.empty()) wrapped_text_colored(colors::muted, v.t("tools.remake_codes_help"));
    if (!job.running() && wide_button(v.t(p.codes.empty() ? "tools.make_codes" : "tools.remake_codes"))) v.act.polls.make_codes(id);
    if (!p.codes.empty() && wide_button(v.t("tools.print_codes"))) v.act.polls.print_codes(id);
}

// The steps this poll can take from where it stands.
void draw_steps(View& v, const Id& id, const Poll& p) {
    switch (p.status) {
        case PollStatus::draft:
            if (wide_button(v.t("tools.open"))) ask(v, id, K::open, p);
            if (wide_button(v.t("tools.delete_draft"))) ask(v, id, K::remove, p);
            break;
        case PollStatus::open:
            if (p.closes_ms && phase(p, v.now_ms) == PollPhase::open && wide_button(v.t("tools.extend")))
                ask(v, id, K::extend, p);
            if (wide_button(v.t("tools.close"))) ask(v, id, K::close, p);
            if (wide_button(v.t("tools.withdraw"))) ask(v, id, K::withdraw, p);
            break;
        case PollStatus::closed:
            if (wide_button(v.t("tools.publish"))) ask(v, id, K::publish, p);
            if (wide_button(v.t("tools.reopen"))) ask(v, id, K::reopen, p);
            if (wide_button(v.t("tools.withdraw"))) ask(v, id, K::withdraw, p);
            break;
        case PollStatus::published: wrapped_text_colored(colors::muted, v.t("tools.final")); break;
        case PollStatus::withdrawn: break;
    }
}

// A copy of the poll as a new draft: how the rules of a poll that has begun are changed.
Poll as_new_draft(const Poll& p) {
    Poll n = p;
    n.status = PollStatus::draft;
    n.log.clear();
    n.codes.clear();
    n.salt.clear();
    n.results.reset();
    return n;
}

}  // namespace

void draw_poll_tools(View& v, const Id& id, const Poll& p) {
    ImGui::Separator();
    heading(v.t("tools.title"), 1.05f);
    int n = responses_to(v, id);
    wrapped_text(v.f("poll.count", {std::to_string(n)}));
    bool confirming = v.ui.polls.confirm_step.active() && v.ui.polls.confirm_step.poll == id;
    if (!confirming && p.status != PollStatus::withdrawn && wide_button(v.t("tools.edit"))) begin_editing(v, id, p);
    if (p.eligibility == Eligibility::household) draw_codes(v, id, p);
    if (confirming) draw_confirm(v, id, p);
    else draw_steps(v, id, p);
    if (n > 0) {
        if (wide_button(v.t("tools.audit"))) v.ui.screen = Screen::audit;
        if (wide_button(v.t("tools.csv"))) v.act.polls.export_csv(id);
    }
    if (p.status != PollStatus::draft && wide_button(v.t("tools.copy"))) begin_editing(v, "", as_new_draft(p));
    if (poll_notice_current(v, id)) wrapped_text_colored(colors::accent, v.status.notice);
}

}  // namespace linli::ui
