#include <doctest/doctest.h>

#include "core/i18n.h"
#include "core/records.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

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
    every_value_has_text<QuestionType>(c, "qtype.");
    every_value_has_text<Eligibility>(c, "who.");
    every_value_has_text<Matter>(c, "matter.");
    every_value_has_text<PollStage>(c, "stage_name.");
    every_value_has_text<Kind>(c, "count.");
    every_value_has_text<Kind>(c, "count1.");
    every_value_has_text<PollAction>(c, "log.");
    every_value_has_text<PollKind>(c, "go_poll.");
}

TEST_CASE("every string key written in the source exists in both tables") {
    Catalog c;
    // Literal keys: "prefix.name" passed to t(), f(), make_error(), get(), format().
    std::regex key(R"re((?:\bt|\bf|make_error|\.get|\.format)\(\s*"([a-z0-9_]+\.[a-z0-9_.]+)")re");
    int found = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(LINLI_SOURCE_DIR) + "/src")) {
        if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        std::string text = ss.str();
        for (std::sregex_iterator m(text.begin(), text.end(), key), end; m != end; ++m) {
            std::string k = (*m)[1];
            CAPTURE(e.path().filename().string());
            CAPTURE(k);
            CHECK(c.in(Lang::zh).has(k));
            CHECK(c.in(Lang::en).has(k));
            ++found;
        }
    }
    CHECK(found > 150);
}

TEST_CASE("messages fill their arguments, and translate arguments that are keys") {
    Catalog c;
    Error e = make_error("err.field.type", {"type.list"}, "records[3].options");
    CHECK(describe(e, c.in(Lang::en)) == "Wrong type: expected a list. (at records[3].options)");
    CHECK(describe(e, c.in(Lang::zh)) == "类型不对：应为列表。（位置：records[3].options）");
    CHECK(c.in(Lang::en).get("no.such.key") == "no.such.key");
}
