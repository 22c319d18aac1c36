// Where a device's data lives: one directory (IndexedDB-backed /data in the browser, a
// temp directory in tests). Every change is on disk when a call returns:
//   meta.json            schema version, device id, preferences, last export
//   editable.json        every editable record (notices, polls, map, households...),
//                        replaced atomically when one changes
//   responses/tail.ndjson    new responses, appended one line each; at kTailRecords
//                        lines the tail moves, in one append, to the open segment
//   responses/NNNNNN.ndjson  segments of up to kSegmentRecords responses
// So saving one response writes one small file, whatever is stored, and the number of
// files (which IndexedDB sync walks every time) stays small. Each journal line carries a
// checksum (store/journal.h): a damaged line is not read, and said.
//   snapshots/DATE.json  the state at the start of each of the last 7 days with changes
// A damaged file found when opening is set aside as NAME.damaged-TIME (kept, never
// deleted) and what it held is recovered from the rest (store/recovery.h); notes() says
// what happened, in words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/bundle.h"
#include "core/dataset.h"
#include "core/error.h"
#include "core/hall.h"
#include "core/id.h"
#include "core/rev.h"

namespace linli::store {

struct Identity;

// 2: journal lines carry checksums. A store of schema 1 is read once as it is (its lines
// have none) and rewritten with them.
constexpr int kSchemaVersion = 2;
constexpr std::size_t kTailRecords = 256;
constexpr std::size_t kSegmentRecords = 4096;
constexpr std::size_t kSnapshotsKept = 7;

struct Meta {
    std::int32_t schema = kSchemaVersion;
    std::string device;
    Id community;  // the compound this device holds; set by the first import
    std::int64_t created_ms = 0;
    std::int64_t last_export_ms = 0;
    std::string lang = "zh-CN";
    bool tools = false;  // committee and volunteer tools shown on this device
    double text_scale = 1.0;  // 1 standard, 1.25 large, 1.5 extra large
    std::vector<Id> read;     // notices opened on this device, oldest first (the rest show as new)
    std::int32_t hall_seconds = kHallSecondsDefault;  // a hall screen's turn per notice (core/hall.h)
    Id home;  // the building its resident lives in, chosen once (empty: not chosen)
    template <class V> void visit(V& v) {
        v("schema", schema, {.min = 0, .max = 1000});
        v("device", device, {.min_len = 1, .max_len = 32});
        v("community", community, {.max_len = 32});
        v("created_ms", created_ms, {.min = 0, .max = 1e14});
        v("last_export_ms", last_export_ms, {.min = 0, .max = 1e14});
        v("lang", lang, {.max_len = 8});
        v("tools", tools, {});
        v("text_scale", text_scale, {.min = 0.5, .max = 3});
        v("read", read, {.max_items = kMaxRead, .id = true});
        v("hall_seconds", hall_seconds, {.min = kHallSecondsMin, .max = kHallSecondsMax});
        v("home", home, {.max_len = 32});
    }
    static constexpr std::size_t kMaxRead = 20000;  // the oldest are forgotten beyond
};

// Answers given so far to a poll not yet submitted: kept if the tab closes half-way.
struct Draft {
    Id poll;
    std::int32_t step = 0;
    std::optional<Id> household;
    std::vector<Answer> answers;
    template <class V> void visit(V& v) {
        v("poll", poll, {.id = true});
        v("step", step, {.min = 0, .max = 1000});
        v("household", household, {.id = true});
        v("answers", answers, {.max_items = 100});
    }
};

struct Drafts {
    std::vector<Draft> drafts;
    template <class V> void visit(V& v) { v("drafts", drafts, {.max_items = 1000}); }
};

struct SnapshotInfo {
    std::string name;  // file name without .json, e.g. "2026-11-23"
    std::size_t bytes = 0;
};

class Store {
public:
    // Opens (creating if needed) the store in `dir` and reads everything in it; sets aside
    // and recovers what is damaged, migrates an older schema.
    static Result<Store> open(const std::string& dir, std::int64_t now_ms, IdSource& ids);
    // Reads the store in `dir` as open() would, and writes nothing: no repair, no
    // migration (for a look at a copy, e.g. `linli stats DIR`). Not to be changed.
    static Result<Store> inspect(const std::string& dir, std::int64_t now_ms);

