// What the committee does to a poll once it is built: save an edit, open, extend, close,
// reopen, publish, withdraw. Each step takes the poll as saved and gives its next version
// or says why it may not be taken; every step after opening is written into the poll's
// log, which its audit shows. Once the rules are frozen (rules_frozen), an edit may change
// the wording of the title and description and move the closing time later, nothing else:
// a change of rules after voting is a new poll.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/records.h"

namespace linli {

// `saved`: the poll as stored (null for a new one). The edit keeps the saved status, log,
// codes and results: the editor changes what a poll asks, not where it stands.
Result<Poll> save_edit(const Poll* saved, Poll edited, bool has_responses, std::int64_t now_ms);

Result<Poll> open_poll(Poll p, std::int64_t now_ms);
// Early when the closing time has not come yet: the confirmation says so.
bool closes_early(const Poll& p, std::int64_t now_ms);
// `roll`: for a household poll, the households in scope as they are now (tally.h roll_of):
// the closed vote is counted by them whatever is edited later.
Result<Poll> close_poll(Poll p, std::vector<RollEntry> roll, std::int64_t now_ms);
// A closed, unpublished poll opens again, with a reason and a closing time in the future
// (or none); its roll is fixed again when it closes again.
Result<Poll> reopen_poll(Poll p, const std::string& reason, std::int64_t closes_ms, std::int64_t now_ms);
// While it is open, a poll's closing time may move later (never earlier).
Result<Poll> extend_poll(Poll p, std::int64_t closes_ms, const std::string& reason, std::int64_t now_ms);
// A closed poll's counts become its final result; nothing changes it afterwards.
Result<Poll> publish_poll(Poll p, PollResults results, std::int64_t now_ms);
// An open or closed poll is taken back, kept with its ballots, marked, with a reason.
Result<Poll> withdraw_poll(Poll p, const std::string& reason, std::int64_t now_ms);

}  // namespace linli
