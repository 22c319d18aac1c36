// The small markup a notice's body is written in, safe by construction: no HTML, no links,
// nothing that can reach outside the text. A blank line starts a paragraph; a line that
// starts with "- " or "• " is a bullet, "1. " … "99. " a numbered item; **text** is
// emphasis. Whatever does not parse as markup stays as it was typed: an unpaired "**"
// shows as two asterisks, never as a broken layout.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linli {

struct MarkupRun {
    std::size_t begin = 0, end = 0;  // byte offsets into Block::text
    bool operator==(const MarkupRun&) const = default;
};

struct MarkupBlock {
    enum class Type { paragraph, bullet, numbered } type = Type::paragraph;
    int number = 0;                  // numbered: as written
    std::string text;                // the block's text, markers removed, lines joined by '\n'
    std::vector<MarkupRun> emphasis; // spans of `text` shown emphasised
    bool operator==(const MarkupBlock&) const = default;
};

std::vector<MarkupBlock> parse_markup(std::string_view body);

// The body as plain text (markers removed): for previews, search and the screen reader.
std::string markup_plain(std::string_view body);

}  // namespace linli
