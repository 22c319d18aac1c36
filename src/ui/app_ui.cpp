#include "ui/app_ui.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/board.h"
#include "core/notice_rules.h"
#include "imgui_internal.h"
#include "core/tally.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch.h"
#include "ui/widget_log.h"

namespace linli::ui {
namespace {

constexpr float kHeaderHeight = 64;
constexpr float kTabBarHeight = 72;

const char* save_key(SaveState s) {
    switch (s) {
        case SaveState::saved: return "save.saved";
        case SaveState::saving: return "save.saving";
        case SaveState::failed: return "save.failed";
        case SaveState::memory_only: return "save.memory_only";
    }
    return "";
}

// Right-aligned header buttons, laid out from the right edge leftwards.
// Right-aligned header buttons, laid out from the right edge leftwards. Their text stops
// growing at 24 px, so that at extra-large text the compound's name keeps some room; they
// stay at least 48 px tall.
bool header_button(const char* label, float& right, float h) {
    ImGui::PushFont(nullptr, std::min(ImGui::GetStyle().FontSizeBase, 24.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, 12));
    float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    right -= w;
    ImGui::SetCursorPos(ImVec2(right, (h - ImGui::GetFrameHeight()) * 0.5f));
    right -= 8;
    bool tapped = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopFont();
    return tapped;
}

// Where a header button's screen returns to: the screen it was opened from.
void toggle(View& v, Screen screen, Screen& came_from) {
    if (v.ui.screen == screen) {
        v.ui.screen = came_from == screen || came_from == Screen::data || came_from == Screen::help ? Screen::notices : came_from;
    } else {
        came_from = v.ui.screen;
        v.ui.screen = screen;
    }
}

void draw_header(View& v) {
    const Record* c = the_community(v.data());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::accent);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("header", ImVec2(0, kHeaderHeight * v.ui.text_scale), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const ImGuiStyle& style = ImGui::GetStyle();
    float h = ImGui::GetWindowHeight();
    float right = ImGui::GetWindowWidth() - style.WindowPadding.x;
    // Data (with the language), help, and larger text one tap away on every screen.
    if (header_button(v.t(v.ui.screen == Screen::data ? "nav.back" : "tab.data"), right, h))
        toggle(v, Screen::data, v.ui.before_data);
    bool on_help = v.ui.screen == Screen::help;
    if (header_button(v.t(on_help ? "help.close" : "tab.help"), right, h)) {
        if (on_help) toggle(v, Screen::help, v.ui.before_help);
        else open_help(v, "");
    }
    bool large = v.ui.text_scale > 1.1f;
    if (header_button(v.t(large ? "size.header_standard" : "size.header_large"), right, h))
        v.act.set_text_scale(large ? 1.0f : 1.25f);

    // The compound's name, and under it whether everything is saved.
    ImGui::PushStyleColor(ImGuiCol_Text, colors::accent_text);
    float name_size = style.FontSizeBase * 1.15f, note_size = style.FontSizeBase * 0.75f;
    const std::string& name = c ? v.text(c->as<Community>()->name) : std::string(v.t("app.name"));
    // A long name (English, at extra-large text) is set smaller to fit beside the buttons,
    // then on two lines, before anything is cut.
    float room = right - style.WindowPadding.x - style.ItemSpacing.x;
    std::vector<LineSpan> lines;
    for (int tries = 0; tries < 8; ++tries, name_size *= 0.9f) {
        ImGui::PushFont(nullptr, name_size);
        lines = wrap_lines(name, room);
        float widest = 0;
        for (const auto& l : lines) widest = std::max(widest, ImGui::CalcTextSize(name.data() + l.begin, name.data() + l.end).x);
        ImGui::PopFont();
        if (widest <= room && lines.size() <= (name_size < style.FontSizeBase ? 2u : 1u)) break;
    }
    float name_h = name_size * static_cast<float>(std::max<std::size_t>(1, std::min<std::size_t>(lines.size(), 2)));
    ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, (h - name_h - note_size - 2) * 0.5f));
    ImGui::PushFont(nullptr, name_size);
    WidgetLog::note_text(SeenWidget::Kind::heading, name);
    ImGui::PushClipRect(ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetWindowPos().x + right, ImGui::GetWindowPos().y + h), true);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(style.ItemSpacing.x, 0));
    for (std::size_t i = 0; i < lines.size() && i < 2; ++i) {
        ImGui::SetCursorPosX(style.WindowPadding.x);
        ImGui::TextUnformatted(name.data() + lines[i].begin, name.data() + lines[i].end);
    }
    ImGui::PopStyleVar();
    ImGui::PopFont();
    ImGui::SetCursorPosX(style.WindowPadding.x);
    ImGui::PushFont(nullptr, note_size);
    bool bad = v.status.save == SaveState::failed || v.status.save == SaveState::memory_only;
    WidgetLog::note_text(SeenWidget::Kind::status, v.t(save_key(v.status.save)));  // announced when it changes
    ImGui::TextColored(bad ? colors::on_accent_warn : colors::on_accent, "%s", v.t(save_key(v.status.save)));
    ImGui::PopFont();
    ImGui::PopClipRect();
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

