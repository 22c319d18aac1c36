#include "store/store.h"

#include <algorithm>
#include <cstdio>

#include "core/calendar.h"
#include "core/clock_drift.h"
#include "core/committee_fields.h"
#include "core/json_object.h"
#include "store/files.h"
#include "store/journal.h"

namespace linli::store {
namespace {

std::string segment_name(int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "responses/%06d.ndjson", n);
    return buf;
}

bool editable_kind(const Record& r) { return !is_immutable(r.kind()); }

// Every version of every immutable record (winners and the others kept): the journal's.
std::vector<const Record*> immutable_versions(const Dataset& d) {
    std::vector<const Record*> out;
    for (const auto& [id, r] : d.records())
        for (const Record* v : d.versions(id))
            if (is_immutable(v->kind())) out.push_back(v);
    std::sort(out.begin(), out.end(), [](const Record* a, const Record* b) {
        return a->id != b->id ? a->id < b->id : a->rev < b->rev;
    });
    return out;
}

CommunityRef community_of(const Dataset& d, const Id& fallback) {
    for (const auto& [id, r] : d.records())
        if (auto* c = r.as<Community>()) return CommunityRef{id, c->name};
    return CommunityRef{fallback, LocalText{"邻里", "Linli"}};
}

}  // namespace

std::optional<Error> Store::write_meta() { return write_atomic(path("meta.json"), write_object(meta_)); }

std::optional<Error> Store::write_editable() {
    Bundle b;
    b.community = community_of(data_, meta_.community);
    b.device = meta_.device;
    b.scope = Scope::committee;
    data_.fill_bundle(b, editable_kind);  // the reader merges winners and kept versions back
    auto bytes = write_readable_bundle(b);  // a file too big to open again is not written
    if (!bytes) return bytes.error();
    return write_atomic(path("editable.json"), *bytes);
}

// Records wait in unsaved_ until they are on disk: an append that fails (storage full
// half-way) is cut back to whole lines, and its records go with the next one.
std::optional<Error> Store::append_responses(const std::vector<const Record*>& rs) {
    for (const Record* r : rs) unsaved_.push_back(*r);
    while (!unsaved_.empty()) {
        if (tail_lines_ >= kTailRecords)
            if (auto e = flush_tail()) return e;
        std::size_t n = std::min(kTailRecords - tail_lines_, unsaved_.size());
        std::string chunk;
        for (std::size_t k = 0; k < n; ++k) chunk += journal_line(unsaved_[k]);
        if (auto e = append_whole(path("responses/tail.ndjson"), chunk, tail_size_)) return e;
        unsaved_.erase(unsaved_.begin(), unsaved_.begin() + static_cast<std::ptrdiff_t>(n));
        tail_lines_ += n;
    }
    if (tail_lines_ >= kTailRecords) return flush_tail();
    return std::nullopt;
}

// The full tail joins the open segment in one append; a full segment is closed.
std::optional<Error> Store::flush_tail() {
    auto tail = read_file(path("responses/tail.ndjson"));
    if (!tail) return tail.error();
    tail->resize(std::min(tail->size(), tail_size_));  // whole lines only
    if (segment_ == 0 || segment_lines_ + tail_lines_ > kSegmentRecords) {
        ++segment_;
        segment_lines_ = 0;
        segment_size_ = 0;
    }
    if (auto e = append_whole(path(segment_name(segment_)), *tail, segment_size_)) return e;
    segment_lines_ += tail_lines_;
    tail_lines_ = 0;
    tail_size_ = 0;
    // If a crash came between the append and this removal, the tail's records are read
    // twice on the next start; merging is idempotent, so nothing is duplicated.
    remove_file(path("responses/tail.ndjson"));
    return std::nullopt;
}

std::optional<Error> Store::check_import(const Bundle& b, std::int64_t now_ms) const {
    if (!meta_.community.empty() && b.community.id != meta_.community) {
        CommunityRef ours = community_of(data_, meta_.community);
        return make_error("err.import.other_community", {b.community.name.zh.empty() ? b.community.name.en : b.community.name.zh,
                                                         ours.name.zh.empty() ? ours.name.en : ours.name.zh});
    }
    // A clock far ahead is refused, the whole file: taking the rest and setting those
    // records aside would make what a device holds depend on the day it imported (the same
    // file would give another state a month later) and could leave a response without its
    // poll. Whole files in, or nothing, keeps the state the merge of the files taken.
    if (auto e = clock_ahead(b, now_ms)) return e;
    return data_.missing_reference(b);
}

