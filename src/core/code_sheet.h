// The printable sheet of household codes for a poll: one slip per household, with the
// compound, the poll, the home and its code, and how to use it, in Chinese and English.
#pragma once
#include <string>

#include "core/dataset.h"

namespace linli {

// An HTML page to print (A4, slips to cut). Households without a code are listed as such.
std::string code_sheet_html(const Dataset& d, const Id& poll_id);

}  // namespace linli
