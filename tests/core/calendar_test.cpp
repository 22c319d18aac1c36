#include <doctest/doctest.h>

#include "core/calendar.h"

using namespace linli;

TEST_CASE("dates are shown in China Standard Time") {
    // 2026-11-22 16:30 UTC is 2026-11-23 00:30 in Shanghai.
    std::int64_t ms = 1795365000000;
    CHECK(format_date(ms) == "2026-11-23");
    CHECK(format_date_time(ms) == "2026-11-23 00:30");
    CHECK(format_date(0) == "1970-01-01");
}

TEST_CASE("civil dates round-trip, leap days included") {
    for (CivilDate d : {CivilDate{2024, 2, 29, 23, 59}, CivilDate{2026, 12, 31, 0, 0}, CivilDate{2000, 1, 1, 8, 0}}) {
        CivilDate back = civil_from_ms(ms_from_civil(d));
        CHECK(back.year == d.year);
        CHECK(back.month == d.month);
        CHECK(back.day == d.day);
        CHECK(back.hour == d.hour);
        CHECK(back.minute == d.minute);
    }
}
