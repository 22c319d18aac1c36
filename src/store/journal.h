// The response journal's lines. Each is "<checksum> <record as JSON>": the checksum is
// the first four bytes of the JSON's BLAKE2b hash, in hex. A changed digit (which would
// move a ballot to another household), a torn write, a line pasted from elsewhere: the
// checksum no longer matches and the line is not read.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace linli::store {

// "tail.ndjson" or a segment "NNNNNN.ndjson": the files in responses/ that are read.
bool is_journal_file(const std::string& name);

// One record as a journal line, ending in '\n'.
std::string journal_line(const Record& r);

struct JournalText {
    std::size_t records = 0;    // lines read
    std::size_t bad = 0;        // lines not read: checksum wrong or missing, JSON broken
    std::size_t unchecked = 0;  // lines without a checksum, read because `legacy` allowed it
    bool changed = false;       // the text is not clean: bad lines, lines without checksums,
    std::string clean;          // ...no final '\n'; then this is it without those faults
};

// Reads a journal file's text, handing each record read to `each` (in order, no copy kept).
// `legacy`: lines without a checksum (schema 1, before checksums) are read too; only a
// store not yet migrated passes it.
JournalText read_journal(std::string_view text, bool legacy, const std::function<void(const Record&)>& each);

}  // namespace linli::store
