// Clocks that are wrong: another device's, whose revs would win every edit for years and
// drag this device's clock along, or this device's own, when the data it holds says so.
#pragma once
#include <cstdint>
#include <optional>

#include "core/bundle.h"
#include "core/dataset.h"
#include "core/error.h"

namespace linli {

// The furthest-ahead rev of a bundle, if it is more than kMaxClockAheadMs ahead of
// `now_ms`: an error naming the device that wrote it and how far ahead its clock is.
std::optional<Error> clock_ahead(const Bundle& b, std::int64_t now_ms);

// Most records held dated more than kMaxClockAheadMs after `now_ms`: this device's clock
// is probably behind (a dead clock battery, a wrong year).
std::optional<Error> clock_looks_behind(const Dataset& d, std::int64_t now_ms);

}  // namespace linli
