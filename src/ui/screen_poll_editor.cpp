// Building a poll: its words in both languages, kind, stage, who may answer, schedule,
// and its questions. Nothing is saved until check_poll accepts it. Once voting has begun
// (rules_frozen) only the wording of the title and description, the stage and a later
// closing time can change: the rules are shown, not offered (a change means a new poll).
#include <algorithm>

#include "core/board.h"
#include "core/calendar.h"
#include "core/poll_rules.h"
#include "ui/app_ui.h"
#include "ui/form.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widget_log.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

Question decision_question() {
    Question q;
    q.id = "q1";
    q.type = QuestionType::single;
    q.required = true;
    q.text = {"您是否同意本事项？", "Do you agree?"};
    q.options = {Option{kFor, {"同意", "For"}}, Option{kAgainst, {"反对", "Against"}}, Option{kAbstain, {"弃权", "Abstain"}}};
    return q;
}

std::string next_id(const std::vector<Question>& qs) {
    int n = 0;
    for (const auto& q : qs)
        if (q.id.size() > 1 && q.id[0] == 'q') n = std::max(n, std::atoi(q.id.c_str() + 1));
    return "q" + std::to_string(n + 1);
}

std::string next_option_id(const Question& q) {
    int n = 0;
    for (const auto& o : q.options)
        if (o.id.size() > 1 && o.id[0] == 'o') n = std::max(n, std::atoi(o.id.c_str() + 1));
    return "o" + std::to_string(n + 1);
}

void scope_combo(View& v, Poll& p) {
    label(v, "editor.scope");
    std::string current = v.t("editor.scope_all");
    if (p.building)
        if (const Record* b = v.data().find(*p.building); b && b->as<Building>())
            current = v.f("map.building_short", {b->as<Building>()->number});
    if (!combo("##scope", current.c_str())) return;
    if (ImGui::Selectable(v.t("editor.scope_all"), !p.building)) p.building.reset();
    auto buildings = buildings_in_order(v.data());
    for (const Record* r : buildings)
        if (ImGui::Selectable(v.f("map.building_short", {r->as<Building>()->number}).c_str(), p.building == r->id))
            p.building = r->id;
    ImGui::EndCombo();
}

void show_if_combo(View& v, Poll& p, std::size_t qi) {
    Question& q = p.questions[qi];
    label(v, "editor.show_if");
    std::string current = v.t("editor.always");
    if (q.show_if)
        if (const Question* dep = find_question(p, q.show_if->question))
            for (const auto& o : dep->options)
                if (o.id == q.show_if->option) current = v.text(dep->text) + " = " + v.text(o.text);
    if (!combo("##showif", current.c_str())) return;
    if (ImGui::Selectable(v.t("editor.always"), !q.show_if)) q.show_if.reset();
    for (std::size_t j = 0; j < qi; ++j)  // only earlier questions
        for (const auto& o : p.questions[j].options) {
            std::string l = v.text(p.questions[j].text) + " = " + v.text(o.text) + "##" + p.questions[j].id + o.id;
            if (ImGui::Selectable(l.c_str())) q.show_if = ShowIf{p.questions[j].id, o.id};
        }
    ImGui::EndCombo();
}

