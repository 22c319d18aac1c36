// What the notice board shows: which records, in which order. Shared by the app's
// screens and its automation snapshot so both always agree.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace linli {

const Record* the_community(const Dataset& d);

// Notices on the board at `now_ms` (started, not ended, not retracted): urgent first,
// then pinned, then newest first.
std::vector<const Record*> board_notices(const Dataset& d, std::int64_t now_ms);
// Notices whose time has ended: most recently ended first.
std::vector<const Record*> past_notices(const Dataset& d, std::int64_t now_ms);
// Notices not shown yet (the committee's schedule): soonest first.
std::vector<const Record*> scheduled_notices(const Dataset& d, std::int64_t now_ms);
// Notices on the board, then past ones, that contain `query` (core/notice_rules.h).
std::vector<const Record*> search_notices(const Dataset& d, std::int64_t now_ms, std::string_view query);

// Whether a notice concerns the residents of `building`: one for the whole compound, or
// for that building among others. Any notice concerns everyone when `building` is empty.
bool concerns(const Notice& n, const Id& building);
// Keeps the notices in `list` that concern `building`; gives how many were left out.
std::size_t keep_concerning(std::vector<const Record*>& list, const Id& building);

// The live buildings by their painted number, as people count them: 2 before 10, 3A after 3.
std::vector<const Record*> buildings_in_order(const Dataset& d);

// The next time after `now_ms` that a notice starts or ends (0: none): until then the lists
// above stay as they are (the board keeps them; the hall screen wakes then, so an urgent
// notice scheduled for 10:01:10 interrupts at 10:01:10).
std::int64_t next_notice_change(const Dataset& d, std::int64_t now_ms);

// Polls that are not drafts: open ones first (closing soonest first), then the rest, newest
// first, withdrawn ones last.
std::vector<const Record*> board_polls(const Dataset& d, std::int64_t now_ms);

}  // namespace linli
