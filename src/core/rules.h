// What a field may hold. Each record type lists its fields once (a visit() function),
// and the same list drives reading, validation, writing and the JSON Schema.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace linli {

struct Rules {
    std::size_t min_len = 0;       // strings: characters (code points); texts: per language
    std::size_t max_len = 200;
    double min = -1e15, max = 1e15;  // numbers
    std::size_t max_items = 1000;  // lists
    bool multiline = false;        // strings may hold line breaks
    bool id = false;               // string holds a record id (32 hex digits)
    bool committee = false;        // left out of public exports
    // Committee fields: a newer version without the value clears it (a poll's roll when it
    // is reopened). Without this flag a committee value a newer version lacks is kept: that
    // version may come from a device that never had it (core/committee_fields.h).
    bool follows_version = false;
};

// Enumerations are written as strings; each enum names its values in order.
template <class E>
struct EnumNames;  // static constexpr std::array<std::string_view, N> names

template <class E>
std::string_view enum_name(E e) {
    return EnumNames<E>::names[static_cast<std::size_t>(e)];
}

template <class E>
std::optional<E> enum_from(std::string_view s) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == s) return static_cast<E>(i);
    return std::nullopt;
}

}  // namespace linli
