#include "core/tally.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/poll_rules.h"

namespace linli {
namespace {

std::int64_t centi(double m2) { return std::llround(m2 * 100.0); }

const char* status_name(BallotStatus s) {
    switch (s) {
        case BallotStatus::counted: return "counted";
        case BallotStatus::superseded: return "superseded";
        case BallotStatus::late: return "late";
        case BallotStatus::invalid: return "invalid";
        case BallotStatus::outside_scope: return "outside_scope";
        case BallotStatus::conflict: return "conflict";
        case BallotStatus::rules_changed: return "rules_changed";
    }
    return "";
}

QuestionTally empty_tally(const Question& q) {
    QuestionTally t;
    t.question = q.id;
    t.type = q.type;
    t.text = q.text;
    for (const auto& o : q.options) t.options.push_back(OptionTally{o.id, o.text});
    return t;
}

void count_answer(const Question& q, const Answer& a, QuestionTally& t) {
    bool any = !a.choices.empty() || !a.other.empty() || a.number || !a.text.empty();
    if (!any) return;
    ++t.answered;
    int places = ranking_places(q);
    for (std::size_t i = 0; i < a.choices.size(); ++i) {
        for (auto& o : t.options) {
            if (o.option != a.choices[i]) continue;
            ++o.count;
            if (q.type == QuestionType::ranking) o.points += places - static_cast<int>(i);
        }
    }
    if (!a.other.empty()) {
        ++t.other_count;
        t.others.push_back(a.other);
    }
    if (!a.text.empty()) t.texts.push_back(a.text);
    if (a.number) {
        double v = *a.number;
        int n = t.answered;
        t.min = n == 1 ? v : std::min(t.min, v);
        t.max = n == 1 ? v : std::max(t.max, v);
        t.mean += (v - t.mean) / n;
        if (q.type == QuestionType::score && v >= 1 && v <= 5) ++t.scores[static_cast<std::size_t>(v) - 1];
    }
}

void finish_question(QuestionTally& t) {
    for (auto& o : t.options) o.percent = t.answered ? 100.0 * o.count / t.answered : 0;
    if (t.type == QuestionType::ranking)
        std::stable_sort(t.options.begin(), t.options.end(),
                         [](const OptionTally& a, const OptionTally& b) { return a.points > b.points; });
}

// The households a household poll counts: the roll fixed when it closed, or (before that)
// the household list as this device holds it now.
struct Roll {
    std::vector<RollEntry> entries;
    std::unordered_map<Id, std::size_t> index;
    bool frozen = false;
    const RollEntry* find(const Id& household) const {
        auto it = index.find(household);
        return it == index.end() ? nullptr : &entries[it->second];
    }
};

Roll roll_for(const Dataset& d, const Poll& p) {
    Roll r;
    r.frozen = !p.roll.empty();
    r.entries = r.frozen ? p.roll : roll_of(d, p);
    for (std::size_t i = 0; i < r.entries.size(); ++i) r.index.emplace(r.entries[i].household, i);
    return r;
}

bool in_scope(const Roll& roll, const Poll& p, const Id& household) {
    if (!roll.entries.empty()) return roll.find(household) != nullptr;
    // A device without the household list (a volunteer's tablet): the poll's codes were
    // made for the households in its scope, and only for them.
    return std::any_of(p.codes.begin(), p.codes.end(), [&](const CodeHash& c) { return c.household == household; });
}

// Households whose record now differs from the roll fixed at closing (moved, area
// corrected, removed), or that joined the scope since: said, never counted anew.
int changed_since_closing(const Dataset& d, const Poll& p, const Roll& roll) {
    if (!roll.frozen) return 0;
    Roll now;
    now.entries = roll_of(d, p);
    for (std::size_t i = 0; i < now.entries.size(); ++i) now.index.emplace(now.entries[i].household, i);
    int changed = 0;
    for (const auto& e : roll.entries) {
        const RollEntry* n = now.find(e.household);
        if (!n || !(*n == e)) ++changed;
    }
    for (const auto& e : now.entries) changed += roll.find(e.household) == nullptr;
    return changed;
}

DecisionTally decide(const Dataset& d, const Poll& p, const Roll& roll, const std::vector<const Record*>& counted) {
    DecisionTally t;
    t.matter = p.matter;
    t.building = p.building;
    for (const auto& e : roll.entries) {
        ++t.total_households;  // one household counts once, however many owners it has
        if (e.area <= 0) ++t.missing_areas;
        t.total_area += e.area;
    }
    // Without the household list (it stays with the committee) there is nothing to weigh
    // the ballots by: the verdict says so instead of failing every vote.
    bool no_list = t.total_households == 0;
    if (no_list) t.missing_areas = static_cast<int>(p.codes.size());
    t.roll_changed = changed_since_closing(d, p, roll);
    for (const Record* r : counted) {
        const Response& s = *r->as<Response>();
        const RollEntry* e = roll.find(*s.household);
        std::int64_t area = e ? e->area : 0;
        const Answer* a = s.answers.empty() ? nullptr : &s.answers.front();
        std::string choice = a && !a->choices.empty() ? a->choices.front() : "";
        ++t.voted_households;
        t.voted_area += area;
        if (choice == kFor) {
            ++t.for_households;
            t.for_area += area;
        } else if (choice == kAgainst) {
            ++t.against_households;
            t.against_area += area;
        } else {
            ++t.abstain_households;
            t.abstain_area += area;
        }
    }
    return t;
}

}  // namespace

std::vector<RollEntry> roll_of(const Dataset& d, const Poll& p) {
    std::vector<RollEntry> out;
    for (const Record* r : d.live(Kind::household)) {
        const Household& h = *r->as<Household>();
        if (!p.building || h.building == *p.building) out.push_back(RollEntry{r->id, h.building, centi(h.area_m2)});
    }
    return out;
}

bool later_ballot(const Record& a, const Record& b) { return b.rev < a.rev || (a.rev == b.rev && b.id < a.id); }

const Record* latest_ballot(const Dataset& d, const Id& poll, const Id& household) {
    const Record* best = nullptr;
    for (const auto& [id, r] : d.records())
        if (const Response* s = r.as<Response>(); s && s->poll == poll && s->household == household)
            if (!best || later_ballot(r, *best)) best = &r;
    return best;
}

bool has_responses(const Dataset& d, const Id& poll) {
    for (const auto& [id, r] : d.records())
        if (const Response* s = r.as<Response>(); s && s->poll == poll) return true;
    return false;
}

Tally tally(const Dataset& d, const Id& poll_id) {
    Tally t;
    t.poll = poll_id;
    const Record* pr = d.find(poll_id);
    if (!pr || !pr->as<Poll>()) return t;
    const Poll& p = *pr->as<Poll>();
    t.status = p.status;
    const std::string terms = poll_terms(p);
    const Roll roll = p.eligibility == Eligibility::household ? roll_for(d, p) : Roll{};

    std::vector<const Record*> valid;
    for (const auto& [id, r] : d.records()) {
        const Response* s = r.as<Response>();
        if (!s || s->poll != poll_id) continue;
        ++t.responses;
        BallotLine line{r.id, s->household, r.rev, s->submitted_ms, BallotStatus::counted, ""};
        if (!s->terms.empty() && s->terms != terms) {
            line.status = BallotStatus::rules_changed;
            line.reason = "audit.rules_changed";
            ++t.rules_changed;
        } else if (auto e = check_response(p, *s)) {
            line.status = e->key == "err.answer.closed" ? BallotStatus::late : BallotStatus::invalid;
            line.reason = e->key;
        } else if (p.eligibility == Eligibility::household && !in_scope(roll, p, *s->household)) {
            line.status = BallotStatus::outside_scope;
            line.reason = "audit.outside_scope";
        } else {
            valid.push_back(&r);
        }
        if (line.status != BallotStatus::counted) t.ballots.push_back(line);
    }
    // Other versions of a response id (a conflict) are shown, never counted.
    for (const auto& [id, versions] : d.conflicts())
        for (const auto& r : versions)
            if (const Response* s = r.as<Response>(); s && s->poll == poll_id)
                t.ballots.push_back(BallotLine{r.id, s->household, r.rev, s->submitted_ms, BallotStatus::conflict,
                                               "audit.conflict"});

    // One household, one vote: its latest ballot counts, whatever order devices merged in.
    std::vector<const Record*> counted;
    if (p.eligibility == Eligibility::household) {
        std::map<Id, const Record*> latest;
        for (const Record* r : valid) {
            const Record*& best = latest[*r->as<Response>()->household];
            if (!best || later_ballot(*r, *best)) best = r;
        }
        for (const Record* r : valid) {
            const Response& s = *r->as<Response>();
            if (latest[*s.household] == r) counted.push_back(r);
            else t.ballots.push_back(BallotLine{r->id, s.household, r->rev, s.submitted_ms, BallotStatus::superseded,
                                                "audit.superseded"});
        }
    } else {
        counted = valid;
    }
    std::sort(counted.begin(), counted.end(), [](const Record* a, const Record* b) { return a->id < b->id; });
    for (const Record* r : counted) {
        const Response& s = *r->as<Response>();
        t.ballots.push_back(BallotLine{r->id, s.household, r->rev, s.submitted_ms, BallotStatus::counted, ""});
    }
    t.counted = static_cast<int>(counted.size());
    std::sort(t.ballots.begin(), t.ballots.end(), [](const BallotLine& a, const BallotLine& b) {
        if (a.household != b.household) return a.household < b.household;
        return a.rev != b.rev ? a.rev < b.rev : a.response < b.response;
    });

    for (const auto& q : p.questions) t.questions.push_back(empty_tally(q));
    for (const Record* r : counted) {
        const auto& answers = r->as<Response>()->answers;
        for (std::size_t i = 0; i < answers.size(); ++i)
            if (int qi = question_index(p, answers[i].question, i); qi >= 0)
                count_answer(p.questions[static_cast<std::size_t>(qi)], answers[i], t.questions[static_cast<std::size_t>(qi)]);
    }
    for (auto& qt : t.questions) finish_question(qt);

    if (p.type == PollKind::decision) t.decision = decide(d, p, roll, counted);
    return t;
}

PollResults summarize(const Tally& t, std::int64_t now_ms) {
    PollResults r;
    r.tallied_ms = now_ms;
    r.responses = t.responses;
    r.counted = t.counted;
    for (const auto& q : t.questions) {
        for (const auto& o : q.options) r.options.push_back(ResultOption{q.question, o.option, o.count, o.points, 0});
        if (q.other_count) r.options.push_back(ResultOption{q.question, "other", q.other_count, 0, 0});
        if (q.type == QuestionType::score)
            for (int s = 0; s < 5; ++s) r.options.push_back(ResultOption{q.question, std::to_string(s + 1), q.scores[s], 0, 0});
        r.options.push_back(ResultOption{q.question, "answered", q.answered, 0, q.mean});
    }
    if (t.decision) {
        const DecisionTally& d = *t.decision;
        r.decision = ResultDecision{d.total_area,         d.voted_area,         d.for_area,          d.against_area,
                                    d.abstain_area,       d.total_households,   d.voted_households,  d.for_households,
                                    d.against_households, d.abstain_households};
    }
    return r;
}

Tally from_published(const Poll& p, const Id& poll_id) {
    Tally t;
    t.poll = poll_id;
    t.published = true;
    t.status = p.status;
    if (!p.results) return t;
    const PollResults& r = *p.results;
    t.responses = r.responses;
    t.counted = r.counted;
    for (const auto& q : p.questions) {
        QuestionTally qt = empty_tally(q);
        for (const auto& ro : r.options) {
            if (ro.question != q.id) continue;
            for (auto& o : qt.options)
                if (o.option == ro.option) {
                    o.count = ro.count;
                    o.points = ro.points;
                }
            if (ro.option == "other") qt.other_count = ro.count;
            if (ro.option.size() == 1 && ro.option[0] >= '1' && ro.option[0] <= '5') qt.scores[ro.option[0] - '1'] = ro.count;
            if (ro.option == "answered") {
                qt.answered = ro.count;
                qt.mean = ro.value;
            }
        }
        finish_question(qt);
        t.questions.push_back(std::move(qt));
    }
    if (r.decision) {
        DecisionTally d;
        d.matter = p.matter;
        d.building = p.building;
        d.total_area = r.decision->total_area;
        d.voted_area = r.decision->voted_area;
        d.for_area = r.decision->for_area;
        d.against_area = r.decision->against_area;
        d.abstain_area = r.decision->abstain_area;
        d.total_households = r.decision->total_households;
        d.voted_households = r.decision->voted_households;
        d.for_households = r.decision->for_households;
        d.against_households = r.decision->against_households;
        d.abstain_households = r.decision->abstain_households;
        t.decision = d;
    }
    return t;
}

std::string percent_toward(std::int64_t part, std::int64_t whole, bool ok, Threshold t) {
    if (whole <= 0) return "0.00";
    // Hundredths of a percent, exactly: part * 10000 / whole. Areas stay below 1e13, so
    // nothing overflows.
    std::int64_t n = part * 10000, q = (2 * n + whole) / (2 * whole);  // to the nearest
    // Compare q/10000 with num/den; if the shown figure would say the other verdict, round
    // toward this one instead (the exact value is on its side, so that always agrees).
    auto cmp = [&](std::int64_t x) { return x * t.den - std::int64_t{t.num} * 10000; };  // sign of x/10000 - num/den
    bool shown_ok = t.strict ? cmp(q) > 0 : cmp(q) >= 0;
    if (shown_ok != ok) q = ok ? (n + whole - 1) / whole : n / whole;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(q / 100), static_cast<long long>(q % 100));
    return buf;
}

