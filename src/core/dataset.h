// All the records a device holds, and the merge that combines devices' data.
// merge() is commutative, associative and idempotent: any bundles, in any order, any
// number of times, give the same Dataset. Per id it keeps every version no other version
// makes redundant (a later edit of the same kind that carries its committee fields; a
// fuller copy of the same version); the winner of those is what readers see.
#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/bundle.h"
#include "core/error.h"
#include "core/records.h"

namespace linli {

struct MergeReport {
    std::array<int, kKindCount> added{};
    std::array<int, kKindCount> updated{};
    int deleted = 0;    // tombstones that took effect
    int unchanged = 0;  // already here, or older than what is here
    int conflicts = 0;  // new versions kept beside another kind's record, another immutable
                        // record, or another version with the same rev, under the same id
    int total_changes() const;
};

class Dataset {
public:
    Dataset() = default;
    // Copies start without the live() cache: its pointers belong to the original.
    Dataset(const Dataset& o) : records_(o.records_), others_(o.others_), kept_(o.kept_), generation_(o.generation_) {}
    Dataset(Dataset&& o) noexcept
        : records_(std::move(o.records_)), others_(std::move(o.others_)), kept_(std::move(o.kept_)),
          generation_(o.generation_) {}
    Dataset& operator=(const Dataset& o) { return *this = Dataset(o); }
    Dataset& operator=(Dataset&& o) noexcept {
        records_ = std::move(o.records_);
        others_ = std::move(o.others_);
        kept_ = std::move(o.kept_);
        generation_ = std::max(generation_, o.generation_) + 1;  // never mistaken for an earlier state
        live_generation_ = {};
        return *this;
    }

    void merge(const Record& r, MergeReport* report = nullptr);
    void merge(const Bundle& b, MergeReport* report = nullptr);
    void merge(const Dataset& other, MergeReport* report = nullptr);

    // The winner of each id, as readers see it: committee fields it lacks are filled in
    // from the versions kept for them.
    const Record* find(const Id& id) const;
    const std::unordered_map<Id, Record>& records() const { return records_; }
    // Other versions shown as conflicts: another kind under the id, another immutable
    // record, another version with the same rev.
    const std::unordered_map<Id, std::vector<Record>>& conflicts() const { return others_; }

    // Every version of `id` held, as written: the winner first (without anything filled
    // in), then the conflicts and the older versions kept for committee fields.
    std::vector<const Record*> versions(const Id& id) const;
    // What a full export writes: each id's winner as written in b.records, every other
    // version held in b.conflicts, sorted by id then rev; merged anywhere, it gives this
    // same Dataset. `only`, if given, picks the versions written.
    void fill_bundle(Bundle& b, bool (*only)(const Record&) = nullptr) const;
    std::size_t size() const { return records_.size(); }

    // Live (not deleted) records of one kind, in a stable order (by id).
    std::vector<const Record*> live(Kind kind) const;

    // What merging `incoming` would change, without changing anything. Costs the size
    // of the bundle, not of the dataset.
    MergeReport preview(const Bundle& incoming) const;

    // The records in a bundle that point at records neither it nor this dataset has.
    std::optional<Error> missing_reference(const Bundle& incoming) const;

    // A fingerprint of everything held: equal on two devices exactly when they hold the
    // same records (winners and kept versions). For comparing devices, not for security.
    std::string digest() const;

    // Counts the changes merged so far: a view may cache what it computed from the data
    // until this moves.
    std::uint64_t generation() const { return generation_; }

    bool operator==(const Dataset& o) const {
        return records_ == o.records_ && others_ == o.others_ && kept_ == o.kept_;
    }

private:
    // Versions an id holds beyond records_ and others_; only for the few ids that have any.
    struct Kept {
        std::optional<Record> winner;  // the winner as written, where records_ shows it filled in
        std::vector<Record> sources;   // older versions of its kind, kept for committee fields it lacks
        bool operator==(const Kept&) const = default;
    };
    void hold(const Id& id, std::vector<Record> versions);  // sorted by beats

    std::unordered_map<Id, Record> records_;       // the winning version of each id, filled in
    std::unordered_map<Id, std::vector<Record>> others_;  // versions shown as conflicts, ordered
    std::unordered_map<Id, Kept> kept_;
    std::uint64_t generation_ = 0;
    // live() per kind, kept until the next change: screens ask for it every frame.
    mutable std::array<std::vector<const Record*>, kKindCount> live_cache_;
    mutable std::array<std::uint64_t, kKindCount> live_generation_{};
};

// The deterministic order in which versions of one id win: one kind keeps an id that
// another kind also claims (owner_rank); within a kind immutable records keep the first
// written (lowest rev), editable ones the last; equal revs fall back to content.
bool beats(const Record& a, const Record& b);

// Which kind keeps an id two kinds claim: the lower rank.
int owner_rank(Kind k);

// Whether version `a` makes `b` (same id) redundant: a later edit of the same editable
// kind that carries every committee field `b` has (but those that follow the version,
// Rules.follows_version), or the same version with more of its committee fields. A strict partial order, so keeping the versions nothing dominates
// makes merge commutative, associative and idempotent.
bool dominates(const Record& a, const Record& b);

}  // namespace linli
