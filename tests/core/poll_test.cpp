// Polls: what makes one well-formed, answers acceptable, household codes, and tallies,
// including owners' decisions under the PRC Civil Code art. 278 with worked examples.
#include <doctest/doctest.h>

#include "core/dataset.h"
#include "core/household_codes.h"
#include "core/poll_rules.h"
#include "core/tally.h"
#include "poll_fixtures.h"

using namespace linli;
using namespace linli::test;


TEST_CASE("a well-formed survey passes; each kind of mistake is named") {
    CHECK(!check_poll(survey()));
    auto err = [](auto mutate) {
        Poll p = survey();
        mutate(p);
        auto e = check_poll(p);
        return e ? e->key : std::string("ok");
    };
    CHECK(err([](Poll& p) { p.questions.clear(); }) == "err.poll.no_questions");
    CHECK(err([](Poll& p) { p.questions[0].options.resize(1); }) == "err.poll.no_options");
    CHECK(err([](Poll& p) { p.questions[0].options.clear(); }) == "err.poll.no_options");
    CHECK(err([](Poll& p) { p.questions[0].options[1] = p.questions[0].options[0]; }) == "err.poll.duplicate_option");
    CHECK(err([](Poll& p) { p.questions[0].options[1].text = p.questions[0].options[0].text; }) == "err.poll.duplicate_option");
    CHECK(err([](Poll& p) { p.questions[1].min_choices = 3; }) == "err.poll.min_max");
    CHECK(err([](Poll& p) { p.questions[1].max_choices = 4; }) == "err.poll.max_choices");
    CHECK(err([](Poll& p) { p.questions[3].show_if = ShowIf{"q4", "a"}; }) == "err.poll.show_if_order");  // itself
    CHECK(err([](Poll& p) { p.questions[0].show_if = ShowIf{"q2", "x"}; }) == "err.poll.show_if_order");  // forward
    CHECK(err([](Poll& p) { p.questions[3].show_if = ShowIf{"q1", "nope"}; }) == "err.poll.show_if_option");
    CHECK(err([](Poll& p) { p.closes_ms = p.opens_ms - 1; }) == "err.poll.schedule");
    CHECK(err([](Poll& p) { p.closes_ms = p.opens_ms; }) == "err.poll.schedule");
    CHECK(err([](Poll& p) { p.questions[1].id = "q1"; }) == "err.poll.duplicate_question");
    CHECK(err([](Poll& p) {
              p.questions[2].type = QuestionType::number;
              p.questions[2].num_min = 5;
              p.questions[2].num_max = 1;
          }) == "err.poll.number_range");
    CHECK(err([](Poll& p) { p.type = PollKind::decision; }) == "err.poll.decision_shape");
}

TEST_CASE("answers: required, show-only-if, choices, lengths, ranges, and the open window") {
    Poll p = survey();
    auto err = [&](const Response& r) {
        auto e = check_response(p, r);
        return e ? e->key : std::string("ok");
    };
    CHECK(err(resp({ans("q1", {"b"}), num("q3", 4)})) == "ok");
    CHECK(err(resp({ans("q1", {"b"})})) == "err.answer.required");
    CHECK(err(resp({num("q3", 6)})) == "err.answer.score");
    CHECK(err(resp({num("q3", 2.5)})) == "err.answer.score");
    CHECK(err(resp({ans("q1", {"a", "b"}), num("q3", 4)})) == "err.answer.one_choice");
    CHECK(err(resp({ans("q1", {"d"}), num("q3", 4)})) == "err.answer.no_such_option");
    CHECK(err(resp({ans("q2", {"x", "y", "z"}), num("q3", 4)})) == "err.answer.too_many");
    Answer other = ans("q2", {"x", "y"});
    other.other = "健身房";
    CHECK(err(resp({other, num("q3", 4)})) == "err.answer.too_many");  // "other" counts as a choice
    other.choices = {"x"};
    CHECK(err(resp({other, num("q3", 4)})) == "ok");
    // q4 shows only when q1 is "a".
    Answer text = ans("q4");
    text.text = "多装路灯";
    CHECK(err(resp({ans("q1", {"b"}), num("q3", 4), text})) == "err.answer.hidden");
    CHECK(err(resp({ans("q1", {"a"}), num("q3", 4), text})) == "ok");
    text.text = "一二三四五六七八九十十一";
    CHECK(err(resp({ans("q1", {"a"}), num("q3", 4), text})) == "err.field.too_long");
    CHECK(err(resp({ans("q1", {"b"}), num("q3", 4)}, kClose)) == "err.answer.closed");
    CHECK(err(resp({ans("q1", {"b"}), num("q3", 4)}, kOpen - 1)) == "err.answer.closed");
    CHECK(err(resp({ans("q9", {"b"}), num("q3", 4)})) == "err.answer.no_such_question");
}

