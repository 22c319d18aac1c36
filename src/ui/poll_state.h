// The polls' own part of the UI: what the poll, answer, results, audit and editor screens
// hold between frames, and what they may ask the app to do (app/poll_actions.h carries it out).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "core/error.h"
#include "core/records.h"
#include "core/tally.h"
#include "store/store.h"

namespace linli::ui {

// A step of a poll's lifecycle asked for from its page (core/poll_lifecycle.h).
struct PollStep {
    enum class Kind { open, close, reopen, extend, publish, withdraw, remove } kind = Kind::open;
    std::string reason;
    std::int64_t closes_ms = 0;  // reopen, extend
};

// A ballot or answer kept on this device.
struct Submitted {
    std::string receipt;
    std::string replaced;  // the receipt of this household's earlier ballot on this device, if any
};

// A step of the poll on screen waiting for "are you sure?", with what it needs typed in.
struct PollConfirm {
    Id poll;
    PollStep::Kind kind = PollStep::Kind::open;
    std::string reason, closes;  // as typed; closes as "2026-11-25 09:00"
    std::string error;
    bool active() const { return !poll.empty(); }
};

// Answering one poll, one question per screen.
struct AnswerState {
    enum class Stage { code, question, thanks } stage = Stage::question;
    store::Draft draft;      // the answers so far, saved on every change
    std::string code;        // the household code as typed
    std::string error;       // the message under the question, in words
    std::string receipt;     // after submitting
    std::string replaced;    // ...the receipt of this household's earlier ballot it replaced, if any
    std::string home;        // the home the accepted code is for ("12 号楼 3 单元 301 室")
    std::string earlier;     // the receipt of a ballot this household already gave on this device
    std::set<std::string> other_open;  // questions whose "other: ___" was chosen
    std::string number_text;           // a number question's field, as typed
    std::string number_for;            // ...and which question it belongs to
    bool more_below = false;           // the question's pane holds more below what shows
};

// The tally on screen, kept until the data changes (100,000 ballots take a while).
struct TallyCache {
    Id poll;
    std::uint64_t generation = 0;
    bool ballots = false;
    std::shared_ptr<const Tally> tally;
};

// Per poll: responses held, and this device's latest; counted once per change of the data.
struct PollIndex {
    std::uint64_t generation = ~0ull;
    std::unordered_map<Id, int> responses;
    std::unordered_map<Id, const Record*> mine;
};

struct PollState {
    Id open;                      // the poll on the poll, answer, results and audit screens
    PollConfirm confirm_step;     // a poll's close, publish, reopen ... awaiting "are you sure?"
    AnswerState answer;
    std::optional<Poll> editing;  // the poll being built or changed
    Id editing_id;                // its record id (new polls get one when saved)
    std::string editor_error;
    std::string edit_opens, edit_closes;  // the schedule as typed, "2026-11-25 09:00"
    TallyCache tally_cache, audit_cache;  // the results shown; the ballots as counted here, for the audit
    PollIndex index;
    int notice_seen = 0;  // the last DataStatus::notice_seq whose poll page was left
};

struct PollActions {
    std::function<void(const store::Draft&)> save_draft;
    std::function<void(const Id&)> discard_draft;
    std::function<Result<Submitted>(const store::Draft&)> submit;
    // Empty id: a new poll. `open`: open it too (a draft only).
    std::function<Result<Id>(const Id&, const Poll&, bool open)> save;
    std::function<std::optional<Error>(const Id&, const PollStep&)> step;  // publishing publishes the counts
    std::function<void(const Id&)> make_codes, print_codes, export_csv;
};

}  // namespace linli::ui
