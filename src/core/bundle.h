// A bundle: the one JSON document a device exports and another imports.
// {"format":"linli-bundle","version":1,"community":{…},"device":…,"exported_at":…,
//  "scope":"public"|"committee","records":[…],"conflicts":[…]}
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json_write.h"
#include "core/records.h"

namespace linli {

constexpr int kBundleVersion = 1;
constexpr std::size_t kMaxBundleBytes = 64u << 20;   // refused by size before parsing
constexpr std::size_t kMaxBundleRecords = 500000;

struct CommunityRef {
    Id id;
    LocalText name;
    template <class V> void visit(V& v) {
        v("id", id, {.id = true});
        v("name", name, {.min_len = 1, .max_len = 60});
    }
    bool operator==(const CommunityRef&) const = default;
};

struct Bundle {
    int version = kBundleVersion;
    CommunityRef community;
    std::string device;
    std::int64_t exported_at = 0;
    Scope scope = Scope::committee;
    std::vector<Record> records;
    std::vector<Record> conflicts;  // other versions of immutable records (committee only)
    bool had_bom = false;           // the file began with a UTF-8 byte-order mark (ignored)
};

// Parses and checks a whole bundle; any problem is an Error and nothing is returned.
Result<Bundle> parse_bundle(std::string_view bytes);

// Writes a bundle as compact JSON; public scope leaves out committee fields, responses,
// households and conflicts.
std::string write_bundle(const Bundle& b);
// The same, refused (err.bundle.too_big_to_write) when parse_bundle would refuse it by
// its size: what the app cannot read back is never written.
Result<std::string> write_readable_bundle(const Bundle& b);

// One record as compact JSON: used to order versions deterministically.
std::string canonical_json(const Record& r);

// Decodes one record from JSON text (used by the store's journal).
Result<Record> parse_record(std::string_view json);

// Whether a record made on this device meets every rule a reader will apply to it
// (lengths, ranges, a well-formed poll): what is saved must import anywhere.
std::optional<Error> check_fields(const Record& r);

}  // namespace linli
