#include "store/journal.h"

#include <sodium/crypto_generichash_blake2b.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/bundle.h"

namespace linli::store {
namespace {

constexpr std::size_t kSumChars = 8;

std::string checksum(std::string_view json) {
    unsigned char h[crypto_generichash_blake2b_BYTES_MIN];
    crypto_generichash_blake2b(h, sizeof h, reinterpret_cast<const unsigned char*>(json.data()), json.size(), nullptr, 0);
    char hex[kSumChars + 1];
    std::snprintf(hex, sizeof hex, "%02x%02x%02x%02x", h[0], h[1], h[2], h[3]);
    return hex;
}

std::string line_of(std::string_view json) { return checksum(json) + " " + std::string(json) + "\n"; }

}  // namespace

bool is_journal_file(const std::string& n) {
    if (n == "tail.ndjson") return true;
    return n.size() == 13 && n.substr(6) == ".ndjson" &&
           std::all_of(n.begin(), n.begin() + 6, [](unsigned char c) { return std::isdigit(c); });
}

std::string journal_line(const Record& r) { return line_of(canonical_json(r)); }

JournalText read_journal(std::string_view text, bool legacy, const std::function<void(const Record&)>& each) {
    JournalText out;
    // The clean text is made only once something is to be cleaned: up to then it is the
    // text itself.
    auto dirty = [&](std::size_t line_start) {
        if (!out.changed) out.clean.assign(text.substr(0, line_start));
        out.changed = true;
    };
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        bool ended = end != std::string_view::npos;
        if (!ended) end = text.size();
        std::size_t line_start = start;
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        bool summed = line.size() > kSumChars + 1 && line[kSumChars] == ' ';
        std::string_view json = summed ? line.substr(kSumChars + 1) : line;
        bool trusted = summed ? checksum(json) == line.substr(0, kSumChars) : legacy && line.front() == '{';
        auto r = trusted ? parse_record(json) : Result<Record>(Error{});
        if (!r) {
            ++out.bad;
            dirty(line_start);
            continue;
        }
        ++out.records;
        each(*r);
        if (!summed) {
            ++out.unchecked;
            dirty(line_start);
            out.clean += line_of(json);
        } else if (!ended) {
            dirty(line_start);  // a whole line whose '\n' was not written: it gets one
            out.clean.append(line).push_back('\n');
        } else if (out.changed) {
            out.clean.append(line).push_back('\n');
        }
    }
    return out;
}

}  // namespace linli::store
