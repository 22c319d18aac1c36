// The notices' own part of the UI: what the board and the committee's editor hold between
// frames, and what they may ask the app to do (app/notice_actions.h carries it out).
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/records.h"
#include "ui/clipped_list.h"

namespace linli::ui {

// A notice being written or changed, with its times as typed ("2026-12-08 09:00").
struct NoticeDraft {
    Id id;           // empty: a new notice
    Notice notice;
    std::string starts, expires;                 // the window; empty: at once / no end
    std::string event_day, event_from, event_to;  // "2026-12-12", "14:00", "16:00"; day empty: not an event
    std::string error;        // what is wrong, in words ...
    std::string error_field;  // ... and the field it is about (shown next to it)
    bool preview = false;     // showing it as residents will see it
};

// A duty slot or a reception being written, its times as typed.
struct SlotDraft {
    Id id;                      // the slot being changed; empty: a new one
    std::string day, from, to;  // "2026-12-08", "09:00", "12:00"
    DutySlot slot;
    std::string error;
};
struct ReceptionDraft {
    Reception reception;
    std::string at;  // "2026-12-08 09:30"
    std::string error;
};

// The board's lists, worked out once and kept until the data changes, a notice starts or
// ends, the resident's building or the query changes: a compound's 10,000 notices are not
// sorted every frame. Only the notices that concern the resident's building are listed.
struct BoardLists {
    std::uint64_t generation = ~0ull;
    std::int64_t from = 0, until = 0;  // good for a clock in [from, until); until 0: no end
    Id home;                           // the resident's building they were made for
    std::vector<const Record*> board, past, scheduled;
    std::size_t elsewhere = 0;         // notices on the board for other buildings only, left out
    std::string query;                 // what `found` was searched for
    std::uint64_t found_generation = ~0ull;
    std::vector<const Record*> found;
};

struct NoticeState {
    // The board, or the committee's roster and reception log (notices' own pages).
    enum class Page { board, roster, receptions } page = Page::board;
    Id open;               // the notice shown in full; empty: the board
    int was_open = 0;      // which of its pages the last frame showed (a new one starts at the top)
    std::string query;     // what the board is searched for
    bool past = false;     // the past notices are listed
    std::optional<NoticeDraft> editing;
    Id confirm_retract;    // the notice waiting for "are you sure?" before it is retracted
    std::string done;      // what the last action did, in words ("已发布")
    bool week = false;     // the week's duty listed under today's
    std::int64_t roster_month = 0;  // the roster's month on screen (its first day), 0: this month
    SlotDraft slot;
    ItemHeights slots;  // the roster month's slots, as tall as last drawn
    std::string reception_query;
    std::optional<ReceptionDraft> reception;  // being written (a new one, or a correction)
    BoardLists lists;
    ItemHeights cards;  // the board's cards, as tall as last drawn
};

struct NoticeActions {
    // Saves a checked notice (a new one when the id is empty); gives its id.
    std::function<Result<Id>(const Id& id, const Notice& n)> save;
    // Takes a notice off the board for good, kept as a tombstone with its text.
    std::function<std::optional<Error>(const Id& id)> retract;
    std::function<void(const Id& id)> mark_read;
    // Downloads one event (or, with an empty id, every event and the duty roster) as .ics.
    std::function<void(const Id& id)> download_ics;
    // The roster: a slot added (empty id) or changed, refused if its volunteer is on duty
    // then already; or removed.
    std::function<Result<Id>(const Id& id, const DutySlot& s)> save_slot;
    std::function<std::optional<Error>(const Id& id)> remove_slot;
    // The reception log: a reception (or a correction of one) kept for good; the log as CSV.
    std::function<Result<Id>(const Reception& r)> add_reception;
    std::function<void()> download_receptions;
};

}  // namespace linli::ui
