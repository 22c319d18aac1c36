// What makes a poll well-formed, and an answer to it acceptable. The same checks run
// when a committee builds a poll, when a bundle is read, when a resident answers and
// when ballots are tallied.
#pragma once
#include <cstdint>
#include <optional>

#include "core/error.h"
#include "core/records.h"

namespace linli {

// The fixed choices of a decision (Civil Code art. 278 votes).
inline constexpr const char* kFor = "for";
inline constexpr const char* kAgainst = "against";
inline constexpr const char* kAbstain = "abstain";

std::optional<Error> check_poll(const Poll& p);

enum class PollPhase { draft, not_yet_open, open, closed, withdrawn };
PollPhase phase(const Poll& p, std::int64_t now_ms);

// The fingerprint of a poll's rules: kind, matter, scope, who may answer, opening time and
// the questions with their options and limits (not the wording of the title, nor the
// closing time, which may only move later and is logged). Every ballot carries it; one
// given under other rules is never counted under these. 32 hex digits (BLAKE2b-128).
std::string poll_terms(const Poll& p);

// Whether the rules of `p` can no longer change: it has a response, or it has opened.
bool rules_frozen(const Poll& p, bool has_responses, std::int64_t now_ms);

// Whether question `q` is shown, given the answers so far ("show only if").
bool question_shown(const Poll& p, const Question& q, const Response& answers);
const Answer* answer_to(const Response& r, const std::string& question);
const Question* find_question(const Poll& p, const std::string& id);
// The index of question `id`, trying `hint` first (answers usually come in question
// order); -1 if there is none. Tallies call this a million times.
int question_index(const Poll& p, const std::string& id, std::size_t hint);

// Checks one answer on its own: choices exist, counts within min/max, lengths, ranges.
std::optional<Error> check_answer(const Question& q, const Answer& a);
// Checks a whole response: every shown required question answered, nothing extra,
// submitted while the poll was open.
std::optional<Error> check_response(const Poll& p, const Response& r);

// The answers as they will be kept: empty ones, and ones to questions that end up
// hidden by "show only if", are left out.
Response final_answers(const Poll& p, Response r);

// Ranking points: with k places, the first scores k, the second k-1, ... the last 1.
int ranking_places(const Question& q);

// A short code a resident keeps to find their ballot later: "7F3A-9C21".
std::string receipt_code(const Id& response_id);

}  // namespace linli
