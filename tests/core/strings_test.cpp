#include <doctest/doctest.h>

#include "core/i18n.h"
#include "core/records.h"

using namespace linli;

TEST_CASE("zh-CN and en tables have the same keys, none empty but the stage 'none'") {
    Catalog c;
    const auto& zh = c.in(Lang::zh).table();
    const auto& en = c.in(Lang::en).table();
    CHECK(zh.size() == en.size());
    for (const auto& [k, v] : zh) {
        CAPTURE(k);
        CHECK(en.count(k) == 1);
        if (k != "stage.none") {
            CHECK(!v.empty());
            CHECK(!en.at(k).empty());
        }
    }
}

template <class E>
void every_value_has_text(const Catalog& c, const std::string& prefix) {
    for (auto name : EnumNames<E>::names) {
        std::string key = prefix + std::string(name);
        CAPTURE(key);
        CHECK(c.in(Lang::zh).has(key));
        CHECK(c.in(Lang::en).has(key));
    }
}

TEST_CASE("every enumerated value shown on screen has words in both languages") {
    Catalog c;
    every_value_has_text<NoticeTopic>(c, "topic.");
    every_value_has_text<PollKind>(c, "pollkind.");
    every_value_has_text<PollStage>(c, "stage.");
    every_value_has_text<FacilityType>(c, "facility.");
    every_value_has_text<ElevatorStage>(c, "elevator.");
}

TEST_CASE("messages fill their arguments, and translate arguments that are keys") {
    Catalog c;
    Error e = make_error("err.field.type", {"type.list"}, "records[3].options");
    CHECK(describe(e, c.in(Lang::en)) == "Wrong type: expected a list. (at records[3].options)");
    CHECK(describe(e, c.in(Lang::zh)) == "类型不对：应为列表。（位置：records[3].options）");
    CHECK(c.in(Lang::en).get("no.such.key") == "no.such.key");
}
