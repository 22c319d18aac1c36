// The printable sheet of household codes for a poll: one slip per household, with the
// compound, the poll, the home and its code, and how to use it, in Chinese and English.
#pragma once
#include <string>

#include "core/dataset.h"

namespace linli {

// An HTML page to print (A4, slips to cut). Households without a code are listed as such.
// `app_url`: where residents open Linli (the page's address without its "#..."); each slip
// carries the poll's link, `app_url#/poll/<id>`.
std::string code_sheet_html(const Dataset& d, const Id& poll_id, const std::string& app_url);

}  // namespace linli
