#include "core/poll_rules.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include <sodium/crypto_generichash_blake2b.h>

#include "core/json_object.h"
#include "core/json_read.h"  // text_problem

namespace linli {
namespace {

bool has_options(QuestionType t) {
    return t == QuestionType::single || t == QuestionType::multiple || t == QuestionType::ranking;
}

Error at(Error e, const std::string& where) {
    e.where = where;
    return e;
}

const Option* find_option(const Question& q, const std::string& id) {
    for (const auto& o : q.options)
        if (o.id == id) return &o;
    return nullptr;
}

// A poll's history must read as the committee could have made it: each action from the
// state it needs, the closing time only moved later, and the poll now where it led.
std::optional<Error> check_log(const Poll& p) {
    if (p.log.empty()) return std::nullopt;
    using A = PollAction;
    using S = PollStatus;
    auto needs = [](A a) {
        switch (a) {
            case A::open: return S::draft;
            case A::extend:
            case A::close: return S::open;
            case A::reopen:
            case A::publish: return S::closed;
            case A::withdraw: return S::open;  // or closed: checked below
        }
        return S::draft;
    };
    auto leads = [](A a) {
        switch (a) {
            case A::open:
            case A::extend:
            case A::reopen: return S::open;
            case A::close: return S::closed;
            case A::publish: return S::published;
            case A::withdraw: return S::withdrawn;
        }
        return S::draft;
    };
    // A poll opened before its history was kept starts its log part-way.
    S state = needs(p.log.front().action);
    std::int64_t closes = -1;
    for (std::size_t i = 0; i < p.log.size(); ++i) {
        const PollEvent& e = p.log[i];
        std::string where = "log[" + std::to_string(i) + "]";
        bool ok = state == needs(e.action) || (e.action == A::withdraw && state == S::closed);
        if (!ok) return make_error("err.poll.log_order", {std::string(enum_name(e.action))}, where);
        if ((e.action == A::reopen || e.action == A::withdraw) && e.reason.empty())
            return make_error("err.poll.reason_needed", {}, where);
        if (e.action == A::extend && (e.closes_ms == 0 || (closes > 0 && e.closes_ms <= closes)))
            return make_error("err.poll.extend_earlier", {}, where);
        if (e.action == A::open || e.action == A::extend || e.action == A::reopen) closes = e.closes_ms;
        state = leads(e.action);
    }
    if (state != p.status) return make_error("err.poll.log_status", {std::string(enum_name(p.status))}, "log");
    if (closes >= 0 && closes != p.closes_ms) return make_error("err.poll.log_closes", {}, "log");
    return std::nullopt;
}

// The rules a ballot is given under: what poll_terms() fingerprints.
struct PollTerms {
    PollKind type;
    Matter matter;
    std::optional<Id> building;
    Eligibility eligibility;
    std::int64_t opens_ms;
    std::vector<Question> questions;
    template <class V> void visit(V& v) {
        v("type", type, {});
        v("matter", matter, {});
        v("building", building, {.id = true});
        v("eligibility", eligibility, {});
        v("opens_ms", opens_ms, {});
        v("questions", questions, {});
    }
};

}  // namespace

std::string poll_terms(const Poll& p) {
    PollTerms t{p.type, p.matter, p.building, p.eligibility, p.opens_ms, p.questions};
    std::string json = write_object(t);
    unsigned char h[16];
    crypto_generichash_blake2b(h, sizeof h, reinterpret_cast<const unsigned char*>(json.data()), json.size(), nullptr, 0);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : h) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

bool rules_frozen(const Poll& p, bool has_responses, std::int64_t now_ms) {
    return has_responses || (p.status != PollStatus::draft && now_ms >= p.opens_ms);
}

const Question* find_question(const Poll& p, const std::string& id) {
    for (const auto& q : p.questions)
        if (q.id == id) return &q;
    return nullptr;
}

int question_index(const Poll& p, const std::string& id, std::size_t hint) {
    if (hint < p.questions.size() && p.questions[hint].id == id) return static_cast<int>(hint);
    for (std::size_t i = 0; i < p.questions.size(); ++i)
        if (p.questions[i].id == id) return static_cast<int>(i);
    return -1;
}

const Answer* answer_to(const Response& r, const std::string& question) {
    for (const auto& a : r.answers)
        if (a.question == question) return &a;
    return nullptr;
}

int ranking_places(const Question& q) {
    int n = static_cast<int>(q.options.size());
    return q.max_choices > 0 ? std::min(q.max_choices, n) : n;
}

std::optional<Error> check_poll(const Poll& p) {
    if (p.questions.empty()) return make_error("err.poll.no_questions");
    if (p.closes_ms != 0 && p.closes_ms <= p.opens_ms) return make_error("err.poll.schedule");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < p.questions.size(); ++i) {
        const Question& q = p.questions[i];
        std::string where = "questions[" + std::to_string(i) + "]";
        if (!ids.insert(q.id).second) return make_error("err.poll.duplicate_question", {q.id}, where);
        if (has_options(q.type)) {
            if (q.options.size() < 2) return make_error("err.poll.no_options", {}, where);
            std::set<std::string> oids, texts;
            for (const auto& o : q.options) {
                if (!oids.insert(o.id).second || !texts.insert(o.text.zh + "\n" + o.text.en).second)
                    return make_error("err.poll.duplicate_option", {o.text.zh.empty() ? o.text.en : o.text.zh}, where);
                if (o.exclusive && q.type != QuestionType::multiple)
                    return make_error("err.poll.exclusive_multiple", {o.text.zh.empty() ? o.text.en : o.text.zh}, where);
            }
            int n = static_cast<int>(q.options.size());
            if (q.max_choices > n) return make_error("err.poll.max_choices", {std::to_string(n)}, where);
            if (q.max_choices > 0 && q.min_choices > q.max_choices)
                return make_error("err.poll.min_max", {std::to_string(q.min_choices), std::to_string(q.max_choices)}, where);
            if (q.min_choices > n) return make_error("err.poll.min_max", {std::to_string(q.min_choices), std::to_string(n)}, where);
        } else if (!q.options.empty()) {
            return make_error("err.poll.options_unused", {}, where);
        }
        if (q.type == QuestionType::number && q.num_min > q.num_max)
            return make_error("err.poll.number_range", {}, where);
        if (q.show_if) {
            // Only an earlier question can decide whether this one is shown.
            std::size_t j = 0;
            while (j < i && p.questions[j].id != q.show_if->question) ++j;
            if (j >= i) return make_error("err.poll.show_if_order", {q.show_if->question}, where);
            if (!find_option(p.questions[j], q.show_if->option))
                return make_error("err.poll.show_if_option", {q.show_if->option}, where);
        }
    }
    if (p.type == PollKind::decision) {
        const Question& q = p.questions.front();
        bool shaped = p.questions.size() == 1 && q.type == QuestionType::single && q.options.size() == 3 &&
                      find_option(q, kFor) && find_option(q, kAgainst) && find_option(q, kAbstain);
        if (!shaped) return make_error("err.poll.decision_shape");
        if (p.eligibility != Eligibility::household) return make_error("err.poll.decision_household");
    }
    if (p.type == PollKind::needs && p.questions.front().type != QuestionType::ranking &&
        p.questions.front().type != QuestionType::multiple)
        return make_error("err.poll.needs_shape");
    if (p.status == PollStatus::published && !p.results) return make_error("err.poll.published_no_results");
    return check_log(p);
}

