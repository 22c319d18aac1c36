// The hall screen (#/hall): a landscape display in the residents' hall, read from a few
// metres away by people passing, elders without phones among them. Notices take turns
// (core/hall.h), an urgent one in a red band over them; today's duty and the open polls,
// with how to take part, always beside them. Only what every resident may see: notices on
// the board, the public roster, polls that are open. Sizes follow the display's height so
// that at 1920×1080 no text is under 32 CSS px. Nothing here animates: the app draws a
// frame when a turn ends or the minute changes (App::frame), and not between.
#include <algorithm>

#include "core/board.h"
#include "core/calendar.h"
#include "core/hall.h"
#include "core/notice_rules.h"
#include "core/poll_rules.h"
#include "core/roster.h"
#include "imgui_internal.h"
#include "ui/app_ui.h"
#include "ui/markup_text.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_log.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

constexpr ImGuiWindowFlags kStill = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// Text sizes in CSS px at 1920×1080; smaller displays scale down from them.
struct Sizes {
    float u = 1;
    float name() const { return 52 * u; }
    float clock() const { return 44 * u; }
    float title() const { return 56 * u; }
    float heading() const { return 42 * u; }
    float body() const { return 36 * u; }
    float small() const { return 33 * u; }  // dates, labels: still over 32 px
    float pad() const { return 40 * u; }
};

// Lines of `text` in a size and colour, wrapped as Chinese wraps; the mirror reads them as
// one text (or a heading).
void say(std::string_view text, float size, const ImVec4& color, SeenWidget::Kind kind = SeenWidget::Kind::text) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    if (kind == SeenWidget::Kind::heading) {
        heading_px(text, size);
    } else {
        ImGui::PushFont(nullptr, size);
        wrapped_text(text);
        ImGui::PopFont();
    }
    ImGui::PopStyleColor();
}

// One line, cut with "…" where it would run past `width` (the space left).
std::string one_line(std::string_view text, float size, float width = 0) {
    ImGui::PushFont(nullptr, size);
    auto lines = wrap_lines(text, (width > 0 ? width : ImGui::GetContentRegionAvail().x) - size);
    ImGui::PopFont();
    if (lines.size() <= 1) return std::string(text);
    return std::string(text.substr(0, lines[0].end)) + "…";
}

void begin_panel(const char* id, ImVec2 at, ImVec2 size, const ImVec4& bg, float pad, bool rounded = true) {
    ImGui::SetCursorScreenPos(at);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.6f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(pad * 0.4f, pad * 0.3f));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, rounded ? ImGui::GetStyle().ChildRounding : 0.0f);
    ImGui::BeginChild(id, size, ImGuiChildFlags_AlwaysUseWindowPadding, kStill);
}

void end_panel() {
    ImGui::EndChild();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor();
}

// "12月8日 周二 10:00"
std::string clock_line(View& v) {
    std::string time = format_date_time(v.now_ms).substr(11);
    return day_name(v, day_start(v.now_ms)) + "  " + time;
}

void draw_top(View& v, const Sizes& z, float width) {
    const Record* c = the_community(v.data());
    float h = z.name() * 1.8f;
    begin_panel("hall-top", ImGui::GetCursorScreenPos(), ImVec2(width, h), colors::accent, z.pad(), false);
    std::string clock = clock_line(v);
    ImGui::PushFont(nullptr, z.clock());
    float clock_w = ImGui::CalcTextSize(clock.c_str()).x;
    ImGui::PopFont();
    ImGui::SetCursorPosY((h - z.name()) * 0.5f);
    std::string name = c ? v.text(c->as<Community>()->name) : std::string(v.t("app.name"));
    say(one_line(name, z.name(), width - clock_w - 3 * z.pad()), z.name(), colors::accent_text, SeenWidget::Kind::heading);
    ImGui::SetCursorPos(ImVec2(width - clock_w - z.pad(), (h - z.clock()) * 0.5f));
    say(clock, z.clock(), colors::on_accent);
    end_panel();
}

