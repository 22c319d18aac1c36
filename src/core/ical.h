// iCalendar (RFC 5545) for a phone's calendar: the events of notices. Written here rather
// than through libical: writing is a page of rules (CRLF, lines folded at 75 octets,
// escaped text, a VTIMEZONE for the compound's zone), libical would add its own zone
// database to the wasm, and the tests read what is written with a real parser
// (python3-icalendar) to keep it honest.
#pragma once
#include <cstdint>
#include <string>

#include "core/dataset.h"
#include "core/i18n.h"

namespace linli {

// Every event of a notice on the board at `now_ms` that has not ended, and the duty
// roster from now on; with `every`, the events of every notice not retracted and the whole
// roster, past and scheduled too (the committee's file). UIDs are the records' ids
// (stable across edits; SEQUENCE grows with each edit). `words`: the duty roles' names.
std::string calendar_of(const Dataset& d, std::int64_t now_ms, const Strings& words, Lang lang = Lang::zh, bool every = false);
// One notice's event (an empty calendar if it is not one).
std::string calendar_of_notice(const Dataset& d, const Id& id, std::int64_t now_ms, Lang lang = Lang::zh);

// Text as an iCalendar TEXT value: \\ \; \, and \n escaped.
std::string ical_escape(std::string_view text);
// One content line, folded: no line longer than 75 octets, never inside a character.
std::string ical_line(std::string_view line);

}  // namespace linli