PollPhase phase(const Poll& p, std::int64_t now_ms) {
    if (p.status == PollStatus::draft) return PollPhase::draft;
    if (p.status == PollStatus::withdrawn) return PollPhase::withdrawn;
    if (p.status == PollStatus::closed || p.status == PollStatus::published) return PollPhase::closed;
    if (now_ms < p.opens_ms) return PollPhase::not_yet_open;
    if (p.closes_ms != 0 && now_ms >= p.closes_ms) return PollPhase::closed;
    return PollPhase::open;
}

bool question_shown(const Poll& p, const Question& q, const Response& answers) {
    if (!q.show_if) return true;
    const Question* dep = find_question(p, q.show_if->question);
    if (dep && !question_shown(p, *dep, answers)) return false;
    const Answer* a = answer_to(answers, q.show_if->question);
    return a && std::find(a->choices.begin(), a->choices.end(), q.show_if->option) != a->choices.end();
}

std::optional<Error> check_answer(const Question& q, const Answer& a) {
    int n = static_cast<int>(a.choices.size());
    for (std::size_t i = 0; i < a.choices.size(); ++i) {
        const std::string& c = a.choices[i];
        if (!find_option(q, c)) return make_error("err.answer.no_such_option", {c});
        for (std::size_t j = 0; j < i; ++j)  // a handful of choices: no set needed
            if (a.choices[j] == c) return make_error("err.answer.repeated_option", {c});
    }
    std::vector<std::string> args;
    switch (q.type) {
        case QuestionType::single:
            if (n + (a.other.empty() ? 0 : 1) > 1) return make_error("err.answer.one_choice");
            break;
        case QuestionType::multiple: {
            int chosen = n + (a.other.empty() ? 0 : 1);
            // "None of these" stands alone, and alone it is a whole answer.
            for (const auto& c : a.choices)
                if (const Option* o = find_option(q, c); o && o->exclusive) {
                    if (chosen > 1) return make_error("err.answer.exclusive", {o->text.zh.empty() ? o->text.en : o->text.zh});
                    chosen = std::max(chosen, q.min_choices);
                }
            if (chosen > 0 && chosen < q.min_choices) return make_error("err.answer.too_few", {std::to_string(q.min_choices)});
            if (q.max_choices > 0 && chosen > q.max_choices)
                return make_error("err.answer.too_many", {std::to_string(q.max_choices)});
            break;
        }
        case QuestionType::ranking:
            if (n > ranking_places(q)) return make_error("err.answer.too_many", {std::to_string(ranking_places(q))});
            break;
        case QuestionType::score:
            if (a.number && (*a.number < 1 || *a.number > 5 || *a.number != std::floor(*a.number)))
                return make_error("err.answer.score");
            break;
        case QuestionType::number:
            if (a.number && (*a.number < q.num_min || *a.number > q.num_max))
                return make_error("err.answer.number_range", {std::to_string(q.num_min), std::to_string(q.num_max)});
            break;
        case QuestionType::text: {
            Rules r{.max_len = static_cast<std::size_t>(q.max_len), .multiline = true};
            if (auto problem = text_problem(a.text, r, args)) return make_error(*problem, args);
            break;
        }
    }
    if (!a.other.empty()) {
        if (!q.other) return make_error("err.answer.no_other");
        if (auto problem = text_problem(a.other, Rules{.max_len = 200}, args)) return make_error(*problem, args);
    }
    return std::nullopt;
}

