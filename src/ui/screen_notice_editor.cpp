// Writing a notice (committee tools): its words in both languages, topic, pinned and
// urgent, when it shows and until when, whether it is an event (when and where), and
// which buildings it is for; a preview exactly as residents will see it. Each problem is
// said next to its field; nothing is saved until the whole notice is right
// (core/notice_rules.h), and a refused save changes nothing already saved.
#include <algorithm>

#include "core/board.h"
#include "core/calendar.h"
#include "core/notice_rules.h"
#include "ui/app_ui.h"
#include "ui/form.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

void fail(NoticeDraft& d, std::string error, const char* field) {
    d.error = std::move(error);
    d.error_field = field;
}

// The problem, if it is about this field.
void field_error(const NoticeDraft& d, const char* field) {
    if (!d.error.empty() && d.error_field == field) alert_text(d.error);
}

// "2026-12-08 09:00" -> ms; empty -> nullopt with ok; anything else -> not ok.
bool read_time(const std::string& text, std::optional<std::int64_t>& out) {
    out.reset();
    if (text.empty()) return true;
    out = parse_date_time(text);
    return out.has_value();
}

// The draft as a notice, or the first problem in it (said next to its field).
std::optional<Notice> build(View& v, NoticeDraft& d) {
    Notice n = d.notice;
    d.error.clear();
    d.error_field.clear();
    if (n.title.zh.empty() && n.title.en.empty()) {
        fail(d, v.t("notice.err_title"), "title");
        return std::nullopt;
    }
    if (!read_time(d.starts, n.starts_ms)) {
        fail(d, v.t("err.poll.time_format"), "starts");
        return std::nullopt;
    }
    if (!read_time(d.expires, n.expires_ms)) {
        fail(d, v.t("err.poll.time_format"), "expires");
        return std::nullopt;
    }
    n.event.reset();
    if (!d.event_day.empty()) {
        auto from = parse_date_time(d.event_day + " " + d.event_from);
        auto to = parse_date_time(d.event_day + " " + (d.event_to.empty() ? d.event_from : d.event_to));
        if (!from || !to || d.event_from.empty()) {
            fail(d, v.t("notice.err_event_format"), "event");
            return std::nullopt;
        }
        n.event = NoticeEvent{*from, *to, d.notice.event ? d.notice.event->place : LocalText{}};
    }
    if (auto e = check_notice(n)) {
        std::string w = std::move(e->where);  // said next to its field, not as a path
        e->where.clear();
        fail(d, v.say(*e), w == "expires_ms" ? "expires" : w.starts_with("event") ? "event" : "buildings");
        return std::nullopt;
    }
    return n;
}

void save(View& v, NoticeDraft& d) {
    auto n = build(v, d);
    if (!n) return;
    if (d.id.empty() && !n->starts_ms) n->published_ms = v.now_ms;
    auto id = v.act.notices.save(d.id, *n);
    if (!id) {
        Error e = id.error();
        std::string w = std::move(e.where);
        e.where.clear();
        fail(d, v.say(e), w.starts_with("title") ? "title" : w.starts_with("body") ? "body" : "save");
        return;
    }
    v.ui.notices.done = v.t(d.id.empty() ? "notice.saved_new" : "notice.saved");
    v.ui.notices.editing.reset();
    v.ui.notices.open = *id;
}

void draw_times(View& v, NoticeDraft& d) {
    label(v, "notice.starts");
    text_field(v.strings(), "##starts", d.starts, 16, false, 0, v.t("notice.starts"));
    field_error(d, "starts");
    label(v, "notice.expires");
    text_field(v.strings(), "##expires", d.expires, 16, false, 0, v.t("notice.expires"));
    field_error(d, "expires");
}

void draw_event(View& v, NoticeDraft& d) {
    label(v, "notice.event_day");
    text_field(v.strings(), "##event-day", d.event_day, 10, false, 0, v.t("notice.event_day"));
    if (d.event_day.empty()) return;
    label(v, "notice.event_from");
    text_field(v.strings(), "##event-from", d.event_from, 5, false, 0, v.t("notice.event_from"));
    label(v, "notice.event_to");
    text_field(v.strings(), "##event-to", d.event_to, 5, false, 0, v.t("notice.event_to"));
    field_error(d, "event");
    if (!d.notice.event) d.notice.event.emplace();
    local_fields(v, "notice.event_place_label", d.notice.event->place, 100, false, "place");
}

