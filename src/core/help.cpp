#include "core/help.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace linli {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return s;
}

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

const HelpPage* HelpBook::find(std::string_view id) const {
    for (const auto& p : pages)
        if (p.id == id) return &p;
    return nullptr;
}

Result<HelpBook> parse_help(std::string_view text) {
    HelpBook book;
    std::string section;
    std::set<std::string> ids;
    HelpBlock* open = nullptr;  // the paragraph being gathered
    std::size_t line_no = 0;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = trim(text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++line_no;
        std::string where = "line " + std::to_string(line_no);
        if (line.empty()) {
            open = nullptr;
            continue;
        }
        if (line.starts_with("## ")) {
            std::string_view rest = trim(line.substr(3));
            std::size_t sp = rest.find(' ');
            std::string_view id = rest.substr(0, sp);
            std::string_view title = sp == std::string_view::npos ? "" : trim(rest.substr(sp + 1));
            if (!valid_id(id) || title.empty()) return make_error("err.help.format", {}, where);
            if (!ids.insert(std::string(id)).second) return make_error("err.help.format", {}, where);
            book.pages.push_back(HelpPage{std::string(id), std::string(title), section, {}});
            open = nullptr;
        } else if (line.starts_with("# ")) {
            section = std::string(trim(line.substr(2)));
            open = nullptr;
        } else if (book.pages.empty()) {
            return make_error("err.help.format", {}, where);  // text before the first page
        } else if (line.starts_with("- ")) {
            book.pages.back().blocks.push_back(HelpBlock{HelpBlock::Kind::item, std::string(trim(line.substr(2)))});
            open = &book.pages.back().blocks.back();  // an item may go on over the next lines
        } else if (open) {
            // Lines of one paragraph are joined; Chinese needs no space between them.
            bool latin = static_cast<unsigned char>(open->text.back()) < 0x80 && static_cast<unsigned char>(line.front()) < 0x80;
            open->text += (latin ? " " : "") + std::string(line);
        } else {
            book.pages.back().blocks.push_back(HelpBlock{HelpBlock::Kind::paragraph, std::string(line)});
            open = &book.pages.back().blocks.back();
        }
    }
    if (book.pages.empty()) return make_error("err.help.format", {}, "");
    return book;
}

std::vector<const HelpPage*> search_help(const HelpBook& book, std::string_view query) {
    std::vector<std::string> words;
    std::string q = lower(query);
    for (std::size_t i = 0; i < q.size();) {
        std::size_t j = q.find(' ', i);
        if (j == std::string::npos) j = q.size();
        if (j > i) words.push_back(q.substr(i, j - i));
        i = j + 1;
    }
    std::vector<const HelpPage*> out;
    for (const auto& p : book.pages) {
        std::string all = lower(p.title);
        for (const auto& b : p.blocks) all += "\n" + lower(b.text);
        if (std::all_of(words.begin(), words.end(), [&](const std::string& w) { return all.find(w) != std::string::npos; }))
            out.push_back(&p);
    }
    return out;
}

}  // namespace linli
