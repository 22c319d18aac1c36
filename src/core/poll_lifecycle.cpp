#include "core/poll_lifecycle.h"

#include "core/json_read.h"  // text_problem
#include "core/poll_rules.h"

namespace linli {
namespace {

std::optional<Error> check_reason(const std::string& reason, bool required) {
    if (required && reason.empty()) return make_error("err.poll.reason_needed");
    std::vector<std::string> args;
    if (auto problem = text_problem(reason, Rules{.max_len = 200}, args)) return make_error(*problem, args, "reason");
    return std::nullopt;
}

// The step is taken only if the poll it leads to is one any device would accept.
Result<Poll> checked(Poll p) {
    if (auto e = check_poll(p)) return *e;
    return p;
}

Result<Poll> step(Poll p, PollAction action, PollStatus to, std::int64_t now_ms, std::string reason = {}) {
    p.status = to;
    p.log.push_back(PollEvent{now_ms, action, p.closes_ms, std::move(reason)});
    return checked(std::move(p));
}

// The first rule an edit of a frozen poll would change, as the message that says so.
std::optional<Error> frozen_change(const Poll& saved, const Poll& edited) {
    if (edited.type != saved.type) return make_error("err.frozen.type");
    if (edited.matter != saved.matter) return make_error("err.frozen.matter");
    if (edited.building != saved.building) return make_error("err.frozen.scope");
    if (edited.eligibility != saved.eligibility) return make_error("err.frozen.eligibility");
    if (edited.opens_ms != saved.opens_ms) return make_error("err.frozen.opens");
    if (!(edited.questions == saved.questions)) return make_error("err.frozen.questions");
    return std::nullopt;
}

}  // namespace

Result<Poll> save_edit(const Poll* saved, Poll edited, bool has_responses, std::int64_t now_ms) {
    if (!saved) {
        edited.status = PollStatus::draft;
        edited.log.clear();
        edited.results.reset();
        return checked(std::move(edited));
    }
    edited.status = saved->status;
    edited.log = saved->log;
    edited.codes = saved->codes;
    edited.salt = saved->salt;
    edited.results = saved->results;
    if (!rules_frozen(*saved, has_responses, now_ms)) {
        // Opened but not started: no ballot can exist yet, so the schedule the log opened
        // with is simply the new one.
        for (auto it = edited.log.rbegin(); it != edited.log.rend(); ++it)
            if (it->action == PollAction::open || it->action == PollAction::extend || it->action == PollAction::reopen) {
                it->closes_ms = edited.closes_ms;
                break;
            }
        return checked(std::move(edited));
    }
    if (auto e = frozen_change(*saved, edited)) return *e;
    if (edited.closes_ms == saved->closes_ms) return checked(std::move(edited));
    // The one change of schedule a frozen poll takes: a later closing time, while open.
    std::int64_t later = edited.closes_ms;
    edited.closes_ms = saved->closes_ms;
    return extend_poll(std::move(edited), later, "", now_ms);
}

Result<Poll> open_poll(Poll p, std::int64_t now_ms) {
    if (p.status != PollStatus::draft) return make_error("err.poll.not_draft");
    return step(std::move(p), PollAction::open, PollStatus::open, now_ms);
}

bool closes_early(const Poll& p, std::int64_t now_ms) { return p.closes_ms != 0 && now_ms < p.closes_ms; }

Result<Poll> close_poll(Poll p, std::vector<RollEntry> roll, std::int64_t now_ms) {
    if (p.status != PollStatus::open) return make_error("err.poll.not_open");
    if (p.eligibility == Eligibility::household) p.roll = std::move(roll);
    return step(std::move(p), PollAction::close, PollStatus::closed, now_ms);
}

Result<Poll> reopen_poll(Poll p, const std::string& reason, std::int64_t closes_ms, std::int64_t now_ms) {
    if (p.status != PollStatus::closed) return make_error(p.status == PollStatus::published ? "err.poll.final" : "err.poll.not_closed");
    if (auto e = check_reason(reason, true)) return *e;
    if (closes_ms != 0 && closes_ms <= now_ms) return make_error("err.poll.closes_past");
    p.closes_ms = closes_ms;
    p.roll.clear();
    return step(std::move(p), PollAction::reopen, PollStatus::open, now_ms, reason);
}

Result<Poll> extend_poll(Poll p, std::int64_t closes_ms, const std::string& reason, std::int64_t now_ms) {
    if (p.status != PollStatus::open || phase(p, now_ms) != PollPhase::open) return make_error("err.frozen.closes_not_open");
    if (p.closes_ms == 0 || closes_ms <= p.closes_ms) return make_error("err.frozen.closes_earlier");
    if (auto e = check_reason(reason, false)) return *e;
    p.closes_ms = closes_ms;
    return step(std::move(p), PollAction::extend, PollStatus::open, now_ms, reason);
}

Result<Poll> publish_poll(Poll p, PollResults results, std::int64_t now_ms) {
    if (p.status == PollStatus::published) return make_error("err.poll.final");
    if (p.status != PollStatus::closed) return make_error("err.poll.not_closed");
    p.results = std::move(results);
    return step(std::move(p), PollAction::publish, PollStatus::published, now_ms);
}

Result<Poll> withdraw_poll(Poll p, const std::string& reason, std::int64_t now_ms) {
    if (p.status == PollStatus::published) return make_error("err.poll.final");
    if (p.status != PollStatus::open && p.status != PollStatus::closed) return make_error("err.poll.not_open");
    if (auto e = check_reason(reason, true)) return *e;
    return step(std::move(p), PollAction::withdraw, PollStatus::withdrawn, now_ms, reason);
}

}  // namespace linli
