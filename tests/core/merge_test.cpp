// The merge laws, checked over randomly generated record sets (seeded, reproducible):
// commutative, associative, idempotent; nothing lost, nothing duplicated.
#include <doctest/doctest.h>

#include <random>
#include <set>

#include "core/dataset.h"
#include "core/rev.h"

using namespace linli;

namespace {

constexpr int kCases = 10000;

// Small pools of ids, devices and times, so that collisions, ties and conflicts are common:
// equal revs, public copies (the same version less its committee fields), newer versions
// written without them, another kind under an id, clocks far ahead, full counters.
struct Gen {
    std::mt19937_64 rng;
    explicit Gen(std::uint64_t seed) : rng(seed) {}
    int pick(int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }

    Id id() { return std::string(31, '0') + "0123456789abcdef"[pick(8)]; }
    Rev rev() {
        switch (pick(40)) {
            case 0: return Rev{kMaxRevMs, static_cast<std::uint32_t>(pick(2)), "kiosk"};  // year 33658
            case 1: return Rev{1795400000000 + pick(4), kMaxRevCounter, "kiosk"};
            default: return Rev{1795400000000 + pick(4), static_cast<std::uint32_t>(pick(2)), pick(2) ? "deva" : "devb"};
        }
    }

    // Sometimes the full record, sometimes without its floor area or code (a public copy,
    // or a version written on a device that never had them).
    Body household() {
        Household h;
        h.building = std::string(32, 'b');
        h.room = pick(2) ? "301" : "302";
        h.area_m2 = std::array<double, 3>{0, 88.5, 90}[pick(3)];
        h.code = pick(2) ? "K7QPM3XAR2" : "";
        return h;
    }
    Body response() {
        Response s;
        s.poll = std::string(32, 'f');
        s.answers.push_back(Answer{"q1", {pick(2) ? "a" : "b"}, std::nullopt, "", ""});
        return s;
    }
    Body notice() {
        Notice n;
        n.title.zh = pick(2) ? "停车公约" : "电梯进展";
        n.published_ms = 1795400000000;
        return n;
    }