void draw_tab_bar(View& v) {
    float w = ImGui::GetContentRegionAvail().x;
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    float each = (w - spacing * 2) / 3;
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        Screen s = v.ui.screen;
        bool in_polls = s == Screen::poll || s == Screen::answer || s == Screen::results || s == Screen::audit ||
                        s == Screen::edit_poll;
        bool active = s == kTabs[i].screen || (in_polls && kTabs[i].screen == Screen::polls);
        ImVec4 bg = active ? colors::accent : colors::card;
        ImGui::PushStyleColor(ImGuiCol_Button, bg);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);  // touch leaves the pointer on the tab
        ImGui::PushStyleColor(ImGuiCol_Text, active ? colors::accent_text : colors::text);
        ImGui::PushID(i);
        // A label wider than its tab (English at extra-large text) is set smaller, not cut.
        const char* label = v.t(kTabs[i].key);
        float fits = (each - 2 * ImGui::GetStyle().FramePadding.x) / std::max(1.0f, ImGui::CalcTextSize(label).x);
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * std::min(1.0f, fits));
        bool tapped = ImGui::Button(label, ImVec2(each, ImGui::GetContentRegionAvail().y));
        WidgetLog::mark(SeenWidget::Role::tab, active ? 1 : 0);
        ImGui::PopFont();
        if (tapped) {
            v.ui.screen = kTabs[i].screen;
            v.ui.notices.open.clear();
            v.ui.notices.editing.reset();
            v.ui.notices.done.clear();
            v.ui.notices.page = NoticeState::Page::board;
            v.ui.message.clear();
        }
        ImGui::PopID();
        ImGui::PopStyleColor(3);
    }
}

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::notices: return "notices";
        case Screen::polls: return "polls";
        case Screen::map: return "map";
        case Screen::data: return "data";
        case Screen::poll: return "poll";
        case Screen::answer: return "answer";
        case Screen::results: return "results";
        case Screen::audit: return "audit";
        case Screen::edit_poll: return "edit_poll";
        case Screen::help: return "help";
        case Screen::hall: return "hall";
    }
    return "";
}

}  // namespace

