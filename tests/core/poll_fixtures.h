// Polls and ballots for the core's tests: a survey, a decision on one building, votes.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/poll_rules.h"

namespace linli::test {

inline const std::int64_t kOpen = 1795400000000, kClose = kOpen + 7 * 86400000LL;
inline const Id kPoll = "90000000000000000000000000000001";
inline const Id kBuilding = "b0000000000000000000000000000012";

inline Question choice(const std::string& id, QuestionType type, std::vector<std::string> opts) {
    Question q;
    q.id = id;
    q.type = type;
    q.text = {"问题 " + id, "Question " + id};
    for (const auto& o : opts) q.options.push_back(Option{o, {"选项" + o, "option " + o}});
    return q;
}

inline Poll survey() {
    Poll p;
    p.title = {"我心中的社区生活", "The community life I want"};
    p.status = PollStatus::open;
    p.opens_ms = kOpen;
    p.closes_ms = kClose;
    p.questions.push_back(choice("q1", QuestionType::single, {"a", "b", "c"}));
    Question q2 = choice("q2", QuestionType::multiple, {"x", "y", "z"});
    q2.min_choices = 1;
    q2.max_choices = 2;
    q2.other = true;
    p.questions.push_back(q2);
    Question q3 = choice("q3", QuestionType::score, {});
    q3.required = true;
    p.questions.push_back(q3);
    Question q4 = choice("q4", QuestionType::text, {});
    q4.max_len = 10;
    q4.show_if = ShowIf{"q1", "a"};
    p.questions.push_back(q4);
    return p;
}

inline Answer ans(const std::string& q, std::vector<std::string> choices = {}) { return Answer{q, std::move(choices), std::nullopt, "", ""}; }
inline Answer num(const std::string& q, double v) { return Answer{q, {}, v, "", ""}; }

inline Response resp(std::vector<Answer> answers, std::int64_t at = kOpen + 1000) {
    Response r;
    r.poll = kPoll;
    r.submitted_ms = at;
    r.answers = std::move(answers);
    return r;
}

inline Record rec(const Id& id, Body body, std::int64_t ms = kOpen, const std::string& device = "deva") {
    return Record{id, Rev{ms, 0, device}, false, std::move(body)};
}

inline Id hid(int n) {
    std::string s = std::to_string(n);
    return "a" + std::string(31 - s.size(), '0') + s;
}
inline Id rid(int n) {
    std::string s = std::to_string(n);
    return "e" + std::string(31 - s.size(), '0') + s;
}


// A building of `areas.size()` households (areas in m²) and a decision vote on it.
inline Dataset decision_data(const std::vector<double>& areas, Matter matter, std::vector<int> owners = {}) {
    Dataset d;
    Building b;
    b.number = "12";
    d.merge(rec(kBuilding, b));
    for (std::size_t i = 0; i < areas.size(); ++i) {
        Household h;
        h.building = kBuilding;
        h.room = std::to_string(101 + i);
        h.area_m2 = areas[i];
        h.owners = i < owners.size() ? owners[i] : 1;
        d.merge(rec(hid(static_cast<int>(i)), h));
    }
    Poll p;
    p.title = {"12号楼加装电梯", "Building 12 elevator"};
    p.type = PollKind::decision;
    p.eligibility = Eligibility::household;
    p.matter = matter;
    p.building = kBuilding;
    p.status = PollStatus::open;
    p.opens_ms = kOpen;
    p.questions.push_back(choice("q1", QuestionType::single, {kFor, kAgainst, kAbstain}));
    REQUIRE(!check_poll(p));
    d.merge(rec(kPoll, p));
    return d;
}

inline void vote(Dataset& d, int household, const std::string& choice_id, int n, std::int64_t ms = kOpen + 1000,
          const std::string& device = "deva") {
    Response r = resp({ans("q1", {choice_id})}, ms);
    r.household = hid(household);
    d.merge(rec(rid(n), r, ms, device));
}


}  // namespace linli::test
