// Committee-scope fields (Rules.committee: a household's floor area and code) across the
// versions of one record. A public copy, or a version written by a device that never had
// them, lacks them (holds the default, which the writer leaves out): such a version must
// not erase them, however new it is.
#pragma once
#include "core/records.h"

namespace linli {

// Which committee fields: all (what a public copy of a version lacks), or those a newer
// version lacking them must not erase (all but Rules.follows_version: a committee edit
// may clear those, as reopening a poll clears its roll).
enum class CommitteeFields { all, kept };

// Fills each committee field `to` lacks with `from`'s, where `from` has it. Both are of
// one kind. Returns whether anything was filled.
bool fill_committee_fields(Record& to, const Record& from, CommitteeFields which = CommitteeFields::kept);

// Whether `from` has a kept committee field that `to` lacks.
bool lacks_committee_fields_of(const Record& to, const Record& from);

}  // namespace linli
