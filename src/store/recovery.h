// What opening a store does with what it finds damaged: the damaged file is set aside
// (renamed, kept as it was, never deleted), the newest snapshot that still reads takes
// the place of a lost data file, and the device's id and compound come back from the
// data when its settings file is lost.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/bundle.h"
#include "core/error.h"

namespace linli::store {

// Renames `rel` (a path inside `dir`) to "<rel>.damaged-<YYYYMMDDTHHMMSS>" (another
// number after it if that is taken). Returns the new relative path.
Result<std::string> set_aside(const std::string& dir, const std::string& rel, std::int64_t now_ms);

struct GoodSnapshot {
    std::string name;  // e.g. "2026-11-23"
    Bundle bundle;
};
// The newest snapshot in dir/snapshots that parses; snapshots that do not are passed over.
std::optional<GoodSnapshot> newest_good_snapshot(const std::string& dir);

// The device id and compound a store belonged to, from a file it wrote (its data file, a
// snapshot: both carry "device" and "community"), or from what is left of a damaged
// settings file.
struct Identity {
    std::string device;
    std::string community;
    std::string source;  // the file they came from
    bool found() const { return !device.empty(); }
};
Identity identity_of(const Bundle& written_by_store, std::string source);
Identity salvage_identity(std::string_view damaged_meta, std::string source);

}  // namespace linli::store