TEST_CASE("household codes: ten characters without look-alikes, checked by a salted slow hash") {
    IdSource ids(11);
    std::string code = new_household_code(ids);
    CHECK(code.size() == 10);
    CHECK(code.find_first_not_of(kCodeAlphabet) == std::string::npos);
    CHECK(format_code(code).size() == 11);
    CHECK(normalize_code("k7qpm-3xar2") == std::optional<std::string>("K7QPM3XAR2"));
    CHECK(normalize_code(" K7QPM 3XAR2 ") == std::optional<std::string>("K7QPM3XAR2"));
    CHECK(!normalize_code("K7QPM3XAR"));   // too short
    CHECK(!normalize_code("K7QPM3XAR0"));  // 0 is not in the alphabet

    Poll p;
    p.salt = new_salt(ids);
    p.codes.push_back(CodeHash{code_hash(code, p.salt), hid(1)});
    std::string other = new_household_code(ids);
    p.codes.push_back(CodeHash{code_hash(other, p.salt), hid(2)});
    CHECK(p.codes[0].hash.size() == 32);
    CHECK(p.codes[0].hash != code_hash(code, new_salt(ids)));  // salted per poll

    auto ok = check_household_code(p, format_code(other));
    REQUIRE(ok.ok());
    CHECK(*ok == hid(2));
    std::string wrong = code;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    auto bad = check_household_code(p, wrong);
    REQUIRE(!bad.ok());
    CHECK(bad.error().key == "err.code.unknown");
    CHECK(check_household_code(p, "12").error().key == "err.code.format");
}

TEST_CASE("tallies: counts and percentages, other answers, scores, free text") {
    Dataset d;
    d.merge(rec(kPoll, survey()));
    Answer other = ans("q2", {"x"});
    other.other = "健身房";
    Answer text = ans("q4");
    text.text = "多装路灯";
    d.merge(rec(rid(1), resp({ans("q1", {"a"}), ans("q2", {"x", "y"}), num("q3", 5), text})));
    d.merge(rec(rid(2), resp({ans("q1", {"b"}), other, num("q3", 3)})));
    d.merge(rec(rid(3), resp({ans("q1", {"b"}), num("q3", 4)})));
    d.merge(rec(rid(4), resp({ans("q1", {"b"})})));  // no score: invalid, not counted
    Tally t = tally(d, kPoll);
    CHECK(t.responses == 4);
    CHECK(t.counted == 3);
    const QuestionTally& q1 = t.questions[0];
    CHECK(q1.answered == 3);
    CHECK(q1.options[0].count == 1);
    CHECK(q1.options[1].count == 2);
    CHECK(q1.options[1].percent == doctest::Approx(66.6667).epsilon(0.001));
    const QuestionTally& q2 = t.questions[1];
    CHECK(q2.options[0].count == 2);
    CHECK(q2.other_count == 1);
    CHECK(q2.others == std::vector<std::string>{"健身房"});
    const QuestionTally& q3 = t.questions[2];
    CHECK(q3.scores == std::array<int, 5>{0, 0, 1, 1, 1});
    CHECK(q3.mean == doctest::Approx(4.0));
    CHECK(t.questions[3].texts == std::vector<std::string>{"多装路灯"});
    int invalid = 0;
    for (const auto& b : t.ballots) invalid += b.status == BallotStatus::invalid;
    CHECK(invalid == 1);

    // What residents see once published is the same counts, rebuilt from the summary.
    Poll published = survey();
    published.results = summarize(t, kClose);
    Tally pub = from_published(published, kPoll);
    CHECK(pub.counted == 3);
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        CHECK(pub.questions[i].answered == t.questions[i].answered);
        for (std::size_t o = 0; o < t.questions[i].options.size(); ++o)
            CHECK(pub.questions[i].options[o].count == t.questions[i].options[o].count);
        CHECK(pub.questions[i].scores == t.questions[i].scores);
    }
    CHECK(pub.questions[3].texts.empty());  // free text is not published
}

