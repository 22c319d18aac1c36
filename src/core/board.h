// What the notice board shows: which records, in which order. Shared by the app's
// screens and its automation snapshot so both always agree.
#pragma once
#include <cstdint>
#include <vector>

#include "core/dataset.h"

namespace linli {

const Record* the_community(const Dataset& d);

// Notices not deleted and not expired at `now_ms`: pinned first, then newest first.
std::vector<const Record*> board_notices(const Dataset& d, std::int64_t now_ms);

// Polls that are not drafts: open ones first (closing soonest first), then the rest, newest
// first, withdrawn ones last.
std::vector<const Record*> board_polls(const Dataset& d, std::int64_t now_ms);

}  // namespace linli
