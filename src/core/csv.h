// CSV for spreadsheets (RFC 4180 quoting, CRLF rows). Files start with a UTF-8 BOM so that
// Excel shows Chinese; a cell starting with = + - @ is prefixed with ' so that it is never
// run as a formula.
#pragma once
#include <string>
#include <vector>

namespace linli {

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

std::string csv_cell(const std::string& s);
std::string csv_row(const std::vector<std::string>& cells);

}  // namespace linli