namespace {
bool answered(const Question& q, const Answer* a) {
    if (!a) return false;
    switch (q.type) {
        case QuestionType::score:
        case QuestionType::number: return a->number.has_value();
        case QuestionType::text: return !a->text.empty();
        default: return !a->choices.empty() || !a->other.empty();
    }
}
}  // namespace

std::optional<Error> check_response(const Poll& p, const Response& r) {
    if (r.submitted_ms < p.opens_ms || (p.closes_ms != 0 && r.submitted_ms >= p.closes_ms))
        return make_error("err.answer.closed");
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        const Answer& a = r.answers[i];
        int qi = question_index(p, a.question, i);
        if (qi < 0) return make_error("err.answer.no_such_question", {a.question});
        // One answer a question: a ballot saying both "for" and "against" says nothing.
        for (std::size_t j = 0; j < i; ++j)
            if (r.answers[j].question == a.question) return make_error("err.answer.twice", {a.question});
        const Question* q = &p.questions[static_cast<std::size_t>(qi)];
        if (!question_shown(p, *q, r)) return make_error("err.answer.hidden", {a.question});
        if (auto e = check_answer(*q, a)) return at(*e, a.question);
    }
    for (std::size_t i = 0; i < p.questions.size(); ++i) {
        const Question& q = p.questions[i];
        if (!q.required) continue;
        const Answer* a = i < r.answers.size() && r.answers[i].question == q.id ? &r.answers[i] : answer_to(r, q.id);
        if (question_shown(p, q, r) && !answered(q, a)) return at(make_error("err.answer.required"), q.id);
    }
    if (p.eligibility == Eligibility::household && !r.household) return make_error("err.code.missing");
    return std::nullopt;
}

Response final_answers(const Poll& p, Response r) {
    std::erase_if(r.answers, [](const Answer& a) {
        return a.choices.empty() && a.other.empty() && !a.number && a.text.empty();
    });
    // Hiding one question can hide those that depend on it: repeat until nothing changes.
    for (bool changed = true; changed;) {
        auto before = r.answers.size();
        std::erase_if(r.answers, [&](const Answer& a) {
            const Question* q = find_question(p, a.question);
            return !q || !question_shown(p, *q, r);
        });
        changed = r.answers.size() != before;
    }
    return r;
}

std::string receipt_code(const Id& response_id) {
    std::string s;
    for (std::size_t i = 0; i < 8 && i < response_id.size(); ++i) {
        if (i == 4) s += '-';
        s += static_cast<char>(std::toupper(static_cast<unsigned char>(response_id[i])));
    }
    return s;
}

}  // namespace linli
