// Answering a poll on a phone: the household code if the poll needs one, then one
// question per screen with large targets, progress, back and forward, and a thank-you
// with a receipt. Every change is saved as a draft, so a closed tab loses nothing.
#include <algorithm>
#include <cstdlib>

#include "core/household_codes.h"
#include "core/poll_rules.h"
#include "core/tally.h"
#include "ui/poll_words.h"
#include "imgui_internal.h"
#include "ui/app_ui.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/touch.h"
#include "ui/widget_log.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

Answer& answer_for(store::Draft& d, const std::string& q) {
    for (auto& a : d.answers)
        if (a.question == q) return a;
    d.answers.push_back(Answer{q, {}, std::nullopt, "", ""});
    return d.answers.back();
}

Response as_response(const store::Draft& d) {
    Response r;
    r.poll = d.poll;
    r.household = d.household;
    r.answers = d.answers;
    return r;
}

bool is_answered(const Question& q, const Answer* a) {
    if (!a) return false;
    if (q.type == QuestionType::score || q.type == QuestionType::number) return a->number.has_value();
    if (q.type == QuestionType::text) return !a->text.empty();
    return !a->choices.empty() || !a->other.empty();
}

void changed(View& v) {
    v.ui.polls.answer.error.clear();
    v.act.polls.save_draft(v.ui.polls.answer.draft);
}

// Whose ballot this is, and whether this device already holds one of that household's:
// voting again is allowed until closing, and the new ballot replaces it (said now and after).
void know_household(View& v, const Poll& p, AnswerState& a) {
    a.home = home_line(v, p, *a.draft.household);
    const Record* earlier = latest_ballot(v.data(), a.draft.poll, *a.draft.household);
    a.earlier = earlier ? receipt_code(earlier->id) : "";
}

void draw_code(View& v, const Poll& p) {
    AnswerState& a = v.ui.polls.answer;
    heading(v.t("answer.code_title"), 1.2f);
    wrapped_text(v.t("answer.code_help"));
    ImGui::Spacing();
    text_field(v.strings(), "##code", a.code, 16, false, 0, v.t("answer.code_title"));
    if (!a.error.empty()) alert_text(a.error);
    ImGui::Spacing();
    if (!wide_button(v.t("answer.code_ok"))) return;
    auto household = check_household_code(p, a.code);
    if (!household) {
        a.error = v.say(household.error());
        return;
    }
    a.draft.household = *household;
    know_household(v, p, a);
    a.stage = AnswerState::Stage::question;
    changed(v);
}

std::string hint(const View& v, const Question& q) {
    switch (q.type) {
        case QuestionType::single: return v.t("answer.hint.single");
        case QuestionType::multiple:
            if (q.max_choices > 0)
                return v.f("answer.hint.multiple_range", {std::to_string(std::max(1, q.min_choices)), std::to_string(q.max_choices)});
            return v.t("answer.hint.multiple");
        case QuestionType::ranking: return v.f("answer.hint.ranking", {std::to_string(ranking_places(q))});
        case QuestionType::score: return v.t("answer.hint.score");
        case QuestionType::text: return v.f("answer.hint.text", {std::to_string(q.max_len)});
        case QuestionType::number: {
            char lo[32], hi[32];
            std::snprintf(lo, sizeof lo, "%g", q.num_min);
            std::snprintf(hi, sizeof hi, "%g", q.num_max);
            return v.f("answer.hint.number", {lo, hi});
        }
    }
    return "";
}

// Choosing anything else un-chooses "none of these".
void drop_exclusive(const Question& q, Answer& a) {
    std::erase_if(a.choices, [&](const std::string& c) {
        for (const auto& o : q.options)
            if (o.id == c) return o.exclusive;
        return false;
    });
}