std::array<Figure, 4> figures(const DecisionTally& d) {
    auto fig = [](std::int64_t part, std::int64_t whole, bool ok, Threshold t) {
        return Figure{part, whole, ok, percent_toward(part, whole, ok, t)};
    };
    Threshold two_thirds{2, 3, false};
    Threshold approval = d.matter == Matter::major ? Threshold{3, 4, false} : Threshold{1, 2, true};
    return {fig(d.voted_area, d.total_area, d.participation_area_ok(), two_thirds),
            fig(d.voted_households, d.total_households, d.participation_households_ok(), two_thirds),
            fig(d.for_area, d.voted_area, d.approval_area_ok(), approval),
            fig(d.for_households, d.voted_households, d.approval_households_ok(), approval)};
}

std::string area_text(std::int64_t c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(c / 100), static_cast<long long>(c % 100));
    return buf;
}

std::string tally_json(const Tally& t) {
    rapidjson::StringBuffer buf;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("poll"); str(t.poll);
    w.Key("status"); w.String(enum_name(t.status).data());
    w.Key("final"); w.Bool(t.final());
    w.Key("rules_changed"); w.Int(t.rules_changed);
    w.Key("responses"); w.Int(t.responses);
    w.Key("counted"); w.Int(t.counted);
    w.Key("questions");
    w.StartArray();
    for (const auto& q : t.questions) {
        w.StartObject();
        w.Key("question"); str(q.question);
        w.Key("type"); w.String(enum_name(q.type).data());
        w.Key("answered"); w.Int(q.answered);
        if (!q.options.empty()) {
            w.Key("options");
            w.StartArray();
            for (const auto& o : q.options) {
                w.StartObject();
                w.Key("option"); str(o.option);
                w.Key("count"); w.Int(o.count);
                w.Key("percent"); w.Double(std::round(o.percent * 10) / 10);
                if (q.type == QuestionType::ranking) { w.Key("points"); w.Int(o.points); }
                w.EndObject();
            }
            w.EndArray();
        }
        if (q.other_count) { w.Key("other"); w.Int(q.other_count); }
        if (q.type == QuestionType::score) {
            w.Key("scores");
            w.StartArray();
            for (int s : q.scores) w.Int(s);
            w.EndArray();
        }
        if (q.type == QuestionType::score || q.type == QuestionType::number) { w.Key("mean"); w.Double(q.mean); }
        if (!q.texts.empty() || !q.others.empty()) {
            w.Key("texts");
            w.StartArray();
            for (const auto& s : q.texts) str(s);
            for (const auto& s : q.others) str(s);
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("not_counted");
    w.StartArray();
    for (const auto& b : t.ballots) {
        if (b.status == BallotStatus::counted) continue;
        w.StartObject();
        w.Key("response"); str(b.response);
        if (b.household) { w.Key("household"); str(*b.household); }
        w.Key("rev"); str(to_string(b.rev));
        w.Key("status"); w.String(status_name(b.status));
        w.Key("reason"); str(b.reason);
        w.EndObject();
    }
    w.EndArray();
    if (t.decision) {
        const DecisionTally& d = *t.decision;
        w.Key("civil_code_278");
        w.StartObject();
        w.Key("matter"); w.String(enum_name(d.matter).data());
        w.Key("scope"); if (d.building) str(*d.building); else w.String("compound");
        w.Key("total_area_m2"); w.RawValue(area_text(d.total_area).c_str(), area_text(d.total_area).size(), rapidjson::kNumberType);
        w.Key("total_households"); w.Int(d.total_households);
        w.Key("voted_area_m2"); w.RawValue(area_text(d.voted_area).c_str(), area_text(d.voted_area).size(), rapidjson::kNumberType);
        w.Key("voted_households"); w.Int(d.voted_households);
        w.Key("for_area_m2"); w.RawValue(area_text(d.for_area).c_str(), area_text(d.for_area).size(), rapidjson::kNumberType);
        w.Key("for_households"); w.Int(d.for_households);
        auto f = figures(d);
        w.Key("participation_area_percent"); str(f[0].percent);
        w.Key("participation_households_percent"); str(f[1].percent);
        w.Key("approval_area_percent"); str(f[2].percent);
        w.Key("approval_households_percent"); str(f[3].percent);
        w.Key("participation_ok"); w.Bool(d.participation_ok());
        w.Key("approved"); w.Bool(d.approved());
        w.Key("missing_areas"); w.Int(d.missing_areas);
        // An open vote has no result yet, only where the count stands.
        w.Key(t.final() ? "passed" : "would_pass_if_closed_now"); w.Bool(d.passed() && t.trustworthy());
        w.EndObject();
    }
    w.EndObject();
    return std::string(buf.GetString()) + "\n";
}


namespace {

std::string home_text(const Dataset& d, const std::optional<Id>& household) {
    if (!household) return "";
    const Record* h = d.find(*household);
    if (!h || !h->as<Household>()) return "";
    const Household& hh = *h->as<Household>();
    const Record* bl = d.find(hh.building);
    return (bl && bl->as<Building>() ? bl->as<Building>()->number + "-" : "") + (hh.unit.empty() ? "" : hh.unit + "-") + hh.room;
}

std::string answer_cell(const Question& q, const Answer* a, const Strings& s, Lang lang) {
    std::string cell;
    if (!a) return cell;
    for (const auto& c : a->choices)
        for (const auto& o : q.options)
            if (o.id == c) cell += (cell.empty() ? "" : "; ") + o.text.in(lang);
    if (!a->other.empty()) cell += (cell.empty() ? "" : "; ") + s.get("csv.other") + a->other;
    if (a->number) {
        char num[32];
        std::snprintf(num, sizeof num, "%g", *a->number);
        cell += num;
    }
    return cell + a->text;
}

// The totals under the rows: per question what the results screen shows; for a decision
// the four art. 278 figures with their thresholds and the verdict (or, while the vote is
// open, where it stands).
std::string totals_rows(const Poll& p, const Tally& t, const Strings& s, Lang lang) {
    std::string out = "\r\n" + csv_row({s.get("csv.totals"), s.format("results.counted", {std::to_string(t.counted),
                                                                                         std::to_string(t.responses)})});
    char pct[32];
    for (std::size_t i = 0; i < t.questions.size() && i < p.questions.size(); ++i) {
        const QuestionTally& q = t.questions[i];
        out += csv_row({q.text.in(lang), s.format("results.answered", {std::to_string(q.answered)})});
        for (const auto& o : q.options) {
            std::snprintf(pct, sizeof pct, "%.1f%%", o.percent);
            std::vector<std::string> row{"", o.text.in(lang), std::to_string(o.count), pct};
            if (q.type == QuestionType::ranking) row.push_back(s.format("results.points", {std::to_string(o.points)}));
            out += csv_row(row);
        }
        if (q.other_count) out += csv_row({"", s.get("csv.other"), std::to_string(q.other_count)});
        if (q.type == QuestionType::score || q.type == QuestionType::number) {
            std::snprintf(pct, sizeof pct, "%.2f", q.mean);
            out += csv_row({"", s.get("csv.mean"), pct});
        }
    }
    if (!t.decision) return out;
    const DecisionTally& d = *t.decision;
    bool major = d.matter == Matter::major;
    auto f = figures(d);
    out += csv_row({s.get("csv.art278")});
    out += csv_row({"", s.get("csv.total_area"), area_text(d.total_area)});
    out += csv_row({"", s.get("csv.total_households"), std::to_string(d.total_households)});
    const char* labels[4] = {"csv.participation_area", "csv.participation_households",
                             major ? "csv.approval_area_major" : "csv.approval_area",
                             major ? "csv.approval_households_major" : "csv.approval_households"};
    for (int i = 0; i < 4; ++i) {
        bool area = i % 2 == 0;
        std::string part = area ? area_text(f[i].part) : std::to_string(f[i].part);
        std::string whole = area ? area_text(f[i].whole) : std::to_string(f[i].whole);
        out += csv_row({"", s.get(labels[i]), part + " / " + whole, f[i].percent + "%",
                        s.get(f[i].ok ? "csv.reached" : "csv.not_reached")});
    }
    const char* verdict = !t.trustworthy() ? "csv.untrustworthy"
                          : d.missing_areas > 0 ? "csv.missing_areas"
                          : t.final() ? (d.passed() ? "art278.passed" : "art278.failed")
                                      : (d.passed() ? "csv.standing_pass" : "csv.standing_fail");
    out += csv_row({"", s.get("csv.verdict"), s.get(verdict)});
    return out;
}

}  // namespace

std::string tally_csv(const Dataset& d, const Tally& t, const Strings& s, Lang lang) {
    const Record* pr = d.find(t.poll);
    if (!pr || !pr->as<Poll>()) return "";
    const Poll& p = *pr->as<Poll>();
    std::string out = kUtf8Bom;
    std::vector<std::string> head{s.get("csv.receipt"), s.get("csv.submitted"), s.get("csv.household"), s.get("csv.status")};
    for (const auto& q : p.questions) head.push_back(q.text.in(lang));
    out += csv_row(head);
    for (const auto& b : t.ballots) {
        const Record* r = d.find(b.response);
        const Response* resp = r ? r->as<Response>() : nullptr;
        if (!resp || b.status == BallotStatus::conflict) continue;
        std::vector<std::string> row{receipt_code(b.response), format_date_time(b.submitted_ms), home_text(d, b.household),
                                     s.get(std::string("audit.status.") + status_name(b.status))};
        for (const auto& q : p.questions) row.push_back(answer_cell(q, answer_to(*resp, q.id), s, lang));
        out += csv_row(row);
    }
    return out + totals_rows(p, t, s, lang);
}

}  // namespace linli
