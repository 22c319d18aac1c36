// Owners' decisions that cannot be bent after the vote: rules frozen once voting begins
// (in the editor's step and in the merge, through the terms every ballot carries), a
// logged lifecycle, one rule for voting again, and figures that never contradict the
// verdict.
#include <doctest/doctest.h>

#include "core/i18n.h"
#include "core/poll_lifecycle.h"
#include "core/tally.h"
#include "poll_fixtures.h"

using namespace linli;
using namespace linli::test;

namespace {

const Poll& poll_of(const Dataset& d) { return *d.find(kPoll)->as<Poll>(); }

std::string key_of(const Result<Poll>& r) { return r ? std::string("ok") : r.error().key; }

// A ballot as the app writes it: with the terms of the poll it was given under.
void ballot(Dataset& d, int household, const std::string& choice_id, int n, std::int64_t ms = kOpen + 1000) {
    Response r = resp({ans("q1", {choice_id})}, ms);
    r.household = hid(household);
    r.terms = poll_terms(poll_of(d));
    d.merge(rec(rid(n), r, ms));
}

}  // namespace

TEST_CASE("once voting has begun, an edit may not change the rules; the title and a later closing time it may") {
    Dataset d = decision_data({80, 90, 100}, Matter::major);
    Poll saved = poll_of(d);
    saved.closes_ms = kClose;
    const std::int64_t now = kOpen + 3600000;
    REQUIRE(rules_frozen(saved, false, now));
    auto edit = [&](auto change) {
        Poll e = saved;
        change(e);
        return save_edit(&saved, e, true, now);
    };
    CHECK(key_of(edit([](Poll& p) { p.matter = Matter::ordinary; })) == "err.frozen.matter");
    CHECK(key_of(edit([](Poll& p) { p.building.reset(); })) == "err.frozen.scope");
    CHECK(key_of(edit([](Poll& p) { p.questions[0].options[2].text.zh = "不表态"; })) == "err.frozen.questions");
    CHECK(key_of(edit([](Poll& p) { p.opens_ms += 1; })) == "err.frozen.opens");
    CHECK(key_of(edit([](Poll& p) { p.closes_ms -= 1; })) == "err.frozen.closes_earlier");
    CHECK(key_of(edit([](Poll& p) { p.closes_ms = 0; })) == "err.frozen.closes_earlier");

    // An edit never moves a published or open poll back to draft: the status is kept.
    auto retitled = edit([](Poll& p) {
        p.title.zh = "12 号楼加装电梯（第二轮）";
        p.status = PollStatus::draft;
    });
    REQUIRE(retitled);
    CHECK(retitled->status == PollStatus::open);
    CHECK(retitled->title.zh == "12 号楼加装电梯（第二轮）");
    CHECK(poll_terms(*retitled) == poll_terms(saved));  // the wording of the title is not a rule

    // A later closing time is an extension, written into the log.
    auto later = edit([](Poll& p) { p.closes_ms += 86400000; });
    REQUIRE(later);
    REQUIRE(later->log.size() == 1);
    CHECK(later->log[0].action == PollAction::extend);
    CHECK(later->log[0].closes_ms == kClose + 86400000);
    CHECK(later->log[0].at_ms == now);
    CHECK(poll_terms(*later) == poll_terms(saved));

    // Before it starts (opened, scheduled for later, no ballots) a poll can still change.
    Poll scheduled = saved;
    scheduled.opens_ms = now + 86400000;
    scheduled.closes_ms = now + 3 * 86400000LL;
    CHECK(!rules_frozen(scheduled, false, now));
    Poll e = scheduled;
    e.matter = Matter::ordinary;
    CHECK(save_edit(&scheduled, e, false, now));
    CHECK(rules_frozen(scheduled, true, now));  // ...unless this device already holds a ballot
}