Result<MergeReport> Store::import(const Bundle& b, std::int64_t now_ms) {
    if (auto e = check_import(b, now_ms)) return *e;
    MergeReport preview = data_.preview(b);
    if (preview.total_changes() + preview.deleted == 0) return preview;  // nothing new: nothing written
    if (auto e = snapshot_before_change(now_ms)) return *e;

    MergeReport report;
    bool editable_changed = false;
    std::vector<Record> new_immutable;
    auto take = [&](const Record& r) {
        int before = report.total_changes() + report.deleted;
        data_.merge(r, &report);
        if (report.total_changes() + report.deleted == before) return;
        if (is_immutable(r.kind())) new_immutable.push_back(r);
        else editable_changed = true;
        clock_.observe(r.rev, now_ms);
    };
    for (const auto& r : b.records) take(r);
    for (const auto& r : b.conflicts) take(r);

    if (meta_.community.empty()) {
        meta_.community = b.community.id;
        if (auto e = write_meta()) return *e;
    }
    if (editable_changed)
        if (auto e = write_editable()) return *e;
    std::vector<const Record*> ptrs;
    for (const auto& r : new_immutable) ptrs.push_back(&r);
    if (auto e = append_responses(ptrs)) return *e;
    return report;
}

std::optional<Error> Store::put(const Record& r, std::int64_t now_ms) { return put_all({r}, now_ms); }

std::optional<Error> Store::put_all(const std::vector<Record>& changes, std::int64_t now_ms) {
    // A new version carries the committee fields this device holds for the record, even
    // if the caller built it from a copy without them: what is written never drops them.
    std::vector<Record> rs = changes;
    for (auto& r : rs)
        if (const Record* held = data_.find(r.id); held && !is_immutable(r.kind())) fill_committee_fields(r, *held);
    for (const auto& r : rs)
        if (auto e = check_fields(r)) return e;
    if (auto e = snapshot_before_change(now_ms)) return e;
    bool editable = false;
    std::vector<const Record*> immutable;
    for (const auto& r : rs) {
        MergeReport rep;
        data_.merge(r, &rep);
        clock_.observe(r.rev, now_ms);
        if (rep.total_changes() + rep.deleted == 0) continue;
        if (is_immutable(r.kind())) immutable.push_back(&r);
        else editable = true;
    }
    if (editable)
        if (auto e = write_editable()) return e;
    return append_responses(immutable);
}

const Draft* Store::draft(const Id& poll) const {
    for (const auto& d : drafts_.drafts)
        if (d.poll == poll) return &d;
    return nullptr;
}

std::optional<Error> Store::set_draft(const Draft& d) {
    for (auto& x : drafts_.drafts)
        if (x.poll == d.poll) {
            x = d;
            return write_drafts();
        }
    drafts_.drafts.push_back(d);
    return write_drafts();
}

std::optional<Error> Store::clear_draft(const Id& poll) {
    auto n = std::erase_if(drafts_.drafts, [&](const Draft& d) { return d.poll == poll; });
    return n ? write_drafts() : std::nullopt;
}

std::optional<Error> Store::write_drafts() { return write_atomic(path("drafts.json"), write_object(drafts_)); }

std::optional<Error> Store::set_tools(bool on) {
    if (meta_.tools == on) return std::nullopt;
    meta_.tools = on;
    return write_meta();
}

std::optional<Error> Store::mark_read(const Id& notice) {
    if (!read_.insert(notice).second) return std::nullopt;
    meta_.read.push_back(notice);
    if (meta_.read.size() > Meta::kMaxRead) {
        read_.erase(meta_.read.front());
        meta_.read.erase(meta_.read.begin());
    }
    return write_meta();
}

std::optional<Error> Store::set_text_scale(double scale) {
    if (meta_.text_scale == scale) return std::nullopt;
    meta_.text_scale = scale;
    return write_meta();
}

