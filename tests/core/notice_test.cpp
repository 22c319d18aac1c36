// Notices: what the board shows and when, search, the body's markup, and what a notice
// must be to be saved or read from a file.
#include <doctest/doctest.h>

#include "core/board.h"
#include "core/bundle.h"
#include "core/ical.h"
#include "core/markup.h"
#include "core/notice_rules.h"
#include "core/reception_log.h"
#include "core/roster.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include <algorithm>

using namespace linli;

namespace {

constexpr std::int64_t kDay = 86400000LL, kNow = 1796000000000LL;

Record notice(const std::string& id, const std::string& title, std::int64_t published, std::string body = "正文") {
    Notice n;
    n.title = {title, ""};
    n.body = {std::move(body), ""};
    n.published_ms = published;
    return Record{id, Rev{published, 0, "d"}, false, n};
}

Id id_of(int i) {
    std::string s = std::to_string(i);
    return std::string(32 - s.size(), 'a') + s;
}

std::vector<std::string> titles(const std::vector<const Record*>& rs) {
    std::vector<std::string> out;
    for (const Record* r : rs) out.push_back(r->as<Notice>()->title.zh);
    return out;
}

}  // namespace

TEST_CASE("the board: urgent first, then pinned, then newest; scheduled and ended notices apart") {
    Dataset d;
    d.merge(notice(id_of(1), "旧", kNow - 3 * kDay));
    d.merge(notice(id_of(2), "新", kNow - kDay));
    Record pinned = notice(id_of(3), "置顶", kNow - 5 * kDay);
    pinned.as<Notice>()->pinned = true;
    d.merge(pinned);
    Record urgent = notice(id_of(4), "紧急", kNow - 6 * kDay);
    urgent.as<Notice>()->urgent = true;
    d.merge(urgent);
    Record later = notice(id_of(5), "明天", kNow - kDay);
    later.as<Notice>()->starts_ms = kNow + kDay;
    d.merge(later);
    Record ended = notice(id_of(6), "过期", kNow - 9 * kDay);
    ended.as<Notice>()->expires_ms = kNow - 2 * kDay;
    d.merge(ended);
    Record retracted = notice(id_of(7), "撤回", kNow - kDay);
    retracted.deleted = true;
    d.merge(retracted);

    CHECK(titles(board_notices(d, kNow)) == std::vector<std::string>{"紧急", "置顶", "新", "旧"});
    CHECK(titles(scheduled_notices(d, kNow)) == std::vector<std::string>{"明天"});
    CHECK(titles(past_notices(d, kNow)) == std::vector<std::string>{"过期"});
    // A day later the scheduled one is on the board, newest by its start.
    CHECK(titles(board_notices(d, kNow + kDay))[2] == "明天");
    // The ended one is still found by search, after those on the board.
    CHECK(titles(search_notices(d, kNow, "期")) == std::vector<std::string>{"过期"});
}

TEST_CASE("a resident who chose a building sees the compound's notices and that building's, not the others'") {
    Dataset d;
    d.merge(notice(id_of(1), "全小区", kNow - 3 * kDay));
    Record mine = notice(id_of(2), "12 号楼停水", kNow - 2 * kDay);
    mine.as<Notice>()->buildings = {"b12", "b15"};
    d.merge(mine);
    Record other = notice(id_of(3), "3 号楼停电", kNow - kDay);
    other.as<Notice>()->buildings = {"b3"};
    d.merge(other);

    auto board = board_notices(d, kNow);
    auto all = board;
    CHECK(keep_concerning(all, "") == 0);  // no building chosen: every notice
    CHECK(all.size() == 3);
    CHECK(keep_concerning(board, "b15") == 1);
    CHECK(titles(board) == std::vector<std::string>{"12 号楼停水", "全小区"});
    CHECK(concerns(*other.as<Notice>(), "b3"));
    CHECK_FALSE(concerns(*other.as<Notice>(), "b12"));
}

