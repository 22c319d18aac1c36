#include "core/rev.h"

#include <algorithm>
#include <charconv>

namespace linli {

bool is_valid_device_id(std::string_view s) {
    if (s.empty() || s.size() > 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) return false;
    return true;
}

std::string to_string(const Rev& r) {
    return std::to_string(r.ms) + "-" + std::to_string(r.counter) + "-" + r.device;
}

std::optional<Rev> parse_rev(std::string_view s) {
    auto dash1 = s.find('-');
    if (dash1 == std::string_view::npos) return std::nullopt;
    auto dash2 = s.find('-', dash1 + 1);
    if (dash2 == std::string_view::npos) return std::nullopt;
    Rev r;
    auto ms = s.substr(0, dash1), ctr = s.substr(dash1 + 1, dash2 - dash1 - 1);
    if (ms.empty() || ms.size() > 15 || ctr.empty() || ctr.size() > 9) return std::nullopt;
    auto [p1, e1] = std::from_chars(ms.data(), ms.data() + ms.size(), r.ms);
    if (e1 != std::errc() || p1 != ms.data() + ms.size() || r.ms < 0) return std::nullopt;
    auto [p2, e2] = std::from_chars(ctr.data(), ctr.data() + ctr.size(), r.counter);
    if (e2 != std::errc() || p2 != ctr.data() + ctr.size()) return std::nullopt;
    r.device = std::string(s.substr(dash2 + 1));
    if (!is_valid_device_id(r.device)) return std::nullopt;
    return r;
}

Rev Clock::tick(std::int64_t now_ms) {
    if (now_ms > last_ms_ && last_ms_ < kMaxRevMs) {
        last_ms_ = std::min(now_ms, kMaxRevMs);
        counter_ = 0;
    } else if (counter_ < kMaxRevCounter) {
        ++counter_;
    } else if (last_ms_ < kMaxRevMs) {
        // A counter of ten digits would be refused by every reader (this device's too):
        // the next millisecond is later than any rev of this one.
        ++last_ms_;
        counter_ = 0;
    }  // else the end of the text form (year 33658): the last rev again, never a bad one
    return Rev{last_ms_, counter_, device_};
}

void Clock::observe(const Rev& seen, std::int64_t now_ms) {
    // A rev from a clock far ahead (held from before imports refused them) may not drag
    // this one along: this device's later edits must still beat its earlier ones, and
    // both stay within a day of the real time.
    std::int64_t limit = std::min(kMaxRevMs, std::max<std::int64_t>(now_ms, 0) + kMaxClockAheadMs);
    Rev s = seen.ms > limit ? Rev{limit, 0, seen.device} : seen;
    if (s.ms > last_ms_) {
        last_ms_ = s.ms;
        counter_ = s.counter;
    } else if (s.ms == last_ms_ && s.counter > counter_) {
        counter_ = s.counter;
    }
}

}  // namespace linli
