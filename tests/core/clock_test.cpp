// The hybrid logical clock: what it issues is always later than what it issued or saw,
// and always a rev every reader accepts.
#include <doctest/doctest.h>

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
    c.observe(seen);
    CHECK(c.tick(kNow) > seen);
}

TEST_CASE("a full counter carries into the milliseconds: every rev issued reads back") {
    Clock c("deva");
    Rev seen{kNow, kMaxRevCounter, "kiosk"};  // as an imported bundle may carry
    c.observe(seen);
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
    end.observe(Rev{kMaxRevMs, kMaxRevCounter, "kiosk"});
    CHECK(parse_rev(to_string(end.tick(kMaxRevMs))));
}
