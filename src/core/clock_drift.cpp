#include "core/clock_drift.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/calendar.h"

namespace linli {
namespace {

constexpr double kHourMs = 3600.0 * 1000, kDayMs = 24 * kHourMs;

// "about 4 years": a unit in which the amount is at least 2, so neither language needs a
// singular; the unit is part of the message's key.
Error ahead_by(const std::string& device, std::int64_t ms) {
    double d = static_cast<double>(ms);
    auto n = [&](double unit) { return std::to_string(static_cast<long long>(std::llround(d / unit))); };
    if (d < 2 * kDayMs) return make_error("err.import.clock_ahead_hours", {device, n(kHourMs)});
    if (d < 60 * kDayMs) return make_error("err.import.clock_ahead_days", {device, n(kDayMs)});
    if (d < 730 * kDayMs) return make_error("err.import.clock_ahead_months", {device, n(30.44 * kDayMs)});
    return make_error("err.import.clock_ahead_years", {device, n(365.25 * kDayMs)});
}

}  // namespace

std::optional<Error> clock_ahead(const Bundle& b, std::int64_t now_ms) {
    const Record* furthest = nullptr;
    for (const auto* list : {&b.records, &b.conflicts})
        for (const auto& r : *list)
            if (!furthest || r.rev.ms > furthest->rev.ms) furthest = &r;
    if (!furthest || furthest->rev.ms - now_ms <= kMaxClockAheadMs) return std::nullopt;
    return ahead_by(furthest->rev.device, furthest->rev.ms - now_ms);
}

std::optional<Error> clock_looks_behind(const Dataset& d, std::int64_t now_ms) {
    std::vector<std::int64_t> ahead;
    for (const auto& [id, r] : d.records())
        if (r.rev.ms - now_ms > kMaxClockAheadMs) ahead.push_back(r.rev.ms);
    if (ahead.empty() || ahead.size() * 2 <= d.size()) return std::nullopt;
    // The earliest of them: the data says it is at least then.
    std::int64_t at_least = *std::min_element(ahead.begin(), ahead.end());
    return make_error("note.clock_behind", {format_date_time(now_ms), format_date(at_least)});
}

}  // namespace linli
