// The volunteers' duty roster: on the board, who is on duty now and today's and this
// week's duty (public: a name and a role); for the committee, a month of slots, a slot
// added or changed (one volunteer's overlapping slots refused, with the reason) or removed.
#include <algorithm>

#include "core/calendar.h"
#include "core/roster.h"
#include "ui/app_ui.h"
#include "ui/card.h"
#include "ui/clipped_list.h"
#include "ui/form.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

std::string role_name(View& v, DutyRole r) { return v.t("duty_role." + std::string(enum_name(r))); }

void draw_days(View& v, std::int64_t from, int days) {
    for (int i = 0; i < days; ++i) {
        std::int64_t day = from + i * kDayMs;
        auto slots = duty_between(v.data(), day, day + kDayMs);
        if (slots.empty()) continue;
        colored_text(colors::accent, day_name(v, day));
        for (const Record* r : slots) wrapped_text(slot_line(v, *r->as<DutySlot>()));
    }
}

bool read_slot(View& v, SlotDraft& d, DutySlot& out) {
    auto from = parse_date_time(d.day + " " + d.from), to = parse_date_time(d.day + " " + d.to);
    if (d.day.empty() || d.from.empty() || d.to.empty() || !from || !to) {
        d.error = v.t("duty.err_format");
        return false;
    }
    out = d.slot;
    out.starts_ms = *from;
    out.ends_ms = *to;
    if (out.volunteer.empty()) {
        d.error = v.t("duty.err_volunteer");
        return false;
    }
    if (auto e = check_slot(out)) {
        e->where.clear();
        d.error = v.say(*e);
        return false;
    }
    return true;
}

// A new slot, or the one tapped in the month below: changed, or removed.
void draw_slot_form(View& v) {
    auto& st = v.ui.notices;
    SlotDraft& d = st.slot;
    bool changing = !d.id.empty();
    heading(v.t(changing ? "duty.change" : "duty.add"), 1.0f);
    label(v, "duty.date");
    text_field(v.strings(), "##slot-day", d.day, 10, false, 0, v.t("duty.date"));
    label(v, "notice.event_from");
    text_field(v.strings(), "##slot-from", d.from, 5, false, 0, v.t("notice.event_from"));
    label(v, "notice.event_to");
    text_field(v.strings(), "##slot-to", d.to, 5, false, 0, v.t("notice.event_to"));
    label(v, "duty.volunteer");
    text_field(v.strings(), "##slot-volunteer", d.slot.volunteer, 30, false, 0, v.t("duty.volunteer"));
    label(v, "duty.role");
    enum_radios(v, "duty_role.", d.slot.role, {DutyRole::reception, DutyRole::patrol, DutyRole::lending, DutyRole::hall, DutyRole::other});
    local_fields(v, "duty.place", d.slot.place, 60, false, "slot-place");
    if (!d.error.empty()) alert_text(d.error);
    if (wide_button(v.t(changing ? "duty.save_button" : "duty.add_button"))) {
        DutySlot s;
        if (read_slot(v, d, s)) {
            auto id = v.act.notices.save_slot(d.id, s);
            if (!id) {
                d.error = v.say(id.error());
            } else if (changing) {
                st.done = v.t("duty.saved");
                d = SlotDraft{};
            } else {
                d.error.clear();
                st.done = v.t("duty.added");
                d.from.clear();
                d.to.clear();
            }
        }
    }
    if (!changing) return;
    if (wide_button(v.t("duty.remove_button"))) {
        if (auto e = v.act.notices.remove_slot(d.id)) {
            d.error = v.say(*e);
        } else {
            st.done = v.t("duty.removed");
            d = SlotDraft{};
        }
    }
    if (wide_button(v.t("duty.cancel"))) d = SlotDraft{};
}

// The form filled in with a slot of the month, to change or remove it.
void begin_change(View& v, const Record& r) {
    const DutySlot& s = *r.as<DutySlot>();
    std::string from = format_date_time(s.starts_ms), to = format_date_time(s.ends_ms);
    v.ui.notices.slot = SlotDraft{.id = r.id, .day = from.substr(0, 10), .from = from.substr(11), .to = to.substr(11), .slot = s};
    v.ui.notices.done.clear();
    ImGui::SetScrollY(0);  // the form is at the top
}