// Whole compound, or ticked buildings, four to a row.
void draw_audience(View& v, NoticeDraft& d) {
    label(v, "notice.audience");
    bool all = d.notice.buildings.empty();
    if (ImGui::RadioButton(v.t("notice.audience_all"), all)) d.notice.buildings.clear();
    auto buildings = buildings_in_order(v.data());
    float column = ImGui::GetContentRegionAvail().x / 4;
    float left = ImGui::GetCursorPosX();
    for (std::size_t i = 0; i < buildings.size(); ++i) {
        const Record* b = buildings[i];
        if (i % 4) ImGui::SameLine(left + column * static_cast<float>(i % 4));
        auto& list = d.notice.buildings;
        bool on = std::find(list.begin(), list.end(), b->id) != list.end();
        std::string name = v.f("map.building_short", {b->as<Building>()->number}) + "##b" + b->id;
        if (ImGui::Checkbox(name.c_str(), &on)) {
            if (on) list.push_back(b->id);
            else std::erase(list, b->id);
        }
    }
    field_error(d, "buildings");
}

}  // namespace

void begin_notice(View& v, const Id& id, const Notice& n) {
    NoticeDraft d;
    d.id = id;
    d.notice = n;
    if (n.starts_ms) d.starts = format_date_time(*n.starts_ms);
    if (n.expires_ms) d.expires = format_date_time(*n.expires_ms);
    if (n.event) {
        std::string from = format_date_time(n.event->starts_ms), to = format_date_time(n.event->ends_ms);
        d.event_day = from.substr(0, 10);
        d.event_from = from.substr(11);
        d.event_to = to.substr(11);
    }
    v.ui.notices.editing = std::move(d);
    v.ui.notices.open.clear();
    v.ui.notices.done.clear();
    v.ui.screen = Screen::notices;
}

void draw_notice_editor(View& v) {
    NoticeDraft& d = *v.ui.notices.editing;
    if (ImGui::Button(v.t("nav.back"))) {
        Id back = d.id;
        v.ui.notices.editing.reset();
        v.ui.notices.open = back;
        return;
    }
    heading(v.t(d.id.empty() ? "notice.new_heading" : "notice.editing"), 1.2f);
    if (ImGui::RadioButton(v.t("notice.write_tab"), !d.preview)) d.preview = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(v.t("notice.preview_tab"), d.preview)) d.preview = true;
    ImGui::Separator();
    if (d.preview) {
        // As residents will see it: the same drawing as the board's, from what is typed.
        auto n = build(v, d);
        if (!n) {
            alert_text(d.error);
        } else {
            Record r{d.id.empty() ? Id("preview") : d.id, {}, false, *n};
            draw_notice_body(v, r, *n);
        }
    } else {
        local_fields(v, "notice.title", d.notice.title, 80, false, "title");
        field_error(d, "title");
        local_fields(v, "notice.body", d.notice.body, 4000, true, "body");
        wrapped_text_colored(colors::muted, v.t("notice.markup_hint"));
        field_error(d, "body");
        label(v, "notice.topic");
        enum_radios(v, "topic.", d.notice.topic,
                    {NoticeTopic::general, NoticeTopic::parking, NoticeTopic::elevator, NoticeTopic::roster,
                     NoticeTopic::safety, NoticeTopic::event, NoticeTopic::works});
        ImGui::Checkbox(v.t("notice.pin"), &d.notice.pinned);
        ImGui::Checkbox(v.t("notice.mark_urgent"), &d.notice.urgent);
        wrapped_text_colored(colors::muted, v.t("notice.urgent_hint"));
        draw_times(v, d);
        draw_event(v, d);
        draw_audience(v, d);
        local_fields(v, "notice.author", d.notice.author, 60, false, "author");
    }
    ImGui::Spacing();
    field_error(d, "save");
    if (wide_button(v.t(d.id.empty() ? "notice.publish" : "notice.save"))) save(v, d);
}

}  // namespace linli::ui