TEST_CASE("buildings in the order people count them: 2 before 10, 3A after 3") {
    Dataset d;
    for (std::string n : {"10", "3A", "2", "3", "1"}) {
        Building b;
        b.number = n;
        d.merge(Record{"b" + n, Rev{kNow, 0, "d"}, false, b});
    }
    std::vector<std::string> order;
    for (const Record* r : buildings_in_order(d)) order.push_back(r->as<Building>()->number);
    CHECK(order == std::vector<std::string>{"1", "2", "3", "10", "3A"});
}

TEST_CASE("search: Chinese substrings of titles and bodies, Latin letters in any case") {
    Dataset d;
    d.merge(notice(id_of(1), "停水通知", kNow - kDay, "12 号楼周三停水"));
    d.merge(notice(id_of(2), "加装电梯", kNow - kDay, "Elevator retro-fit, building 3"));
    d.merge(notice(id_of(3), "停车", kNow - kDay, "**新**规定"));
    CHECK(titles(search_notices(d, kNow, "停")) == std::vector<std::string>{"停水通知", "停车"});
    CHECK(titles(search_notices(d, kNow, "周三")) == std::vector<std::string>{"停水通知"});
    CHECK(titles(search_notices(d, kNow, "ELEVATOR")) == std::vector<std::string>{"加装电梯"});
    CHECK(search_notices(d, kNow, "没有的词").empty());
    CHECK(search_notices(d, kNow, "").size() == 3);
}

TEST_CASE("a notice's times: the window ends after it starts, an event ends after it begins") {
    Notice n;
    n.title = {"会议", ""};
    n.published_ms = kNow;
    CHECK_FALSE(check_notice(n));
    n.expires_ms = kNow;
    REQUIRE(check_notice(n));
    CHECK(check_notice(n)->key == "err.notice.window");
    n.starts_ms = kNow - kDay;  // scheduled earlier than published: its window starts then
    CHECK_FALSE(check_notice(n));
    n.event = NoticeEvent{kNow + kDay, kNow + kDay, {"活动室", ""}};
    CHECK(check_notice(n)->key == "err.notice.event_order");
    n.event->ends_ms = kNow + kDay + 3600000;
    CHECK_FALSE(check_notice(n));
    n.event->starts_ms = 0;
    CHECK(check_notice(n)->key == "err.notice.event_time");
    n.event.reset();
    n.buildings = {id_of(1), id_of(1)};
    CHECK(check_notice(n)->key == "err.notice.building_twice");
}

TEST_CASE("a bundle carrying a notice that ends before it starts is refused, with where") {
    Record r = notice(id_of(1), "坏", kNow);
    r.as<Notice>()->expires_ms = kNow - kDay;
    CHECK(check_fields(r)->key == "err.notice.window");
    Bundle b;
    b.community.id = id_of(9);
    b.community.name = {"测试小区", ""};
    b.device = "dev1";
    b.records.push_back(r);
    auto back = parse_bundle(write_bundle(b));
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().key == "err.notice.window");
    CHECK(back.error().where == "records[0].expires_ms");
}

TEST_CASE("markup: paragraphs, bullets, numbered items and emphasis") {
    auto blocks = parse_markup("第一段\n接着一行\n\n- 一项\n- **重要**的二项\n\n1. 第一步\n2. 第二步\n\n结尾");
    REQUIRE(blocks.size() == 6);
    CHECK(blocks[0].type == MarkupBlock::Type::paragraph);
    CHECK(blocks[0].text == "第一段\n接着一行");
    CHECK(blocks[1].type == MarkupBlock::Type::bullet);
    CHECK(blocks[2].text == "重要的二项");
    REQUIRE(blocks[2].emphasis.size() == 1);
    CHECK(blocks[2].text.substr(blocks[2].emphasis[0].begin, blocks[2].emphasis[0].end - blocks[2].emphasis[0].begin) == "重要");
    CHECK(blocks[3].type == MarkupBlock::Type::numbered);
    CHECK(blocks[4].number == 2);
    CHECK(blocks[5].text == "结尾");
}

