// Results: counts and percentages per option as bars, ranking points with the rule
// stated, scores, free text for the committee, and for owners' decisions the Civil
// Code art. 278 verdict in words with its four figures. The audit lists every ballot.
#include "core/calendar.h"
#include "core/poll_rules.h"
#include "core/tally.h"
#include "ui/app_ui.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_log.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

constexpr ImVec4 kPass = colors::pass, kFail = colors::pinned;

void verdict_line(View& v, const Figure& f, const std::string& text) {
    wrapped_text_colored(f.ok ? kPass : kFail, std::string(v.t(f.ok ? "art278.reached" : "art278.not_reached")) + text);
}

// The verdict in words with its four figures. Only a closed or published vote has one;
// an open vote says where the count stands if it closed now, in neutral words.
void draw_decision(View& v, const Tally& t, const DecisionTally& d) {
    bool major = d.matter == Matter::major;
    if (!t.trustworthy()) {
        heading(v.t("art278.untrustworthy"), 1.2f);
        wrapped_text_colored(kFail, v.f("art278.rules_changed", {std::to_string(t.rules_changed)}));
        return;
    }
    if (d.missing_areas > 0) {
        heading(v.t("art278.no_result"), 1.2f);
        wrapped_text_colored(kFail, v.f("art278.missing_areas", {std::to_string(d.missing_areas)}));
        return;
    }
    if (t.final()) {
        ImGui::PushStyleColor(ImGuiCol_Text, d.passed() ? kPass : kFail);
        heading(v.t(d.passed() ? "art278.passed" : "art278.failed"), 1.3f);
        ImGui::PopStyleColor();
    } else {
        heading(v.t("art278.open"), 1.2f);
        wrapped_text(v.t(d.passed() ? "art278.standing_pass" : "art278.standing_fail"));
    }
    auto f = figures(d);
    verdict_line(v, f[0], v.f("art278.participation_area", {area_text(d.voted_area), area_text(d.total_area), f[0].percent}));
    verdict_line(v, f[1], v.f("art278.participation_households",
                              {std::to_string(d.voted_households), std::to_string(d.total_households), f[1].percent}));
    verdict_line(v, f[2], v.f(major ? "art278.approval_area_major" : "art278.approval_area", {area_text(d.for_area), f[2].percent}));
    verdict_line(v, f[3], v.f(major ? "art278.approval_households_major" : "art278.approval_households",
                              {std::to_string(d.for_households), f[3].percent}));
    wrapped_text_colored(colors::muted, v.f("art278.split", {std::to_string(d.for_households), std::to_string(d.against_households),
                                                             std::to_string(d.abstain_households)}));
    wrapped_text_colored(colors::muted, v.t(major ? "poll.rule.major" : "poll.rule.ordinary"));
    if (d.roll_changed > 0) wrapped_text_colored(colors::muted, v.f("art278.roll_changed", {std::to_string(d.roll_changed)}));
}

void draw_question(View& v, const Poll& p, const QuestionTally& q, bool show_texts) {
    heading(v.text(q.text), 1.1f);
    wrapped_text_colored(colors::muted, v.f("results.answered", {std::to_string(q.answered)}));
    char pct[32];
    if (q.type == QuestionType::ranking) {
        int top = 1;
        for (const auto& o : q.options) top = std::max(top, o.points);
        for (const auto& o : q.options)
            bar(static_cast<float>(o.points) / top, v.text(o.text), v.f("results.points", {std::to_string(o.points)}), colors::accent);
    } else if (q.type == QuestionType::score) {
        int top = 1;
        for (int s : q.scores) top = std::max(top, s);
        for (int s = 0; s < 5; ++s)
            bar(static_cast<float>(q.scores[s]) / top, v.f("results.score", {std::to_string(s + 1)}),
                std::to_string(q.scores[s]), colors::accent);
        std::snprintf(pct, sizeof pct, "%.2f", q.mean);
        wrapped_text(v.f("results.mean", {pct}));
    } else if (q.type == QuestionType::number) {
        char lo[32], hi[32];
        std::snprintf(pct, sizeof pct, "%g", q.mean);
        std::snprintf(lo, sizeof lo, "%g", q.min);
        std::snprintf(hi, sizeof hi, "%g", q.max);
        wrapped_text(v.f("results.number", {pct, lo, hi}));
    } else {
        for (const auto& o : q.options) {
            std::snprintf(pct, sizeof pct, "%.1f%%", o.percent);
            bar(o.percent / 100.0f, v.text(o.text), std::to_string(o.count) + " · " + pct, colors::accent);
        }
        if (q.other_count) bar(q.answered ? static_cast<float>(q.other_count) / q.answered : 0, v.t("answer.other"),
                               std::to_string(q.other_count), colors::muted);
    }
    if (show_texts) {
        for (const auto& s : q.texts) {
            ImGui::Bullet();
            wrapped_text(s);
        }
        for (const auto& s : q.others) {
            ImGui::Bullet();
            wrapped_text(std::string(v.t("answer.other")) + " " + s);
        }
    }
    ImGui::Separator();
    (void)p;
}

const char* status_key(BallotStatus s) {
    switch (s) {
        case BallotStatus::counted: return "audit.status.counted";
        case BallotStatus::superseded: return "audit.status.superseded";
        case BallotStatus::late: return "audit.status.late";
        case BallotStatus::invalid: return "audit.status.invalid";
        case BallotStatus::outside_scope: return "audit.status.outside_scope";
        case BallotStatus::conflict: return "audit.status.conflict";
        case BallotStatus::rules_changed: return "audit.status.rules_changed";
    }
    return "";
}

