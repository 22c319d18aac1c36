#include <doctest/doctest.h>

#include "core/board.h"
#include "core/bundle.h"
#include "core/dataset.h"
#include "core/calendar.h"
#include "test_files.h"

using namespace linli;

TEST_CASE("the sample compound is a valid bundle modelled on a real compound") {
    auto b = parse_bundle(read_project_file("assets/sample/sample-compound.json"));
    REQUIRE_MESSAGE(b.ok(), (b.ok() ? "" : b.error().key + " at " + b.error().where));
    Dataset d;
    CHECK(!d.missing_reference(*b));
    d.merge(*b);

    const Record* c = the_community(d);
    REQUIRE(c);
    CHECK(c->as<Community>()->name.zh == "泾淞苑");  // 淞 and 泾: GB2312 level 2

    int high = 0, multi = 0, households = 0;
    for (const Record* r : d.live(Kind::building)) {
        const Building& bl = *r->as<Building>();
        (bl.type == BuildingType::high_rise ? high : multi) += 1;
        households += bl.households;
    }
    CHECK(high == 2);
    CHECK(multi == 23);
    CHECK(households == 1469);

    // On 23 November 2026 the expired National Day notice is gone; the urgent fire-safety
    // one leads, then the pinned parking one.
    auto notices = board_notices(d, ms_from_civil({2026, 11, 23, 12, 0}));
    REQUIRE(notices.size() == 9);
    CHECK(notices[0]->as<Notice>()->urgent);
    CHECK(notices[1]->as<Notice>()->topic == NoticeTopic::parking);
    CHECK(notices[1]->as<Notice>()->pinned);
    int events = 0, for_buildings = 0;
    for (auto* n : notices) {
        events += n->as<Notice>()->event.has_value();
        for_buildings += !n->as<Notice>()->buildings.empty();
    }
    CHECK(events == 1);
    CHECK(for_buildings == 1);
    bool roster = false, elevator = false;
    for (auto* n : notices) {
        roster |= n->as<Notice>()->topic == NoticeTopic::roster;
        elevator |= n->as<Notice>()->topic == NoticeTopic::elevator;
    }
    CHECK(roster);
    CHECK(elevator);
    CHECK(!d.live(Kind::poll).empty());
    CHECK(!d.live(Kind::facility).empty());
}

TEST_CASE("the sample household list: 1,469 homes with floor areas, in the sample's buildings") {
    auto compound = parse_bundle(read_project_file("assets/sample/sample-compound.json"));
    auto homes = parse_bundle(read_project_file("assets/sample/sample-households.json"));
    REQUIRE(compound.ok());
    REQUIRE(homes.ok());
    CHECK(homes->scope == Scope::committee);
    Dataset d;
    d.merge(*compound);
    CHECK(!d.missing_reference(*homes));
    d.merge(*homes);
    CHECK(d.live(Kind::household).size() == 1469);
    for (const Record* b : d.live(Kind::building)) {
        int n = 0;
        for (const Record* h : d.live(Kind::household)) {
            n += h->as<Household>()->building == b->id;
            CHECK(h->as<Household>()->area_m2 > 0);
        }
        CHECK(n == b->as<Building>()->households);
    }
}