    const Dataset& data() const { return data_; }
    const Meta& meta() const { return meta_; }
    Clock& clock() { return clock_; }
    bool empty() const { return data_.size() == 0; }
    // Journal lines that could not be read when opening (a write torn by a crash, a
    // damaged byte): counted, left out, and their file kept aside.
    int skipped_lines() const { return skipped_lines_; }
    // What a person should know that opening (or a day's snapshot) found, as messages:
    // damaged files set aside and what was recovered, entries left out, a clock that
    // looks wrong, a snapshot too big to keep.
    const std::vector<Error>& notes() const { return notes_; }
    // Opening wrote to the directory (a repair, a migration, new settings): what it wrote
    // still has to reach lasting storage.
    bool wrote_on_open() const { return wrote_on_open_; }

    // Checks a bundle against this device's data: same compound, no clock far ahead of
    // `now_ms`, no dangling references.
    std::optional<Error> check_import(const Bundle& b, std::int64_t now_ms) const;
    // Merges a checked bundle and persists what changed.
    Result<MergeReport> import(const Bundle& b, std::int64_t now_ms);
    // A change made on this device: a new response, an edited record.
    std::optional<Error> put(const Record& r, std::int64_t now_ms);
    // Several changes written together (editable records are rewritten once).
    std::optional<Error> put_all(const std::vector<Record>& rs, std::int64_t now_ms);

    const Draft* draft(const Id& poll) const;
    std::optional<Error> set_draft(const Draft& d);
    std::optional<Error> clear_draft(const Id& poll);
    std::optional<Error> set_tools(bool on);
    std::optional<Error> set_text_scale(double scale);
    std::optional<Error> set_hall_seconds(int seconds);
    // The resident's building (empty: none chosen); one this compound does not hold is refused.
    std::optional<Error> set_home(const Id& building);
    // ...as long as the data still holds it (a merge may have taken it away): empty otherwise.
    Id home() const;
    // Notices opened on this device: the board marks the others as new.
    bool is_read(const Id& notice) const { return read_.contains(notice); }
    std::optional<Error> mark_read(const Id& notice);

    Bundle export_bundle(Scope scope, std::int64_t now_ms) const;
    std::optional<Error> note_export(std::int64_t now_ms);
    std::optional<Error> set_lang(const std::string& lang);

    std::vector<SnapshotInfo> snapshots() const;
    // Replaces the state with a snapshot; the current state is kept as a snapshot first.
    std::optional<Error> restore(const std::string& name, std::int64_t now_ms);

private:
    explicit Store(std::string dir) : dir_(std::move(dir)), clock_("x") {}
    static Result<Store> open_dir(const std::string& dir, std::int64_t now_ms, IdSource& ids, bool read_only);
    // Opening, in store_open.cpp: the settings, the data file, the journal.
    std::optional<Error> read_meta(std::int64_t now_ms, bool& found, std::string& damaged_text);
    std::optional<Error> load_editable(std::int64_t now_ms, Identity& found, bool& recovered);
    std::optional<Error> load_journal(std::int64_t now_ms, bool legacy);
    std::optional<Error> recover_meta(std::int64_t now_ms, IdSource& ids, Identity found, const std::string& damaged_text,
                                      bool fresh);
    // Sets a damaged file aside (when repairing), and says so in notes().
    std::optional<Error> damaged(const std::string& rel, std::int64_t now_ms);
    std::optional<Error> write_meta();
    std::optional<Error> write_editable();
    std::optional<Error> append_responses(const std::vector<const Record*>& rs);
    std::optional<Error> snapshot_before_change(std::int64_t now_ms);
    std::optional<Error> write_snapshot(const std::string& name, std::int64_t now_ms);
    void prune_snapshots();
    std::string path(const std::string& rel) const { return dir_ + "/" + rel; }

    std::string dir_;
    std::optional<Error> write_drafts();
    Meta meta_;
    Drafts drafts_;
    Dataset data_;
    Clock clock_;
    std::optional<Error> flush_tail();
    int segment_ = 0;                 // number of the open segment (0: none yet)
    std::size_t segment_lines_ = 0;  // lines in it
    std::size_t tail_lines_ = 0;
    int skipped_lines_ = 0;
    bool read_only_ = false;
    bool wrote_on_open_ = false;
    std::size_t tail_size_ = 0, segment_size_ = 0;  // journal bytes known to be whole lines
    std::vector<Record> unsaved_;  // responses held whose append failed: written with the next
    std::vector<Error> notes_;
    std::unordered_set<Id> read_;  // meta_.read, for lookups
    std::string snapshot_skipped_;  // the day whose snapshot was too big to keep
};

}  // namespace linli::store