TEST_CASE("needs ranking: the first place scores k points, the second k-1, ...") {
    Poll p;
    p.type = PollKind::needs;
    p.status = PollStatus::open;
    p.opens_ms = kOpen;
    Question q = choice("q1", QuestionType::ranking, {"taxi", "shed", "park", "lift"});
    q.max_choices = 3;
    p.questions.push_back(q);
    REQUIRE(!check_poll(p));
    Dataset d;
    d.merge(rec(kPoll, p));
    d.merge(rec(rid(1), resp({ans("q1", {"taxi", "shed", "park"})})));  // taxi 3, shed 2, park 1
    d.merge(rec(rid(2), resp({ans("q1", {"shed", "taxi"})})));          // shed 3, taxi 2
    d.merge(rec(rid(3), resp({ans("q1", {"taxi"})})));                  // taxi 3
    Tally t = tally(d, kPoll);
    const auto& opts = t.questions[0].options;  // by points
    CHECK(opts[0].option == "taxi");
    CHECK(opts[0].points == 8);
    CHECK(opts[1].option == "shed");
    CHECK(opts[1].points == 5);
    CHECK(opts[2].option == "park");
    CHECK(opts[2].points == 1);
    CHECK(opts[3].points == 0);
    CHECK(check_response(p, resp({ans("q1", {"taxi", "shed", "park", "lift"})}))->key == "err.answer.too_many");
}


TEST_CASE("art. 278 worked example: a major matter that passes on exact thresholds") {
    // Building 12: six households, 500 m² in all.
    Dataset d = decision_data({80, 90, 100, 60, 70, 100}, Matter::major);
    vote(d, 2, kFor, 1);      // 100 m²
    vote(d, 5, kFor, 2);      // 100 m²
    vote(d, 1, kFor, 3);      //  90 m²
    vote(d, 3, kAgainst, 4);  //  60 m²
    Tally t = tally(d, kPoll);
    REQUIRE(t.decision);
    const DecisionTally& x = *t.decision;
    CHECK(x.total_area == 50000);
    CHECK(x.total_households == 6);
    CHECK(x.voted_households == 4);  // exactly 2/3 of the headcount: reached
    CHECK(x.voted_area == 35000);    // 350 of 500 m² ≥ 2/3
    CHECK(x.participation_ok());
    CHECK(x.for_households == 3);    // exactly 3/4 of those who voted: reached for a major matter
    CHECK(x.for_area == 29000);      // 290 of 350 m² ≥ 3/4
    CHECK(x.approved());
    CHECK(x.passed());
    // Shown rounded toward the verdict: exactly 2/3 reaches its threshold and reads so.
    CHECK(figures(x)[1].percent == "66.67");
}

TEST_CASE("art. 278: exactly 2/3 of the area counts as reached; one less hundredth does not") {
    Dataset d = decision_data({100, 100, 100}, Matter::ordinary);
    vote(d, 0, kFor, 1);
    vote(d, 1, kFor, 2);
    DecisionTally x = *tally(d, kPoll).decision;
    CHECK(x.voted_area * 3 == x.total_area * 2);
    CHECK(x.participation_area_ok());
    CHECK(x.passed());
    Dataset d2 = decision_data({100, 99.99, 100.01}, Matter::ordinary);
    vote(d2, 0, kFor, 1);
    vote(d2, 1, kFor, 2);  // 199.99 of 300 m²
    DecisionTally y = *tally(d2, kPoll).decision;
    CHECK(!y.participation_area_ok());
    CHECK(!y.passed());
}

TEST_CASE("art. 278: fails on participation when too few households vote") {
    Dataset d = decision_data({80, 90, 100, 60, 70, 100}, Matter::ordinary);
    vote(d, 2, kFor, 1);
    vote(d, 5, kFor, 2);
    vote(d, 1, kFor, 3);  // 3 of 6 households (290 of 500 m²): below 2/3
    DecisionTally x = *tally(d, kPoll).decision;
    CHECK(!x.participation_households_ok());
    CHECK(!x.participation_area_ok());
    CHECK(x.approved());  // everyone who voted agreed, but too few voted
    CHECK(!x.passed());
}

