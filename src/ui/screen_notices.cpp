// Notices: the compound's board. Urgent, then pinned, then newest; new ones marked until
// opened on this device; searched by any part of a title or body; past notices kept below.
// A tap opens one in full (its link: #/notice/<id>). With the committee tools on, the
// board also has "write a notice", the schedule, and each notice its edit, copy and retract.
#include <algorithm>

#include "core/board.h"
#include "core/calendar.h"
#include "core/markup.h"
#include "core/notice_rules.h"
#include "ui/app_ui.h"
#include "ui/card.h"
#include "ui/clipped_list.h"
#include "ui/markup_text.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_log.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

// The first characters of a body, markup removed, for the list.
std::string preview(const std::string& body, std::size_t max_bytes) {
    std::string plain = markup_plain(body);
    std::string first = plain.substr(0, plain.find('\n'));
    if (first.size() <= max_bytes) return first;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
    return first.substr(0, cut) + "…";
}

// A label in a colour: "紧急", "置顶", "新".
void tag(const ImVec4& color, const char* text) {
    colored_text(color, text);
    ImGui::SameLine();
}

void meta_line(View& v, const Record& r, const Notice& n) {
    topic_icon(n.topic);
    ImGui::SameLine();
    if (n.urgent) tag(colors::pinned, v.t("notice.urgent"));
    if (n.pinned) tag(colors::pinned, v.t("notice.pinned"));
    if (!v.store.is_read(r.id)) tag(colors::accent, v.t("notice.new"));
    if (notice_phase(n, v.now_ms) == NoticePhase::past) tag(colors::muted, v.t("notice.ended"));
    colored_text(colors::accent, v.t("topic." + std::string(enum_name(n.topic))));
    ImGui::SameLine();
    colored_text(colors::muted, format_date(shown_from(n)));
}

void title_text(const std::string& title) { heading(title, 1.15f); }

void draw_committee_buttons(View& v, const Record& r, const Notice& n) {
    ImGui::Separator();
    if (v.ui.notices.confirm_retract == r.id) {
        alert_text(v.t("notice.retract_confirm"));
        if (wide_button(v.t("notice.retract_yes"))) {
            if (auto e = v.act.notices.retract(r.id)) v.ui.notices.done = v.say(*e);
            else v.ui.notices.done = v.t("notice.retracted_done");
            v.ui.notices.confirm_retract.clear();
            v.ui.notices.open.clear();
        }
        if (wide_button(v.t("notice.retract_no"))) v.ui.notices.confirm_retract.clear();
        return;
    }
    if (wide_button(v.t("notice.edit"))) begin_notice(v, r.id, n);
    if (wide_button(v.t("notice.duplicate"))) {
        Notice copy = n;
        copy.pinned = false;
        begin_notice(v, "", copy);
    }
    if (wide_button(v.t("notice.retract"))) v.ui.notices.confirm_retract = r.id;
}

}  // namespace

// "12 号楼、15 号楼": who a notice is for, when not the whole compound.
std::string notice_audience(View& v, const Notice& n) {
    std::string out;
    for (const Id& b : n.buildings) {
        const Record* r = v.data().find(b);
        if (!r || !r->as<Building>()) continue;
        if (!out.empty()) out += v.t("list.sep");
        out += v.f("map.building_short", {r->as<Building>()->number});
    }
    return out;
}

std::string event_when(const NoticeEvent& e) {
    std::string from = format_date_time(e.starts_ms), to = format_date_time(e.ends_ms);
    if (from.substr(0, 10) == to.substr(0, 10)) to = to.substr(11);  // the same day: only the time
    return from + " – " + to;
}

// The topic's icon: its character on its colour, the same in either language.
void topic_icon(NoticeTopic t) {
    static constexpr const char* kGlyph[] = {"告", "车", "梯", "值", "安", "活", "修"};
    float size = ImGui::GetFontSize() * 1.25f;
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + size, at.y + size), ImGui::GetColorU32(colors::topic[static_cast<int>(t)]),
                      size * 0.2f);
    const char* g = kGlyph[static_cast<int>(t)];
    ImVec2 ts = ImGui::CalcTextSize(g);
    dl->AddText(ImVec2(at.x + (size - ts.x) * 0.5f, at.y + (size - ts.y) * 0.5f), ImGui::GetColorU32(colors::accent_text), g);
    ImGui::Dummy(ImVec2(size, size));
}