TEST_CASE("the lifecycle: each step from where it may be taken, logged; a published result is final") {
    Poll p = decision_data({80, 90, 100}, Matter::major).find(kPoll)->as<Poll>()[0];
    p.status = PollStatus::draft;
    p.closes_ms = kClose;
    auto opened = open_poll(p, kOpen);
    REQUIRE(opened);
    CHECK(key_of(open_poll(*opened, kOpen)) == "err.poll.not_draft");
    CHECK(key_of(extend_poll(*opened, kClose - 1, "", kOpen + 1)) == "err.frozen.closes_earlier");
    auto extended = extend_poll(*opened, kClose + 86400000, "两户在外地，多等一天", kOpen + 1);
    REQUIRE(extended);
    CHECK(extended->closes_ms == kClose + 86400000);
    CHECK(closes_early(*extended, kOpen + 2));
    auto closed = close_poll(*extended, {}, kOpen + 2);
    REQUIRE(closed);
    CHECK(key_of(extend_poll(*closed, kClose + 2 * 86400000LL, "", kOpen + 3)) == "err.frozen.closes_not_open");
    CHECK(key_of(reopen_poll(*closed, "", 0, kOpen + 3)) == "err.poll.reason_needed");
    CHECK(key_of(reopen_poll(*closed, "漏了一个单元", kOpen + 2, kOpen + 3)) == "err.poll.closes_past");
    auto reopened = reopen_poll(*closed, "漏了一个单元", kClose + 5 * 86400000LL, kOpen + 3);
    REQUIRE(reopened);
    CHECK(reopened->status == PollStatus::open);
    auto closed2 = close_poll(*reopened, {}, kOpen + 4);
    REQUIRE(closed2);
    auto published = publish_poll(*closed2, PollResults{}, kOpen + 5);
    REQUIRE(published);
    CHECK(key_of(reopen_poll(*published, "再投一次", 0, kOpen + 6)) == "err.poll.final");
    CHECK(key_of(withdraw_poll(*published, "撤回", kOpen + 6)) == "err.poll.final");
    CHECK(key_of(publish_poll(*published, PollResults{}, kOpen + 6)) == "err.poll.final");
    std::vector<PollAction> actions;
    for (const auto& e : published->log) actions.push_back(e.action);
    CHECK(actions == std::vector<PollAction>{PollAction::open, PollAction::extend, PollAction::close, PollAction::reopen,
                                             PollAction::close, PollAction::publish});
    CHECK(published->log[3].reason == "漏了一个单元");
    // The rules never moved through all of it.
    CHECK(poll_terms(*published) == poll_terms(p));

    CHECK(key_of(withdraw_poll(*opened, "", kOpen + 1)) == "err.poll.reason_needed");
    auto withdrawn = withdraw_poll(*opened, "方案有误，另行表决", kOpen + 1);
    REQUIRE(withdrawn);
    CHECK(withdrawn->status == PollStatus::withdrawn);
    CHECK(phase(*withdrawn, kOpen + 2) == PollPhase::withdrawn);
}

TEST_CASE("a forged history is refused by any reader: publish then reopen, an earlier extension, a status it does not lead to") {
    Poll p = decision_data({80, 90, 100}, Matter::major).find(kPoll)->as<Poll>()[0];
    p.status = PollStatus::draft;
    p.closes_ms = kClose;
    Poll pub = *publish_poll(*close_poll(*open_poll(p, kOpen), {}, kOpen + 1), PollResults{}, kOpen + 2);
    REQUIRE(!check_poll(pub));
    Poll forged = pub;
    forged.log.push_back(PollEvent{kOpen + 3, PollAction::reopen, 0, "改一下"});
    forged.status = PollStatus::open;
    CHECK(check_poll(forged)->key == "err.poll.log_order");
    forged = pub;
    forged.status = PollStatus::open;  // unpublished without a step that could do it
    CHECK(check_poll(forged)->key == "err.poll.log_status");
    forged = pub;
    forged.results.reset();
    CHECK(check_poll(forged)->key == "err.poll.published_no_results");
    Poll open = *open_poll(p, kOpen);
    forged = open;
    forged.log.push_back(PollEvent{kOpen + 1, PollAction::extend, kClose - 1000, ""});
    forged.closes_ms = kClose - 1000;
    CHECK(check_poll(forged)->key == "err.poll.extend_earlier");
    forged = open;
    forged.closes_ms = kClose - 1000;  // shortened without a trace
    CHECK(check_poll(forged)->key == "err.poll.log_closes");
}

TEST_CASE("a merged version of the poll with other rules: its ballots show as given under other rules, never re-judged") {
    Dataset d = decision_data({80, 90, 100, 60, 70, 100}, Matter::major);
    ballot(d, 0, kFor, 1);
    ballot(d, 1, kFor, 2);
    ballot(d, 2, kFor, 3);
    ballot(d, 3, kAgainst, 4);
    Tally before = tally(d, kPoll);
    CHECK(before.counted == 4);
    CHECK(before.trustworthy());

    // Another device's bundle carries the same poll, later, as an ordinary matter.
    Poll changed = poll_of(d);
    changed.matter = Matter::ordinary;
    d.merge(rec(kPoll, changed, kOpen + 5000, "devb"));
    Tally t = tally(d, kPoll);
    CHECK(t.counted == 0);
    CHECK(t.rules_changed == 4);
    CHECK(!t.trustworthy());
    for (const auto& b : t.ballots) CHECK(b.status == BallotStatus::rules_changed);
    std::string json = tally_json(t);
    CHECK(json.find("\"rules_changed\": 4") != std::string::npos);
    CHECK(json.find("\"would_pass_if_closed_now\": false") != std::string::npos);
    Catalog c;
    CHECK(tally_csv(d, t, c.in(Lang::en), Lang::en).find("No result: the rules were changed") != std::string::npos);

    // A ballot written before terms were recorded (empty) is still counted.
    Dataset legacy = decision_data({80, 90, 100}, Matter::major);
    vote(legacy, 0, kFor, 1);
    CHECK(tally(legacy, kPoll).counted == 1);
}

