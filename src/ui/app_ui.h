// The whole app screen: header with the compound's name, the current tab's content,
// and the bottom tab bar (Notices · Polls · Map).
#pragma once
#include <string>
#include <string_view>

#include "ui/view.h"

namespace linli::ui {

void draw_app(View& v);

// The bottom tab bar's tabs: their screen, label key, and the link that opens them.
struct Tab {
    Screen screen;
    const char* key;
    std::string_view route;
};
inline constexpr Tab kTabs[] = {{Screen::notices, "tab.notices", "#/notices"},
                                {Screen::polls, "tab.polls", "#/polls"},
                                {Screen::map, "tab.map", "#/map"}};

// The automation snapshot behind window.linli.state(): the screen and what it shows.
std::string state_json(const View& v);

// Screens, one file each.
void draw_notices(View& v);
// Notices (screen_notices.cpp, screen_notice_editor.cpp): the one open, and being written.
void open_notice(View& v, const Id& id);
const BoardLists& board_lists(const View& v);  // the board's lists as they are now, worked out once per change
void begin_notice(View& v, const Id& id, const Notice& n);  // empty id: a new notice (or a copy)
void draw_notice_editor(View& v);
void draw_notice_body(View& v, const Record& r, const Notice& n);  // as residents see it
void topic_icon(NoticeTopic t);
std::string notice_audience(View& v, const Notice& n);  // "12 号楼、15 号楼"
std::string event_when(const NoticeEvent& e);          // "2026-12-19 14:00 – 16:00"
void draw_urgent_bar(View& v);  // under the header while an urgent notice is unread here
// The duty roster (screen_roster.cpp) and the reception log (screen_receptions.cpp).
void draw_duty_card(View& v);  // on the board: on duty now, today and this week
void draw_roster(View& v);
std::string slot_line(View& v, const DutySlot& s);  // "09:00–12:00 张阿姨 · 门岗接待 · 东门门岗"
std::string day_name(View& v, std::int64_t day);    // "12月8日 周二"
// The hall screen (#/hall, screen_hall.cpp): the whole display, no tabs.
void draw_hall(View& v);
void draw_receptions(View& v);
void draw_polls(View& v);
void draw_map(View& v);
void draw_data(View& v);
// One line over the other screens while the store has notes (what opening it found): a
// tap opens the data screen, which shows them.
void draw_notes_banner(View& v);
void draw_poll(View& v);
void draw_answer(View& v);
void draw_results(View& v);
void draw_audit(View& v);
void draw_poll_editor(View& v);
void draw_poll_tools(View& v, const Id& id, const Poll& p);  // the committee's part of a poll's page
void draw_help(View& v);
// Opens the help at `page` (empty: the list of pages), remembering where "back" goes.
void open_help(View& v, std::string_view page);
// The tally shown for a poll, computed once per change of the data.
const Tally& results_for(const View& v, const Id& id, const Poll& p);
// Empty id: a new poll (from `p` when it has questions: a copy of another one).
void begin_editing(View& v, const Id& id, const Poll& p);
void start_answering(View& v, const Id& poll_id, const Poll& p);  // at the first question, or a draft's
// Opens what a link names ("#/poll/<id>", "#/polls", ...), from the page's location hash.
void follow_link(View& v, std::string_view route);

}  // namespace linli::ui