std::optional<Error> Store::set_hall_seconds(int seconds) {
    if (meta_.hall_seconds == seconds) return std::nullopt;
    meta_.hall_seconds = seconds;
    return write_meta();
}

std::optional<Error> Store::set_home(const Id& building) {
    if (meta_.home == building) return std::nullopt;
    if (!building.empty()) {
        const Record* r = data_.find(building);
        if (!r || r->deleted || !r->as<Building>()) return make_error("err.home.unknown", {building});
    }
    meta_.home = building;
    return write_meta();
}

Id Store::home() const {
    const Record* r = meta_.home.empty() ? nullptr : data_.find(meta_.home);
    return r && !r->deleted && r->as<Building>() ? meta_.home : Id();
}

Bundle Store::export_bundle(Scope scope, std::int64_t now_ms) const {
    Bundle b;
    b.community = community_of(data_, meta_.community);
    b.device = meta_.device;
    b.exported_at = now_ms;
    b.scope = scope;
    data_.fill_bundle(b);
    return b;
}

std::optional<Error> Store::note_export(std::int64_t now_ms) {
    meta_.last_export_ms = now_ms;
    return write_meta();
}

std::optional<Error> Store::set_lang(const std::string& lang) {
    if (meta_.lang == lang) return std::nullopt;
    meta_.lang = lang;
    return write_meta();
}

// The first change of each day keeps the state as it was that morning.
std::optional<Error> Store::snapshot_before_change(std::int64_t now_ms) {
    if (data_.size() == 0) return std::nullopt;
    std::string today = format_date(now_ms);
    if (today == snapshot_skipped_ || file_exists(path("snapshots/" + today + ".json"))) return std::nullopt;
    auto e = write_snapshot(today, now_ms);
    if (e && e->key == "err.bundle.too_big_to_write") {
        // Too big to be read back: not kept, and said once; the change itself goes on.
        snapshot_skipped_ = today;
        e->where = "snapshots/" + today + ".json";
        notes_.push_back(*e);
        return std::nullopt;
    }
    return e;
}

std::optional<Error> Store::write_snapshot(const std::string& name, std::int64_t now_ms) {
    auto bytes = write_readable_bundle(export_bundle(Scope::committee, now_ms));
    if (!bytes) return bytes.error();
    if (auto e = write_atomic(path("snapshots/" + name + ".json"), *bytes)) return e;
    prune_snapshots();
    return std::nullopt;
}

void Store::prune_snapshots() {
    auto names = list_dir(path("snapshots"));
    std::erase_if(names, [](const std::string& n) { return n.size() < 5 || n.substr(n.size() - 5) != ".json"; });
    while (names.size() > kSnapshotsKept) {
        remove_file(path("snapshots/" + names.front()));
        names.erase(names.begin());
    }
}

std::vector<SnapshotInfo> Store::snapshots() const {
    std::vector<SnapshotInfo> out;
    for (const auto& n : list_dir(path("snapshots"))) {
        if (n.size() < 5 || n.substr(n.size() - 5) != ".json") continue;
        auto text = read_file(path("snapshots/" + n));
        out.push_back(SnapshotInfo{n.substr(0, n.size() - 5), text ? text->size() : 0});
    }
    std::reverse(out.begin(), out.end());  // newest first
    return out;
}

std::optional<Error> Store::restore(const std::string& name, std::int64_t now_ms) {
    auto text = read_file(path("snapshots/" + name + ".json"));
    if (!text) return text.error();
    auto b = parse_bundle(*text);
    if (!b) return b.error();
    // Keep what is here now, so a restore can itself be undone.
    if (auto e = write_snapshot(format_date_time(now_ms).replace(10, 1, "T").replace(13, 1, "") + "-before-restore",
                                now_ms))
        return e;
    Dataset restored;
    restored.merge(*b);
    data_ = std::move(restored);
    for (const auto& n : list_dir(path("responses")))
        if (is_journal_file(n)) remove_file(path("responses/" + n));  // files set aside stay
    segment_ = 0;
    segment_lines_ = segment_size_ = tail_lines_ = tail_size_ = 0;
    unsaved_.clear();
    if (auto e = write_editable()) return e;
    return append_responses(immutable_versions(data_));
}

}  // namespace linli::store
