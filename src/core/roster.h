// The volunteers' duty roster: what makes a slot well-formed, who is on duty now, a day's
// or a week's duties, and one volunteer's slots that would overlap.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/dataset.h"
#include "core/error.h"

namespace linli {

inline constexpr std::int64_t kDayMs = 86400000LL;

// Ends after it starts, within a day.
std::optional<Error> check_slot(const DutySlot& s);

// Another slot of the same volunteer (not `except`) that overlaps `s`, if any.
const Record* overlapping_slot(const Dataset& d, const DutySlot& s, const Id& except = {});

// Slots starting before `to` and ending after `from`, by start then volunteer.
std::vector<const Record*> duty_between(const Dataset& d, std::int64_t from, std::int64_t to);
inline std::vector<const Record*> on_duty(const Dataset& d, std::int64_t now_ms) { return duty_between(d, now_ms, now_ms + 1); }

// Midnight of the compound day holding `ms`, and the Monday of its week.
std::int64_t day_start(std::int64_t ms);
std::int64_t week_start(std::int64_t ms);

}  // namespace linli
