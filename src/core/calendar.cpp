#include "core/calendar.h"

#include <cstdio>

namespace linli {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
static std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_ms(std::int64_t ms, int offset) {
    std::int64_t minutes = (ms >= 0 ? ms / 60000 : (ms - 59999) / 60000) + offset;
    std::int64_t z = (minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440);
    int minute_of_day = static_cast<int>(minutes - z * 1440);
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    CivilDate c;
    c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
    c.hour = minute_of_day / 60;
    c.minute = minute_of_day % 60;
    return c;
}

std::int64_t ms_from_civil(const CivilDate& d, int offset) {
    std::int64_t minutes = days_from_civil(d.year, d.month, d.day) * 1440 + d.hour * 60 + d.minute - offset;
    return minutes * 60000;
}

std::optional<std::int64_t> parse_date_time(const std::string& text) {
    CivilDate d;
    char rest = 0;
    int n = std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d%c", &d.year, &d.month, &d.day, &d.hour, &d.minute, &rest);
    if (n != 5 && n != 3) return std::nullopt;
    if (n == 3) d.hour = d.minute = 0;
    if (d.year < 2000 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || d.hour < 0 ||
        d.hour > 23 || d.minute < 0 || d.minute > 59)
        return std::nullopt;
    std::int64_t ms = ms_from_civil(d);
    CivilDate back = civil_from_ms(ms);
    if (back.day != d.day) return std::nullopt;  // 31 November and the like
    return ms;
}

std::string format_date(std::int64_t ms) {
    CivilDate c = civil_from_ms(ms);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

std::string format_date_time(std::int64_t ms) {
    CivilDate c = civil_from_ms(ms);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
    return buf;
}

}  // namespace linli
