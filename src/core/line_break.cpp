#include "core/line_break.h"


namespace linli {

char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto b = static_cast<unsigned char>(s[pos]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || pos + len > s.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int i = 1; i < len; ++i) {
        auto cb = static_cast<unsigned char>(s[pos + i]);
        if ((cb & 0xC0) != 0x80) {
            ++pos;
            return 0xFFFD;
        }
        c = (c << 6) | (cb & 0x3F);
    }
    pos += len;
    return c;
}

namespace {

// Ideographs and emoji: a line may break before or after any of them (UAX #14's ID class).
bool is_wide(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF);
}

// Code points that belong to the character before them: a line never breaks before one
// (nor after a zero-width joiner), so 👍🏽, 👨‍👩‍👧, a keycap 1️⃣ or a Hebrew letter with its
// points stays whole. Combining marks, variation selectors, skin tones, emoji tags.
bool clings(char32_t c) {
    return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) ||
           (c >= 0x0300 && c <= 0x036F) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0x0591 && c <= 0x05C7) ||
           (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0xE0100 && c <= 0xE01EF);
}

bool no_line_start(char32_t c) {
    static constexpr std::u32string_view set =
        U"，。！？、；：）》」』】〕〉”’…—·％,.!?;:)]}%\u3001\u3002\uFF0C\uFF0E\u30FB";
    return set.find(c) != std::u32string_view::npos;
}

bool no_line_end(char32_t c) {
    static constexpr std::u32string_view set = U"（《「『【〔〈“‘([{";
    return set.find(c) != std::u32string_view::npos;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

}  // namespace

std::vector<LineSpan> break_lines(std::string_view text, float max_width,
                                  const std::function<float(char32_t)>& advance) {
    std::vector<LineSpan> lines;
    std::size_t line_start = 0;
    float width = 0;
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::size_t brk = kNone;  // where the current line may end
    float width_at_brk = 0;
    char32_t prev = 0;
    bool line_has_ink = false;
    std::size_t cluster = 0;  // where the current character and what clings to it began
    float width_at_cluster = 0;

    auto emit = [&](std::size_t end) {
        std::size_t e = end;
        while (e > line_start && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
        lines.push_back({line_start, e});
    };

    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t here = pos;
        char32_t c = next_code_point(text, pos);
        if (c == '\n') {
            emit(here);
            line_start = pos;
            width = 0;
            brk = kNone;
            prev = 0;
            line_has_ink = false;
            continue;
        }
        float w = advance(c);
        bool joined = clings(c) || prev == 0x200D;
        if (!joined) {
            cluster = here;
            width_at_cluster = width;
        }
        if (line_has_ink && !is_space(c) && !joined) {
            bool opportunity = is_space(prev) || ((is_wide(prev) || is_wide(c)) && !no_line_start(c) && !no_line_end(prev));
            if (opportunity) {
                brk = here;
                width_at_brk = width;
            }
        }
        if (!is_space(c) && line_has_ink && width + w > max_width) {
            if (brk != kNone && brk > line_start) {
                emit(brk);
                std::size_t next = brk;
                while (next < here && (text[next] == ' ' || text[next] == '\t')) ++next;
                // Width of what moves down: from the break to here, less leading spaces.
                float moved = width - width_at_brk;
                for (std::size_t p = brk; p < next;) moved -= advance(next_code_point(text, p));
                line_start = next;
                width = moved;
            } else if (joined && cluster > line_start) {  // cut before the character, not inside it
                emit(cluster);
                line_start = cluster;
                width -= width_at_cluster;
            } else if (!joined) {
                emit(here);
                line_start = here;
                width = 0;
            }
            brk = kNone;
        }
        if (line_start == here && is_space(c)) {  // no leading spaces on a wrapped line
            line_start = pos;
            prev = c;
            continue;
        }
        width += w;
        line_has_ink = line_has_ink || !is_space(c);
        prev = c;
    }
    emit(text.size());
    return lines;
}

}  // namespace linli
