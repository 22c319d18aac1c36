// A damaged disk does not lock the user out: what is damaged is set aside (kept, never
// deleted), what it held is recovered from the rest, and the store says so in words.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <csignal>
#include <filesystem>

#include "../core/test_files.h"
#include "core/calendar.h"
#include "store/files.h"
#include "store/journal.h"
#include "store/store.h"
#include "fixtures.h"
#include "temp_dir.h"

using namespace linli;
using linli::store::Store;
using namespace store_tests;

namespace {

Record response(Store& s, IdSource& ids, std::int64_t now, std::optional<Id> household = std::nullopt) {
    Response body;
    body.poll = s.data().live(Kind::poll).front()->id;
    body.submitted_ms = now;
    body.household = household;
    body.answers.push_back(Answer{"q1", {"a"}, std::nullopt, "", ""});
    return Record{ids.next(), s.clock().tick(now), false, body};
}

std::size_t responses(const Store& s) { return s.data().live(Kind::response).size(); }

std::vector<std::string> note_keys(const Store& s) {
    std::vector<std::string> keys;
    for (const auto& n : s.notes()) keys.push_back(n.key);
    return keys;
}

// The files in `dir` (relative) whose names start with `prefix`.
std::vector<std::string> files_starting(const std::string& dir, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& [name, bytes] : tree_bytes(dir))
        if (name.rfind(prefix, 0) == 0) out.push_back(name);
    return out;
}

// A store with the sample (imported on day 0), three responses and a notice edit on day
// 1: day 1's snapshot holds the sample, the journal the responses, editable.json the edit.
struct DayOne {
    TempDir dir;
    IdSource ids{21};
    std::string device;
    Id community, notice;
    std::string title;  // the notice's before the edit
    DayOne() {
        Store s = open(dir.path, ids);
        REQUIRE(s.import(sample(), kNow).ok());
        for (int i = 0; i < 3; ++i) REQUIRE(!s.put(response(s, ids, kNow + kDay + i), kNow + kDay + i));
        Record n = *s.data().live(Kind::notice).front();
        title = n.as<Notice>()->title.zh;
        n.rev = s.clock().tick(kNow + kDay + 10);
        n.as<Notice>()->title.zh = "停车公约（修订）";
        REQUIRE(!s.put(n, kNow + kDay + 10));
        device = s.meta().device;
        community = s.meta().community;
        notice = n.id;
        REQUIRE(s.snapshots().size() == 1);
    }
    std::string file(const std::string& rel) const { return dir.path + "/" + rel; }
};

void write(const std::string& path, const std::string& bytes) { REQUIRE(!store::write_atomic(path, bytes)); }

}  // namespace

TEST_CASE("ten bytes cut off the data file: the store opens from the newest snapshot and the journal, and says so") {
    DayOne one;
    std::string text = *store::read_file(one.file("editable.json"));
    std::string cut = text.substr(0, text.size() - 10);
    write(one.file("editable.json"), cut);

    Store s = open(one.dir.path, one.ids, kNow + kDay + 100);
    CHECK(responses(s) == 3);                                                  // the journal
    CHECK(s.data().find(one.notice)->as<Notice>()->title.zh == one.title);  // the snapshot's version
    CHECK(s.meta().device == one.device);
    CHECK(note_keys(s) == std::vector<std::string>{"note.damaged_kept", "note.recovered"});
    // Kept as it was, beside a new data file that reads.
    auto kept = files_starting(one.dir.path, "editable.json.damaged-");
    REQUIRE(kept.size() == 1);
    CHECK(*store::read_file(one.file(kept[0])) == cut);
    CHECK(parse_bundle(*store::read_file(one.file("editable.json"))).ok());

    Store again = open(one.dir.path, one.ids, kNow + kDay + 200);
    CHECK(again.notes().empty());
    CHECK(again.data() == s.data());
}

TEST_CASE("a broken or deleted settings file: the device id and the compound come back from the data") {
    DayOne one;
    Bundle other = sample();
    other.community.id = std::string(32, '7');
    other.records.erase(other.records.begin());  // its community record has the old id
    for (bool deleted : {false, true}) {
        CAPTURE(deleted);
        if (deleted) store::remove_file(one.file("meta.json"));
        else write(one.file("meta.json"), "{\"schema\": 2, \"device\": \"" + one.device.substr(0, 5));
        Store s = open(one.dir.path, one.ids, kNow + kDay + 100);
        CHECK(s.meta().device == one.device);  // not a new id: this device's edits stay its own
        CHECK(s.meta().community == one.community);
        auto keys = note_keys(s);
        CHECK(keys.back() == "note.identity_recovered");
        CHECK(keys.size() == (deleted ? 1 : 2));  // a broken one is also set aside
        CHECK(s.check_import(other, kNow + kDay).value_or(Error{}).key == "err.import.other_community");
        CHECK(responses(s) == 3);
    }
    CHECK(files_starting(one.dir.path, "meta.json.damaged-").size() == 1);
}

TEST_CASE("settings and data file both lost: the newest snapshot still names the device") {
    DayOne one;
    store::remove_file(one.file("meta.json"));
    store::remove_file(one.file("editable.json"));
    Store s = open(one.dir.path, one.ids, kNow + kDay + 100);
    CHECK(s.meta().device == one.device);
    CHECK(s.meta().community == one.community);
    CHECK(note_keys(s) == std::vector<std::string>{"note.lost", "note.recovered", "note.identity_recovered"});
    CHECK(responses(s) == 3);
}

