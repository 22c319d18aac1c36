// The merge laws, checked over randomly generated record sets (seeded, reproducible):
// commutative, associative, idempotent; nothing lost, nothing duplicated.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "core/dataset.h"

using namespace linli;

namespace {

constexpr int kCases = 10000;

// Small pools of ids, devices and times, so that collisions, ties and conflicts are common.
struct Gen {
    std::mt19937_64 rng;
    explicit Gen(std::uint64_t seed) : rng(seed) {}
    int pick(int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }

    Id id() { return std::string(31, '0') + "0123456789abcdef"[pick(8)]; }
    Rev rev() { return Rev{1795400000000 + pick(4), static_cast<std::uint32_t>(pick(2)), pick(2) ? "deva" : "devb"}; }

    Record record() {
        Record r;
        r.id = id();
        r.rev = rev();
        // Ids 6-7 hold households, whose floor area and code only the committee's copy has:
        // sometimes the full record, sometimes what a public export made of it.
        if (r.id.back() >= '6') {
            Household h;
            h.building = std::string(32, 'b');
            h.room = "301";
            h.area_m2 = pick(2) ? 88.5 : 90;
            h.code = pick(2) ? "K7QPM3XAR2" : "";
            r.body = h;
            return pick(2) ? public_view(r) : r;
        }
        // Ids 0-2 hold notices, 3-5 responses; now and then a kind clash on purpose.
        bool response = (r.id.back() >= '3' && r.id.back() < '6') != (pick(20) == 0);
        if (response) {
            Response s;
            s.poll = std::string(32, 'f');
            s.answers.push_back(Answer{"q1", {pick(2) ? "a" : "b"}, std::nullopt, "", ""});
            r.body = s;
        } else {
            Notice n;
            n.title.zh = pick(2) ? "停车公约" : "电梯进展";
            n.published_ms = 1795400000000;
            r.body = n;
            r.deleted = pick(8) == 0;
        }
        return r;
    }

    std::vector<Record> records() {
        std::vector<Record> out(static_cast<std::size_t>(pick(7)));
        for (auto& r : out) r = record();
        return out;
    }
};

Dataset of(const std::vector<Record>& rs) {
    Dataset d;
    for (const auto& r : rs) d.merge(r);
    return d;
}

Dataset joined(Dataset a, const Dataset& b) {
    a.merge(b);
    return a;
}

// Every version given is still there, or was replaced by a later edit of the same record.
bool nothing_lost(const Dataset& d, const std::vector<Record>& inputs) {
    for (const auto& v : inputs) {
        const Record* w = d.find(v.id);
        if (!w) return false;
        if (*w == v || v == public_view(*w)) continue;
        auto it = d.conflicts().find(v.id);
        bool kept = it != d.conflicts().end() && std::find(it->second.begin(), it->second.end(), v) != it->second.end();
        bool replaced = !is_immutable(v.kind()) &&
                        ((!is_immutable(w->kind()) && w->rev > v.rev) ||
                         (it != d.conflicts().end() && std::any_of(it->second.begin(), it->second.end(), [&](const Record& u) {
                              return !is_immutable(u.kind()) && u.rev > v.rev;
                          })));
        if (!kept && !replaced) return false;
    }
    return true;
}

bool no_duplicates(const Dataset& d) {
    for (const auto& [id, versions] : d.conflicts()) {
        const Record* w = d.find(id);
        if (!w) return false;
        std::set<std::string> seen{canonical_json(*w)};
        for (const auto& v : versions)
            if (!seen.insert(canonical_json(v)).second) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("merge is commutative") {
    Gen g(1);
    for (int i = 0; i < kCases; ++i) {
        Dataset a = of(g.records()), b = of(g.records());
        REQUIRE(joined(a, b) == joined(b, a));
    }
}

TEST_CASE("merge is associative") {
    Gen g(2);
    for (int i = 0; i < kCases; ++i) {
        Dataset a = of(g.records()), b = of(g.records()), c = of(g.records());
        REQUIRE(joined(joined(a, b), c) == joined(a, joined(b, c)));
    }
}

TEST_CASE("merge is idempotent") {
    Gen g(3);
    for (int i = 0; i < kCases; ++i) {
        Dataset a = of(g.records()), b = of(g.records());
        Dataset ab = joined(a, b);
        REQUIRE(joined(ab, a) == ab);
        REQUIRE(joined(ab, ab) == ab);
        REQUIRE(joined(a, a) == a);
    }
}

TEST_CASE("any order of the same records gives the same state, nothing lost, nothing duplicated") {
    Gen g(4);
    for (int i = 0; i < kCases; ++i) {
        auto rs = g.records();
        auto more = g.records();
        rs.insert(rs.end(), more.begin(), more.end());
        Dataset forward = of(rs);
        std::shuffle(rs.begin(), rs.end(), g.rng);
        REQUIRE(of(rs) == forward);
        REQUIRE(nothing_lost(forward, rs));
        REQUIRE(no_duplicates(forward));
    }
}

TEST_CASE("last writer wins for editable records; a later tombstone deletes") {
    Gen g(5);
    Record a = g.record();
    while (a.kind() != Kind::notice) a = g.record();
    a.deleted = false;
    Record b = a;
    b.rev.ms += 10;
    b.as<Notice>()->title.zh = "新标题";
    Dataset d;
    MergeReport rep;
    d.merge(b, &rep);
    d.merge(a, &rep);
    CHECK(d.find(a.id)->as<Notice>()->title.zh == "新标题");
    CHECK(d.conflicts().empty());
    CHECK(rep.added[static_cast<int>(Kind::notice)] == 1);
    CHECK(rep.unchanged == 1);
    Record gone = b;
    gone.rev.ms += 10;
    gone.deleted = true;
    MergeReport del;
    d.merge(gone, &del);
    CHECK(del.deleted == 1);
    CHECK(d.live(Kind::notice).empty());
}

TEST_CASE("responses with one id and different content: a conflict kept, not dropped") {
    Record r;
    r.id = std::string(32, '3');
    r.rev = Rev{1795400000000, 0, "deva"};
    Response s;
    s.poll = std::string(32, 'f');
    s.answers.push_back(Answer{"q1", {"a"}, std::nullopt, "", ""});
    r.body = s;
    Record other = r;
    other.rev.device = "devb";
    other.as<Response>()->answers[0].choices = {"b"};
    Dataset d;
    MergeReport rep;
    d.merge(r, &rep);
    d.merge(other, &rep);
    CHECK(rep.conflicts == 1);
    REQUIRE(d.conflicts().count(r.id) == 1);
    CHECK(d.conflicts().at(r.id).size() == 1);
    CHECK(*d.find(r.id) == r);  // the first written (lower rev) counts
}
