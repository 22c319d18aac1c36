// The reception log (committee tools only): every resident received by the volunteer on
// duty. A reception is written once and kept; a mistake is put right by a correction,
// which names the record it corrects, and the log shows the latest word with what it
// replaced. Searched by any field; downloaded as CSV for the committee's spreadsheet.
#include "core/calendar.h"
#include "core/reception_log.h"
#include "core/roster.h"
#include "ui/app_ui.h"
#include "ui/card.h"
#include "ui/form.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

// A new reception: now, by the volunteer on reception duty now (if the roster says).
ReceptionDraft fresh(View& v) {
    ReceptionDraft d;
    d.at = format_date_time(v.now_ms);
    for (const Record* r : on_duty(v.data(), v.now_ms))
        if (r->as<DutySlot>()->role == DutyRole::reception) {
            d.reception.volunteer = r->as<DutySlot>()->volunteer;
            break;
        }
    return d;
}

void draw_form(View& v, ReceptionDraft& d) {
    heading(v.t(d.reception.corrects ? "reception.correcting" : "reception.new"), 1.1f);
    if (d.reception.corrects) wrapped_text_colored(colors::muted, v.t("reception.correct_hint"));
    label(v, "reception.col_time");
    text_field(v.strings(), "##rec-at", d.at, 16, false, 0, v.t("reception.col_time"));
    label(v, "reception.col_resident");
    text_field(v.strings(), "##rec-resident", d.reception.resident, 60, false, 0, v.t("reception.col_resident"));
    float h = ImGui::GetTextLineHeight() * 3;
    label(v, "reception.col_concern");
    text_field(v.strings(), "##rec-concern", d.reception.concern, 1000, true, h, v.t("reception.col_concern"));
    label(v, "reception.col_action");
    text_field(v.strings(), "##rec-action", d.reception.action, 1000, true, h, v.t("reception.col_action"));
    label(v, "reception.col_follow_up");
    text_field(v.strings(), "##rec-follow", d.reception.follow_up, 500, true, h, v.t("reception.col_follow_up"));
    label(v, "reception.col_volunteer");
    text_field(v.strings(), "##rec-volunteer", d.reception.volunteer, 30, false, 0, v.t("reception.col_volunteer"));
    if (!d.error.empty()) alert_text(d.error);
    if (wide_button(v.t("reception.save"))) {
        auto at = parse_date_time(d.at);
        if (!at) {
            d.error = v.t("err.poll.time_format");
        } else if (d.reception.concern.empty()) {
            d.error = v.t("reception.err_concern");
        } else {
            Reception r = d.reception;
            r.at_ms = *at;
            auto id = v.act.notices.add_reception(r);
            if (!id) {
                Error e = id.error();
                e.where.clear();
                d.error = v.say(e);
            } else {
                v.ui.notices.done = v.t("reception.saved");
                v.ui.notices.reception.reset();
                return;
            }
        }
    }
    if (wide_button(v.t("reception.cancel"))) v.ui.notices.reception.reset();
}

void draw_entry(View& v, const Record& r) {
    const Reception& x = *r.as<Reception>();
    bool tapped = card(x.resident.empty() ? x.concern : x.resident, r.id, [&] {
        colored_text(colors::muted, format_date_time(x.at_ms) + " · " + x.volunteer);
        if (!x.resident.empty()) heading(x.resident, 1.0f);
        wrapped_text(v.f("reception.concern_line", {x.concern}));
        if (!x.action.empty()) wrapped_text(v.f("reception.action_line", {x.action}));
        if (!x.follow_up.empty()) wrapped_text_colored(colors::pinned, v.f("reception.follow_line", {x.follow_up}));
        auto before = corrected_by(v.data(), r.id);
        if (!before.empty()) wrapped_text_colored(colors::muted, v.f("reception.corrects_line", {std::to_string(before.size())}));
    });
    // A tap corrects it: the form starts from what it says.
    if (tapped) {
        ReceptionDraft d;
        d.reception = x;
        d.reception.corrects = r.id;
        d.at = format_date_time(x.at_ms);
        v.ui.notices.reception = d;
    }
    ImGui::Spacing();
}

}  // namespace

void draw_receptions(View& v) {
    auto& st = v.ui.notices;
    if (ImGui::Button(v.t("nav.back"))) {
        st.page = NoticeState::Page::board;
        st.reception.reset();
        st.done.clear();
        return;
    }
    heading(v.t("reception.title"), 1.2f);
    wrapped_text_colored(colors::muted, v.t("reception.private"));
    if (st.reception) {
        draw_form(v, *st.reception);
        return;
    }
    if (!st.done.empty()) done_text(st.done);
    if (wide_button(v.t("reception.add"))) st.reception = fresh(v);
    if (wide_button(v.t("reception.csv"))) v.act.notices.download_receptions();
    label(v, "reception.search");
    text_field(v.strings(), "##rec-search", st.reception_query, 40, false, 0, v.t("reception.search"));
    auto log = reception_log(v.data(), st.reception_query);
    wrapped_text_colored(colors::muted, v.f("reception.count", {std::to_string(log.size())}));
    for (const Record* r : log) draw_entry(v, *r);
}

}  // namespace linli::ui
