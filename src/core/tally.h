// Counting a poll: which ballots count (one per household where the poll says so, by a
// rule that does not depend on import order), what they say per question, and for
// owners' decisions the verdict under the PRC Civil Code art. 278.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/i18n.h"

namespace linli {

struct OptionTally {
    std::string option;
    LocalText text;
    int count = 0;       // ballots that chose (or ranked) it
    double percent = 0;  // of the ballots that answered the question
    int points = 0;      // ranking questions: the sum of places scored
};

struct QuestionTally {
    std::string question;
    QuestionType type = QuestionType::single;
    LocalText text;
    int answered = 0;
    std::vector<OptionTally> options;  // in the poll's order; ranking questions: by points
    int other_count = 0;
    std::vector<std::string> others;   // the "other: ___" texts
    std::vector<std::string> texts;    // free-text answers
    std::array<int, 5> scores{};       // score questions: how many gave 1..5
    double mean = 0, min = 0, max = 0; // score and number questions
};

// rules_changed: given under other rules than the poll has now (poll_terms differ).
enum class BallotStatus { counted, superseded, late, invalid, outside_scope, conflict, rules_changed };

struct BallotLine {
    Id response;
    std::optional<Id> household;
    Rev rev;
    std::int64_t submitted_ms = 0;
    BallotStatus status = BallotStatus::counted;
    std::string reason;  // string-table key saying why it is not counted
};

// Civil Code art. 278. Areas are in hundredths of a square metre, so every comparison
// is exact: 2/3 exactly counts as reached.
struct DecisionTally {
    Matter matter = Matter::ordinary;
    std::optional<Id> building;  // scope: one building, or the whole compound
    std::int64_t total_area = 0;
    int total_households = 0;
    std::int64_t voted_area = 0, for_area = 0, against_area = 0, abstain_area = 0;
    int voted_households = 0, for_households = 0, against_households = 0, abstain_households = 0;
    int missing_areas = 0;  // households in scope whose floor area this device does not hold
    int roll_changed = 0;   // households edited since the roll was fixed at closing (not counted anew)

    bool participation_area_ok() const { return 3 * voted_area >= 2 * total_area && total_area > 0; }
    bool participation_households_ok() const { return 3 * voted_households >= 2 * total_households && total_households > 0; }
    bool participation_ok() const { return participation_area_ok() && participation_households_ok(); }
    bool approval_area_ok() const {
        return matter == Matter::major ? 4 * for_area >= 3 * voted_area : 2 * for_area > voted_area;
    }
    bool approval_households_ok() const {
        return matter == Matter::major ? 4 * for_households >= 3 * voted_households : 2 * for_households > voted_households;
    }
    bool approved() const { return approval_area_ok() && approval_households_ok() && voted_households > 0; }
    bool passed() const { return missing_areas == 0 && participation_ok() && approved(); }
    bool operator==(const DecisionTally&) const = default;
};

struct Tally {
    Id poll;
    int responses = 0;  // every response to the poll this device holds
    int counted = 0;
    std::vector<QuestionTally> questions;
    std::vector<BallotLine> ballots;  // the audit: every response and what became of it
    std::optional<DecisionTally> decision;
    bool published = false;  // made from the committee's published results, not ballots
    PollStatus status = PollStatus::draft;
    int rules_changed = 0;  // ballots given under other rules: the poll was changed after voting

    // Only a closed or published poll has a result; an open one has a standing.
    bool final() const { return status == PollStatus::closed || status == PollStatus::published; }
    // No verdict can be trusted once ballots were given under other rules.
    bool trustworthy() const { return rules_changed == 0; }
};

Tally tally(const Dataset& d, const Id& poll_id);

// One household, one vote: of two ballots of a household, the later one counts (by rev;
// equal revs, from cloned devices, by id, so that the order they arrive in never matters).
bool later_ballot(const Record& a, const Record& b);
// The ballot of `household` that counts among those this device holds, or null.
const Record* latest_ballot(const Dataset& d, const Id& poll, const Id& household);
bool has_responses(const Dataset& d, const Id& poll);
// The households in a poll's scope as this device holds them now, with their floor areas:
// what close_poll fixes as the roll a closed vote is counted by.
std::vector<RollEntry> roll_of(const Dataset& d, const Poll& p);

// What the committee publishes to residents when it closes a poll: the counts, no ballots.
PollResults summarize(const Tally& t, std::int64_t now_ms);
// A Tally rebuilt from published results, for devices that hold no ballots.
Tally from_published(const Poll& p, const Id& poll_id);

std::string tally_json(const Tally& t);
// One row per response, with the options' words, for a spreadsheet: UTF-8 with a BOM.
// Ends with the totals, and for a decision the art. 278 figures, in the language of `s`.
std::string tally_csv(const Dataset& d, const Tally& t, const Strings& s, Lang lang);

// One of the four art. 278 figures: `part` of `whole`, whether it reaches its threshold,
// and the percentage to two decimals, rounded to the nearest unless that would contradict
// the verdict, then toward it: exactly 2/3 shows "66.67" (reached), 66.665 % "66.66" (not);
// exactly half "50.00" (not more than half), 50.004 % "50.01" (more than half).
struct Figure {
    std::int64_t part = 0, whole = 0;
    bool ok = false;
    std::string percent;
};
// Participation by area and by households, approval by area and by households.
std::array<Figure, 4> figures(const DecisionTally& d);
// The threshold is num/den, reached by "more than" it (`strict`) or "at least" it.
struct Threshold {
    int num = 2, den = 3;
    bool strict = false;
};
std::string percent_toward(std::int64_t part, std::int64_t whole, bool ok, Threshold t);
std::string area_text(std::int64_t centi_m2);  // "1234.56"

}  // namespace linli