TEST_CASE("one rule for voting again: the household's latest ballot counts, on any device, in any order") {
    Dataset a = decision_data({80, 90, 100}, Matter::ordinary);
    ballot(a, 0, kAgainst, 1, kOpen + 1000);
    ballot(a, 0, kFor, 2, kOpen + 2000);  // the same code again, later
    Tally t = tally(a, kPoll);
    CHECK(t.counted == 1);
    CHECK(t.decision->for_households == 1);
    int superseded = 0;
    for (const auto& b : t.ballots) superseded += b.status == BallotStatus::superseded;
    CHECK(superseded == 1);

    // Cloned devices: two ballots of one household with the same rev. The order they
    // arrive in must not decide which counts.
    auto make = [](bool reversed) {
        Dataset d = decision_data({80, 90, 100}, Matter::ordinary);
        Response x = resp({ans("q1", {kFor})});
        x.household = hid(0);
        Response y = resp({ans("q1", {kAgainst})});
        y.household = hid(0);
        Record rx = rec(rid(7), x, kOpen + 1000, "clone"), ry = rec(rid(8), y, kOpen + 1000, "clone");
        if (reversed) std::swap(rx, ry);
        d.merge(rx);
        d.merge(ry);
        return tally(d, kPoll).decision->for_households;
    };
    CHECK(make(false) == make(true));
    CHECK(make(false) == 0);  // rid(8), the larger id, says "against"
}

TEST_CASE("a ballot that answers one question twice is refused") {
    Dataset d = decision_data({80, 90, 100}, Matter::ordinary);
    Response r = resp({ans("q1", {kFor}), ans("q1", {kAgainst})});
    r.household = hid(0);
    CHECK(check_response(poll_of(d), r)->key == "err.answer.twice");
    d.merge(rec(rid(1), r));
    Tally t = tally(d, kPoll);
    CHECK(t.counted == 0);
    CHECK(t.questions[0].answered == 0);
}

TEST_CASE("an exclusive option (\"none of these\") is chosen alone, and alone it is a whole answer") {
    Poll p = survey();
    p.questions[1].options.push_back(Option{"none", {"都不需要", "None of these"}, true});
    p.questions[1].max_choices = 3;
    REQUIRE(!check_poll(p));
    Question& q = p.questions[1];
    CHECK(check_answer(q, ans("q2", {"x", "none"}))->key == "err.answer.exclusive");
    Answer with_other = ans("q2", {"none"});
    with_other.other = "健身房";
    CHECK(check_answer(q, with_other)->key == "err.answer.exclusive");
    q.min_choices = 2;
    CHECK(!check_answer(q, ans("q2", {"none"})));
    CHECK(check_answer(q, ans("q2", {"x"}))->key == "err.answer.too_few");
    p.questions[0].options[0].exclusive = true;  // on a single-choice question it means nothing
    CHECK(check_poll(p)->key == "err.poll.exclusive_multiple");
}

TEST_CASE("the four figures are rounded toward their verdict, so they never contradict it") {
    const Threshold two_thirds{2, 3, false}, half{1, 2, true}, three_quarters{3, 4, false};
    CHECK(percent_toward(2, 3, true, two_thirds) == "66.67");           // exactly 2/3: reached
    CHECK(percent_toward(13333, 20000, false, two_thirds) == "66.66");  // 66.665 %: not reached
    CHECK(percent_toward(1, 2, false, half) == "50.00");                // exactly half is not more than half
    CHECK(percent_toward(10001, 20000, true, half) == "50.01");
    CHECK(percent_toward(200001, 400000, true, half) == "50.01");       // 50.00025 %
    CHECK(percent_toward(399999, 800000, false, half) == "50.00");      // 49.999875 %: still not more than half
    CHECK(percent_toward(3, 4, true, three_quarters) == "75.00");
    CHECK(percent_toward(74999, 100000, false, three_quarters) == "74.99");  // not 75.00
    // Away from the threshold, the nearest: 36/42 = 85.714 %.
    CHECK(percent_toward(36, 42, true, two_thirds) == "85.71");
    CHECK(percent_toward(1, 42, false, two_thirds) == "2.38");

    // Ordinary matter, half the voters for: not more than half, and it reads so.
    Dataset d = decision_data({100, 100, 100, 100}, Matter::ordinary);
    ballot(d, 0, kFor, 1);
    ballot(d, 1, kFor, 2);
    ballot(d, 2, kAgainst, 3);
    ballot(d, 3, kAbstain, 4);
    auto f = figures(*tally(d, kPoll).decision);
    CHECK(f[3].percent == "50.00");
    CHECK(!f[3].ok);
}