void draw_choices(View& v, const Question& q, Answer& a) {
    for (const auto& o : q.options) {
        auto it = std::find(a.choices.begin(), a.choices.end(), o.id);
        bool on = it != a.choices.end();
        int rank = on ? static_cast<int>(it - a.choices.begin()) + 1 : 0;
        Mark mark = q.type == QuestionType::single ? Mark::radio : q.type == QuestionType::multiple ? Mark::check : Mark::rank;
        if (!choice(v.text(o.text), o.id.c_str(), on, mark, rank)) continue;
        if (q.type == QuestionType::single || (!on && o.exclusive)) {
            // One choice, or "none of these": it stands alone, so the rest are cleared.
            a.choices = {o.id};
            a.other.clear();
            v.ui.polls.answer.other_open.erase(q.id);
        } else if (on) {
            a.choices.erase(it);
        } else {
            drop_exclusive(q, a);
            int limit = q.type == QuestionType::ranking ? ranking_places(q) : q.max_choices;
            bool other = !a.other.empty() || v.ui.polls.answer.other_open.count(q.id);
            int used = static_cast<int>(a.choices.size()) + (other ? 1 : 0);
            if (limit > 0 && used >= limit) {
                v.ui.polls.answer.error = v.say(make_error("err.answer.too_many", {std::to_string(limit)}));
                return;
            }
            a.choices.push_back(o.id);
        }
        changed(v);
    }
    if (q.other) {
        std::set<std::string>& open = v.ui.polls.answer.other_open;
        bool on = !a.other.empty() || open.count(q.id);
        if (choice(v.t("answer.other"), "other", on, q.type == QuestionType::single ? Mark::radio : Mark::check)) {
            if (on) {
                a.other.clear();
                open.erase(q.id);
            } else {
                open.insert(q.id);
                if (q.type == QuestionType::single) a.choices.clear();
                drop_exclusive(q, a);
            }
            changed(v);
        }
        if (on && text_field(v.strings(), "##other", a.other, 200, false, 0, v.t("answer.other"))) changed(v);
    }
}

void draw_score(View& v, Answer& a) {
    float w = (ImGui::GetContentRegionAvail().x - 4 * ImGui::GetStyle().ItemSpacing.x) / 5;
    for (int s = 1; s <= 5; ++s) {
        if (s > 1) ImGui::SameLine();
        bool on = a.number && *a.number == s;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? colors::accent : colors::card);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? colors::accent : colors::card);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? colors::accent_text : colors::text);
        char label[16];
        std::snprintf(label, sizeof label, "%d##score", s);
        if (ImGui::Button(label, ImVec2(w, w * 0.9f))) {
            a.number = s;
            changed(v);
        }
        ImGui::PopStyleColor(3);
    }
    ImGui::TextColored(colors::muted, "%s", v.t("answer.score_low"));
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - ImGui::CalcTextSize(v.t("answer.score_high")).x);
    ImGui::TextColored(colors::muted, "%s", v.t("answer.score_high"));
}

void draw_number(View& v, const Question& q, Answer& a, std::string& buffer) {
    if (buffer.empty() && a.number) {
        char b[32];
        std::snprintf(b, sizeof b, "%g", *a.number);
        buffer = b;
    }
    if (!text_field(v.strings(), "##number", buffer, 20, false, 0, v.text(q.text))) return;
    char* end = nullptr;
    double d = std::strtod(buffer.c_str(), &end);
    if (buffer.empty()) a.number.reset();
    else if (end && *end == '\0') a.number = d;
    else {
        a.number.reset();
        v.ui.polls.answer.error = v.say(make_error("err.answer.number_range",
                                              {std::to_string(q.num_min), std::to_string(q.num_max)}));
        return;
    }
    changed(v);
}