TEST_CASE("art. 278: an ordinary matter needs more than half; exactly half is not enough") {
    Dataset d = decision_data({100, 100, 100, 100}, Matter::ordinary);
    vote(d, 0, kFor, 1);
    vote(d, 1, kFor, 2);
    vote(d, 2, kAgainst, 3);
    vote(d, 3, kAbstain, 4);  // abstaining counts as taking part, not as agreeing
    DecisionTally x = *tally(d, kPoll).decision;
    CHECK(x.participation_ok());
    CHECK(x.for_households * 2 == x.voted_households);
    CHECK(!x.approved());
    CHECK(!x.passed());
}

TEST_CASE("art. 278: a household with several owners counts once") {
    Dataset d = decision_data({100, 100, 100}, Matter::ordinary, {3, 1, 1});
    vote(d, 0, kFor, 1);
    vote(d, 1, kAgainst, 2);
    DecisionTally x = *tally(d, kPoll).decision;
    CHECK(x.total_households == 3);
    CHECK(x.voted_households == 2);
    CHECK(x.for_households == 1);
    CHECK(!x.approved());  // 1 of 2 households is not more than half, three owners or not
}

TEST_CASE("one household, one vote across devices: the latest counts in any merge order") {
    Dataset a = decision_data({100, 100, 100}, Matter::ordinary);
    Dataset b = a;
    vote(a, 0, kAgainst, 1, kOpen + 1000, "deva");  // the household votes on a volunteer's tablet...
    vote(b, 0, kFor, 2, kOpen + 5000, "devb");      // ...and later, again, on a phone
    vote(b, 1, kFor, 3, kOpen + 6000, "devb");
    Dataset ab = a, ba = b;
    ab.merge(b);
    ba.merge(a);
    Tally t1 = tally(ab, kPoll), t2 = tally(ba, kPoll);
    CHECK(t1.decision == t2.decision);
    CHECK(t1.decision->for_households == 2);
    CHECK(t1.decision->against_households == 0);
    int superseded = 0;
    for (const auto& line : t1.ballots)
        if (line.status == BallotStatus::superseded) {
            ++superseded;
            CHECK(line.response == rid(1));
        }
    CHECK(superseded == 1);
    CHECK(tally_json(t1) == tally_json(t2));
}

TEST_CASE("a ballot from a household outside the vote's scope is shown, not counted") {
    Dataset d = decision_data({100, 100, 100}, Matter::ordinary);
    Household elsewhere;
    elsewhere.building = "b0000000000000000000000000000003";
    elsewhere.room = "301";
    elsewhere.area_m2 = 90;
    d.merge(rec(hid(99), elsewhere));
    vote(d, 99, kFor, 1);
    Tally t = tally(d, kPoll);
    CHECK(t.counted == 0);
    REQUIRE(t.ballots.size() == 1);
    CHECK(t.ballots[0].status == BallotStatus::outside_scope);
}

TEST_CASE("CSV: a BOM for Excel, one row per response, quotes and formulas escaped") {
    Dataset d;
    d.merge(rec(kPoll, survey()));
    Answer text = ans("q4");
    text.text = "=HYPERLINK(\"x\")";
    d.merge(rec(rid(1), resp({ans("q1", {"a"}), num("q3", 5), text})));
    Catalog c;
    std::string csv = tally_csv(d, tally(d, kPoll), c.in(Lang::zh), Lang::zh);
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.find("回执,提交时间,户,状态,问题 q1") != std::string::npos);
    CHECK(csv.find("选项a") != std::string::npos);
    CHECK(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
}

TEST_CASE("100,000 responses tally") {
    Dataset d;
    Poll p = survey();
    d.merge(rec(kPoll, p));
    for (int i = 0; i < 100000; ++i)
        d.merge(rec(rid(i), resp({ans("q1", {std::string(1, "abc"[i % 3])}), num("q3", 1 + i % 5)})));
    Tally t = tally(d, kPoll);
    CHECK(t.counted == 100000);
    CHECK(t.questions[0].options[0].count == 33334);
    CHECK(t.questions[2].mean == doctest::Approx(3.0));
}