    Record record() {
        Record r;
        r.id = id();
        r.rev = rev();
        // Ids 0-2 hold notices, 3-5 responses, 6-7 households; now and then another kind.
        int kind = r.id.back() < '3' ? 0 : r.id.back() < '6' ? 1 : 2;
        if (pick(12) == 0) kind = pick(3);
        r.body = kind == 0 ? notice() : kind == 1 ? response() : household();
        r.deleted = kind != 1 && pick(8) == 0;
        return pick(4) == 0 ? public_view(r) : r;
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

// Every version given is still held as written, or a version held makes it redundant
// (a later edit of its kind carrying its committee fields, or a fuller copy of it).
bool nothing_lost(const Dataset& d, const std::vector<Record>& inputs) {
    for (const auto& v : inputs) {
        auto held = d.versions(v.id);
        if (std::none_of(held.begin(), held.end(), [&](const Record* u) { return *u == v || dominates(*u, v); }))
            return false;
    }
    return true;
}

// No version held twice, none held that another one held makes redundant.
bool no_duplicates(const Dataset& d) {
    for (const auto& [id, shown] : d.records()) {
        auto held = d.versions(id);
        std::set<std::string> seen;
        for (const Record* v : held) {
            if (!seen.insert(canonical_json(*v)).second) return false;
            for (const Record* u : held)
                if (dominates(*u, *v)) return false;
        }
    }
    return true;
}

// Per id, the kind that wins is the one of lowest owner_rank given (a response never
// takes an id from another kind), and it shows each committee field the latest version
// of its kind that has one gave.
bool kinds_and_committee_fields_hold(const Dataset& d, const std::vector<Record>& inputs) {
    for (const auto& [id, shown] : d.records()) {
        std::vector<const Record*> given;
        for (const auto& v : inputs)
            if (v.id == id) given.push_back(&v);
        for (const Record* v : given)
            if (owner_rank(v->kind()) < owner_rank(shown.kind())) return false;
        const Household* h = shown.as<Household>();
        if (!h) continue;
        auto latest = [&](auto has, auto same) {  // the latest household version with the field
            const Record* best = nullptr;
            for (const Record* v : given)
                if (v->as<Household>() && has(*v->as<Household>()) && (!best || v->rev > best->rev)) best = v;
            if (!best) return !has(*h);
            for (const Record* v : given)  // several may share that rev
                if (v->as<Household>() && v->rev == best->rev && has(*v->as<Household>()) && same(*v->as<Household>()))
                    return true;
            return false;
        };
        if (!latest([](const Household& x) { return x.area_m2 != 0; }, [&](const Household& x) { return x.area_m2 == h->area_m2; }))
            return false;
        if (!latest([](const Household& x) { return !x.code.empty(); }, [&](const Household& x) { return x.code == h->code; }))
            return false;
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
        REQUIRE(kinds_and_committee_fields_hold(forward, rs));
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

namespace {

Record household_version(const Rev& rev, double area, const std::string& code, const std::string& room = "301") {
    Household h;
    h.building = std::string(32, 'b');
    h.room = room;
    h.area_m2 = area;
    h.code = code;
    return Record{std::string(32, '6'), rev, false, h};
}

Record other_kind_under(const Id& id, const Rev& rev) {
    Response s;
    s.poll = std::string(32, 'f');
    s.answers.push_back(Answer{"q1", {"a"}, std::nullopt, "", ""});
    return Record{id, rev, false, s};
}

}  // namespace

TEST_CASE("a record id belongs to its kind: another kind under it is a conflict, never a replacement") {
    Record household = household_version(Rev{1795400000000, 0, "deva"}, 88.5, "K7QPM3XAR2");
    Poll p;
    p.title.zh = "加装电梯";
    Record poll{std::string(32, '9'), Rev{1795400000000, 0, "deva"}, false, p};
    for (const Record& owner : {household, poll}) {
        CAPTURE(enum_name(owner.kind()));
        // An earlier rev, a later one: the order of arrival and the clock change nothing.
        for (std::int64_t dt : {-1000, 1000}) {
            Record ballot = other_kind_under(owner.id, Rev{owner.rev.ms + dt, 0, "devb"});
            for (bool owner_first : {true, false}) {
                Dataset d;
                MergeReport rep;
                d.merge(owner_first ? owner : ballot, &rep);
                d.merge(owner_first ? ballot : owner, &rep);
                REQUIRE(d.find(owner.id));
                CHECK(*d.find(owner.id) == owner);
                REQUIRE(d.conflicts().count(owner.id) == 1);
                CHECK(d.conflicts().at(owner.id) == std::vector<Record>{ballot});
                CHECK(rep.conflicts == 1);
                CHECK(d.live(owner.kind()).size() == 1);
                CHECK(d.live(Kind::response).empty());
            }
        }
    }
}

TEST_CASE("a newer version without the committee fields keeps the floor area and code") {
    Record full = household_version(Rev{1795400000000, 0, "committee"}, 88.5, "K7QPM3XAR2");
    // A public copy of a later edit (room corrected), and a later edit written by a device
    // that never had the area (it gave a code).
    Record newer_public = household_version(Rev{1795400005000, 0, "committee"}, 0, "", "302");
    Record coded_elsewhere = household_version(Rev{1795400009000, 0, "volunteer"}, 0, "ZZZZ22", "302");
    for (bool full_first : {true, false}) {
        Dataset d;
        MergeReport rep;
        d.merge(full_first ? full : newer_public, &rep);
        d.merge(full_first ? newer_public : full, &rep);
        const Household* h = d.find(full.id)->as<Household>();
        CHECK(h->room == "302");
        CHECK(h->area_m2 == 88.5);
        CHECK(h->code == "K7QPM3XAR2");
        CHECK(d.conflicts().empty());  // not a conflict: one record, filled in
        CHECK(d.versions(full.id).size() == 2);
        CHECK(rep.conflicts == 0);
        d.merge(coded_elsewhere);
        h = d.find(full.id)->as<Household>();
        CHECK(h->area_m2 == 88.5);
        CHECK(h->code == "ZZZZ22");
        // The committee's next full version makes the kept ones redundant.
        Record next = household_version(Rev{1795400010000, 0, "committee"}, 90, "ZZZZ22", "302");
        d.merge(next);
        CHECK(d.versions(full.id).size() == 1);
        CHECK(*d.find(full.id) == next);
    }
    // What a full export writes merges back to the same thing, anywhere.
    Dataset d;
    d.merge(full);
    d.merge(newer_public);
    Bundle b;
    d.fill_bundle(b);
    CHECK(b.records == std::vector<Record>{newer_public});  // the winner as written
    CHECK(b.conflicts == std::vector<Record>{full});
    Dataset elsewhere;
    elsewhere.merge(b);
    CHECK(elsewhere == d);
}

TEST_CASE("dominates is a strict partial order over generated versions") {
    Gen g(6);
    int chains = 0;
    for (int i = 0; i < kCases * 5; ++i) {
        Record a = g.record(), b = g.record(), c = g.record();
        b.id = c.id = a.id;
        CHECK(!dominates(a, a));
        if (dominates(a, b)) CHECK(!dominates(b, a));
        if (dominates(a, b) && dominates(b, c)) {
            ++chains;
            CHECK(dominates(a, c));
        }
    }
    CHECK(chains > 100);  // the generator does make chains to check
}

TEST_CASE("a committee field that follows its version: a poll's roll cleared on reopening stays cleared") {
    Poll p;
    p.title.zh = "加装电梯";
    p.eligibility = Eligibility::household;
    p.status = PollStatus::closed;
    p.roll = {RollEntry{std::string(32, '6'), std::string(32, 'b'), 8850}};
    Record closed{std::string(32, '9'), Rev{1795400000000, 0, "committee"}, false, p};
    Record reopened = closed;
    reopened.rev.ms += 5000;
    reopened.as<Poll>()->status = PollStatus::open;
    reopened.as<Poll>()->roll.clear();
    for (bool closed_first : {true, false}) {
        Dataset d;
        d.merge(closed_first ? closed : reopened);
        d.merge(closed_first ? reopened : closed);
        CHECK(*d.find(closed.id) == reopened);  // not filled back in
        CHECK(d.versions(closed.id).size() == 1);
    }
    // A public copy of the closed poll (the roll left out) is the same version, less: redundant.
    Dataset d;
    d.merge(public_view(closed));
    d.merge(closed);
    CHECK(*d.find(closed.id) == closed);
    CHECK(d.versions(closed.id).size() == 1);
}
