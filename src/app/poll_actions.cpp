#include "app/poll_actions.h"

#include "core/calendar.h"
#include "core/code_sheet.h"
#include "core/household_codes.h"
#include "core/poll_lifecycle.h"
#include "core/poll_rules.h"
#include "core/tally.h"
#include "platform/platform.h"

namespace linli::app {
namespace {

const Poll* live_poll(const Dataset& d, const Id& id) {
    const Record* r = d.find(id);
    return r && !r->deleted ? r->as<Poll>() : nullptr;
}

}  // namespace

Result<ui::Submitted> PollActions::submit(PollContext& c, const store::Draft& d) {
    const Poll* pp = live_poll(c.store.data(), d.poll);
    if (!pp) return make_error("err.answer.no_poll");
    const Poll& p = *pp;
    std::int64_t now = platform::now_ms();
    Response r;
    r.poll = d.poll;
    r.household = d.household;
    r.answers = d.answers;
    r = final_answers(p, std::move(r));
    r.submitted_ms = now;
    r.terms = poll_terms(p);  // the rules this ballot is given under
    if (phase(p, now) != PollPhase::open) return make_error("err.answer.closed");
    if (auto e = check_response(p, r)) return *e;
    // Voting again with the same code is allowed until closing (the slips say so): the
    // new ballot supersedes the earlier one, and the resident is told.
    ui::Submitted out;
    if (r.household)
        if (const Record* earlier = latest_ballot(c.store.data(), d.poll, *r.household)) out.replaced = receipt_code(earlier->id);
    Record rec{c.ids.next(), c.store.clock().tick(now), false, r};
    if (auto e = c.store.put(rec, now)) return *e;
    c.store.clear_draft(d.poll);
    c.changed();
    out.receipt = receipt_code(rec.id);
    return out;
}

std::optional<Error> PollActions::put(PollContext& c, const Id& id, const Poll& p) {
    std::int64_t now = platform::now_ms();
    if (auto e = c.store.put(Record{id, c.store.clock().tick(now), false, p}, now)) return e;
    c.changed();
    return std::nullopt;
}

Result<Id> PollActions::save(PollContext& c, const Id& id, const Poll& edited, bool open) {
    std::int64_t now = platform::now_ms();
    const Poll* saved = id.empty() ? nullptr : live_poll(c.store.data(), id);
    if (!id.empty() && !saved) return make_error("err.answer.no_poll");
    auto next = save_edit(saved, edited, saved && has_responses(c.store.data(), id), now);
    if (!next) return next.error();
    if (open) {
        next = open_poll(std::move(*next), now);
        if (!next) return next.error();
    }
    Id rid = id.empty() ? c.ids.next() : id;
    if (auto e = put(c, rid, *next)) return *e;
    return rid;
}

std::optional<Error> PollActions::step(PollContext& c, const Id& id, const ui::PollStep& s) {
    const Poll* pp = live_poll(c.store.data(), id);
    if (!pp) return make_error("err.answer.no_poll");
    std::int64_t now = platform::now_ms();
    using K = ui::PollStep::Kind;
    if (s.kind == K::remove) {
        // Only a draft can go: once opened, a poll is withdrawn (kept, marked), never erased.
        if (pp->status != PollStatus::draft) return make_error("err.poll.not_draft");
        if (auto e = c.store.put(Record{id, c.store.clock().tick(now), true, *pp}, now)) return e;
        c.changed();
        return std::nullopt;
    }
    Result<Poll> next = make_error("err.poll.not_open");
    switch (s.kind) {
        case K::open: next = open_poll(*pp, now); break;
        case K::close: next = close_poll(*pp, roll_of(c.store.data(), *pp), now); break;
        case K::reopen: next = reopen_poll(*pp, s.reason, s.closes_ms, now); break;
        case K::extend: next = extend_poll(*pp, s.closes_ms, s.reason, now); break;
        // Publishing puts the counts (never the ballots) into the poll, for residents' devices.
        case K::publish: next = publish_poll(*pp, summarize(tally(c.store.data(), id), now), now); break;
        case K::withdraw: next = withdraw_poll(*pp, s.reason, now); break;
        case K::remove: break;
    }
    if (!next) return next.error();
    if (c.status.notice_poll == id) c.status.notice.clear();  // what it said is about the poll as it was
    return put(c, id, *next);
}

void PollActions::make_codes(PollContext& c, const Id& id) {
    const Poll* pp = live_poll(c.store.data(), id);
    if (!pp || codes_) return;
    CodesWork work{*pp, {}, 0};
    work.poll.salt = new_salt(c.ids);
    work.poll.codes.clear();
    for (const Record* r : c.store.data().live(Kind::household)) {
        if (work.poll.building && r->as<Household>()->building != *work.poll.building) continue;
        Record h = *r;
        if (h.as<Household>()->code.empty()) {  // a household keeps its printed code across polls
            h.as<Household>()->code = new_household_code(c.ids);
            h.rev = c.store.clock().tick(platform::now_ms());
        }
        work.households.push_back(std::move(h));
    }
    c.status.notice_poll = id;
    if (work.households.empty()) {
        c.status.notice = c.words.get("err.codes.no_households");
        ++c.status.notice_seq;
        return;
    }
    c.status.notice.clear();
    c.status.codes = ui::CodesJob{id, 0, static_cast<int>(work.households.size())};
    codes_ = std::move(work);
}

void PollActions::step_codes(PollContext& c) {
    if (!codes_) return;
    platform::request_frames(2);  // keep going (and showing progress) until done
    // Each hash is deliberately slow: spend at most ~40 ms a frame so the screen stays alive.
    std::int64_t start = platform::now_ms();
    while (codes_->next < codes_->households.size() && platform::now_ms() - start < 40) {
        const Record& r = codes_->households[codes_->next++];
        const Household& h = *r.as<Household>();
        codes_->poll.codes.push_back(CodeHash{code_hash(h.code, codes_->poll.salt), r.id, h.building});
    }
    c.status.codes.done = static_cast<int>(codes_->next);
    if (codes_->next < codes_->households.size()) return;
    std::int64_t now = platform::now_ms();
    const Dataset& d = c.store.data();
    std::vector<Record> all;
    for (const auto& h : codes_->households)
        if (d.find(h.id) && !(*d.find(h.id) == h)) all.push_back(h);
    all.push_back(Record{c.status.codes.poll, c.store.clock().tick(now), false, codes_->poll});
    if (auto e = c.store.put_all(all, now)) c.status.save_error = describe(*e, c.words);
    c.status.notice_poll = c.status.codes.poll;
    c.status.notice = c.words.format("tools.codes_done", {std::to_string(codes_->households.size())});
    ++c.status.notice_seq;
    codes_.reset();
    c.changed();
}

void PollActions::print_codes(PollContext& c, const Id& poll) {
    platform::download(c.file_stem + "-codes-" + format_date(platform::now_ms()) + ".html",
                       code_sheet_html(c.store.data(), poll, platform::app_url()), "text/html");
}

void PollActions::export_csv(PollContext& c, const Id& poll) {
    const Dataset& d = c.store.data();
    platform::download(c.file_stem + "-poll-" + poll.substr(0, 8) + "-" + format_date(platform::now_ms()) + ".csv",
                       tally_csv(d, tally(d, poll), c.words, c.lang), "text/csv");
}

}  // namespace linli::app
