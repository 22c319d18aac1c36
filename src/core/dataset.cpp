#include "core/dataset.h"

#include "core/json_read.h"  // has_visit

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace linli {

int MergeReport::total_changes() const {
    return std::accumulate(added.begin(), added.end(), 0) + std::accumulate(updated.begin(), updated.end(), 0) +
           conflicts;
}

bool beats(const Record& a, const Record& b) {
    bool ia = is_immutable(a.kind()), ib = is_immutable(b.kind());
    if (ia != ib) return ia;
    if (a.rev != b.rev) return ia ? a.rev < b.rev : a.rev > b.rev;
    return canonical_json(a) > canonical_json(b);
}

namespace {

// Clears the fields a public export leaves out.
struct CommitteeFieldClearer {
    template <class T> void operator()(const char*, T& value, const Rules& r) {
        if (r.committee) value = T{};
        else if constexpr (has_visit<T>::value) value.visit(*this);
    }
};

}  // namespace

Record public_view(const Record& r) {
    Record out = r;
    CommitteeFieldClearer clear;
    std::visit([&](auto& body) { body.visit(clear); }, out.body);
    return out;
}

namespace {
// `part` is what a public export made of `full`: the same version, less the committee
// fields. Merging them keeps the fuller one; it is not a conflict.
bool is_public_view_of(const Record& part, const Record& full) {
    return part.rev == full.rev && !(part == full) && part == public_view(full);
}

// An editable version is superseded once an editable version of the same id with a later
// rev exists; superseded versions are forgotten. Whatever else was seen is kept.
bool supersedes(const Record& newer, const Record& older) {
    return !is_immutable(newer.kind()) && !is_immutable(older.kind()) && newer.rev > older.rev;
}
}  // namespace

void Dataset::merge(const Record& v, MergeReport* report) {
    auto k = static_cast<std::size_t>(v.kind());
    auto it = records_.find(v.id);
    if (it == records_.end()) {
        ++generation_;
        records_.emplace(v.id, v);
        if (report) ++report->added[k];
        return;
    }
    Record& winner = it->second;
    if (is_public_view_of(v, winner)) {
        if (report) ++report->unchanged;
        return;
    }
    if (is_public_view_of(winner, v)) {
        ++generation_;
        winner = v;
        if (report) ++report->updated[k];
        return;
    }
    auto oit = others_.find(v.id);
    std::vector<Record> kept = oit == others_.end() ? std::vector<Record>{} : oit->second;

    bool known = winner == v || std::find(kept.begin(), kept.end(), v) != kept.end();
    bool old = supersedes(winner, v) || std::any_of(kept.begin(), kept.end(), [&](const Record& u) { return supersedes(u, v); });
    if (known || old) {
        if (report) ++report->unchanged;
        return;
    }

    // The retained set: the winner unless v supersedes it, the kept ones v doesn't, and v.
    std::vector<Record> all;
    all.reserve(kept.size() + 2);
    bool winner_superseded = supersedes(v, winner);
    if (!winner_superseded) all.push_back(winner);
    for (auto& u : kept)
        if (!supersedes(v, u)) all.push_back(std::move(u));
    all.push_back(v);
    std::sort(all.begin(), all.end(), [](const Record& a, const Record& b) { return beats(a, b); });

    ++generation_;  // v is new and kept: as winner or beside it
    bool changed = !(all.front() == winner);
    if (report) {
        if (changed && all.front().deleted && !winner.deleted) ++report->deleted;
        else if (changed) ++report->updated[k];
        if (all.size() > 1) ++report->conflicts;  // v now stands beside a different version
    }
    winner = std::move(all.front());
    all.erase(all.begin());
    if (all.empty()) others_.erase(v.id);
    else others_[v.id] = std::move(all);
}

void Dataset::merge(const Bundle& b, MergeReport* report) {
    for (const auto& r : b.records) merge(r, report);
    for (const auto& r : b.conflicts) merge(r, report);
}

void Dataset::merge(const Dataset& other, MergeReport* report) {
    for (const auto& [id, r] : other.records_) merge(r, report);
    for (const auto& [id, versions] : other.others_)
        for (const auto& r : versions) merge(r, report);
}

MergeReport Dataset::preview(const Bundle& incoming) const {
    Dataset scratch;  // only the ids the bundle touches
    auto copy_id = [&](const Id& id) {
        if (scratch.records_.count(id)) return;
        if (const Record* r = find(id)) scratch.records_.emplace(id, *r);
        if (auto it = others_.find(id); it != others_.end()) scratch.others_.emplace(id, it->second);
    };
    for (const auto& r : incoming.records) copy_id(r.id);
    for (const auto& r : incoming.conflicts) copy_id(r.id);
    MergeReport report;
    scratch.merge(incoming, &report);
    return report;
}

std::string Dataset::digest() const {
    std::vector<std::string> all;
    all.reserve(records_.size());
    for (const auto& [id, r] : records_) all.push_back(canonical_json(r));
    for (const auto& [id, rs] : others_)
        for (const auto& r : rs) all.push_back(canonical_json(r));
    std::sort(all.begin(), all.end());
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, 64 bits
    for (const auto& s : all) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ '\n') * 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

const Record* Dataset::find(const Id& id) const {
    auto it = records_.find(id);
    return it == records_.end() ? nullptr : &it->second;
}

std::vector<const Record*> Dataset::live(Kind kind) const {
    auto k = static_cast<std::size_t>(kind);
    // Records are never removed and a winner is replaced in place, so the pointers stay good.
    if (live_generation_[k] == generation_ + 1) return live_cache_[k];
    std::vector<const Record*> out;
    for (const auto& [id, r] : records_)
        if (r.kind() == kind && !r.deleted) out.push_back(&r);
    std::sort(out.begin(), out.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
    live_cache_[k] = out;
    live_generation_[k] = generation_ + 1;
    return out;
}

std::optional<Error> Dataset::missing_reference(const Bundle& incoming) const {
    std::unordered_map<std::string_view, Kind> in_file;
    in_file.reserve(incoming.records.size());
    for (const auto& r : incoming.records) in_file.emplace(r.id, r.kind());
    auto has = [&](const Id& id, Kind want) {
        if (auto f = in_file.find(id); f != in_file.end()) return f->second == want;
        const Record* r = find(id);
        return r && r->kind() == want;
    };
    std::optional<Error> err;
    auto need = [&](const Record& from, const Id& to, Kind want) {
        if (!err && !has(to, want))
            err = make_error("err.ref.missing", {std::string(enum_name(from.kind())), from.id,
                                                 std::string(enum_name(want)), to});
    };
    // Households stay on the committee's devices, so a poll's codes and a ballot may name
    // one this device never holds: those references are not required.
    for (const auto& r : incoming.records) {
        if (auto* h = r.as<Household>()) need(r, h->building, Kind::building);
        if (auto* p = r.as<Poll>()) {
            if (p->building) need(r, *p->building, Kind::building);
            for (const auto& c : p->codes)
                if (c.building) need(r, *c.building, Kind::building);
        }
        if (auto* s = r.as<Response>()) need(r, s->poll, Kind::poll);
        if (auto* m = r.as<MapShape>(); m && m->building) need(r, *m->building, Kind::building);
        if (err) break;
    }
    return err;
}

}  // namespace linli
