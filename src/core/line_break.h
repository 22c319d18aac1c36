// Breaks mixed Chinese/Latin text into lines. Chinese may break between any two
// characters, except that no line starts with closing punctuation (，。！？、；：）》」…)
// and none ends with opening punctuation (（《「…); Latin breaks at spaces.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace linli {

struct LineSpan {
    std::size_t begin = 0, end = 0;  // byte offsets into the text; trailing spaces left out
    bool operator==(const LineSpan&) const = default;
};

std::vector<LineSpan> break_lines(std::string_view utf8, float max_width,
                                  const std::function<float(char32_t)>& advance);

// Decodes one UTF-8 code point at `pos` (advancing it); malformed bytes read as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& pos);

}  // namespace linli
