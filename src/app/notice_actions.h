// What the committee and residents do to notices, carried out on this device: a notice
// saved (new or changed), retracted (a tombstone keeps its text), read here, events
// downloaded for a phone's calendar; the duty roster's slots; the reception log.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/i18n.h"
#include "store/store.h"

namespace linli::app {

// What the actions act on, lent by the app for one call.
struct NoticeContext {
    store::Store& store;
    IdSource& ids;
    const Strings& words;
    Lang lang;
    std::string file_stem;          // "linli-jingsong-garden"
    std::function<void()> changed;  // something was written: sync it out
};

Result<Id> save_notice(NoticeContext& c, const Id& id, const Notice& n);
std::optional<Error> retract_notice(NoticeContext& c, const Id& id);
void mark_notice_read(NoticeContext& c, const Id& id);
// One event as .ics; with an empty id, every event on the board and ahead, and the roster.
void download_ics(NoticeContext& c, const Id& id);
Result<Id> save_slot(NoticeContext& c, const Id& id, const DutySlot& s);
std::optional<Error> remove_slot(NoticeContext& c, const Id& id);
Result<Id> add_reception(NoticeContext& c, const Reception& r);
void download_receptions(NoticeContext& c);

}  // namespace linli::app