void draw_notice_body(View& v, const Record& r, const Notice& n) {
    meta_line(v, r, n);
    title_text(v.text(n.title));
    if (!n.buildings.empty()) wrapped_text_colored(colors::accent, v.f("notice.for_buildings", {notice_audience(v, n)}));
    if (n.event) {
        wrapped_text_colored(colors::text, v.f("notice.event_when", {event_when(*n.event)}));
        if (!n.event->place.empty()) wrapped_text_colored(colors::text, v.f("notice.event_place", {v.text(n.event->place)}));
    }
    ImGui::Separator();
    draw_markup(v.text(n.body));
    if (!n.author.empty()) wrapped_text_colored(colors::muted, v.text(n.author));
}

namespace {

void draw_one(View& v, const Record& r) {
    const Notice& n = *r.as<Notice>();
    if (ImGui::Button(v.t("nav.back"))) {
        v.ui.notices.open.clear();
        v.ui.notices.confirm_retract.clear();
        return;
    }
    ImGui::Spacing();
    draw_notice_body(v, r, n);
    if (n.event && wide_button(v.t("notice.add_calendar"))) v.act.notices.download_ics(r.id);
    // A notice about a poll takes the resident there in one tap.
    if (n.poll)
        if (const Poll* p = v.poll(*n.poll); p && p->status != PollStatus::draft) {
            ImGui::Spacing();
            std::string label = v.t("go_poll." + std::string(enum_name(p->type)));
            if (wide_button(label.c_str())) follow_link(v, "#/poll/" + *n.poll);
        }
    if (v.tools()) draw_committee_buttons(v, r, n);
}

void draw_card(View& v, const Record& r) {
    const Notice& n = *r.as<Notice>();
    const std::string& title = v.text(n.title);
    bool tapped = card(title, r.id, [&] {
        meta_line(v, r, n);
        title_text(title);
        if (n.event) wrapped_text_colored(colors::text, v.f("notice.event_when", {event_when(*n.event)}));
        wrapped_text_colored(colors::muted, preview(v.text(n.body), 150));
    });
    if (tapped) open_notice(v, r.id);
    ImGui::Spacing();
}

void draw_list(View& v, const std::vector<const Record*>& notices) {
    clipped_list(
        notices.size(), v.ui.notices.cards, [&](std::size_t i) -> const std::string& { return notices[i]->id; },
        [&](std::size_t i) { return card_label(v.text(notices[i]->as<Notice>()->title), notices[i]->id); },
        [&](std::size_t i) { draw_card(v, *notices[i]); });
}

// "I live in": chosen once on this device; the board then lists only what concerns that
// building (the whole compound's notices, and those for it), and says how many it leaves out.
void draw_home_choice(View& v, const BoardLists& l) {
    auto buildings = buildings_in_order(v.data());
    if (buildings.empty()) return;
    Id home = v.store.home();
    std::string current = v.t("notice.home_all");
    if (!home.empty()) current = v.f("map.building_short", {v.data().find(home)->as<Building>()->number});
    ImGui::AlignTextToFramePadding();  // the words level with the choice beside them
    colored_text(colors::muted, v.t("notice.home"));
    ImGui::SameLine();
    if (combo("##home", current.c_str())) {
        if (ImGui::Selectable(v.t("notice.home_all"), home.empty())) v.act.set_home("");
        for (const Record* r : buildings)
            if (ImGui::Selectable(v.f("map.building_short", {r->as<Building>()->number}).c_str(), home == r->id))
                v.act.set_home(r->id);
        ImGui::EndCombo();
    }
    if (l.elsewhere) wrapped_text_colored(colors::muted, v.f("notice.elsewhere", {std::to_string(l.elsewhere)}));
}

}  // namespace

const BoardLists& board_lists(const View& v) {
    BoardLists& l = v.ui.notices.lists;
    const Dataset& d = v.data();
    Id home = v.store.home();
    bool stale = l.generation != d.generation() || v.now_ms < l.from || (l.until != 0 && v.now_ms >= l.until) ||
                 l.home != home;
    if (stale) {
        l.board = board_notices(d, v.now_ms);
        l.elsewhere = keep_concerning(l.board, home);
        l.past = past_notices(d, v.now_ms);
        keep_concerning(l.past, home);
        l.scheduled = scheduled_notices(d, v.now_ms);
        l.generation = d.generation();
        l.home = home;
        l.from = v.now_ms;
        l.until = next_notice_change(d, v.now_ms);
        l.found_generation = ~0ull;
    }
    const std::string& q = v.ui.notices.query;
    if (!q.empty() && (l.found_generation != l.generation || l.query != q)) {
        l.found = search_notices(d, v.now_ms, q);
        keep_concerning(l.found, l.home);
        l.query = q;
        l.found_generation = l.generation;
    }
    return l;
}

