// What the store suites share: a fixed "now", the sample compound, opening a store.
#pragma once
#include <doctest/doctest.h>

#include "../core/test_files.h"
#include "core/calendar.h"
#include "store/store.h"

namespace store_tests {

inline const std::int64_t kDay = 24LL * 3600 * 1000;
inline const std::int64_t kNow = linli::ms_from_civil({2026, 11, 23, 10, 0});

inline linli::Bundle sample() {
    auto b = linli::parse_bundle(read_project_file("assets/sample/sample-compound.json"));
    REQUIRE(b.ok());
    return *b;
}

inline linli::store::Store open(const std::string& dir, linli::IdSource& ids, std::int64_t now = kNow) {
    auto s = linli::store::Store::open(dir, now, ids);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().key));
    return std::move(*s);
}

}  // namespace store_tests
