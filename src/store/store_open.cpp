// Opening a store: reading what is there, setting aside and recovering what is damaged,
// migrating an older schema. Nothing is deleted, and every repair is said in notes().
#include <rapidjson/document.h>

#include <algorithm>

#include "core/clock_drift.h"
#include "core/json_object.h"
#include "store/files.h"
#include "store/journal.h"
#include "store/recovery.h"
#include "store/store.h"

namespace linli::store {
namespace {

// Whether the store held data: a journal or a snapshot. Then its data file should be there.
bool held_data(const std::string& dir) {
    auto journal = list_dir(dir + "/responses"), snapshots = list_dir(dir + "/snapshots");
    return std::any_of(journal.begin(), journal.end(), is_journal_file) ||
           std::any_of(snapshots.begin(), snapshots.end(), [](const std::string& n) {
               return n.size() > 5 && n.substr(n.size() - 5) == ".json";
           });
}

// The schema a settings file names, even one this version cannot read as a whole (a
// newer Linli's, with fields this one does not know): newer is refused, not "repaired".
int schema_named(const std::string& text) {
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    if (doc.HasParseError() || !doc.IsObject()) return 0;
    auto it = doc.FindMember("schema");
    return it != doc.MemberEnd() && it->value.IsInt() ? it->value.GetInt() : 0;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

Result<Store> Store::open(const std::string& dir, std::int64_t now_ms, IdSource& ids) {
    return open_dir(dir, now_ms, ids, false);
}

Result<Store> Store::inspect(const std::string& dir, std::int64_t now_ms) {
    IdSource ids(0);  // only for a device id nothing will write
    return open_dir(dir, now_ms, ids, true);
}

Result<Store> Store::open_dir(const std::string& dir, std::int64_t now_ms, IdSource& ids, bool read_only) {
    Store s(dir);
    s.read_only_ = read_only;
    if (read_only && !file_exists(dir)) return make_error("err.file.read", {dir});
    if (!read_only)
        for (const char* sub : {"", "/responses", "/snapshots"})
            if (auto e = make_dir(dir + sub)) return *e;
    bool meta_found = false, migrated = false;
    std::string damaged_meta;
    bool meta_existed = file_exists(s.path("meta.json"));
    if (auto e = s.read_meta(now_ms, meta_found, damaged_meta)) return *e;
    Identity found;
    bool recovered = false;
    if (auto e = s.load_editable(now_ms, found, recovered)) return *e;
    // Lines without a checksum are read only from a store written before checksums, or
    // one whose settings are lost and cannot say: damage does not make a whole line of
    // JSON without its checksum. Reading a schema-1 store rewrites its journal with them.
    if (auto e = s.load_journal(now_ms, !meta_found || s.meta_.schema < kSchemaVersion)) return *e;
    if (!meta_found) {
        bool fresh = !meta_existed && s.data_.size() == 0 && s.notes_.empty();
        if (auto e = s.recover_meta(now_ms, ids, found, damaged_meta, fresh)) return *e;
    } else if (s.meta_.schema < kSchemaVersion && !read_only) {
        s.meta_.schema = kSchemaVersion;  // last: the journal has its checksums by now
        if (auto e = s.write_meta()) return *e;
        migrated = true;
    }
    if (recovered && !read_only)  // once the device id is known again: the file names it
        if (auto e = s.write_editable()) return *e;
    s.clock_ = Clock(s.meta_.device);
    for (const auto& [id, r] : s.data_.records()) s.clock_.observe(r.rev, now_ms);
    if (file_exists(s.path("drafts.json"))) {
        // Drafts are a convenience: a damaged file loses the half-given answers, nothing
        // else; it is kept aside all the same.
        auto text = read_file(s.path("drafts.json"));
        auto drafts = text ? parse_object<Drafts>(*text) : Result<Drafts>(text.error());
        if (drafts) s.drafts_ = std::move(*drafts);
        else if (auto e = s.damaged("drafts.json", now_ms)) return *e;
    }
    if (auto e = clock_looks_behind(s.data_, now_ms)) s.notes_.push_back(*e);
    // Every repair and migration above is a write; so is a new settings file.
    s.wrote_on_open_ = !read_only && (!meta_found || recovered || !s.notes_.empty() || migrated);
    return s;
}

std::optional<Error> Store::damaged(const std::string& rel, std::int64_t now_ms) {
    if (read_only_) {
        notes_.push_back(make_error("note.damaged", {rel}));
        return std::nullopt;
    }
    auto kept = set_aside(dir_, rel, now_ms);
    if (!kept) return kept.error();
    notes_.push_back(make_error("note.damaged_kept", {rel, *kept}));
    return std::nullopt;
}

std::optional<Error> Store::read_meta(std::int64_t now_ms, bool& found, std::string& damaged_text) {
    if (!file_exists(path("meta.json"))) return std::nullopt;
    auto text = read_file(path("meta.json"));
    auto meta = text ? parse_object<Meta>(*text) : Result<Meta>(text.error());
    int schema = meta ? meta->schema : text ? schema_named(*text) : 0;
    if (schema > kSchemaVersion)
        return make_error("err.store.newer", {std::to_string(schema), std::to_string(kSchemaVersion)});
    if (meta) {
        meta_ = std::move(*meta);
        read_ = {meta_.read.begin(), meta_.read.end()};
        found = true;
        return std::nullopt;
    }
    damaged_text = text ? *text : "";
    return damaged("meta.json", now_ms);
}

std::optional<Error> Store::load_editable(std::int64_t now_ms, Identity& found, bool& recovered) {
    if (file_exists(path("editable.json"))) {
        auto text = read_file(path("editable.json"));
        auto b = text ? parse_bundle(*text) : Result<Bundle>(text.error());
        if (b) {
            data_.merge(*b);
            found = identity_of(*b, "editable.json");
            return std::nullopt;
        }
        if (auto e = damaged("editable.json", now_ms)) return e;
    } else if (!held_data(dir_)) {
        return std::nullopt;  // a new store, or one that never held data
    } else {
        notes_.push_back(make_error("note.lost", {"editable.json"}));
    }
    // The data file is lost: the newest snapshot that reads brings back what it held, and
    // the journal (read next) every response saved since.
    auto snap = newest_good_snapshot(dir_);
    if (!snap) {
        notes_.push_back(make_error("note.no_snapshot"));
        return std::nullopt;
    }
    data_.merge(snap->bundle);
    found = identity_of(snap->bundle, "snapshots/" + snap->name + ".json");
    notes_.push_back(make_error("note.recovered",
                                {snap->name, std::to_string(snap->bundle.records.size() + snap->bundle.conflicts.size())}));
    recovered = true;
    return std::nullopt;
}

std::optional<Error> Store::load_journal(std::int64_t now_ms, bool legacy) {
    std::vector<std::string> kept_as;
    for (const auto& name : list_dir(path("responses"))) {
        if (!is_journal_file(name)) continue;
        std::string rel = "responses/" + name;
        auto text = read_file(path(rel));
        if (!text) {
            if (auto e = damaged(rel, now_ms)) return e;
            continue;
        }
        JournalText j = read_journal(*text, legacy, [&](const Record& r) { data_.merge(r); });
        skipped_lines_ += static_cast<int>(j.bad);
        std::size_t size = text->size();
        if (j.changed && !read_only_) {
            // Bad lines: the file as it was is kept aside; the lines that read go on.
            // Lines without checksums (schema 1): rewritten with them.
            if (j.bad) {
                auto kept = set_aside(dir_, rel, now_ms);
                if (!kept) return kept.error();
                kept_as.push_back(*kept);
            }
            if (auto e = write_atomic(path(rel), j.clean)) return e;
            size = j.clean.size();
        }
        if (name == "tail.ndjson") {
            tail_lines_ = j.records;
            tail_size_ = size;
        } else if (int n = std::atoi(name.c_str()); n >= segment_) {
            segment_ = n;
            segment_lines_ = j.records;
            segment_size_ = size;
        }
    }
    if (skipped_lines_ > 0)
        notes_.push_back(read_only_ ? make_error("note.journal_unread", {std::to_string(skipped_lines_)})
                                    : make_error("note.journal_skipped", {std::to_string(skipped_lines_), joined(kept_as)}));
    return std::nullopt;
}

// The settings file is lost or damaged. A new device id would let this device's edits be
// mistaken for another's, and an empty compound would let any compound's file in: both
// come back from the files the store wrote, or what is left of the settings file.
std::optional<Error> Store::recover_meta(std::int64_t now_ms, IdSource& ids, Identity found,
                                         const std::string& damaged_text, bool fresh) {
    if (!found.found() && !damaged_text.empty()) found = salvage_identity(damaged_text, "meta.json");
    meta_ = Meta{};
    meta_.created_ms = now_ms;
    meta_.device = found.found() ? found.device : ids.next().substr(0, 16);
    meta_.community = found.community;
    for (const auto& [id, r] : data_.records())
        if (r.kind() == Kind::community) meta_.community = id;  // the data's own word first
    if (!fresh)
        notes_.push_back(found.found() ? make_error("note.identity_recovered", {meta_.device, found.source})
                                       : make_error("note.identity_new", {meta_.device}));
    return read_only_ ? std::nullopt : write_meta();
}

}  // namespace linli::store
