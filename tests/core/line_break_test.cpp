#include <doctest/doctest.h>

#include <string>

#include "core/line_break.h"

using namespace linli;

namespace {
// Every character 1 unit wide except wide (CJK) ones, which are 2.
float advance(char32_t c) { return c >= 0x2E80 ? 2.0f : 1.0f; }

std::vector<std::string> lines(const std::string& text, float width) {
    std::vector<std::string> out;
    for (auto l : break_lines(text, width, advance)) out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}
}  // namespace

TEST_CASE("Chinese breaks between any two characters") {
    CHECK(lines("小区共有停车位一百八十五个", 8) ==
          std::vector<std::string>{"小区共有", "停车位一", "百八十五", "个"});
}

TEST_CASE("no line starts with closing punctuation") {
    // "，" would start line 2; the character before it moves down with it.
    auto l = lines("一二三四，五六", 8);
    CHECK(l == std::vector<std::string>{"一二三", "四，五六"});
}

TEST_CASE("no line ends with opening punctuation") {
    auto l = lines("一二三《四五》", 8);
    CHECK(l == std::vector<std::string>{"一二三", "《四五》"});
}

TEST_CASE("Latin text breaks at spaces, long words are cut") {
    CHECK(lines("the quick brown fox", 10) == std::vector<std::string>{"the quick", "brown fox"});
    CHECK(lines("abcdefghijkl", 5) == std::vector<std::string>{"abcde", "fghij", "kl"});
}

TEST_CASE("mixed text and explicit line breaks") {
    CHECK(lines("停车 185 个\n车辆约 280 辆", 40) == std::vector<std::string>{"停车 185 个", "车辆约 280 辆"});
    CHECK(lines("共 185 个车位", 7) == std::vector<std::string>{"共 185", "个车位"});
}

TEST_CASE("every byte of the text lands in exactly one line, in order") {
    std::string text = "一、固定车位按登记顺序摇号分配，每户限一个；二、夜间 22:00 至次日 7:00 临时停车不超过 2 hours.";
    for (float w = 3; w < 60; w += 1.5f) {
        std::string joined;
        std::size_t last_end = 0;
        for (auto l : break_lines(text, w, advance)) {
            CHECK(l.begin >= last_end);
            joined += text.substr(l.begin, l.end - l.begin);
            last_end = l.end;
        }
        std::string no_spaces;
        for (char c : text) if (c != ' ') no_spaces += c;
        std::string joined_no_spaces;
        for (char c : joined) if (c != ' ') joined_no_spaces += c;
        CHECK(joined_no_spaces == no_spaces);
    }
}

TEST_CASE("emoji break like ideographs, and never inside one: skin tones, joined families, keycaps stay whole") {
    // Each emoji 2 wide, like an ideograph; what clings to it (modifiers, joiners, selectors) 0.
    auto adv = [](char32_t c) {
        if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 || (c >= 0x0591 && c <= 0x05C7))
            return 0.0f;
        return c >= 0x2E80 ? 2.0f : 1.0f;
    };
    auto split = [&](const std::string& text, float width) {
        std::vector<std::string> out;
        for (auto l : break_lines(text, width, adv)) out.push_back(text.substr(l.begin, l.end - l.begin));
        return out;
    };
    CHECK(split("停水😀😀停电", 4) == std::vector<std::string>{"停水", "😀😀", "停电"});
    const std::string thumb = "👍🏽", family = "👨\u200D👩\u200D👧", keycap = "1\uFE0F\u20E3";
    for (float w = 2; w < 12; w += 1) {
        for (const auto& line : split("点赞" + thumb + thumb + family + "家" + keycap + keycap + "号", w)) {
            // No line starts with what clings to the character before it.
            std::size_t p = 0;
            char32_t first = next_code_point(line, p);
            CHECK(first != 0x1F3FD);
            CHECK(first != 0x200D);
            CHECK(first != 0xFE0F);
            CHECK(first != 0x20E3);
            CHECK(line.find("\u200D", line.size() - 3) == std::string::npos);  // nor ends with a joiner
        }
    }
    // Hebrew points stay on their letter; words break at spaces.
    CHECK(split("שָׁלוֹם עֲלֵיכֶם", 6) == std::vector<std::string>{"שָׁלוֹם", "עֲלֵיכֶם"});
}
