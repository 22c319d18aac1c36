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

// Both languages, from the tables built into the program. The browser build has only
// Chinese built in and is given English when it is fetched; until then, Chinese answers.
class Catalog {
public:
    Catalog();
    const Strings& in(Lang lang) const { return lang == Lang::en && has_en_ ? en_ : zh_; }
    bool has(Lang lang) const { return lang == Lang::zh || has_en_; }
    void set_english(Strings en) {
        en_ = std::move(en);
        has_en_ = true;
    }

private:
    Strings zh_, en_;
    bool has_en_ = false;
};

std::string_view builtin_strings(Lang lang);  // generated from assets/strings; en may be empty

// An Error in words: the message, and where in the file when it says.
std::string describe(const Error& e, const Strings& s);

}  // namespace linli