// Returns false when the question is to be removed.
bool draw_question(View& v, Poll& p, std::size_t qi) {
    Question& q = p.questions[qi];
    ImGui::PushID(q.id.c_str());
    ImGui::Separator();
    heading(v.f("editor.question_n", {std::to_string(qi + 1)}), 1.05f);
    bool keep = true;
    if (qi > 0 && ImGui::Button(v.t("editor.up"))) std::swap(p.questions[qi], p.questions[qi - 1]);
    ImGui::SameLine();
    if (qi + 1 < p.questions.size() && ImGui::Button(v.t("editor.down"))) std::swap(p.questions[qi], p.questions[qi + 1]);
    ImGui::SameLine();
    if (ImGui::Button(v.t("editor.remove_question"))) keep = false;
    Question& cur = p.questions[qi];
    enum_radios(v, "qtype.", cur.type,
                {QuestionType::single, QuestionType::multiple, QuestionType::ranking, QuestionType::score, QuestionType::text,
                 QuestionType::number});
    local_fields(v, "editor.question_text", cur.text, 300, true, "q");
    ImGui::Checkbox(v.t("editor.required"), &cur.required);
    bool options = cur.type == QuestionType::single || cur.type == QuestionType::multiple || cur.type == QuestionType::ranking;
    if (!options) cur.options.clear();
    if (options) {
        label(v, "editor.options");
        for (std::size_t oi = 0; oi < cur.options.size(); ++oi) {
            ImGui::PushID(static_cast<int>(oi));
            std::string option = v.f("editor.option_n", {std::to_string(oi + 1)});
            text_field(v.strings(), "##ozh", cur.options[oi].text.zh, 120, false, 0, option);
            text_field(v.strings(), "##oen", cur.options[oi].text.en, 120, false, 0, option + " (English)");
            if (cur.type == QuestionType::multiple) ImGui::Checkbox(v.t("editor.exclusive"), &cur.options[oi].exclusive);
            else cur.options[oi].exclusive = false;
            bool remove = ImGui::Button(v.t("editor.remove_option"));
            ImGui::PopID();
            if (remove) {
                cur.options.erase(cur.options.begin() + static_cast<long>(oi));
                break;
            }
        }
        if (ImGui::Button(v.t("editor.add_option"))) cur.options.push_back(Option{next_option_id(cur), {}});
        ImGui::Checkbox(v.t("editor.other"), &cur.other);
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (cur.type == QuestionType::multiple) {
        ImGui::InputInt(v.t("editor.min_choices"), &cur.min_choices);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::InputInt(v.t("editor.max_choices"), &cur.max_choices);
    } else if (cur.type == QuestionType::ranking) {
        ImGui::InputInt(v.t("editor.places"), &cur.max_choices);
    } else if (cur.type == QuestionType::text) {
        ImGui::InputInt(v.t("editor.max_len"), &cur.max_len);
    } else if (cur.type == QuestionType::number) {
        ImGui::InputDouble(v.t("editor.num_min"), &cur.num_min);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::InputDouble(v.t("editor.num_max"), &cur.num_max);
    } else {
        ImGui::Dummy(ImVec2(0, 0));
    }
    cur.min_choices = std::clamp(cur.min_choices, 0, 50);
    cur.max_choices = std::clamp(cur.max_choices, 0, 50);
    cur.max_len = std::clamp(cur.max_len, 1, 2000);
    if (qi > 0) show_if_combo(v, p, qi);
    ImGui::PopID();
    return keep;
}

void save(View& v, bool open) {
    Poll p = *v.ui.polls.editing;
    auto opens = parse_date_time(v.ui.polls.edit_opens);
    std::optional<std::int64_t> closes = v.ui.polls.edit_closes.empty() ? std::optional<std::int64_t>(0) : parse_date_time(v.ui.polls.edit_closes);
    if (!opens || !closes) {
        v.ui.polls.editor_error = v.say(make_error("err.poll.time_format"));
        return;
    }
    p.opens_ms = *opens;
    p.closes_ms = *closes;
    if (p.title.empty()) {
        v.ui.polls.editor_error = v.say(make_error("err.field.empty", {}, "title"));
        return;
    }
    auto id = v.act.polls.save(v.ui.polls.editing_id, p, open);
    if (!id) {
        v.ui.polls.editor_error = v.say(id.error());
        return;
    }
    v.ui.polls.open = *id;
    v.ui.polls.editing.reset();
    v.ui.screen = Screen::poll;
}

}  // namespace

void begin_editing(View& v, const Id& id, const Poll& p) {
    v.ui.polls.editing = p;
    v.ui.polls.editing_id = id;
    v.ui.polls.editor_error.clear();
    if (id.empty()) {  // a new poll: open from now for two weeks
        Poll& n = *v.ui.polls.editing;
        n.opens_ms = v.now_ms;
        n.closes_ms = v.now_ms + 14LL * 24 * 3600 * 1000;
        if (n.questions.empty()) {  // one question to start from (a copy keeps its own)
            Question q;
            q.id = "q1";
            q.required = true;
            q.options = {Option{"o1", {}}, Option{"o2", {}}};
            n.questions = {q};
        }
    }
    v.ui.polls.edit_opens = format_date_time(v.ui.polls.editing->opens_ms);
    v.ui.polls.edit_closes = v.ui.polls.editing->closes_ms ? format_date_time(v.ui.polls.editing->closes_ms) : "";
    v.ui.screen = Screen::edit_poll;
}

