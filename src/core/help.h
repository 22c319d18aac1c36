// The in-app help: short pages in plain text, one file per language (assets/help/), read
// when help is first opened. The format, chosen so that a committee member can edit it:
//   # Section title            a group of pages ("For residents")
//   ## page-id Page title      a page; its link is #/help/page-id
//   Lines of a paragraph, joined; a blank line ends it.
//   - an item of a list
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace linli {

struct HelpBlock {
    enum class Kind { paragraph, item } kind = Kind::paragraph;
    std::string text;
};

struct HelpPage {
    std::string id;       // [a-z0-9-]+
    std::string title;
    std::string section;  // the title of the section it is in
    std::vector<HelpBlock> blocks;
};

struct HelpBook {
    std::vector<HelpPage> pages;  // in the file's order
    const HelpPage* find(std::string_view id) const;
};

Result<HelpBook> parse_help(std::string_view text);

// Pages whose title or text contains every word of `query` (Chinese needs no word
// splitting: a run of characters is matched as it is; Latin letters ignore case).
std::vector<const HelpPage*> search_help(const HelpBook& book, std::string_view query);

}  // namespace linli