// At large text a question's options may not all fit above the buttons: while more lies
// below, the pane's foot fades and says so (the pane scrolls with a finger or the wheel).
void more_below_cue(View& v) {
    bool more = ImGui::GetScrollMaxY() - ImGui::GetScrollY() > 1.0f;
    v.ui.polls.answer.more_below = more;
    if (!more) return;
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    ImDrawList* dl = w->DrawList;
    const char* text = v.t("answer.more_below");
    float h = ImGui::GetTextLineHeight() * 1.6f;
    ImVec2 a(w->InnerRect.Min.x, w->InnerRect.Max.y - h), b = w->InnerRect.Max;
    ImU32 clear = ImGui::GetColorU32(ImVec4(colors::page.x, colors::page.y, colors::page.z, 0.0f));
    ImU32 solid = ImGui::GetColorU32(colors::page);
    dl->AddRectFilledMultiColor(ImVec2(a.x, a.y - h * 0.6f), ImVec2(b.x, a.y), clear, clear, solid, solid);
    dl->AddRectFilled(a, b, solid);
    ImVec2 ts = ImGui::CalcTextSize(text);
    ImVec2 at((a.x + b.x - ts.x) * 0.5f, a.y + (h - ts.y) * 0.5f);
    dl->AddText(at, ImGui::GetColorU32(colors::accent), text);
    ImVec2 cursor = ImGui::GetCursorScreenPos();  // noted where it is drawn, then back
    ImGui::SetCursorScreenPos(at);
    WidgetLog::note_text(SeenWidget::Kind::text, text);
    ImGui::SetCursorScreenPos(cursor);
}

// Checks the question on screen before moving on; false (with a message) if it is not done.
bool question_ok(View& v, const Question& q) {
    store::Draft& d = v.ui.polls.answer.draft;
    const Answer* a = nullptr;
    for (const auto& x : d.answers)
        if (x.question == q.id) a = &x;
    if (q.required && !is_answered(q, a)) {
        v.ui.polls.answer.error = v.say(make_error("err.answer.required"));
        return false;
    }
    if (a) {
        if (auto e = check_answer(q, *a)) {
            v.ui.polls.answer.error = v.say(*e);
            return false;
        }
    }
    return true;
}

void draw_question(View& v, const Poll& p) {
    AnswerState& st = v.ui.polls.answer;
    store::Draft& d = st.draft;
    Response sofar = as_response(d);
    std::vector<const Question*> shown;
    for (const auto& q : p.questions)
        if (question_shown(p, q, sofar)) shown.push_back(&q);
    if (shown.empty()) return;
    d.step = std::clamp(d.step, 0, static_cast<int>(shown.size()) - 1);
    const Question& q = *shown[d.step];
    bool last = d.step + 1 == static_cast<int>(shown.size());

    // The question scrolls; back / next / submit stay at the bottom, always in reach.
    float nav_h = ImGui::GetFrameHeight() * 1.3f;
    float gap = ImGui::GetStyle().ItemSpacing.y;
    float error_h = st.error.empty() ? 0 : wrapped_height(st.error, ImGui::GetContentRegionAvail().x) + gap;
    ImGui::BeginChild("question", ImVec2(0, ImGui::GetContentRegionAvail().y - nav_h - gap - error_h));
    if (touch_scroll()) v.ui.animating = true;
    if (d.household) {
        if (!st.home.empty()) wrapped_text_colored(colors::accent, v.f("answer.voting_for", {st.home}));
        if (!st.earlier.empty()) wrapped_text_colored(colors::muted, v.f("answer.will_replace", {st.earlier}));
    }
    wrapped_text_colored(colors::muted, v.f("answer.progress", {std::to_string(d.step + 1), std::to_string(shown.size())}));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colors::accent);
    ImGui::ProgressBar(static_cast<float>(d.step + 1) / shown.size(), ImVec2(-1, ImGui::GetFontSize() * 0.4f), "");
    ImGui::PopStyleColor();
    ImGui::Spacing();
    heading(v.text(q.text), 1.2f);
    wrapped_text_colored(colors::muted, hint(v, q) + (q.required ? v.t("answer.required_mark") : ""));
    ImGui::Spacing();

    Answer& a = answer_for(d, q.id);
    if (st.number_for != q.id) {
        st.number_for = q.id;
        st.number_text.clear();
    }
    switch (q.type) {
        case QuestionType::single:
        case QuestionType::multiple:
        case QuestionType::ranking: draw_choices(v, q, a); break;
        case QuestionType::score: draw_score(v, a); break;
        case QuestionType::number: draw_number(v, q, a, st.number_text); break;
        case QuestionType::text:
            if (text_field(v.strings(), "##text", a.text, q.max_len, true, ImGui::GetTextLineHeight() * 5, v.text(q.text)))
                changed(v);
            break;
    }
    more_below_cue(v);
    ImGui::EndChild();
    if (!st.error.empty()) alert_text(st.error);

    float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    float h = nav_h;
    if (d.step > 0) {
        if (ImGui::Button(v.t("answer.prev"), ImVec2(half, h))) {
            --d.step;
            changed(v);
        }
        ImGui::SameLine();
    } else {
        ImGui::Dummy(ImVec2(half, h));
        ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Button, colors::accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, colors::accent);
    ImGui::PushStyleColor(ImGuiCol_Text, colors::accent_text);
    bool next = ImGui::Button(v.t(last ? "answer.submit" : "answer.next"), ImVec2(half, h));
    ImGui::PopStyleColor(3);
    if (!next || !question_ok(v, q)) return;
    if (!last) {
        ++d.step;
        changed(v);
        return;
    }
    auto receipt = v.act.polls.submit(d);
    if (!receipt) {
        st.error = v.say(receipt.error());
        return;
    }
    st.receipt = receipt->receipt;
    st.replaced = receipt->replaced;
    st.stage = AnswerState::Stage::thanks;
}