// The month on screen, one card per slot (a tap opens it in the form above). Only the cards
// near the screen are laid out: a roster of 1,000 slots scrolls as smoothly as one of ten.
void draw_month(View& v) {
    auto& st = v.ui.notices;
    if (st.roster_month == 0) {
        CivilDate c = civil_from_ms(v.now_ms);
        st.roster_month = ms_from_civil({c.year, c.month, 1, 0, 0});
    }
    CivilDate m = civil_from_ms(st.roster_month);
    auto month_start = [](int y, int mo) {
        if (mo < 1) mo += 12, --y;
        if (mo > 12) mo -= 12, ++y;
        return ms_from_civil({y, mo, 1, 0, 0});
    };
    std::int64_t next = month_start(m.year, m.month + 1);
    if (ImGui::Button(v.t("duty.prev_month"))) st.roster_month = month_start(m.year, m.month - 1);
    ImGui::SameLine();
    ImGui::TextUnformatted(v.f("duty.month", {std::to_string(m.year), std::to_string(m.month)}).c_str());
    ImGui::SameLine();
    if (ImGui::Button(v.t("duty.next_month"))) st.roster_month = next;
    auto slots = duty_between(v.data(), st.roster_month, next);
    if (slots.empty()) {
        wrapped_text_colored(colors::muted, v.t("duty.none_month"));
        return;
    }
    wrapped_text_colored(colors::muted, v.f("duty.month_count", {std::to_string(slots.size())}));
    const Record* tapped = nullptr;
    clipped_list(
        slots.size(), st.slots, [&](std::size_t i) -> const std::string& { return slots[i]->id; },
        [&](std::size_t i) { return card_label(slot_line(v, *slots[i]->as<DutySlot>()), slots[i]->id); },
        [&](std::size_t i) {
            const Record& r = *slots[i];
            const DutySlot& s = *r.as<DutySlot>();
            if (card(slot_line(v, s), r.id, [&] {
                    colored_text(r.id == st.slot.id ? colors::pinned : colors::accent, day_name(v, day_start(s.starts_ms)));
                    wrapped_text(slot_line(v, s));
                }))
                tapped = &r;
            ImGui::Spacing();
        });
    if (tapped) begin_change(v, *tapped);
}

}  // namespace

// "09:00–12:00 张阿姨 · 门岗接待 · 东门门岗"
std::string slot_line(View& v, const DutySlot& s) {
    std::string line = format_date_time(s.starts_ms).substr(11) + "–" + format_date_time(s.ends_ms).substr(11) + " " + s.volunteer +
                       " · " + role_name(v, s.role);
    if (!s.place.empty()) line += " · " + v.text(s.place);
    return line;
}

// "12月8日 周二" / "Tue 8 Dec"
std::string day_name(View& v, std::int64_t day) {
    CivilDate c = civil_from_ms(day);
    int weekday = static_cast<int>((day - week_start(day)) / kDayMs);
    return v.f("duty.day", {std::to_string(c.month), std::to_string(c.day), v.t("weekday." + std::to_string(weekday))});
}

// On the board: who is on duty now, today's duty, and the week's on request.
void draw_duty_card(View& v) {
    auto now = on_duty(v.data(), v.now_ms);
    std::int64_t today = day_start(v.now_ms);
    auto later_today = duty_between(v.data(), v.now_ms, today + kDayMs);
    if (now.empty() && later_today.empty() && duty_between(v.data(), today, today + 7 * kDayMs).empty()) return;
    heading(v.t("duty.now"), 1.0f);
    if (now.empty()) wrapped_text_colored(colors::muted, v.t("duty.nobody_now"));
    for (const Record* r : now) wrapped_text_colored(colors::pass, slot_line(v, *r->as<DutySlot>()));
    auto& st = v.ui.notices;
    if (wide_button(v.t(st.week ? "duty.week_hide" : "duty.week_show"))) st.week = !st.week;
    if (st.week) draw_days(v, today, static_cast<int>((week_start(v.now_ms) + 7 * kDayMs - today) / kDayMs));
    ImGui::Spacing();
}

void draw_roster(View& v) {
    if (ImGui::Button(v.t("nav.back"))) {
        v.ui.notices.page = NoticeState::Page::board;
        v.ui.notices.done.clear();
        return;
    }
    heading(v.t("duty.title"), 1.2f);
    if (!v.ui.notices.done.empty()) done_text(v.ui.notices.done);
    draw_slot_form(v);  // first: what the committee comes here for most
    ImGui::Separator();
    draw_month(v);
    ImGui::Separator();
    if (wide_button(v.t("duty.ics"))) v.act.notices.download_ics("");
}

}  // namespace linli::ui
