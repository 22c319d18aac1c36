// Dates for people: compound time is China Standard Time (UTC+8, no daylight saving).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace linli {

constexpr int kCompoundUtcOffsetMinutes = 8 * 60;

struct CivilDate {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0;
};

CivilDate civil_from_ms(std::int64_t ms, int utc_offset_minutes = kCompoundUtcOffsetMinutes);
std::int64_t ms_from_civil(const CivilDate& d, int utc_offset_minutes = kCompoundUtcOffsetMinutes);
// "2026-11-25 09:00" (or just the date, meaning 00:00) in compound time; nullopt if not one.
std::optional<std::int64_t> parse_date_time(const std::string& text);
std::string format_date(std::int64_t ms);       // "2026-11-20"
std::string format_date_time(std::int64_t ms);  // "2026-11-20 18:30"

}  // namespace linli