void open_notice(View& v, const Id& id) {
    v.ui.notices.open = id;
    v.ui.notices.confirm_retract.clear();
    v.ui.screen = Screen::notices;
    v.act.notices.mark_read(id);
}

void draw_notices(View& v) {
    auto& st = v.ui.notices;
    // The roster's editor and the reception log are the committee's: without the tools,
    // nothing of them shows (not even what the last action there said).
    if (!v.tools() && st.page != NoticeState::Page::board) {
        st.page = NoticeState::Page::board;
        st.reception.reset();
        st.done.clear();
    }
    if (st.page == NoticeState::Page::roster) return draw_roster(v);
    if (st.page == NoticeState::Page::receptions) return draw_receptions(v);
    if (st.editing) {
        draw_notice_editor(v);
        return;
    }
    if (!st.open.empty()) {
        const Record* r = v.data().find(st.open);
        if (r && r->as<Notice>() && !r->deleted && (v.tools() || notice_phase(*r->as<Notice>(), v.now_ms) != NoticePhase::scheduled)) {
            draw_one(v, *r);
            return;
        }
        st.open.clear();
    }
    if (!st.done.empty()) done_text(st.done);
    if (v.tools()) {
        if (wide_button(v.t("notice.write"))) {
            Notice n;
            n.published_ms = v.now_ms;
            begin_notice(v, "", n);
            return;
        }
        if (wide_button(v.t("duty.edit"))) st.page = NoticeState::Page::roster;
        if (wide_button(v.t("reception.open"))) st.page = NoticeState::Page::receptions;
    }
    draw_duty_card(v);
    draw_home_choice(v, board_lists(v));
    wrapped_text_colored(colors::muted, v.t("notice.search"));
    text_field(v.strings(), "##notice-search", st.query, 100, false, 0, v.t("notice.search"));
    ImGui::Spacing();
    const BoardLists& lists = board_lists(v);
    if (!st.query.empty()) {
        wrapped_text_colored(colors::muted, v.f("notice.found", {std::to_string(lists.found.size())}));
        draw_list(v, lists.found);
        return;
    }
    if (lists.board.empty()) wrapped_text_colored(colors::muted, v.t("notice.none"));
    draw_list(v, lists.board);
    if (v.tools()) {
        const auto& later = lists.scheduled;
        if (!later.empty()) {
            heading(v.f("notice.scheduled", {std::to_string(later.size())}), 1.0f);
            for (const Record* r : later) {
                wrapped_text_colored(colors::muted, v.f("notice.shows_from", {format_date_time(shown_from(*r->as<Notice>()))}));
                draw_card(v, *r);
            }
        }
    }
    const auto& past = lists.past;
    if (past.empty()) return;
    if (wide_button(v.f(st.past ? "notice.past_hide" : "notice.past_show", {std::to_string(past.size())}).c_str()))
        st.past = !st.past;
    if (st.past) draw_list(v, past);
}

// The bar under the header while an urgent notice on the board is unread here: red, on
// every screen, one tap from the notice.
void draw_urgent_bar(View& v) {
    if (v.ui.screen == Screen::notices && !v.ui.notices.open.empty()) return;
    for (const Record* r : board_lists(v).board) {
        const Notice& n = *r->as<Notice>();
        if (!n.urgent) break;  // urgent ones come first
        if (v.store.is_read(r->id)) continue;
        // One line: the title cut to fit, the whole of it one tap away.
        float pad = 16, width = ImGui::GetContentRegionAvail().x - 2 * pad;
        std::string label = v.f("notice.urgent_bar", {v.text(n.title)});
        auto lines = wrap_lines(label, width - 2 * ImGui::GetStyle().FramePadding.x - ImGui::GetFontSize());
        if (lines.size() > 1) label = label.substr(0, lines[0].end) + "…";
        ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + 8));
        ImGui::PushStyleColor(ImGuiCol_Button, colors::pinned);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::pinned);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::pinned);
        ImGui::PushStyleColor(ImGuiCol_Text, colors::accent_text);
        bool tapped = ImGui::Button((label + "##urgent").c_str(), ImVec2(width, 0));
        ImGui::PopStyleColor(4);
        ImGui::Dummy(ImVec2(0, 0));
        if (tapped) open_notice(v, r->id);
        return;
    }
}

}  // namespace linli::ui
