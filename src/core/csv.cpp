#include "core/csv.h"

namespace linli {

std::string csv_cell(const std::string& s) {
    bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
    bool formula = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
    std::string body = formula ? "'" + s : s;
    if (!quote) return body;
    std::string out = "\"";
    for (char c : body) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
    return out + "\r\n";
}

}  // namespace linli