// The urgent notices on the board, one line each, in red over everything else.
float draw_urgent(View& v, const Sizes& z, const std::vector<const Record*>& notices, ImVec2 at, float width) {
    std::vector<const Notice*> urgent;
    for (const Record* r : notices)
        if (r->as<Notice>()->urgent) urgent.push_back(r->as<Notice>());
    if (urgent.empty()) return 0;
    float h = urgent.size() * (z.body() * 1.25f) + z.pad() * 0.8f;
    begin_panel("hall-urgent", at, ImVec2(width, h), colors::pinned, z.pad());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, z.body() * 0.25f));
    for (const Notice* n : urgent) say(one_line(v.f("notice.urgent_bar", {v.text(n->title)}), z.body()), z.body(), colors::accent_text);
    ImGui::PopStyleVar();
    end_panel();
    return h;
}

void draw_notice(View& v, const Sizes& z, const Record* r, ImVec2 at, ImVec2 size) {
    begin_panel("hall-notice", at, size, colors::card, z.pad());
    if (!r) {
        say(v.t("notice.none"), z.title(), colors::muted, SeenWidget::Kind::heading);
        end_panel();
        return;
    }
    const Notice& n = *r->as<Notice>();
    ImGui::PushFont(nullptr, z.small());
    topic_icon(n.topic);
    ImGui::PopFont();
    ImGui::SameLine();
    std::string tags;
    if (n.urgent) tags += std::string(v.t("notice.urgent")) + "  ";
    tags += std::string(v.t("topic." + std::string(enum_name(n.topic)))) + "  " + format_date(shown_from(n));
    say(tags, z.small(), n.urgent ? colors::pinned : colors::accent);
    say(v.text(n.title), z.title(), colors::text, SeenWidget::Kind::heading);
    if (!n.buildings.empty()) say(v.f("notice.for_buildings", {notice_audience(v, n)}), z.body(), colors::accent);
    if (n.event) {
        say(v.f("notice.event_when", {event_when(*n.event)}), z.body(), colors::text);
        if (!n.event->place.empty()) say(v.f("notice.event_place", {v.text(n.event->place)}), z.body(), colors::text);
    }
    ImGui::Separator();
    // The body; what does not fit ends in a band that says where to read the rest.
    ImGui::PushFont(nullptr, z.body());
    draw_markup(v.text(n.body));
    ImGui::PopFont();
    if (!n.author.empty()) say(v.text(n.author), z.small(), colors::muted);
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->DC.CursorMaxPos.y > w->InnerRect.Max.y) {
        float band = z.small() * 1.6f;
        ImVec2 from(w->Pos.x, w->Pos.y + size.y - band);
        w->DrawList->AddRectFilled(from, ImVec2(w->Pos.x + size.x, w->Pos.y + size.y), ImGui::GetColorU32(colors::tab_bar),
                                   ImGui::GetStyle().ChildRounding, ImDrawFlags_RoundCornersBottom);
        ImGui::SetCursorScreenPos(ImVec2(from.x + z.pad(), from.y + (band - z.small()) * 0.5f));
        say(v.t("hall.more"), z.small(), colors::text);
    }
    end_panel();
}

// "2 / 6" under the notice: how many take turns, and which one this is.
void draw_turns(View& v, const Sizes& z, const std::vector<const Record*>& notices, const Id& showing) {
    if (notices.size() < 2) return;
    auto it = std::find_if(notices.begin(), notices.end(), [&](const Record* r) { return r->id == showing; });
    std::string where = v.f("hall.turn", {std::to_string(it - notices.begin() + 1), std::to_string(notices.size())});
    say(where, z.small(), colors::muted);
}

void draw_duty(View& v, const Sizes& z) {
    std::int64_t today = day_start(v.now_ms);
    say(v.f("hall.duty_today", {day_name(v, today)}), z.heading(), colors::accent, SeenWidget::Kind::heading);
    auto slots = duty_between(v.data(), today, today + kDayMs);
    if (slots.empty()) say(v.t("hall.no_duty"), z.body(), colors::muted);
    bool anyone_now = false;
    for (const Record* r : slots) {
        const DutySlot& s = *r->as<DutySlot>();
        bool now = s.starts_ms <= v.now_ms && v.now_ms < s.ends_ms;
        bool over = s.ends_ms <= v.now_ms;
        anyone_now |= now;
        std::string line = slot_line(v, s);
        if (now) line = v.f("hall.on_duty_now", {line});
        say(line, z.body(), now ? colors::pass : over ? colors::muted : colors::text);
    }
    if (anyone_now) say(v.t("hall.ask_volunteer"), z.small(), colors::muted);
}

