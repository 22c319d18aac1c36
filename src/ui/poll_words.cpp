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

const Record* answered_here(const View& v, const Id& poll) {
    const Record* found = nullptr;
    for (const auto& [id, r] : v.data().records())
        if (const Response* s = r.as<Response>(); s && s->poll == poll && r.rev.device == v.store.meta().device)
            if (!found || found->rev < r.rev) found = &r;
    return found;
}

int responses_to(const View& v, const Id& poll) {
    int n = 0;
    for (const auto& [id, r] : v.data().records())
        if (const Response* s = r.as<Response>(); s && s->poll == poll) ++n;
    return n;
}

}  // namespace linli::ui
