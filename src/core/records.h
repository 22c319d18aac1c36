// The records a compound keeps. Each type lists its fields once, in visit(); that list
// is what the bundle reader checks, the writer writes and the JSON Schema describes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/id.h"
#include "core/rev.h"
#include "core/rules.h"

namespace linli {

enum class Lang { zh, en };

// Text shown to people, in both languages; zh-CN first. Either may be empty.
struct LocalText {
    std::string zh, en;
    const std::string& in(Lang lang) const {
        const std::string& want = lang == Lang::zh ? zh : en;
        return want.empty() ? (lang == Lang::zh ? en : zh) : want;
    }
    bool empty() const { return zh.empty() && en.empty(); }
    bool operator==(const LocalText&) const = default;
};

// ---------------------------------------------------------------- community
struct Community {
    LocalText name;
    LocalText address;
    template <class V> void visit(V& v) {
        v("name", name, {.min_len = 1, .max_len = 60});
        v("address", address, {.max_len = 200});
    }
    bool operator==(const Community&) const = default;
};

enum class BuildingType { high_rise, multi_storey, other };
template <> struct EnumNames<BuildingType> {
    static constexpr std::array<std::string_view, 3> names{"high_rise", "multi_storey", "other"};
};

// The five colours of the sub-district's elevator map.
// (High-rises built with their own elevators are `built_in`: not part of the retro-fit.)
enum class ElevatorStage { none, proposed, signed_up, under_construction, completed, built_in };
template <> struct EnumNames<ElevatorStage> {
    static constexpr std::array<std::string_view, 6> names{"none",      "proposed", "signed", "under_construction",
                                                           "completed", "built_in"};
};

struct Building {
    std::string number;  // as painted on the wall: "12", "3A"
    BuildingType type = BuildingType::multi_storey;
    std::int32_t floors = 6;
    std::int32_t households = 0;
    ElevatorStage elevator = ElevatorStage::none;
    template <class V> void visit(V& v) {
        v("number", number, {.min_len = 1, .max_len = 12});
        v("type", type, {});
        v("floors", floors, {.min = 1, .max = 120});
        v("households", households, {.min = 0, .max = 2000});
        v("elevator", elevator, {});
    }
    bool operator==(const Building&) const = default;
};

struct Household {
    Id building;
    std::string unit;  // 单元
    std::string room;  // 室
    double area_m2 = 0;          // floor area owned, for Civil Code art. 278 tallies
    std::int32_t owners = 1;     // owners counted once per household
    std::string code;            // printed household code for one-per-household polls
    template <class V> void visit(V& v) {
        v("building", building, {.id = true});
        v("unit", unit, {.max_len = 12});
        v("room", room, {.min_len = 1, .max_len = 12});
        v("area_m2", area_m2, {.min = 0.01, .max = 100000, .committee = true});
        v("owners", owners, {.min = 1, .max = 50});
        v("code", code, {.max_len = 16, .committee = true});
    }
    bool operator==(const Household&) const = default;
};

// ---------------------------------------------------------------- notices
enum class NoticeTopic { general, parking, elevator, roster, safety, event, works };
template <> struct EnumNames<NoticeTopic> {
    static constexpr std::array<std::string_view, 7> names{"general", "parking", "elevator", "roster",
                                                           "safety",  "event",   "works"};
};

// A notice that is an event: when and where, for a phone's calendar (core/ical.h).
struct NoticeEvent {
    std::int64_t starts_ms = 0;
    std::int64_t ends_ms = 0;
    LocalText place;
    template <class V> void visit(V& v) {
        v("starts_ms", starts_ms, {.min = 0, .max = 1e14});
        v("ends_ms", ends_ms, {.min = 0, .max = 1e14});
        v("place", place, {.max_len = 100});
    }
    bool operator==(const NoticeEvent&) const = default;
};

// The body is written in core/markup.h's small markup. Shown from `starts_ms` (or at once)
// until `expires_ms`, then among the past notices. A retracted notice is a tombstone that
// keeps its text, for the record.
struct Notice {
    LocalText title;
    LocalText body;
    NoticeTopic topic = NoticeTopic::general;
    std::int64_t published_ms = 0;
    std::optional<std::int64_t> expires_ms;
    bool pinned = false;
    LocalText author;
    std::optional<Id> poll;  // a poll the notice invites to ("参与调查")
    std::optional<std::int64_t> starts_ms;  // scheduled: not shown before
    bool urgent = false;                    // first, in red, on every screen until read
    std::vector<Id> buildings;              // for these buildings only; empty: the compound
    std::optional<NoticeEvent> event;
    template <class V> void visit(V& v) {
        v("title", title, {.min_len = 1, .max_len = 80});
        v("body", body, {.max_len = 4000, .multiline = true});
        v("topic", topic, {});
        v("published_ms", published_ms, {.min = 0, .max = 1e14});
        v("expires_ms", expires_ms, {.min = 0, .max = 1e14});
        v("pinned", pinned, {});
        v("author", author, {.max_len = 60});
        v("poll", poll, {.id = true});
        v("starts_ms", starts_ms, {.min = 0, .max = 1e14});
        v("urgent", urgent, {});
        v("buildings", buildings, {.max_items = 200, .id = true});
        v("event", event, {});
    }
    bool operator==(const Notice&) const = default;
};

// ---------------------------------------------------------------- polls
enum class PollKind { survey, needs, decision, suggestion };
template <> struct EnumNames<PollKind> {
    static constexpr std::array<std::string_view, 4> names{"survey", "needs", "decision", "suggestion"};
};
// The three meetings of a project: site hearing, design consultation, evaluation.
enum class PollStage { none, hearing, design, evaluation };
template <> struct EnumNames<PollStage> {
    static constexpr std::array<std::string_view, 4> names{"none", "hearing", "design", "evaluation"};
};
enum class Eligibility { anyone, household };
template <> struct EnumNames<Eligibility> {
    static constexpr std::array<std::string_view, 2> names{"anyone", "household"};
};
// Civil Code art. 278: major matters need 3/4 of the participating area and headcount.
enum class Matter { ordinary, major };
template <> struct EnumNames<Matter> {
    static constexpr std::array<std::string_view, 2> names{"ordinary", "major"};
};
// withdrawn: the committee took the poll back after it opened; kept, with its ballots.
enum class PollStatus { draft, open, closed, published, withdrawn };
template <> struct EnumNames<PollStatus> {
    static constexpr std::array<std::string_view, 5> names{"draft", "open", "closed", "published", "withdrawn"};
};
enum class QuestionType { single, multiple, ranking, score, text, number };
template <> struct EnumNames<QuestionType> {
    static constexpr std::array<std::string_view, 6> names{"single", "multiple", "ranking",
                                                           "score",  "text",     "number"};
};

struct Option {
    std::string id;
    LocalText text;
    bool exclusive = false;  // multiple choice: "none of these", chosen alone
    template <class V> void visit(V& v) {
        v("id", id, {.min_len = 1, .max_len = 16});
        v("text", text, {.min_len = 1, .max_len = 120});
        v("exclusive", exclusive, {});
    }
    bool operator==(const Option&) const = default;
};

// "Show this question only if question Q was answered with option O".
struct ShowIf {
    std::string question;
    std::string option;
    template <class V> void visit(V& v) {
        v("question", question, {.min_len = 1, .max_len = 16});
        v("option", option, {.min_len = 1, .max_len = 16});
    }
    bool operator==(const ShowIf&) const = default;
};

struct Question {
    std::string id;
    QuestionType type = QuestionType::single;
    LocalText text;
    bool required = false;
    std::vector<Option> options;
    std::int32_t min_choices = 0;  // multiple choice
    std::int32_t max_choices = 0;  // multiple choice, ranking (0 = all)
    std::int32_t max_len = 200;    // short text
    double num_min = 0, num_max = 0;  // number
    bool other = false;            // offer "other: ___"
    std::optional<ShowIf> show_if;
    template <class V> void visit(V& v) {
        v("id", id, {.min_len = 1, .max_len = 16});
        v("type", type, {});
        v("text", text, {.min_len = 1, .max_len = 300, .multiline = true});
        v("required", required, {});
        v("options", options, {.max_items = 50});
        v("min_choices", min_choices, {.min = 0, .max = 50});
        v("max_choices", max_choices, {.min = 0, .max = 50});
        v("max_len", max_len, {.min = 1, .max = 2000});
        v("num_min", num_min, {});
        v("num_max", num_max, {});
        v("other", other, {});
        v("show_if", show_if, {});
    }
    bool operator==(const Question&) const = default;
};

// A household code checked offline: only a salted, deliberately slow hash is published.
// The household's building goes with it, so a device without the household list (which
// stays with the committee) can still tell a resident which building a code is for.
struct CodeHash {
    std::string hash;
    Id household;
    std::optional<Id> building;
    template <class V> void visit(V& v) {
        v("hash", hash, {.min_len = 1, .max_len = 128});
        v("household", household, {.id = true});
        v("building", building, {.id = true});
    }
    bool operator==(const CodeHash&) const = default;
};

// What the committee publishes when it closes a poll: counts only, never ballots.
struct ResultOption {
    std::string question;
    std::string option;  // an option id; "1".."5" for a score; "other"; "answered" (value: the mean)
    std::int32_t count = 0;
    std::int32_t points = 0;
    double value = 0;
    template <class V> void visit(V& v) {
        v("question", question, {.min_len = 1, .max_len = 16});
        v("option", option, {.min_len = 1, .max_len = 16});
        v("count", count, {.min = 0, .max = 10000000});
        v("points", points, {.min = 0, .max = 1000000000});
        v("value", value, {});
    }
    bool operator==(const ResultOption&) const = default;
};

// Civil Code art. 278 figures: areas in hundredths of a square metre.
struct ResultDecision {
    std::int64_t total_area = 0, voted_area = 0, for_area = 0, against_area = 0, abstain_area = 0;
    std::int32_t total_households = 0, voted_households = 0, for_households = 0, against_households = 0,
                 abstain_households = 0;
    template <class V> void visit(V& v) {
        Rules area{.min = 0, .max = 1e13};
        Rules homes{.min = 0, .max = 10000000};
        v("total_area", total_area, area);
        v("voted_area", voted_area, area);
        v("for_area", for_area, area);
        v("against_area", against_area, area);
        v("abstain_area", abstain_area, area);
        v("total_households", total_households, homes);
        v("voted_households", voted_households, homes);
        v("for_households", for_households, homes);
        v("against_households", against_households, homes);
        v("abstain_households", abstain_households, homes);
    }
    bool operator==(const ResultDecision&) const = default;
};

struct PollResults {
    std::int64_t tallied_ms = 0;
    std::int32_t responses = 0;
    std::int32_t counted = 0;
    std::vector<ResultOption> options;
    std::optional<ResultDecision> decision;
    template <class V> void visit(V& v) {
        v("tallied_ms", tallied_ms, {.min = 0, .max = 1e14});
        v("responses", responses, {.min = 0, .max = 10000000});
        v("counted", counted, {.min = 0, .max = 10000000});
        v("options", options, {.max_items = 5000});
        v("decision", decision, {});
    }
    bool operator==(const PollResults&) const = default;
};

// What happened to a poll after it was built, in order: kept in the poll and shown in its
// audit, so that a closing time moved or a vote reopened is never silent.
enum class PollAction { open, extend, close, reopen, publish, withdraw };
template <> struct EnumNames<PollAction> {
    static constexpr std::array<std::string_view, 6> names{"open", "extend", "close", "reopen", "publish", "withdraw"};
};
struct PollEvent {
    std::int64_t at_ms = 0;
    PollAction action = PollAction::open;
    std::int64_t closes_ms = 0;  // open, extend, reopen: the closing time from then on
    std::string reason;          // reopen, withdraw (required); extend (optional)
    template <class V> void visit(V& v) {
        v("at_ms", at_ms, {.min = 0, .max = 1e14});
        v("action", action, {});
        v("closes_ms", closes_ms, {.min = 0, .max = 1e14});
        v("reason", reason, {.max_len = 200});
    }
    bool operator==(const PollEvent&) const = default;
};

// A household as a closed vote counts it. The roll is fixed when the poll closes, so that
// a later edit of the household list (a home moved to another building, an area
// corrected) never changes a result; such edits show as a note. Committee only: areas.
struct RollEntry {
    Id household;
    Id building;
    std::int64_t area = 0;  // hundredths of a square metre
    template <class V> void visit(V& v) {
        v("household", household, {.id = true});
        v("building", building, {.id = true});
        v("area", area, {.min = 0, .max = 1e13});
    }
    bool operator==(const RollEntry&) const = default;
};

struct Poll {
    LocalText title;
    LocalText description;
    PollKind type = PollKind::survey;
    PollStage stage = PollStage::none;
    Eligibility eligibility = Eligibility::anyone;
    Matter matter = Matter::ordinary;
    std::optional<Id> building;  // scope: one building (elevator retro-fit) or the compound
    std::int64_t opens_ms = 0;
    std::int64_t closes_ms = 0;  // 0: no closing time
    PollStatus status = PollStatus::draft;
    std::string salt;
    std::vector<CodeHash> codes;
    std::vector<Question> questions;
    std::optional<PollResults> results;  // set when the committee publishes
    std::vector<PollEvent> log;
    std::vector<RollEntry> roll;  // set when a household poll closes
    template <class V> void visit(V& v) {
        v("title", title, {.min_len = 1, .max_len = 80});
        v("description", description, {.max_len = 2000, .multiline = true});
        v("type", type, {});  // not "kind": that names the record's kind
        v("stage", stage, {});
        v("eligibility", eligibility, {});
        v("matter", matter, {});
        v("building", building, {.id = true});
        v("opens_ms", opens_ms, {.min = 0, .max = 1e14});
        v("closes_ms", closes_ms, {.min = 0, .max = 1e14});
        v("status", status, {});
        v("salt", salt, {.max_len = 64});
        v("codes", codes, {.max_items = 20000});
        v("questions", questions, {.max_items = 100});
        v("results", results, {});
        v("log", log, {.max_items = 200});
        v("roll", roll, {.max_items = 20000, .committee = true, .follows_version = true});  // cleared on reopening
    }
    bool operator==(const Poll&) const = default;
};

// One answer: choices are option ids (in rank order for a ranking question); a score or a
// number goes in `number`; free text in `text`; "other: ___" in `other`.
struct Answer {
    std::string question;
    std::vector<std::string> choices;
    std::optional<double> number;
    std::string text;
    std::string other;
    template <class V> void visit(V& v) {
        v("question", question, {.min_len = 1, .max_len = 16});
        v("choices", choices, {.max_len = 16, .max_items = 50});
        v("number", number, {});
        v("text", text, {.max_len = 2000, .multiline = true});
        v("other", other, {.max_len = 200});
    }
    bool operator==(const Answer&) const = default;
};

// A ballot, survey answer or suggestion. Immutable once written. `terms` fingerprints the
// rules it was given under (poll_terms()): a ballot is never counted under other rules.
struct Response {
    Id poll;
    std::int64_t submitted_ms = 0;
    std::optional<Id> household;  // set when a household code was checked
    std::vector<Answer> answers;
    std::string terms;  // empty only in ballots written before terms were recorded
    template <class V> void visit(V& v) {
        v("poll", poll, {.id = true});
        v("submitted_ms", submitted_ms, {.min = 0, .max = 1e14});
        v("household", household, {.id = true});
        v("answers", answers, {.max_items = 100});
        v("terms", terms, {.max_len = 32});
    }
    bool operator==(const Response&) const = default;
};

// ---------------------------------------------------------------- map
enum class FacilityType {
    charging_shed, aed, service_point, taxi_screen, reading_board, fire_station,
    lending, hall, gate, parking, other
};
template <> struct EnumNames<FacilityType> {
    static constexpr std::array<std::string_view, 11> names{
        "charging_shed", "aed",     "service_point", "taxi_screen", "reading_board", "fire_station",
        "lending",       "hall",    "gate",          "parking",     "other"};
};

struct Point {
    double x = 0, y = 0;  // metres east and south of the compound's north-west corner
    template <class V> void visit(V& v) {
        v("x", x, {.min = -100000, .max = 100000});
        v("y", y, {.min = -100000, .max = 100000});
    }
    bool operator==(const Point&) const = default;
};

struct Facility {
    LocalText name;
    FacilityType type = FacilityType::other;
    Point at;
    LocalText note;
    template <class V> void visit(V& v) {
        v("name", name, {.min_len = 1, .max_len = 60});
        v("type", type, {});
        v("at", at, {});
        v("note", note, {.max_len = 300, .multiline = true});
    }
    bool operator==(const Facility&) const = default;
};

enum class ShapeType { building, road, green, water, parking, boundary, other };
template <> struct EnumNames<ShapeType> {
    static constexpr std::array<std::string_view, 7> names{"building", "road",     "green", "water",
                                                           "parking",  "boundary", "other"};
};

struct MapShape {
    ShapeType type = ShapeType::other;
    LocalText label;
    std::optional<Id> building;
    std::vector<Point> points;
    template <class V> void visit(V& v) {
        v("type", type, {});
        v("label", label, {.max_len = 60});
        v("building", building, {.id = true});
        v("points", points, {.max_items = 500});
    }
    bool operator==(const MapShape&) const = default;
};

// ---------------------------------------------------------------- the duty roster
// Volunteers' duties: reception at the gatehouse, patrols, the lending desk ...
enum class DutyRole { reception, patrol, lending, hall, other };
template <> struct EnumNames<DutyRole> {
    static constexpr std::array<std::string_view, 5> names{"reception", "patrol", "lending", "hall", "other"};
};

// One volunteer on duty from `starts_ms` to `ends_ms`. Public: the roster is put up in the
// hall (a name and a role, nothing else about the volunteer).
struct DutySlot {
    std::int64_t starts_ms = 0;
    std::int64_t ends_ms = 0;
    std::string volunteer;
    DutyRole role = DutyRole::reception;
    LocalText place;  // "东门门岗"
    template <class V> void visit(V& v) {
        v("starts_ms", starts_ms, {.min = 1, .max = 1e14});
        v("ends_ms", ends_ms, {.min = 1, .max = 1e14});
        v("volunteer", volunteer, {.min_len = 1, .max_len = 30});
        v("role", role, {});
        v("place", place, {.max_len = 60});
    }
    bool operator==(const DutySlot&) const = default;
};

// ---------------------------------------------------------------- the reception log
// A resident received by the volunteer on duty: what they came about and what was done.
// Personal: committee only. Immutable: a correction is a new record that names the one it
// corrects (`corrects`); both are kept.
struct Reception {
    std::int64_t at_ms = 0;
    std::string resident;   // who came: "12-301 王阿姨"
    std::string concern;    // what about
    std::string action;     // what was done
    std::string follow_up;  // what is still to do, and by whom
    std::string volunteer;  // who received them
    std::optional<Id> corrects;
    template <class V> void visit(V& v) {
        v("at_ms", at_ms, {.min = 1, .max = 1e14});
        v("resident", resident, {.max_len = 60});
        v("concern", concern, {.min_len = 1, .max_len = 1000, .multiline = true});
        v("action", action, {.max_len = 1000, .multiline = true});
        v("follow_up", follow_up, {.max_len = 500, .multiline = true});
        v("volunteer", volunteer, {.max_len = 30});
        v("corrects", corrects, {.id = true});
    }
    bool operator==(const Reception&) const = default;
};

// ---------------------------------------------------------------- the record envelope
enum class Kind { community, building, household, notice, poll, response, facility, mapshape, duty, reception };
template <> struct EnumNames<Kind> {
    static constexpr std::array<std::string_view, 10> names{"community", "building", "household", "notice",  "poll",
                                                            "response",  "facility", "mapshape",  "duty",    "reception"};
};
using Body = std::variant<Community, Building, Household, Notice, Poll, Response, Facility, MapShape, DutySlot, Reception>;
constexpr std::size_t kKindCount = std::variant_size_v<Body>;

struct Record {
    Id id;
    Rev rev;
    bool deleted = false;  // a tombstone: kept so the deletion wins the merge
    Body body;

    Kind kind() const { return static_cast<Kind>(body.index()); }
    template <class T> const T* as() const { return std::get_if<T>(&body); }
    template <class T> T* as() { return std::get_if<T>(&body); }
    bool operator==(const Record&) const = default;
};

// The record as a public export carries it: committee-only fields cleared.
Record public_view(const Record& r);

// Responses and receptions are insert-only; everything else is last-writer-wins by rev.
inline bool is_immutable(Kind k) { return k == Kind::response || k == Kind::reception; }
// Kinds that never leave the committee's devices: not in a public export, not on a
// resident's or the hall's screen.
inline bool is_committee_only(Kind k) { return k == Kind::response || k == Kind::household || k == Kind::reception; }

}  // namespace linli
