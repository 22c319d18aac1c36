// The hall screen's rotation: turns of one period each on the clock's round seconds, an
// urgent notice that arrives interrupts, a notice taken down ends its turn, and nothing
// grows however long it runs.
#include <doctest/doctest.h>

#include "core/board.h"
#include "core/hall.h"

using namespace linli;

namespace {

constexpr std::int64_t kSec = 1000, kNow = 1796000000000LL;  // a round minute
constexpr std::int64_t kPeriod = 20 * kSec;

Record notice(const std::string& id, std::int64_t published, bool urgent = false) {
    Notice n;
    n.title = {id, ""};
    n.published_ms = published;
    n.urgent = urgent;
    return Record{std::string(32 - id.size(), '0') + id, Rev{published, 0, "d"}, false, n};
}

std::string shown(HallRotation& h, const Dataset& d, std::int64_t now) {
    const Record* r = h.step(hall_notices(d, now), now, kPeriod);
    return r ? r->as<Notice>()->title.zh : "";
}

}  // namespace

TEST_CASE("notices take turns of one period, newest first, and wrap around") {
    Dataset d;
    d.merge(notice("a1", kNow - 3 * kSec));
    d.merge(notice("b2", kNow - 2 * kSec));
    d.merge(notice("c3", kNow - 1 * kSec));
    HallRotation h;
    CHECK(shown(h, d, kNow + 500) == "c3");
    CHECK(h.next_ms() == kNow + kPeriod);  // on the clock's round seconds
    CHECK(shown(h, d, kNow + kPeriod - 1) == "c3");
    CHECK(shown(h, d, kNow + kPeriod) == "b2");
    CHECK(shown(h, d, kNow + 2 * kPeriod) == "a1");
    CHECK(shown(h, d, kNow + 3 * kPeriod) == "c3");
    CHECK(h.turns() == 4);
    // A turn that began late (the screen slept) still lasts at least half a period.
    CHECK(shown(h, d, kNow + 4 * kPeriod + 15 * kSec) == "b2");
    CHECK(h.next_ms() == kNow + 6 * kPeriod);
}

TEST_CASE("an urgent notice that arrives is shown at once; one already there is simply first") {
    Dataset d;
    d.merge(notice("u0", kNow - 9 * kSec, true));
    d.merge(notice("a1", kNow - 3 * kSec));
    d.merge(notice("b2", kNow - 2 * kSec));
    HallRotation h;
    CHECK(shown(h, d, kNow) == "u0");
    CHECK(shown(h, d, kNow + kPeriod) == "b2");
    d.merge(notice("u9", kNow + kPeriod + 5 * kSec, true));
    CHECK(shown(h, d, kNow + kPeriod + 5 * kSec) == "u9");  // mid-turn: it interrupts
    CHECK(h.next_ms() == kNow + 2 * kPeriod);  // 15 s: at least half a period
    // Then the rotation goes on from it (urgent ones first, newest first), and it does not
    // interrupt again.
    CHECK(shown(h, d, kNow + 2 * kPeriod) == "u0");
    CHECK(shown(h, d, kNow + 3 * kPeriod) == "b2");
}

TEST_CASE("a notice taken down ends its turn; an empty board shows nothing") {
    Dataset d;
    d.merge(notice("a1", kNow - 3 * kSec));
    Record b = notice("b2", kNow - 2 * kSec);
    d.merge(b);
    HallRotation h;
    CHECK(shown(h, d, kNow) == "b2");
    b.deleted = true;
    b.rev = Rev{kNow + kSec, 0, "d"};
    d.merge(b);
    CHECK(shown(h, d, kNow + kSec) == "a1");
    Record a = *d.find(notice("a1", 0).id);
    a.deleted = true;
    a.rev = Rev{kNow + 2 * kSec, 0, "d"};
    d.merge(a);
    CHECK(shown(h, d, kNow + 2 * kSec) == "");
    CHECK(h.next_ms() == 0);
}

TEST_CASE("ten thousand turns keep their order") {
    Dataset d;
    for (int i = 0; i < 5; ++i) d.merge(notice("n" + std::to_string(i), kNow - (10 - i) * kSec, i == 0));
    HallRotation h;
    std::string last;
    for (int i = 0; i < 10000; ++i) last = shown(h, d, kNow + i * kPeriod);
    CHECK(h.turns() == 10000);
    // Urgent n0 first, then the newest: n4 n3 n2 n1; turn 9,999 is the fifth of its round.
    CHECK(last == "n1");
}

TEST_CASE("the screen wakes when a notice starts or ends") {
    Dataset d;
    Record later = notice("a1", kNow - kSec);
    later.as<Notice>()->starts_ms = kNow + 70 * kSec;
    d.merge(later);
    Record ending = notice("b2", kNow - kSec);
    ending.as<Notice>()->expires_ms = kNow + 90 * kSec;
    d.merge(ending);
    CHECK(next_notice_change(d, kNow) == kNow + 70 * kSec);
    CHECK(next_notice_change(d, kNow + 70 * kSec) == kNow + 90 * kSec);
    CHECK(next_notice_change(d, kNow + 90 * kSec) == 0);
}
