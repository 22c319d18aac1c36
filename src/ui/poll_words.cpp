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

namespace {
const UiState::PollIndex& index_of(const View& v) {
    UiState::PollIndex& x = v.ui.poll_index;
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
