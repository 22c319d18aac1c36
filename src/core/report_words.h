// A merge report in words, for the import preview: "adds 120 responses; updates 3
// notices; 2 conflicts".
#pragma once
#include <string>

#include "core/dataset.h"
#include "core/i18n.h"

namespace linli {

std::string describe_report(const MergeReport& r, const Strings& s);
// "3 notices", "1 notice", "3 条公告".
std::string count_of(Kind k, int n, const Strings& s);

}  // namespace linli
