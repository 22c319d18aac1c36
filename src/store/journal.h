// The response journal's lines. Each is "<checksum> <record as JSON>": the checksum is
// the first four bytes of the JSON's BLAKE2b hash, in hex. A changed digit (which would
// move a ballot to another household), a torn write, a line pasted from elsewhere: the
// checksum no longer matches and the line is not read.
#pragma once
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
    std::vector<Record> records;  // the lines read, in order
    std::size_t bad = 0;          // lines not read: checksum wrong or missing, JSON broken
    std::size_t unchecked = 0;    // lines without a checksum, read because `legacy` allowed it
    std::string clean;            // the text again without the bad lines, every line checksummed
    bool changed = false;         // clean differs from the text read
};

// Reads a journal file's text. `legacy`: lines without a checksum (schema 1, before
// checksums) are read too; only a store not yet migrated passes it.
JournalText read_journal(std::string_view text, bool legacy);

}  // namespace linli::store