// The open polls, with how to take part, as many as fit; the rest counted.
void draw_polls(View& v, const Sizes& z) {
    std::vector<const Record*> open;
    for (const Record* r : board_polls(v.data(), v.now_ms))
        if (phase(*r->as<Poll>(), v.now_ms) == PollPhase::open) open.push_back(r);
    if (open.empty()) return;
    ImGui::Dummy(ImVec2(0, z.pad() * 0.3f));
    say(v.t("hall.polls"), z.heading(), colors::accent, SeenWidget::Kind::heading);
    say(v.f("hall.how_to_answer", {std::string(v.app_url) + "#/polls"}), z.small(), colors::text);
    float bottom = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y;
    for (std::size_t i = 0; i < open.size(); ++i) {
        const Poll& p = *open[i]->as<Poll>();
        std::string when = p.closes_ms ? v.f("hall.poll_closes", {format_date_time(p.closes_ms)}) : std::string();
        if (p.eligibility == Eligibility::household) when += (when.empty() ? "" : "  ") + std::string(v.t("hall.poll_household"));
        float need = z.body() * 2.4f + (when.empty() ? 0 : z.small() * 1.3f);
        bool last = i + 1 == open.size();
        if (ImGui::GetCursorPosY() + need + (last ? 0 : z.small() * 1.3f) > bottom) {
            say(v.f("hall.polls_more", {std::to_string(open.size() - i)}), z.small(), colors::muted);
            break;
        }
        say("• " + v.text(p.title), z.body(), colors::text);
        if (!when.empty()) say(when, z.small(), colors::muted);
    }
}

}  // namespace

void draw_hall(View& v) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    Sizes z;
    z.u = std::max(0.55f, std::min(vp->Size.x / 1920.0f, vp->Size.y / 1080.0f));
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, colors::page);
    ImGui::Begin("Hall", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | kStill);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    auto notices = hall_notices(v.data(), v.now_ms);
    auto& hall = v.ui.hall;
    const Record* shown = hall.rotation.step(notices, v.now_ms, static_cast<std::int64_t>(v.store.meta().hall_seconds) * 1000);
    // The next frame: when this turn ends, the clock's minute changes (the time shown, who
    // is on duty) or a notice starts or ends, whichever comes first.
    std::int64_t wake = (v.now_ms / 60000 + 1) * 60000;
    for (std::int64_t t : {hall.rotation.next_ms(), next_notice_change(v.data(), v.now_ms)})
        if (t > 0) wake = std::min(wake, t);
    hall.wake_ms = wake;

    float pad = z.pad(), width = vp->Size.x;
    draw_top(v, z, width);
    float y = vp->Pos.y + z.name() * 1.8f + pad * 0.6f;
    y += draw_urgent(v, z, notices, ImVec2(vp->Pos.x + pad, y), width - 2 * pad);
    if (y > vp->Pos.y + z.name() * 1.8f + pad * 0.6f) y += pad * 0.6f;
    float left_w = (width - 3 * pad) * 0.6f, right_w = width - 3 * pad - left_w;
    float foot = z.small() * 1.8f, h = vp->Pos.y + vp->Size.y - pad * 0.6f - y;
    draw_notice(v, z, shown, ImVec2(vp->Pos.x + pad, y), ImVec2(left_w, h - foot));
    ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + pad, y + h - foot + z.small() * 0.4f));
    draw_turns(v, z, notices, hall.rotation.showing());
    begin_panel("hall-side", ImVec2(vp->Pos.x + 2 * pad + left_w, y), ImVec2(right_w, h), colors::card, pad);
    draw_duty(v, z);
    draw_polls(v, z);
    end_panel();
    if (v.tools()) {
        // Only where the committee's tools are on: a hall screen of the public has no way out.
        ImGui::PushFont(nullptr, z.small());
        const char* label = v.t("hall.leave");
        ImVec2 ls = ImGui::CalcTextSize(label);
        ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x + pad + left_w - ls.x - 2 * ImGui::GetStyle().FramePadding.x,
                                         y + h - foot + z.small() * 0.2f));
        if (ImGui::Button(label)) v.ui.screen = Screen::notices;
        ImGui::PopFont();
    }
    ImGui::End();
}

}  // namespace linli::ui
