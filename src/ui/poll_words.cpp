#include "ui/poll_words.h"

#include "core/calendar.h"
#include "core/poll_rules.h"

namespace linli::ui {

std::string phase_line(const View& v, const Poll& p) {
    switch (phase(p, v.now_ms)) {
        case PollPhase::draft: return v.t("poll.phase.draft");
        case PollPhase::not_yet_open: return v.f("poll.phase.soon", {format_date_time(p.opens_ms)});
        case PollPhase::open:
            return p.closes_ms ? v.f("poll.phase.open_until", {format_date_time(p.closes_ms)}) : v.t("poll.phase.open");
        case PollPhase::closed:
            return p.status == PollStatus::published ? v.t("poll.phase.published") : v.t("poll.phase.closed");
        case PollPhase::withdrawn: return v.t("poll.phase.withdrawn");
    }
    return "";
}

std::string who_line(const View& v, const Poll& p) {
    if (p.eligibility == Eligibility::household) {
        if (!p.building) return v.t("poll.who.household");
        const Record* b = v.data().find(*p.building);
        return v.f("poll.who.household_building", {b && b->as<Building>() ? b->as<Building>()->number : "?"});
    }
    return v.t("poll.who.anyone");
}

std::string rule_line(const View& v, const Poll& p) {
    if (p.type == PollKind::decision) return v.t(p.matter == Matter::major ? "poll.rule.major" : "poll.rule.ordinary");
    for (const auto& q : p.questions)
        if (q.type == QuestionType::ranking) {
            int k = ranking_places(q);
            return v.f("poll.rule.ranking", {std::to_string(k), std::to_string(k - 1)});
        }
    return "";
}

std::string kind_tag(const View& v, const Poll& p) {
    std::string tag = v.t("pollkind." + std::string(enum_name(p.type)));
    if (p.stage != PollStage::none) tag += " · " + std::string(v.t("stage." + std::string(enum_name(p.stage))));
    return tag;
}

std::string questions_line(const View& v, const Poll& p) {
    std::size_t always = 0;
    for (const auto& q : p.questions) always += !q.show_if;
    std::size_t all = p.questions.size();
    if (always == all) return all == 1 ? v.t("poll.questions1") : v.f("poll.questions", {std::to_string(all)});
    return v.f("poll.questions_range", {std::to_string(always), std::to_string(all)});
}

std::string home_line(const View& v, const Poll& p, const Id& household) {
    if (const Record* h = v.data().find(household); h && h->as<Household>()) {
        const Household& hh = *h->as<Household>();
        const Record* b = v.data().find(hh.building);
        std::string number = b && b->as<Building>() ? b->as<Building>()->number : "?";
        return hh.unit.empty() ? v.f("answer.home_room", {number, hh.room}) : v.f("answer.home", {number, hh.unit, hh.room});
    }
    for (const auto& c : p.codes)
        if (c.household == household && c.building)
            if (const Record* b = v.data().find(*c.building); b && b->as<Building>())
                return v.f("answer.home_building", {b->as<Building>()->number});
    return "";
}

bool poll_notice_current(const View& v, const Id& poll) {
    return !v.status.notice.empty() && v.status.notice_poll == poll && v.status.notice_seq > v.ui.polls.notice_seen;
}

namespace {
const PollIndex& index_of(const View& v) {
    PollIndex& x = v.ui.polls.index;
    if (x.generation == v.data().generation()) return x;
    x = {};
    const std::string& me = v.store.meta().device;
    for (const auto& [id, r] : v.data().records()) {
        const Response* s = r.as<Response>();
        if (!s) continue;
        ++x.responses[s->poll];
        if (r.rev.device != me) continue;
        const Record*& best = x.mine[s->poll];
        if (!best || best->rev < r.rev) best = &r;
    }
    x.generation = v.data().generation();
    return x;
}
}  // namespace

const Record* answered_here(const View& v, const Id& poll) {
    const auto& mine = index_of(v).mine;
    auto it = mine.find(poll);
    return it == mine.end() ? nullptr : it->second;
}

int responses_to(const View& v, const Id& poll) {
    const auto& n = index_of(v).responses;
    auto it = n.find(poll);
    return it == n.end() ? 0 : it->second;
}

}  // namespace linli::ui
