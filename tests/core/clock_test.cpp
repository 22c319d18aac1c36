// The hybrid logical clock: what it issues is always later than what it issued or saw,
// and always a rev every reader accepts.
#include <doctest/doctest.h>

#include "core/calendar.h"
#include "core/clock_drift.h"
#include "core/i18n.h"
#include "core/rev.h"

using namespace linli;

namespace {
const std::int64_t kNow = 1795400000000;  // 2026-11-24
}

TEST_CASE("the clock never goes back, and moves past what it has seen") {
    Clock c("deva");
    Rev a = c.tick(kNow);
    Rev b = c.tick(kNow - 5000);  // the wall clock went back
    CHECK(b > a);
    Rev seen{kNow + 1000, 7, "devb"};
    c.observe(seen, kNow);
    CHECK(c.tick(kNow) > seen);
}

TEST_CASE("a full counter carries into the milliseconds: every rev issued reads back") {
    Clock c("deva");
    Rev seen{kNow, kMaxRevCounter, "kiosk"};  // as an imported bundle may carry
    c.observe(seen, kNow);
    Rev prev = seen;
    for (int i = 0; i < 3; ++i) {
        Rev r = c.tick(kNow - 10);
        CAPTURE(to_string(r));
        CHECK(r > prev);
        auto back = parse_rev(to_string(r));
        REQUIRE(back);
        CHECK(*back == r);
        prev = r;
    }
    CHECK(prev.ms == kNow + 1);

    // At the very end of the text form the clock repeats its last rev rather than write one
    // no reader accepts.
    Clock end("deva");
    end.observe(Rev{kMaxRevMs, kMaxRevCounter, "kiosk"}, kMaxRevMs);
    CHECK(parse_rev(to_string(end.tick(kMaxRevMs))));
}

TEST_CASE("a rev from a clock far ahead moves this clock at most kMaxClockAheadMs past now") {
    Clock c("deva");
    c.observe(Rev{kMaxRevMs, 1, "kiosk2030"}, kNow);  // "999999999999999-1-…": year 33658
    Rev mine = c.tick(kNow);
    CHECK(mine.ms <= kNow + kMaxClockAheadMs);
    CHECK(mine.ms > kNow);
    // Still later than anything seen within the margin, so this device's edits after an
    // import beat what it imported.
    Rev near{kNow + 3600000, 5, "devb"};
    c.observe(near, kNow);
    CHECK(c.tick(kNow) > near);
}

namespace {
Record notice_at(std::int64_t ms, const std::string& device, const std::string& id) {
    Notice n;
    n.title.zh = "停车公约";
    return Record{id, Rev{ms, 0, device}, false, n};
}
}  // namespace

TEST_CASE("a bundle from a clock more than a day ahead is named, with how far ahead it is") {
    const std::int64_t day = 24LL * 3600 * 1000;
    Bundle b;
    b.records = {notice_at(kNow - day, "deva", std::string(32, 'a')), notice_at(kNow + day / 2, "devb", std::string(32, 'b'))};
    CHECK(!clock_ahead(b, kNow));  // half a day ahead: clocks differ that much
    b.conflicts = {notice_at(ms_from_civil({2030, 11, 1, 9, 0}), "kiosk2030", std::string(32, 'c'))};
    auto e = clock_ahead(b, kNow);
    REQUIRE(e);
    CHECK(e->key == "err.import.clock_ahead_years");
    CHECK(e->args == std::vector<std::string>{"kiosk2030", "4"});
    Catalog c;
    CHECK(describe(*e, c.in(Lang::zh)).find("设备 kiosk2030 的时钟快了约 4 年") != std::string::npos);
    CHECK(describe(*e, c.in(Lang::en)).find("Device kiosk2030's clock is about 4 years ahead") != std::string::npos);
    b.conflicts = {notice_at(kNow + 3 * day, "kiosk", std::string(32, 'c'))};
    CHECK(clock_ahead(b, kNow)->key == "err.import.clock_ahead_days");
    b.conflicts = {notice_at(kNow + day + day / 4, "kiosk", std::string(32, 'c'))};
    CHECK(clock_ahead(b, kNow)->args == std::vector<std::string>{"kiosk", "30"});
}

TEST_CASE("this device's clock looks behind when most of the data is dated after it") {
    const std::int64_t year = 365LL * 24 * 3600 * 1000;
    Dataset d;
    for (char c : std::string("abc")) d.merge(notice_at(kNow, "deva", std::string(32, c)));
    CHECK(!clock_looks_behind(d, kNow));
    CHECK(!clock_looks_behind(d, kNow - 3600000));  // an hour: nothing to say
    auto e = clock_looks_behind(d, kNow - 3 * year);  // a clock battery that died
    REQUIRE(e);
    CHECK(e->key == "note.clock_behind");
    CHECK(e->args[1] == format_date(kNow));
}