namespace {

// Once voting has begun the rules are shown, not offered: a change of rules is a new poll.
void draw_frozen_rules(View& v, const Poll& p) {
    std::string rules = v.t(("pollkind." + std::string(enum_name(p.type))).c_str());
    if (p.type == PollKind::decision) rules += " · " + std::string(v.t(("matter." + std::string(enum_name(p.matter))).c_str()));
    else rules += " · " + std::string(v.t(("who." + std::string(enum_name(p.eligibility))).c_str()));
    if (p.eligibility == Eligibility::household) rules += " · " + who_line(v, p);
    heading(rules, 1.0f);
    wrapped_text_colored(colors::muted, v.f("editor.opens_fixed", {format_date_time(p.opens_ms)}));
    wrapped_text_colored(colors::pinned, v.t("editor.frozen"));
}

void draw_kind(View& v, Poll& p) {
    label(v, "editor.kind");
    PollKind before = p.type;
    if (enum_radios(v, "pollkind.", p.type, {PollKind::survey, PollKind::needs, PollKind::decision, PollKind::suggestion}) &&
        p.type != before) {
        if (p.type == PollKind::decision) {
            p.questions = {decision_question()};
            p.eligibility = Eligibility::household;
        } else if (p.type == PollKind::suggestion) {
            Question q;
            q.id = "q1";
            q.type = QuestionType::text;
            q.required = true;
            q.max_len = 300;
            q.text = {"请写下您的建议", "Your suggestion"};
            p.questions = {q};
        } else if (p.type == PollKind::needs) {
            p.questions.front().type = QuestionType::ranking;
            p.questions.front().max_choices = 3;
        }
    }
}

void draw_rules(View& v, Poll& p) {
    if (p.type != PollKind::decision) {
        label(v, "editor.who");
        enum_radios(v, "who.", p.eligibility, {Eligibility::anyone, Eligibility::household});
    } else {
        label(v, "editor.matter");
        enum_radios(v, "matter.", p.matter, {Matter::ordinary, Matter::major});
    }
    if (p.eligibility == Eligibility::household) scope_combo(v, p);
    label(v, "editor.opens");
    text_field(v.strings(), "##opens", v.ui.polls.edit_opens, 16, false, 0, v.t("editor.opens"));
}

void draw_questions(View& v, Poll& p) {
    if (p.type == PollKind::decision) {
        local_fields(v, "editor.question_text", p.questions.front().text, 300, true, "dq");
        return;
    }
    for (std::size_t qi = 0; qi < p.questions.size(); ++qi)
        if (!draw_question(v, p, qi)) {
            p.questions.erase(p.questions.begin() + static_cast<long>(qi));
            break;
        }
    ImGui::Separator();
    if (wide_button(v.t("editor.add_question"))) {
        Question q;
        q.id = next_id(p.questions);
        q.options = {Option{"o1", {}}, Option{"o2", {}}};
        p.questions.push_back(q);
    }
}

}  // namespace

void draw_poll_editor(View& v) {
    if (ImGui::Button(v.t("nav.back"))) {
        v.ui.polls.editing.reset();
        v.ui.screen = v.ui.polls.editing_id.empty() ? Screen::polls : Screen::poll;
        return;
    }
    if (!v.ui.polls.editing) return;
    Poll& p = *v.ui.polls.editing;
    const Poll* saved = v.ui.polls.editing_id.empty() ? nullptr : v.poll(v.ui.polls.editing_id);
    bool frozen = saved && rules_frozen(*saved, responses_to(v, v.ui.polls.editing_id) > 0, v.now_ms);
    bool draft = !saved || saved->status == PollStatus::draft;
    heading(v.t(v.ui.polls.editing_id.empty() ? "editor.new" : "editor.edit"), 1.2f);
    local_fields(v, "editor.title", p.title, 80, false, "title");
    local_fields(v, "editor.description", p.description, 2000, true, "desc");
    if (frozen) draw_frozen_rules(v, *saved);
    else draw_kind(v, p);
    label(v, "editor.stage");
    enum_radios(v, "stage_name.", p.stage, {PollStage::none, PollStage::hearing, PollStage::design, PollStage::evaluation});
    if (!frozen) draw_rules(v, p);
    label(v, "editor.closes");
    text_field(v.strings(), "##closes", v.ui.polls.edit_closes, 16, false, 0, v.t("editor.closes"));
    if (frozen) wrapped_text_colored(colors::muted, v.t("editor.closes_later_only"));
    if (!frozen) draw_questions(v, p);

    if (!v.ui.polls.editor_error.empty()) alert_text(v.ui.polls.editor_error);
    ImGui::Spacing();
    if (draft) {
        if (wide_button(v.t("editor.save_draft"))) save(v, false);
        if (wide_button(v.t("editor.save_open"))) save(v, true);
    } else if (wide_button(v.t("editor.save"))) {
        save(v, false);
    }
}

}  // namespace linli::ui