std::string home_of(const View& v, const std::optional<Id>& household) {
    if (!household) return "";
    const Record* h = v.data().find(*household);
    if (!h || !h->as<Household>()) return household->substr(0, 8);
    const Household& hh = *h->as<Household>();
    const Record* b = v.data().find(hh.building);
    std::string building = b && b->as<Building>() ? b->as<Building>()->number : "?";
    return v.f("audit.home", {building, hh.unit, hh.room});
}

// What happened to the poll after it was built: opened, extended, closed, reopened ...
void draw_log(View& v, const Poll& p) {
    if (p.log.empty()) return;
    heading(v.t("audit.log"), 1.05f);
    for (const auto& e : p.log) {
        std::string what = v.f("log." + std::string(enum_name(e.action)), {e.closes_ms ? format_date_time(e.closes_ms) : v.t("audit.no_closing")});
        if (e.action == PollAction::close && e.closes_ms && e.at_ms < e.closes_ms) what += v.t("audit.early");
        if (!e.reason.empty()) what += v.f("audit.reason", {e.reason});
        wrapped_text_colored(colors::muted, format_date_time(e.at_ms) + "  " + what);
    }
    ImGui::Separator();
}

const Tally& audit_for(const View& v, const Id& id) {
    TallyCache& c = v.ui.polls.audit_cache;
    if (!c.tally || c.poll != id || c.generation != v.data().generation()) {
        c.tally = std::make_shared<Tally>(tally(v.data(), id));
        c.poll = id;
        c.generation = v.data().generation();
        c.ballots = true;
    }
    return *c.tally;
}

}  // namespace

const Tally& results_for(const View& v, const Id& id, const Poll& p) {
    // A published result is final: every device shows it, whatever ballots arrive later.
    // Before that, a device holding ballots counts them (with the tools on).
    bool ballots = v.tools() && responses_to(v, id) > 0 && !(p.status == PollStatus::published && p.results);
    TallyCache& c = v.ui.polls.tally_cache;
    if (!c.tally || c.poll != id || c.generation != v.data().generation() || c.ballots != ballots) {
        c.tally = std::make_shared<Tally>(ballots ? tally(v.data(), id) : from_published(p, id));
        c.poll = id;
        c.generation = v.data().generation();
        c.ballots = ballots;
    }
    return *c.tally;
}

void draw_results(View& v) {
    const Id id = v.ui.polls.open;
    const Poll* pp = v.poll(id);
    if (ImGui::Button(v.t("nav.back"))) v.ui.screen = Screen::poll;
    if (!pp) return;
    const Poll& p = *pp;
    const Tally& t = results_for(v, id, p);
    heading(v.text(p.title), 1.2f);
    if (t.published && p.results) {
        wrapped_text_colored(colors::muted, v.f("results.published", {format_date(p.results->tallied_ms)}));
        // Ballots that reached this device after publishing change nothing: say so.
        int here = v.tools() ? responses_to(v, id) : 0;
        if (here > p.results->responses)
            wrapped_text_colored(colors::muted, v.f("results.after_publishing", {std::to_string(here - p.results->responses)}));
    } else if (!t.final()) {
        wrapped_text_colored(colors::muted, v.t("results.live"));
    }
    wrapped_text(v.f("results.counted", {std::to_string(t.counted), std::to_string(t.responses)}));
    if (auto rule = rule_line(v, p); !rule.empty() && p.type != PollKind::decision) wrapped_text_colored(colors::muted, rule);
    if (!t.trustworthy() && !t.decision) wrapped_text_colored(kFail, v.f("art278.rules_changed", {std::to_string(t.rules_changed)}));
    ImGui::Separator();
    if (t.decision) draw_decision(v, t, *t.decision);
    else
        for (const auto& q : t.questions) draw_question(v, p, q, !t.published);
    if (v.tools() && responses_to(v, id) > 0 && wide_button(v.t("tools.audit"))) v.ui.screen = Screen::audit;
}

void draw_audit(View& v) {
    const Id id = v.ui.polls.open;
    if (ImGui::Button(v.t("nav.back"))) v.ui.screen = Screen::poll;
    const Poll* p = v.poll(id);
    if (!p) return;
    // Every ballot this device holds and what became of it, as counted now (for a published
    // poll that may include ballots that arrived after publishing: the result stays as it was).
    const Tally& t = audit_for(v, id);
    heading(v.t("audit.title"), 1.2f);
    draw_log(v, *p);
    wrapped_text_colored(colors::muted, v.f("results.counted", {std::to_string(t.counted), std::to_string(t.responses)}));
    ImGuiListClipper clip;  // thousands of ballots: draw only those on screen
    clip.Begin(static_cast<int>(t.ballots.size()));
    while (clip.Step())
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const BallotLine& b = t.ballots[i];
            ImVec4 c = b.status == BallotStatus::counted ? kPass : b.status == BallotStatus::superseded ? colors::muted : kFail;
            // Two lines a ballot, the same for every one, so the clipper can skip unseen ones.
            std::string line = std::string(v.t(status_key(b.status))) + "  " + receipt_code(b.response) + "  " +
                               format_date_time(b.submitted_ms);
            ImGui::TextColored(c, "%s", line.c_str());
            std::string home = home_of(v, b.household);
            ImGui::TextColored(colors::muted, "    %s", home.empty() ? "—" : home.c_str());
            WidgetLog::note_text(SeenWidget::Kind::text, line + "  " + home);  // for the screen-reader mirror
        }
    ImGui::Spacing();
    for (const auto& b : t.ballots)
        if (!b.reason.empty()) {
            wrapped_text_colored(colors::muted, receipt_code(b.response) + ": " + v.t(b.reason));
        }
}

}  // namespace linli::ui