TEST_CASE("one changed hex digit in a journal line: the entry is left out, counted and said; the file is kept aside") {
    DayOne one;
    Id household = std::string(32, 'c'), moved = household;
    moved[5] = 'd';
    {
        Store s = open(one.dir.path, one.ids, kNow + kDay + 20);
        REQUIRE(!s.put(response(s, one.ids, kNow + kDay + 20, household), kNow + kDay + 20));
    }
    std::string tail = *store::read_file(one.file("responses/tail.ndjson"));
    std::string changed = tail;
    changed.replace(changed.find(household), 32, moved);  // the ballot now names another household
    write(one.file("responses/tail.ndjson"), changed);

    Store s = open(one.dir.path, one.ids, kNow + kDay + 100);
    CHECK(s.skipped_lines() == 1);
    CHECK(responses(s) == 3);
    for (const Record* r : s.data().live(Kind::response)) CHECK(r->as<Response>()->household != moved);
    REQUIRE(s.notes().size() == 1);
    CHECK(s.notes()[0].key == "note.journal_skipped");
    CHECK(s.notes()[0].args[0] == "1");
    auto kept = files_starting(one.dir.path, "responses/tail.ndjson.damaged-");
    REQUIRE(kept.size() == 1);
    CHECK(*store::read_file(one.file(kept[0])) == changed);
    Store again = open(one.dir.path, one.ids, kNow + kDay + 200);
    CHECK(again.skipped_lines() == 0);
    CHECK(again.notes().empty());
    CHECK(responses(again) == 3);
}

TEST_CASE("an append that fails half-way: the next save is whole, and the failed one goes with it") {
    DayOne one;
    Store s = open(one.dir.path, one.ids, kNow + kDay + 20);
    Record first = response(s, one.ids, kNow + kDay + 20), second = response(s, one.ids, kNow + kDay + 21);
    // The disk takes only 40 more bytes of the journal (a real short write: RLIMIT_FSIZE).
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit was{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &was) == 0);
    rlimit small = was;
    small.rlim_cur = store::file_size(one.file("responses/tail.ndjson")) + 40;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    auto failed = s.put(first, kNow + kDay + 20);
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &was) == 0);
    REQUIRE(failed);
    CHECK(failed->key == "err.store.io");
    REQUIRE(!s.put(second, kNow + kDay + 21));

    Store again = open(one.dir.path, one.ids, kNow + kDay + 100);
    CHECK(again.skipped_lines() == 0);
    CHECK(again.data().find(first.id));
    CHECK(again.data().find(second.id));
    CHECK(responses(again) == 5);
}

TEST_CASE("a store of schema 1 (no checksums) is read once as it is and rewritten with them") {
    DayOne one;
    // Turn the store back into schema 1: journal lines without checksums, as it wrote them.
    std::string tail = *store::read_file(one.file("responses/tail.ndjson")), legacy;
    for (std::size_t at = 0; at < tail.size();) {
        std::size_t nl = tail.find('\n', at);
        legacy += tail.substr(at + 9, nl + 1 - at - 9);
        at = nl + 1;
    }
    write(one.file("responses/tail.ndjson"), legacy);
    std::string meta = *store::read_file(one.file("meta.json"));
    meta.replace(meta.find("\"schema\": 2"), 11, "\"schema\": 1");
    write(one.file("meta.json"), meta);

    {
        Store s = open(one.dir.path, one.ids, kNow + kDay + 100);
        CHECK(responses(s) == 3);
        CHECK(s.skipped_lines() == 0);
        CHECK(s.notes().empty());
        CHECK(s.meta().schema == store::kSchemaVersion);
    }
    auto migrated = store::read_journal(*store::read_file(one.file("responses/tail.ndjson")), false, [](const Record&) {});
    CHECK(migrated.records == 3);
    CHECK(!migrated.changed);
    CHECK(migrated.bad == 0);
    // From now on a line without a checksum is not read.
    REQUIRE(!store::append_file(one.file("responses/tail.ndjson"), legacy.substr(0, legacy.find('\n') + 1)));
    Store again = open(one.dir.path, one.ids, kNow + kDay + 200);
    CHECK(again.skipped_lines() == 1);
}

TEST_CASE("damaged drafts lose only the half-given answers, and are kept aside") {
    DayOne one;
    write(one.file("drafts.json"), "{\"drafts\": [{\"poll\": \"");
    Store s = open(one.dir.path, one.ids, kNow + kDay + 100);
    CHECK(note_keys(s) == std::vector<std::string>{"note.damaged_kept"});
    CHECK(responses(s) == 3);
    CHECK(files_starting(one.dir.path, "drafts.json.damaged-").size() == 1);
}

TEST_CASE("inspecting a damaged store reads what it can and writes nothing") {
    DayOne one;
    std::string text = *store::read_file(one.file("editable.json"));
    write(one.file("editable.json"), text.substr(0, text.size() - 10));
    auto before = tree_bytes(one.dir.path);
    auto s = Store::inspect(one.dir.path, kNow + kDay + 100);
    REQUIRE(s.ok());
    CHECK(responses(*s) == 3);
    CHECK(s->meta().device == one.device);
    CHECK(note_keys(*s) == std::vector<std::string>{"note.damaged", "note.recovered"});
    CHECK(tree_bytes(one.dir.path) == before);
    CHECK(!Store::inspect(one.dir.path + "/nothing-here", kNow).ok());
}
