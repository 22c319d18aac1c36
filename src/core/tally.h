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

enum class BallotStatus { counted, superseded, late, invalid, outside_scope, conflict };

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
};

Tally tally(const Dataset& d, const Id& poll_id);

// What the committee publishes to residents when it closes a poll: the counts, no ballots.
PollResults summarize(const Tally& t, std::int64_t now_ms);
// A Tally rebuilt from published results, for devices that hold no ballots.
Tally from_published(const Poll& p, const Id& poll_id);

std::string tally_json(const Tally& t);
// One row per response, with the options' words, for a spreadsheet: UTF-8 with a BOM.
std::string tally_csv(const Dataset& d, const Tally& t, Lang lang);

// "33.3" for 1/3: percentages shown to people.
std::string percent_text(std::int64_t part, std::int64_t whole);
std::string area_text(std::int64_t centi_m2);  // "1234.56"

}  // namespace linli