void draw_thanks(View& v, const Poll& p) {
    AnswerState& st = v.ui.polls.answer;
    ImGui::Spacing();
    heading(v.t("answer.thanks"), 1.4f);
    wrapped_text(v.text(p.title));
    ImGui::Spacing();
    wrapped_text(v.t("answer.receipt_label"));
    heading(st.receipt, 1.6f);
    if (p.eligibility == Eligibility::household)
        wrapped_text_colored(colors::accent, st.replaced.empty() ? std::string(v.t("answer.last_counts"))
                                                                 : v.f("answer.replaced", {st.replaced}));
    // Where the answer is now, and what gets it to the committee.
    wrapped_text(v.t(v.tools() ? "answer.where_collected" : "answer.where_phone"));
    wrapped_text_colored(colors::muted, v.t("answer.receipt_help"));
    ImGui::Spacing();
    if (v.tools() && wide_button(v.t("answer.next_person"))) {
        v.ui.polls.answer = AnswerState{};
        v.ui.polls.answer.draft.poll = v.ui.polls.open;
        v.ui.polls.answer.stage = p.eligibility == Eligibility::household ? AnswerState::Stage::code : AnswerState::Stage::question;
        return;
    }
    if (wide_button(v.t("nav.back"))) v.ui.screen = Screen::poll;
}

}  // namespace

void start_answering(View& v, const Id& poll_id, const Poll& p) {
    AnswerState a;
    if (const store::Draft* d = v.store.draft(poll_id)) a.draft = *d;
    else a.draft.poll = poll_id;
    if (a.draft.household) know_household(v, p, a);
    a.stage = p.eligibility == Eligibility::household && !a.draft.household ? AnswerState::Stage::code
                                                                             : AnswerState::Stage::question;
    v.ui.polls.answer = std::move(a);
    v.ui.screen = Screen::answer;
}

void draw_answer(View& v) {
    AnswerState& st = v.ui.polls.answer;
    const Poll* p = v.poll(st.draft.poll);
    if (!p) {
        v.ui.screen = Screen::polls;
        return;
    }
    if (st.stage != AnswerState::Stage::thanks && ImGui::Button(v.t("nav.back"))) {
        v.ui.screen = Screen::poll;
        return;
    }
    switch (st.stage) {
        case AnswerState::Stage::code: draw_code(v, *p); break;
        case AnswerState::Stage::question: draw_question(v, *p); break;
        case AnswerState::Stage::thanks: draw_thanks(v, *p); break;
    }
}

}  // namespace linli::ui
