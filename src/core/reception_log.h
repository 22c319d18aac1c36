// The reception log: every resident received by the volunteer on duty. Records never
// change; a correction is a new record naming the one it corrects, and the log shows the
// latest word with what it replaced. Committee only (records.h is_committee_only).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/error.h"
#include "core/i18n.h"

namespace linli {

std::optional<Error> check_reception(const Reception& r);

// Receptions not corrected by a later one, newest first, that contain `query` (any field).
std::vector<const Record*> reception_log(const Dataset& d, std::string_view query = {});
// The receptions that `id` replaced, through any chain of corrections, newest first.
std::vector<const Record*> corrected_by(const Dataset& d, const Id& id);

// The whole log as CSV (UTF-8 with BOM), one row per record, corrections included and
// marked, oldest first; column titles in `lang`.
std::string receptions_csv(const Dataset& d, const Strings& s);

}  // namespace linli
