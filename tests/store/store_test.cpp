#include <doctest/doctest.h>

#include <filesystem>

#include "../core/test_files.h"
#include "core/calendar.h"
#include "store/files.h"
#include "store/store.h"
#include "fixtures.h"
#include "temp_dir.h"

using namespace linli;
using linli::store::Store;
using namespace store_tests;

namespace {

Id poll_of(const Store& s) { return s.data().live(Kind::poll).front()->id; }

Record response(Store& s, IdSource& ids, std::int64_t now, const std::string& choice = "a") {
    Record r;
    r.id = ids.next();
    r.rev = s.clock().tick(now);
    Response body;
    body.poll = poll_of(s);
    body.submitted_ms = now;
    body.answers.push_back(Answer{"q1", {choice}, std::nullopt, "", ""});
    r.body = body;
    return r;
}

// A store in `dir` holding the sample compound.
Store with_sample(const std::string& dir, IdSource& ids) {
    Store s = open(dir, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    return s;
}

// A bundle from `device` with the store's first notice edited at `rev`.
Bundle notice_edited_at(const Store& s, const Rev& rev) {
    Bundle b = sample();
    b.device = rev.device;
    Record notice = *s.data().live(Kind::notice).front();
    notice.rev = rev;
    notice.as<Notice>()->title.zh = "电梯加装进展";
    b.records = {notice};
    return b;
}

}  // namespace

TEST_CASE("what is imported and saved is all there after reopening") {
    TempDir dir;
    IdSource ids(1);
    Dataset expected;
    {
        Store s = open(dir.path, ids);
        CHECK(s.empty());
        auto rep = s.import(sample(), kNow);
        REQUIRE(rep.ok());
        CHECK(rep->added[static_cast<int>(Kind::notice)] == 10);
        for (int i = 0; i < 10; ++i) REQUIRE(!s.put(response(s, ids, kNow + i), kNow + i));
        expected = s.data();
    }
    Store again = open(dir.path, ids);
    CHECK(again.data() == expected);
    CHECK(again.skipped_lines() == 0);
    CHECK(again.meta().community == sample().community.id);
}

TEST_CASE("saving a response appends one line to one small file and rewrites nothing else") {
    TempDir dir;
    IdSource ids(2);
    Store s = open(dir.path, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    for (int i = 0; i < 600; ++i) REQUIRE(!s.put(response(s, ids, kNow + i), kNow + i));
    auto before = tree_bytes(dir.path);
    REQUIRE(!s.put(response(s, ids, kNow + 1000), kNow + 1000));
    auto after = tree_bytes(dir.path);
    int changed = 0;
    for (const auto& [name, bytes] : after) {
        if (before.count(name) && before[name] == bytes) continue;
        ++changed;
        CAPTURE(name);
        CHECK(name.rfind("responses/", 0) == 0);
        CHECK(bytes.size() - before[name].size() < 400);  // one line
    }
    CHECK(changed == 1);
    // 601 responses: two full tails moved into one segment, 89 in the tail.
    CHECK(store::list_dir(dir.path + "/responses") == std::vector<std::string>{"000001.ndjson", "tail.ndjson"});
}

TEST_CASE("a line torn by a crash is skipped; everything before it loads") {
    TempDir dir;
    IdSource ids(3);
    {
        Store s = open(dir.path, ids);
        REQUIRE(s.import(sample(), kNow).ok());
        for (int i = 0; i < 5; ++i) REQUIRE(!s.put(response(s, ids, kNow + i), kNow + i));
    }
    REQUIRE(!store::append_file(dir.path + "/responses/tail.ndjson", R"({"id":"0123456789abcdef01234567)"));
    Record later;
    {
        Store again = open(dir.path, ids);
        CHECK(again.skipped_lines() == 1);
        std::size_t responses = 0;
        for (const auto& [id, r] : again.data().records()) responses += r.kind() == Kind::response;
        CHECK(responses == 5);
        later = response(again, ids, kNow + 100);
        REQUIRE(!again.put(later, kNow + 100));  // written after the torn line, not onto it
    }
    Store third = open(dir.path, ids);
    REQUIRE(third.data().find(later.id));
    CHECK(*third.data().find(later.id) == later);
}

TEST_CASE("importing the same bundle again writes nothing") {
    TempDir dir;
    IdSource ids(4);
    Store s = open(dir.path, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    auto before = tree_bytes(dir.path);
    auto rep = s.import(sample(), kNow + kDay);
    REQUIRE(rep.ok());
    CHECK(rep->total_changes() == 0);
    CHECK(tree_bytes(dir.path) == before);
}

TEST_CASE("a bundle from another compound, or with dangling references, is refused and changes nothing") {
    TempDir dir;
    IdSource ids(5);
    Store s = open(dir.path, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    auto before = tree_bytes(dir.path);
    Dataset data_before = s.data();

    Bundle other = sample();
    other.community.id = std::string(32, '7');
    other.records.erase(other.records.begin());  // its community record has the old id
    auto r1 = s.import(other, kNow);
    REQUIRE(!r1.ok());
    CHECK(r1.error().key == "err.import.other_community");

    Bundle dangling = sample();
    Record resp = response(s, ids, kNow);
    resp.as<Response>()->poll = std::string(32, '9');
    dangling.records = {resp};
    auto r2 = s.import(dangling, kNow);
    REQUIRE(!r2.ok());
    CHECK(r2.error().key == "err.ref.missing");

    CHECK(tree_bytes(dir.path) == before);
    CHECK(s.data() == data_before);
}

TEST_CASE("a store written by a newer Linli is not opened") {
    TempDir dir;
    IdSource ids(6);
    { open(dir.path, ids); }
    auto meta = store::read_file(dir.path + "/meta.json");
    std::string text = *meta;
    std::string now_schema = "\"schema\": " + std::to_string(store::kSchemaVersion);
    text.replace(text.find(now_schema), now_schema.size(), "\"schema\": 9");
    REQUIRE(!store::write_atomic(dir.path + "/meta.json", text));
    auto s = Store::open(dir.path, kNow, ids);
    REQUIRE(!s.ok());
    CHECK(s.error().key == "err.store.newer");
    // With settings this version cannot read as a whole: still newer, never "repaired".
    text.insert(text.find('{') + 1, "\"sync\": {\"server\": \"/db/\"}, ");
    REQUIRE(!store::write_atomic(dir.path + "/meta.json", text));
    auto before = tree_bytes(dir.path);
    auto again = Store::open(dir.path, kNow, ids);
    REQUIRE(!again.ok());
    CHECK(again.error().key == "err.store.newer");
    CHECK(tree_bytes(dir.path) == before);
}

TEST_CASE("daily snapshots: one per day with changes, the last 7 kept, and restore") {
    TempDir dir;
    IdSource ids(7);
    Store s = open(dir.path, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    CHECK(s.snapshots().empty());  // nothing to keep before the first data arrived
    Dataset monday;
    for (int day = 1; day <= 9; ++day) {
        std::int64_t t = kNow + day * kDay;
        if (day == 1) monday = s.data();
        REQUIRE(!s.put(response(s, ids, t), t));
        REQUIRE(!s.put(response(s, ids, t + 60000), t + 60000));  // a second change: no new snapshot
    }
    auto snaps = s.snapshots();
    REQUIRE(snaps.size() == 7);
    CHECK(snaps.front().name == format_date(kNow + 9 * kDay));
    CHECK(snaps.back().name == format_date(kNow + 3 * kDay));

    // Restore day 3's snapshot: the state of that morning (sample + 2 days of responses).
    Dataset now_state = s.data();
    REQUIRE(!s.restore(format_date(kNow + 3 * kDay), kNow + 10 * kDay));
    std::size_t responses = 0;
    for (const auto& [id, r] : s.data().records()) responses += r.kind() == Kind::response;
    CHECK(responses == 4);
    // What was there before the restore is itself a snapshot now, and survives a reopen.
    bool kept = false;
    for (const auto& sn : s.snapshots()) kept |= sn.name.find("before-restore") != std::string::npos;
    CHECK(kept);
    Dataset restored = s.data();
    Store again = open(dir.path, ids);
    CHECK(again.data() == restored);
}

TEST_CASE("exports carry the whole state and merge back to the same data") {
    TempDir dir, dir2;
    IdSource ids(8);
    Store s = open(dir.path, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    for (int i = 0; i < 20; ++i) REQUIRE(!s.put(response(s, ids, kNow + i), kNow + i));
    auto text = write_bundle(s.export_bundle(Scope::committee, kNow));
    auto b = parse_bundle(text);
    REQUIRE(b.ok());
    Store other = open(dir2.path, ids);
    REQUIRE(other.import(*b, kNow).ok());
    CHECK(other.data() == s.data());

    auto pub = parse_bundle(write_bundle(s.export_bundle(Scope::public_, kNow)));
    REQUIRE(pub.ok());
    for (const auto& r : pub->records) CHECK(r.kind() != Kind::response);
}

TEST_CASE("a change that breaks a field rule is refused: what is saved must import anywhere") {
    TempDir dir;
    IdSource ids(10);
    Store s = open(dir.path, ids);
    REQUIRE(s.import(sample(), kNow).ok());
    auto before = tree_bytes(dir.path);
    Record notice = *s.data().live(Kind::notice).front();
    notice.rev = s.clock().tick(kNow + 1);
    notice.as<Notice>()->title = {};  // a notice needs a title
    auto e = s.put(notice, kNow + 1);
    REQUIRE(e);
    CHECK(e->key == "err.field.empty");
    Record poll = *s.data().live(Kind::poll).front();
    poll.rev = s.clock().tick(kNow + 2);
    poll.as<Poll>()->questions.front().options.resize(1);  // a choice needs two options
    CHECK(s.put(poll, kNow + 2));
    CHECK(tree_bytes(dir.path) == before);
}

TEST_CASE("after importing a rev whose counter is full, this device's next change still saves") {
    TempDir dir;
    IdSource ids(11);
    Store s = with_sample(dir.path, ids);
    REQUIRE(s.import(notice_edited_at(s, Rev{kNow - 60000, kMaxRevCounter, "kiosk"}), kNow).ok());
    Record mine = response(s, ids, kNow - 120000);  // this device's wall clock is behind that rev
    auto e = s.put(mine, kNow);
    REQUIRE_MESSAGE(!e, (e ? e->key : ""));
    Store again = open(dir.path, ids);
    CHECK(again.data().find(mine.id));
}

TEST_CASE("a bundle from a clock years ahead is refused, names the device, and moves nothing") {
    TempDir dir;
    IdSource ids(12);
    Store s = with_sample(dir.path, ids);
    auto before = tree_bytes(dir.path);
    Bundle kiosk = notice_edited_at(s, Rev{ms_from_civil({2030, 11, 1, 9, 0}), 0, "kiosk2030"});
    auto e = s.check_import(kiosk, kNow);
    REQUIRE(e);
    CHECK(e->key == "err.import.clock_ahead_years");
    auto rep = s.import(kiosk, kNow);
    REQUIRE(!rep.ok());
    CHECK(tree_bytes(dir.path) == before);
    // This device's clock was not dragged along: its next edit is dated today.
    CHECK(s.clock().tick(kNow).ms <= kNow + kMaxClockAheadMs);
}

TEST_CASE("a store that already holds revs from a clock far ahead does not drag this clock, and says when its own clock looks behind") {
    TempDir dir;
    IdSource ids(13);
    {
        Store s = with_sample(dir.path, ids);
        CHECK(s.notes().empty());
        // Held from before such imports were refused: one record years ahead.
        REQUIRE(!s.put(notice_edited_at(s, Rev{kMaxRevMs, 1, "kiosk2030"}).records[0], kNow));
    }
    Store again = open(dir.path, ids, kNow);
    CHECK(again.clock().tick(kNow).ms <= kNow + kMaxClockAheadMs);
    CHECK(again.notes().empty());  // one record ahead: not this clock's fault
    // Opened by a device whose clock says 2020: most of the data is in its future.
    Store behind = open(dir.path, ids, ms_from_civil({2020, 1, 1, 0, 0}));
    REQUIRE(behind.notes().size() == 1);
    CHECK(behind.notes()[0].key == "note.clock_behind");
}

TEST_CASE("a household version saved without its floor area keeps it: in what is written and after reopening") {
    TempDir dir;
    IdSource ids(14);
    {
        Store s = with_sample(dir.path, ids);
        auto households = parse_bundle(read_project_file("assets/sample/sample-households.json"));
        REQUIRE(households.ok());
        REQUIRE(s.import(*households, kNow).ok());
    }
    Store s = open(dir.path, ids);
    Record h = public_view(*s.data().live(Kind::household).front());  // as a public copy has it
    const double area = s.data().find(h.id)->as<Household>()->area_m2;
    REQUIRE(area > 0);
    REQUIRE(h.as<Household>()->area_m2 == 0);
    h.rev = s.clock().tick(kNow);
    h.as<Household>()->code = "K7QPM3XAR2";
    REQUIRE(!s.put(h, kNow));
    CHECK(s.data().find(h.id)->as<Household>()->area_m2 == area);
    CHECK(s.data().versions(h.id).size() == 1);  // the version written carries the area itself
    auto written = parse_bundle(*store::read_file(dir.path + "/editable.json"));
    REQUIRE(written.ok());
    for (const auto& r : written->records)
        if (r.id == h.id) CHECK(r.as<Household>()->area_m2 == area);
    Store again = open(dir.path, ids);
    CHECK(again.data() == s.data());
}

TEST_CASE("a response that reuses a poll's id is kept aside: the poll stays, after reopening too") {
    TempDir dir;
    IdSource ids(15);
    Id poll;
    {
        Store s = with_sample(dir.path, ids);
        poll = poll_of(s);
        Bundle b = sample();
        Record r = response(s, ids, kNow);
        r.id = poll;
        b.records = {r};
        auto rep = s.import(b, kNow);
        REQUIRE_MESSAGE(rep.ok(), (rep.ok() ? "" : rep.error().key));
        CHECK(rep->conflicts == 1);
    }
    Store again = open(dir.path, ids);
    REQUIRE(again.data().find(poll));
    CHECK(again.data().find(poll)->kind() == Kind::poll);
    CHECK(again.data().conflicts().at(poll).size() == 1);
}

TEST_CASE("the resident's building is kept on this device; one the compound does not hold is refused") {
    TempDir dir;
    IdSource ids(1);
    Id building;
    {
        Store s = with_sample(dir.path, ids);
        building = s.data().live(Kind::building).back()->id;
        CHECK(s.home().empty());
        auto refused = s.set_home("nosuchbuilding");
        REQUIRE(refused);
        CHECK(refused->key == "err.home.unknown");
        CHECK(s.home().empty());
        CHECK(s.set_home(s.data().live(Kind::notice).front()->id));  // a record, but not a building
        CHECK_FALSE(s.set_home(building));
    }
    Store again = open(dir.path, ids);
    CHECK(again.home() == building);
    CHECK_FALSE(again.set_home(""));
    CHECK(again.home().empty());
}