TEST_CASE("an open vote has a standing, never a verdict; the closed one says passed or failed") {
    Dataset d = decision_data({80, 90, 100}, Matter::ordinary);
    ballot(d, 0, kFor, 1);
    ballot(d, 1, kFor, 2);
    ballot(d, 2, kFor, 3);
    Tally open = tally(d, kPoll);
    CHECK(!open.final());
    CHECK(open.decision->passed());
    std::string json = tally_json(open);
    CHECK(json.find("\"passed\"") == std::string::npos);
    CHECK(json.find("\"would_pass_if_closed_now\": true") != std::string::npos);
    Catalog c;
    std::string csv = tally_csv(d, open, c.in(Lang::zh), Lang::zh);
    CHECK(csv.find("表决通过") == std::string::npos);
    CHECK(csv.find("若现在截止，将达到通过条件") != std::string::npos);

    Poll closed = *close_poll(poll_of(d), roll_of(d, poll_of(d)), kOpen + 5000);
    d.merge(rec(kPoll, closed, kOpen + 5000));
    Tally t = tally(d, kPoll);
    CHECK(t.final());
    CHECK(t.counted == 3);  // closing changes no rule: the ballots still count
    CHECK(tally_json(t).find("\"passed\": true") != std::string::npos);
    csv = tally_csv(d, t, c.in(Lang::en), Lang::en);
    CHECK(csv.find(",counted,") != std::string::npos);  // the status column in the chosen language
    CHECK(csv.find("Civil Code art. 278") != std::string::npos);
    CHECK(csv.find("270.00 / 270.00,100.00%,reached") != std::string::npos);
}

TEST_CASE("a volunteer's tablet without the household list counts ballots by the poll's codes and gives no verdict") {
    Dataset full = decision_data({80, 90, 100}, Matter::ordinary);
    Poll p = poll_of(full);
    p.codes = {CodeHash{"h0", hid(0), kBuilding}, CodeHash{"h1", hid(1), kBuilding}, CodeHash{"h2", hid(2), kBuilding}};
    Dataset tablet;
    Building b;
    b.number = "12";
    tablet.merge(rec(kBuilding, b));
    tablet.merge(rec(kPoll, p));
    ballot(tablet, 0, kFor, 1);
    ballot(tablet, 1, kAgainst, 2);
    Response stranger = resp({ans("q1", {kFor})});
    stranger.household = hid(9);
    stranger.terms = poll_terms(p);
    tablet.merge(rec(rid(3), stranger));
    Tally t = tally(tablet, kPoll);
    CHECK(t.counted == 2);
    CHECK(t.decision->missing_areas == 3);
    CHECK(!t.decision->passed());
}

TEST_CASE("a closed decision is counted by the roll fixed at closing: later edits of the household list are a note, not a new verdict") {
    // Building 12, four households; three vote for: participation 3/4, approval 3/3.
    Dataset d = decision_data({100, 100, 100, 100}, Matter::major);
    ballot(d, 0, kFor, 1);
    ballot(d, 1, kFor, 2);
    ballot(d, 2, kFor, 3);
    Poll closed = *close_poll(poll_of(d), roll_of(d, poll_of(d)), kOpen + 5000);
    REQUIRE(closed.roll.size() == 4);
    d.merge(rec(kPoll, closed, kOpen + 5000));
    Tally before = tally(d, kPoll);
    REQUIRE(before.decision->passed());

    // A month later the committee moves household 0 to another building and corrects
    // household 3's area. Counted from the live list, household 0's ballot would fall
    // outside the scope and the totals would change; the closed result stays as it was.
    Record moved = *d.find(hid(0));
    moved.as<Household>()->building = "b0000000000000000000000000000099";
    moved.rev = Rev{kOpen + 30LL * 86400000, 0, "deva"};
    d.merge(moved);
    Record corrected = *d.find(hid(3));
    corrected.as<Household>()->area_m2 = 400;
    corrected.rev = Rev{kOpen + 30LL * 86400000, 1, "deva"};
    d.merge(corrected);
    Tally after = tally(d, kPoll);
    CHECK(after.decision->passed());
    CHECK(after.decision->total_area == before.decision->total_area);
    CHECK(after.decision->voted_households == 3);
    CHECK(after.decision->roll_changed == 2);
    CHECK(after.counted == 3);

    // The public copy of the closed poll carries no roll (it holds floor areas).
    CHECK(public_view(rec(kPoll, closed)).as<Poll>()->roll.empty());

    // Reopened, the roll is let go and fixed again at the next close.
    Poll reopened = *reopen_poll(closed, "补投", 0, kOpen + 6000);
    CHECK(reopened.roll.empty());
}