TEST_CASE("markup that does not parse shows as typed: nothing lost, nothing broken") {
    // An unpaired "**" stays; "****" stays; HTML is only text.
    auto b = parse_markup("**粗体 和 **另一个");
    REQUIRE(b.size() == 1);
    CHECK(b[0].text == "粗体 和 另一个");
    b = parse_markup("一个 ** 没有配对");
    CHECK(b[0].text == "一个 ** 没有配对");
    CHECK(b[0].emphasis.empty());
    b = parse_markup("**a** 和 **b** 和 **c");
    CHECK(b[0].text == "a 和 b 和 **c");
    CHECK(b[0].emphasis.size() == 2);
    b = parse_markup("空****强调");
    CHECK(b[0].text == "空****强调");
    b = parse_markup("<script>alert(1)</script>\n-没有空格不是列表\n123. 三位数不是编号");
    REQUIRE(b.size() == 1);
    CHECK(b[0].text == "<script>alert(1)</script>\n-没有空格不是列表\n123. 三位数不是编号");
    CHECK(markup_plain("- 一\n- **二**") == "\xE2\x80\xA2 一\n\xE2\x80\xA2 二");
    CHECK(parse_markup("").empty());
    CHECK(parse_markup("\n\n  \n").empty());
}

TEST_CASE("iCalendar: CRLF lines folded at 75 octets between characters, text escaped, the zone given") {
    CHECK(ical_escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    std::string long_line = "SUMMARY:" + std::string(100, 'x');
    std::string folded = ical_line(long_line);
    CHECK(folded.substr(0, 77) == long_line.substr(0, 75) + "\r\n");
    CHECK(folded[77] == ' ');
    // Chinese: 3 octets a character; a fold never splits one.
    std::string zh = "SUMMARY:";
    for (int i = 0; i < 40; ++i) zh += "停";
    std::string z = ical_line(zh);
    std::size_t start = 0;
    while (start < z.size()) {
        std::size_t end = z.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        std::string_view piece(z.data() + start, end - start);
        if (start > 0) piece.remove_prefix(1);  // the continuation's space
        CHECK((static_cast<unsigned char>(piece.front()) & 0xC0) != 0x80);
        start = end + 2;
    }

    Dataset d;
    Record r = notice(id_of(1), "电梯说明会, 12 号楼", kNow - kDay, "**带上**房产证;\n- 一楼大厅");
    r.as<Notice>()->event = NoticeEvent{kNow + kDay, kNow + kDay + 2 * 3600000, {"活动室", ""}};
    d.merge(r);
    d.merge(notice(id_of(2), "不是活动", kNow - kDay));
    Catalog catalog;
    std::string cal = calendar_of(d, kNow, catalog.in(Lang::zh));
    CHECK(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(cal.find("TZID:Asia/Shanghai\r\n") != std::string::npos);
    CHECK(cal.find("UID:" + id_of(1) + "@linli\r\n") != std::string::npos);
    CHECK(cal.find("SUMMARY:电梯说明会\\, 12 号楼\r\n") != std::string::npos);
    CHECK(cal.find("DESCRIPTION:带上房产证\\;\\n• 一楼大厅\r\n") != std::string::npos);
    CHECK(cal.find("LOCATION:活动室\r\n") != std::string::npos);
    CHECK(cal.find("不是活动") == std::string::npos);
    // After it ended, it is not offered.
    CHECK(calendar_of(d, kNow + 2 * kDay, catalog.in(Lang::zh)).find("BEGIN:VEVENT") == std::string::npos);
    CHECK(calendar_of_notice(d, id_of(2), kNow).find("BEGIN:VEVENT") == std::string::npos);
}

TEST_CASE("the roster: on duty now, a day and a week, one volunteer's overlapping slots") {
    auto slot = [](std::int64_t from, std::int64_t to, std::string who, DutyRole role = DutyRole::reception) {
        return DutySlot{from, to, std::move(who), role, {}};
    };
    std::int64_t monday = ms_from_civil({2026, 12, 7, 0, 0});  // a Monday
    CHECK(week_start(monday + 3 * kDay + 5 * 3600000) == monday);
    CHECK(week_start(monday + 6 * kDay + 23 * 3600000) == monday);
    CHECK(day_start(monday + 13 * 3600000) == monday);
    Dataset d;
    auto add = [&](int i, DutySlot s) { d.merge(Record{id_of(i), Rev{1, 0, "d"}, false, s}); };
    add(1, slot(monday + 9 * 3600000, monday + 12 * 3600000, "张阿姨"));
    add(2, slot(monday + 13 * 3600000, monday + 17 * 3600000, "李师傅", DutyRole::patrol));
    add(3, slot(monday + kDay + 9 * 3600000, monday + kDay + 12 * 3600000, "王老师"));
    std::int64_t ten = monday + 10 * 3600000;
    REQUIRE(on_duty(d, ten).size() == 1);
    CHECK(on_duty(d, ten)[0]->as<DutySlot>()->volunteer == "张阿姨");
    CHECK(on_duty(d, monday + 12 * 3600000).empty());  // ends at 12:00: not on duty at 12:00
    CHECK(duty_between(d, monday, monday + kDay).size() == 2);
    CHECK(duty_between(d, week_start(ten), week_start(ten) + 7 * kDay).size() == 3);
    // 张阿姨 from 11:00 overlaps her own 9:00–12:00; 李师傅's slot is his own business.
    CHECK(overlapping_slot(d, slot(monday + 11 * 3600000, monday + 13 * 3600000, "张阿姨")) != nullptr);
    CHECK(overlapping_slot(d, slot(monday + 12 * 3600000, monday + 13 * 3600000, "张阿姨")) == nullptr);
    CHECK(overlapping_slot(d, slot(monday + 9 * 3600000, monday + 12 * 3600000, "张阿姨"), id_of(1)) == nullptr);
    CHECK(check_slot(slot(ten, ten, "x"))->key == "err.duty.order");
    CHECK(check_slot(slot(ten, ten + 2 * kDay, "x"))->key == "err.duty.too_long");
    CHECK_FALSE(check_slot(slot(ten, ten + 3600000, "x")));
}

TEST_CASE("the reception log: corrections replace, nothing is lost; CSV with BOM; never public") {
    Dataset d;
    auto add = [&](int i, Reception x) { d.merge(Record{id_of(i), Rev{x.at_ms, 0, "d"}, false, x}); };
    add(1, Reception{kNow - 2 * kDay, "12-301 王阿姨", "楼道灯坏了", "已报物业", "", "张阿姨", {}});
    add(2, Reception{kNow - kDay, "5-102", "咨询加装电梯, 费用", "讲解政策", "周五回电", "李师傅", {}});
    add(3, Reception{kNow, "12-301 王阿姨", "楼道灯坏了（3 楼）", "已报物业，周三修好", "", "张阿姨", id_of(1)});
    auto log = reception_log(d);
    REQUIRE(log.size() == 2);
    CHECK(log[0]->id == id_of(3));
    CHECK(log[1]->id == id_of(2));
    REQUIRE(corrected_by(d, id_of(3)).size() == 1);
    CHECK(corrected_by(d, id_of(3))[0]->id == id_of(1));
    CHECK(reception_log(d, "电梯").size() == 1);
    CHECK(reception_log(d, "王阿姨")[0]->id == id_of(3));

    Catalog catalog;
    std::string csv = receptions_csv(d, catalog.in(Lang::zh));
    CHECK(csv.starts_with("\xEF\xBB\xBF"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 4);  // the header and three records
    CHECK(csv.find("\"咨询加装电梯, 费用\"") != std::string::npos);

    // A public export carries none of it.
    Bundle b;
    b.community = {id_of(9), {"测试小区", ""}};
    b.device = "dev1";
    b.scope = Scope::public_;
    for (const Record* r : d.live(Kind::reception)) b.records.push_back(*r);
    std::string json = write_bundle(b);
    CHECK(json.find("王阿姨") == std::string::npos);
    CHECK(json.find("reception") == std::string::npos);
}