void draw_app(View& v) {
    if (v.ui.screen == Screen::hall) {
        v.ui.drawn = Screen::hall;
        v.ui.overflow_x = false;
        return draw_hall(v);
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("Linli", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();

    draw_header(v);
    draw_urgent_bar(v);

    float tab_h = kTabBarHeight * v.ui.text_scale;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    // A new page of the notices (a notice opened, the editor, the roster ...) starts at the top too.
    int notice_view = static_cast<int>(v.ui.notices.page) * 4 + (!v.ui.notices.open.empty() ? 1 : 0) + (v.ui.notices.editing ? 2 : 0);
    if (v.ui.drawn != v.ui.screen || notice_view != v.ui.notices.was_open) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    if (v.ui.drawn == Screen::poll && v.ui.screen != Screen::poll) v.ui.polls.notice_seen = v.status.notice_seq;  // said, and left
    v.ui.drawn = v.ui.screen;
    v.ui.notices.was_open = notice_view;
    ImGui::BeginChild("content", ImVec2(0, ImGui::GetContentRegionAvail().y - tab_h), ImGuiChildFlags_AlwaysUseWindowPadding);
    v.ui.animating = touch_scroll();
    if (!v.ui.message.empty()) {
        alert_text(v.t(v.ui.message.c_str()));
        ImGui::Spacing();
    }
    draw_notes_banner(v);
    switch (v.ui.screen) {
        case Screen::notices: draw_notices(v); break;
        case Screen::polls: draw_polls(v); break;
        case Screen::map: draw_map(v); break;
        case Screen::data: draw_data(v); break;
        case Screen::poll: draw_poll(v); break;
        case Screen::answer: draw_answer(v); break;
        case Screen::results: draw_results(v); break;
        case Screen::audit: draw_audit(v); break;
        case Screen::edit_poll: draw_poll_editor(v); break;
        case Screen::help: draw_help(v); break;
        case Screen::hall: break;  // drawn above, alone
    }
    // Nothing may be wider than the screen (a phone cannot scroll sideways): a test looks.
    ImGuiWindow* content = ImGui::GetCurrentWindow();
    v.ui.overflow_x = content->DC.CursorMaxPos.x > content->WorkRect.Max.x + 1.0f;  // this frame's, not the last one's
    ImGui::EndChild();

    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::tab_bar);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::BeginChild("tabs", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    draw_tab_bar(v);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::End();
}

std::string state_json(const View& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("screen"); w.String(screen_name(v.ui.screen));
    w.Key("text_scale"); w.Double(v.ui.text_scale);
    w.Key("lang"); w.String(v.ui.lang == Lang::zh ? "zh-CN" : "en");
    w.Key("open_notice"); str(v.ui.notices.open);
    w.Key("open_poll"); str(v.ui.polls.open);
    w.Key("message"); str(v.ui.message.empty() ? std::string() : std::string(v.t(v.ui.message.c_str())));
    if (const Record* c = the_community(v.data())) { w.Key("community"); str(v.text(c->as<Community>()->name)); }
    // The notices listed (the board, or what the search found), and the editor's state.
    const NoticeState& ns = v.ui.notices;
    w.Key("notices");
    w.StartArray();
    const BoardLists& lists = board_lists(v);
    if (v.ui.screen == Screen::notices)
        for (const Record* r : ns.query.empty() ? lists.board : lists.found) {
            const Notice& n = *r->as<Notice>();
            w.StartObject();
            w.Key("id"); str(r->id);
            w.Key("title"); str(v.text(n.title));
            w.Key("pinned"); w.Bool(n.pinned);
            w.Key("urgent"); w.Bool(n.urgent);
            w.Key("unread"); w.Bool(!v.store.is_read(r->id));
            w.Key("past"); w.Bool(notice_phase(n, v.now_ms) == NoticePhase::past);
            w.EndObject();
        }
    w.EndArray();
    w.Key("board");
    w.StartObject();
    w.Key("query"); str(ns.query);
    w.Key("done"); str(ns.done);
    w.Key("editing"); w.Bool(ns.editing.has_value());
    w.Key("editing_id"); str(ns.editing ? ns.editing->id : std::string());
    w.Key("error"); str(ns.editing ? ns.editing->error : std::string());
    w.Key("error_field"); str(ns.editing ? ns.editing->error_field : std::string());
    w.Key("past"); w.Uint64(lists.past.size());
    w.Key("scheduled"); w.Uint64(lists.scheduled.size());
    w.Key("home"); str(v.store.home());  // the resident's building: the lists hold what concerns it
    w.Key("elsewhere"); w.Uint64(lists.elsewhere);
    w.Key("cards_drawn"); w.Int(ns.cards.drawn);
    w.Key("slots_drawn"); w.Int(ns.slots.drawn);  // the roster month's cards laid out in the last frame
    w.Key("slot_editing"); str(ns.slot.id);  // laid out in the last frame (the rest stand in by height)
    w.EndObject();
    w.Key("hall");
    w.StartObject();
    w.Key("showing"); str(v.ui.hall.rotation.showing());
    w.Key("turns"); w.Int(v.ui.hall.rotation.turns());
    w.Key("next_ms"); w.Int64(v.ui.hall.rotation.next_ms());
    w.Key("wake_ms"); w.Int64(v.ui.hall.wake_ms);
    w.Key("seconds"); w.Int(v.store.meta().hall_seconds);
    w.EndObject();
    w.Key("polls");
    w.StartArray();
    if (v.ui.screen == Screen::polls)
        for (const Record* r : board_polls(v.data(), v.now_ms)) {
            w.StartObject();
            w.Key("id"); str(r->id);
            w.Key("title"); str(v.text(r->as<Poll>()->title));
            w.Key("status"); w.String(enum_name(r->as<Poll>()->status).data());
            w.Key("answered_here"); w.Bool(answered_here(v, r->id) != nullptr);
            w.EndObject();
        }
    w.EndArray();
    w.Key("records"); w.Uint64(v.data().size());
    std::array<int, kKindCount> counts{};
    for (const auto& [id, r] : v.data().records())
        if (!r.deleted) ++counts[static_cast<std::size_t>(r.kind())];
    w.Key("counts");
    w.StartObject();
    for (std::size_t k = 0; k < kKindCount; ++k) {
        w.Key(enum_name(static_cast<Kind>(k)).data());
        w.Int(counts[k]);
    }
    w.EndObject();
    std::size_t conflicts = 0;
    for (const auto& [id, rs] : v.data().conflicts()) conflicts += rs.size();
    w.Key("conflicts"); w.Uint64(conflicts);
    w.Key("save"); w.String(save_key(v.status.save) + 5);
    w.Key("save_error"); str(v.status.save_error);
    w.Key("last_export_ms"); w.Int64(v.store.meta().last_export_ms);
    w.Key("device"); str(v.store.meta().device);
    w.Key("store_notes");  // what opening the store found, in words
    w.StartArray();
    for (const auto& note : v.store.notes()) str(v.say(note));
    w.EndArray();
    w.Key("import");
    w.StartObject();
    static constexpr const char* stages[] = {"none", "reading", "refused", "preview", "done"};
    w.Key("stage"); w.String(stages[static_cast<int>(v.status.import.stage)]);
    w.Key("seq"); w.Int(v.status.import.seq);
    w.Key("file"); str(v.status.import.file);
    w.Key("message"); str(v.status.import.message);
    w.EndObject();
    w.Key("snapshots");
    w.StartArray();
    for (const auto& s : v.store.snapshots()) str(s.name);
    w.EndArray();
    w.Key("tools"); w.Bool(v.tools());
    // The committee's one-line message, as the poll's page shows it: only on that poll's page.
    bool notice_here = poll_notice_current(v, v.ui.polls.open);
    w.Key("notice"); str(notice_here ? v.status.notice : std::string());
    w.Key("open_poll"); str(v.ui.polls.open);
    if (const Poll* p = v.poll(v.ui.polls.open)) {
        w.Key("poll_status"); w.String(enum_name(p->status).data());
        w.Key("poll_codes"); w.Uint64(p->codes.size());
        w.Key("poll_closes_ms"); w.Int64(p->closes_ms);
        w.Key("poll_log");
        w.StartArray();
        for (const auto& e : p->log) {
            w.StartObject();
            w.Key("action"); w.String(enum_name(e.action).data());
            w.Key("at_ms"); w.Int64(e.at_ms);
            w.Key("closes_ms"); w.Int64(e.closes_ms);
            w.Key("reason"); str(e.reason);
            w.EndObject();
        }
        w.EndArray();
    }
    if (v.ui.polls.confirm_step.active()) {
        static constexpr const char* kinds[] = {"open", "close", "reopen", "extend", "publish", "withdraw", "remove"};
        w.Key("confirm");
        w.StartObject();
        w.Key("kind"); w.String(kinds[static_cast<int>(v.ui.polls.confirm_step.kind)]);
        w.Key("error"); str(v.ui.polls.confirm_step.error);
        w.EndObject();
    }
    w.Key("codes");
    w.StartObject();
    w.Key("poll"); str(v.status.codes.poll);
    w.Key("done"); w.Int(v.status.codes.done);
    w.Key("total"); w.Int(v.status.codes.total);
    w.EndObject();
    if (v.ui.screen == Screen::answer) {
        const AnswerState& a = v.ui.polls.answer;
        static constexpr const char* stages[] = {"code", "question", "thanks"};
        w.Key("answer");
        w.StartObject();
        w.Key("stage"); w.String(stages[static_cast<int>(a.stage)]);
        w.Key("step"); w.Int(a.draft.step);
        w.Key("household"); str(a.draft.household.value_or(""));
        w.Key("error"); str(a.error);
        w.Key("receipt"); str(a.receipt);
        w.Key("replaced"); str(a.replaced);
        w.Key("home"); str(a.home);
        w.Key("earlier"); str(a.earlier);
        w.Key("more_below"); w.Bool(a.more_below);
        w.Key("answers");
        w.StartArray();
        for (const auto& ans : a.draft.answers) {
            w.StartObject();
            w.Key("question"); str(ans.question);
            w.Key("choices");
            w.StartArray();
            for (const auto& c : ans.choices) str(c);
            w.EndArray();
            w.Key("text"); str(ans.text);
            w.Key("other"); str(ans.other);
            if (ans.number) { w.Key("number"); w.Double(*ans.number); }
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    if (v.ui.screen == Screen::edit_poll) { w.Key("editor_error"); str(v.ui.polls.editor_error); }
    w.Key("overflow_x"); w.Bool(v.ui.overflow_x);
    if (v.ui.screen == Screen::help) {
        w.Key("help");
        w.StartObject();
        w.Key("loaded"); w.Bool(v.help != nullptr);
        w.Key("page"); str(v.ui.help_page);
        w.Key("query"); str(v.ui.help_query);
        w.Key("pages");
        w.StartArray();
        if (v.help) {
            auto shown = v.ui.help_query.empty() ? std::vector<const HelpPage*>{} : search_help(*v.help, v.ui.help_query);
            if (v.ui.help_query.empty())
                for (const auto& p : v.help->pages) shown.push_back(&p);
            for (const HelpPage* p : shown) str(p->id);
        }
        w.EndArray();
        w.EndObject();
    }
    if (v.ui.screen == Screen::results || v.ui.screen == Screen::audit) {
        if (const Poll* p = v.poll(v.ui.polls.open)) {
            const Tally& t = results_for(v, v.ui.polls.open, *p);
            w.Key("tally");
            std::string json = tally_json(t);
            w.RawValue(json.c_str(), json.size() - 1, rapidjson::kObjectType);
            if (t.decision) {
                // A verdict only for a closed or published vote; an open one has a standing.
                w.Key("verdict");
                w.StartObject();
                w.Key("final"); w.Bool(t.final());
                w.Key("trustworthy"); w.Bool(t.trustworthy());
                w.Key("participation_ok"); w.Bool(t.decision->participation_ok());
                w.Key("approved"); w.Bool(t.decision->approved());
                bool passes = t.decision->passed() && t.trustworthy();
                if (t.final()) { w.Key("passed"); w.Bool(passes); }
                else { w.Key("would_pass_if_closed_now"); w.Bool(passes); }
                w.EndObject();
            }
        }
    }
    w.EndObject();
    return buf.GetString();
}

}  // namespace linli::ui
