#include "core/roster.h"

#include <algorithm>

#include "core/calendar.h"

namespace linli {

std::optional<Error> check_slot(const DutySlot& s) {
    if (s.ends_ms <= s.starts_ms) return make_error("err.duty.order", {}, "ends_ms");
    if (s.ends_ms - s.starts_ms > kDayMs) return make_error("err.duty.too_long", {}, "ends_ms");
    return std::nullopt;
}

const Record* overlapping_slot(const Dataset& d, const DutySlot& s, const Id& except) {
    for (const Record* r : d.live(Kind::duty)) {
        const DutySlot& o = *r->as<DutySlot>();
        if (r->id != except && o.volunteer == s.volunteer && o.starts_ms < s.ends_ms && s.starts_ms < o.ends_ms) return r;
    }
    return nullptr;
}

std::vector<const Record*> duty_between(const Dataset& d, std::int64_t from, std::int64_t to) {
    auto all = d.live(Kind::duty);
    std::erase_if(all, [&](const Record* r) {
        const DutySlot& s = *r->as<DutySlot>();
        return !(s.starts_ms < to && from < s.ends_ms);
    });
    std::stable_sort(all.begin(), all.end(), [](const Record* a, const Record* b) {
        const DutySlot &x = *a->as<DutySlot>(), &y = *b->as<DutySlot>();
        if (x.starts_ms != y.starts_ms) return x.starts_ms < y.starts_ms;
        if (x.volunteer != y.volunteer) return x.volunteer < y.volunteer;
        return a->id < b->id;
    });
    return all;
}

std::int64_t day_start(std::int64_t ms) {
    CivilDate c = civil_from_ms(ms);
    return ms_from_civil({c.year, c.month, c.day, 0, 0});
}

std::int64_t week_start(std::int64_t ms) {
    std::int64_t day = day_start(ms);
    // 1970-01-01 was a Thursday: days since a Monday, in compound time.
    std::int64_t days = (day + kCompoundUtcOffsetMinutes * 60000LL) / kDayMs;
    int weekday = static_cast<int>(((days + 3) % 7 + 7) % 7);  // 0 = Monday
    return day - weekday * kDayMs;
}

}  // namespace linli
