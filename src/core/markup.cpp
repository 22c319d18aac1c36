#include "core/markup.h"

namespace linli {
namespace {

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// "- x", "• x" -> bullet; "12. x" -> numbered 12. `rest` is what follows the marker.
MarkupBlock::Type item_marker(std::string_view line, int& number, std::string_view& rest) {
    if (line.starts_with("- ")) {
        rest = line.substr(2);
        return MarkupBlock::Type::bullet;
    }
    if (line.starts_with("\xE2\x80\xA2 ")) {  // "• "
        rest = line.substr(4);
        return MarkupBlock::Type::bullet;
    }
    std::size_t digits = 0;
    while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits < 3 && line.substr(digits).starts_with(". ")) {
        number = std::stoi(std::string(line.substr(0, digits)));
        rest = line.substr(digits + 2);
        return MarkupBlock::Type::numbered;
    }
    return MarkupBlock::Type::paragraph;
}

// Takes the "**" pairs out of the block's text and records what they enclosed. An odd
// one out (the last, unpaired) stays in the text as typed; so does "****" (nothing inside).
void emphasise(MarkupBlock& b) {
    std::vector<std::size_t> marks;
    for (std::size_t p = b.text.find("**"); p != std::string::npos; p = b.text.find("**", p + 2)) marks.push_back(p);
    std::size_t pairs = marks.size() / 2;
    std::string out;
    std::size_t from = 0;
    for (std::size_t i = 0; i < pairs; ++i) {
        std::size_t open = marks[2 * i], close = marks[2 * i + 1];
        if (close == open + 2) continue;  // "****": left as typed
        out.append(b.text, from, open - from);
        std::size_t begin = out.size();
        out.append(b.text, open + 2, close - open - 2);
        b.emphasis.push_back({begin, out.size()});
        from = close + 2;
    }
    out.append(b.text, from, std::string::npos);
    b.text = std::move(out);
}

}  // namespace

std::vector<MarkupBlock> parse_markup(std::string_view body) {
    std::vector<MarkupBlock> blocks;
    bool open = false;  // the last block takes the next plain line
    std::size_t pos = 0;
    while (pos <= body.size()) {
        std::size_t nl = body.find('\n', pos);
        std::string_view line = trim_right(body.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
        pos = nl == std::string_view::npos ? body.size() + 1 : nl + 1;
        if (line.empty()) {
            open = false;
            continue;
        }
        int number = 0;
        std::string_view rest;
        auto type = item_marker(line, number, rest);
        if (type != MarkupBlock::Type::paragraph) {
            blocks.push_back({type, number, std::string(rest), {}});
            open = true;
        } else if (open) {
            blocks.back().text += '\n';
            blocks.back().text += line;
        } else {
            blocks.push_back({MarkupBlock::Type::paragraph, 0, std::string(line), {}});
            open = true;
        }
    }
    for (auto& b : blocks) emphasise(b);
    return blocks;
}

std::string markup_plain(std::string_view body) {
    std::string out;
    for (const auto& b : parse_markup(body)) {
        if (!out.empty()) out += '\n';
        if (b.type == MarkupBlock::Type::bullet) out += "\xE2\x80\xA2 ";
        else if (b.type == MarkupBlock::Type::numbered) out += std::to_string(b.number) + ". ";
        out += b.text;
    }
    return out;
}

}  // namespace linli
