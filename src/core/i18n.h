// The string tables people read: zh-CN first, en second. Keys look like "tab.notices";
// "{0}", "{1}" in a text are filled from the arguments.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/records.h"

namespace linli {

class Strings {
public:
    static Result<Strings> parse(std::string_view json);
    // The text for a key; a missing key shows as itself so it is noticed, not hidden.
    const std::string& get(std::string_view key) const;
    std::string format(std::string_view key, const std::vector<std::string>& args) const;
    bool has(std::string_view key) const { return table_.count(std::string(key)) != 0; }
    const std::unordered_map<std::string, std::string>& table() const { return table_; }

private:
    std::unordered_map<std::string, std::string> table_;
    mutable std::unordered_map<std::string, std::string> missing_;
};

// Both languages, loaded from the tables built into the program.
class Catalog {
public:
    Catalog();
    const Strings& in(Lang lang) const { return lang == Lang::zh ? zh_ : en_; }

private:
    Strings zh_, en_;
};

std::string_view builtin_strings(Lang lang);  // generated from assets/strings

// An Error in words: the message, and where in the file when it says.
std::string describe(const Error& e, const Strings& s);

}  // namespace linli
