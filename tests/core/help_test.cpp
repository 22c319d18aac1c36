// The in-app help: both languages' files parse, hold the same pages in the same order,
// cover what residents and the committee need, and can be searched.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/help.h"
#include "test_files.h"

using namespace linli;

namespace {

HelpBook book(const char* file) {
    auto b = parse_help(read_project_file(file));
    REQUIRE_MESSAGE(b.ok(), file);
    return std::move(*b);
}

}  // namespace

TEST_CASE("the help's two languages hold the same pages, each with words") {
    HelpBook zh = book("assets/help/zh-CN.txt"), en = book("assets/help/en.txt");
    REQUIRE(zh.pages.size() == en.pages.size());
    for (std::size_t i = 0; i < zh.pages.size(); ++i) {
        CAPTURE(zh.pages[i].id);
        CHECK(zh.pages[i].id == en.pages[i].id);
        CHECK(zh.pages[i].blocks.size() == en.pages[i].blocks.size());
        CHECK(!zh.pages[i].section.empty());
        CHECK(!en.pages[i].blocks.empty());
    }
    // What the issue names: residents' pages and the committee's.
    for (const char* id : {"answering", "notices", "write-notice", "roster", "household-code", "text-size", "screen-reader", "install", "offline", "households", "codes",
                           "decision", "results", "merging", "snapshots"})
        CHECK_MESSAGE(zh.find(id), id);
}

TEST_CASE("help pages: sections, paragraphs joined, list items, and malformed files refused") {
    auto b = parse_help("# 居民\n\n## one 第一页\n第一行\n第二行\n\n- 一项\n  接着\n- 二项\n\n# For the committee\n## two Page two\nA line\nand more\n");
    REQUIRE(b.ok());
    REQUIRE(b->pages.size() == 2);
    CHECK(b->pages[0].section == "居民");
    REQUIRE(b->pages[0].blocks.size() == 3);
    CHECK(b->pages[0].blocks[0].text == "第一行第二行");  // Chinese lines join without a space
    CHECK(b->pages[0].blocks[1].kind == HelpBlock::Kind::item);
    CHECK(b->pages[0].blocks[1].text == "一项接着");
    CHECK(b->pages[1].blocks[0].text == "A line and more");
    CHECK(b->pages[1].section == "For the committee");
    CHECK(!parse_help("text before any page\n## a A\n").ok());
    CHECK(!parse_help("## Bad_Id Title\n").ok());
    CHECK(!parse_help("## a A\n## a Again\n").ok());
    CHECK(!parse_help("").ok());
}

TEST_CASE("searching the help: Chinese as typed, Latin letters in any case, every word") {
    HelpBook zh = book("assets/help/zh-CN.txt"), en = book("assets/help/en.txt");
    auto ids = [](const std::vector<const HelpPage*>& ps) {
        std::vector<std::string> out;
        for (const auto* p : ps) out.push_back(p->id);
        return out;
    };
    auto found = ids(search_help(zh, "户码"));
    CHECK(std::find(found.begin(), found.end(), "household-code") != found.end());
    CHECK(std::find(found.begin(), found.end(), "codes") != found.end());
    CHECK(ids(search_help(zh, "二百七十八")).front() == "decision");
    found = ids(search_help(en, "CIVIL code"));
    CHECK(std::find(found.begin(), found.end(), "decision") != found.end());
    CHECK(search_help(en, "zzzz").empty());
    CHECK(search_help(en, "").size() == en.pages.size());
}
