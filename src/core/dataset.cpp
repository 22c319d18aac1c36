#include "core/dataset.h"

#include "core/committee_fields.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace linli {

int MergeReport::total_changes() const {
    return std::accumulate(added.begin(), added.end(), 0) + std::accumulate(updated.begin(), updated.end(), 0) +
           conflicts;
}

int owner_rank(Kind k) {
    // Ids are random, so two kinds under one id take a crafted or broken file. What other
    // records point at keeps the id; responses, which nothing points at, never take one
    // from another kind (a ballot reusing a poll's or a household's id would replace it
    // for good). The other kinds' versions are kept aside as conflicts.
    static constexpr std::array<Kind, kKindCount> order{Kind::community, Kind::building, Kind::household, Kind::poll,
                                                        Kind::notice,    Kind::facility, Kind::mapshape,  Kind::duty,
                                                        Kind::response,  Kind::reception};
    return static_cast<int>(std::find(order.begin(), order.end(), k) - order.begin());
}

bool beats(const Record& a, const Record& b) {
    if (a.kind() != b.kind()) return owner_rank(a.kind()) < owner_rank(b.kind());
    bool immutable = is_immutable(a.kind());
    if (a.rev != b.rev) return immutable ? a.rev < b.rev : a.rev > b.rev;
    return canonical_json(a) > canonical_json(b);
}

bool dominates(const Record& a, const Record& b) {
    if (a.kind() != b.kind() || a == b) return false;
    if (a.rev == b.rev) {
        // `b` is `a` less some committee fields (a public copy of it): filling them in gives `a`.
        Record filled = b;
        fill_committee_fields(filled, a, CommitteeFields::all);
        return filled == a;
    }
    // A later edit supersedes, unless it lacks a committee field the earlier one has (and
    // keeps): a public copy of a newer version must not erase a floor area.
    return !is_immutable(a.kind()) && a.rev > b.rev && !lacks_committee_fields_of(a, b);
}

std::vector<const Record*> Dataset::versions(const Id& id) const {
    std::vector<const Record*> out;
    auto it = records_.find(id);
    if (it == records_.end()) return out;
    auto kept = kept_.find(id);
    out.push_back(kept != kept_.end() && kept->second.winner ? &*kept->second.winner : &it->second);
    if (auto o = others_.find(id); o != others_.end())
        for (const auto& r : o->second) out.push_back(&r);
    if (kept != kept_.end())
        for (const auto& r : kept->second.sources) out.push_back(&r);
    return out;
}

// Stores the versions of one id (none dominated, sorted by beats). The first is the
// winner; the committee fields it lacks are filled in from the other versions of its
// kind, latest first. Older ones of its kind are kept for those fields; the rest (other
// kinds, other immutable records, equal revs) are conflicts.
void Dataset::hold(const Id& id, std::vector<Record> all) {
    const Record& w = all.front();
    Record shown = w;
    if (!is_immutable(w.kind()))
        for (std::size_t i = 1; i < all.size(); ++i)
            if (all[i].kind() == w.kind()) fill_committee_fields(shown, all[i]);
    Kept kept;
    std::vector<Record> others;
    for (std::size_t i = 1; i < all.size(); ++i) {
        bool source = all[i].kind() == w.kind() && !is_immutable(w.kind()) && all[i].rev < w.rev;
        (source ? kept.sources : others).push_back(std::move(all[i]));
    }
    if (!(shown == w)) kept.winner = std::move(all.front());
    auto it = records_.find(id);
    if (it == records_.end()) records_.emplace(id, std::move(shown));
    else it->second = std::move(shown);  // in place: live() holds pointers
    if (others.empty()) others_.erase(id);
    else others_[id] = std::move(others);
    if (!kept.winner && kept.sources.empty()) kept_.erase(id);
    else kept_[id] = std::move(kept);
}

void Dataset::merge(const Record& v, MergeReport* report) {
    auto k = static_cast<std::size_t>(v.kind());
    auto it = records_.find(v.id);
    if (it == records_.end()) {
        ++generation_;
        records_.emplace(v.id, v);
        if (report) ++report->added[k];
        return;
    }
    auto held = versions(v.id);
    // Seen already, or made redundant by a version held: nothing changes. The check is
    // against every version held, not only the winner, or the order of arrival would count.
    for (const Record* u : held)
        if (*u == v || dominates(*u, v)) {
            if (report) ++report->unchanged;
            return;
        }
    Record before = it->second;
    std::vector<Record> versions;
    for (const Record* u : held)
        if (!dominates(v, *u)) versions.push_back(*u);
    versions.push_back(v);
    std::sort(versions.begin(), versions.end(), [](const Record& a, const Record& b) { return beats(a, b); });
    // v now stands beside a version it conflicts with: another kind (never a replacement),
    // another immutable record, another version with its rev.
    bool conflict = std::any_of(versions.begin(), versions.end(), [&](const Record& u) {
        return !(u == v) && (u.kind() != v.kind() || is_immutable(v.kind()) || u.rev == v.rev);
    });
    hold(v.id, std::move(versions));
    ++generation_;  // v is new and kept
    if (!report) return;
    const Record& after = records_.at(v.id);
    if (conflict) ++report->conflicts;
    else if (after == before) ++report->unchanged;
    else if (after.deleted && !before.deleted) ++report->deleted;
    else ++report->updated[k];
}

void Dataset::merge(const Bundle& b, MergeReport* report) {
    for (const auto& r : b.records) merge(r, report);
    for (const auto& r : b.conflicts) merge(r, report);
}

void Dataset::merge(const Dataset& other, MergeReport* report) {
    for (const auto& [id, r] : other.records_)
        for (const Record* v : other.versions(id)) merge(*v, report);
}

void Dataset::fill_bundle(Bundle& b, bool (*only)(const Record&)) const {
    for (const auto& [id, r] : records_) {
        auto vs = versions(id);
        for (std::size_t i = 0; i < vs.size(); ++i)
            if (!only || only(*vs[i])) (i == 0 ? b.records : b.conflicts).push_back(*vs[i]);
    }
    auto by_id = [](const Record& a, const Record& c) { return a.id != c.id ? a.id < c.id : a.rev < c.rev; };
    std::sort(b.records.begin(), b.records.end(), by_id);
    std::sort(b.conflicts.begin(), b.conflicts.end(), by_id);
}

MergeReport Dataset::preview(const Bundle& incoming) const {
    Dataset scratch;  // only the ids the bundle touches
    auto copy_id = [&](const Id& id) {
        if (scratch.records_.count(id) || !records_.count(id)) return;
        scratch.records_.emplace(id, records_.at(id));
        if (auto it = others_.find(id); it != others_.end()) scratch.others_.emplace(id, it->second);
        if (auto it = kept_.find(id); it != kept_.end()) scratch.kept_.emplace(id, it->second);
    };
    for (const auto& r : incoming.records) copy_id(r.id);
    for (const auto& r : incoming.conflicts) copy_id(r.id);
    MergeReport report;
    scratch.merge(incoming, &report);
    return report;
}

std::string Dataset::digest() const {
    std::vector<std::string> all;  // every version as written: what the state is made of
    all.reserve(records_.size());
    for (const auto& [id, r] : records_)
        for (const Record* v : versions(id)) all.push_back(canonical_json(*v));
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
        if (auto f = in_file.find(id); f != in_file.end() && f->second == want) return true;  // else another kind's, kept aside
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
