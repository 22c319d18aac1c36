// A record's revision: a hybrid logical clock (wall-clock ms, counter, device id).
// Totally ordered, so "last writer wins" gives the same answer on every device.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace linli {

struct Rev {
    std::int64_t ms = 0;         // wall clock, ms since 1970 UTC
    std::uint32_t counter = 0;   // orders events within the same ms
    std::string device;          // device id: breaks the last ties

    bool operator==(const Rev&) const = default;
    // Spelled out: libc++ 14 (Emscripten 3.1.6) has no <=> for std::string.
    friend bool operator<(const Rev& a, const Rev& b) {
        return std::tie(a.ms, a.counter, a.device) < std::tie(b.ms, b.counter, b.device);
    }
    friend bool operator>(const Rev& a, const Rev& b) { return b < a; }
    friend bool operator<=(const Rev& a, const Rev& b) { return !(b < a); }
    friend bool operator>=(const Rev& a, const Rev& b) { return !(a < b); }
};

// The largest parts the text form allows (parse_rev: 15 digits of ms, 9 of counter).
constexpr std::int64_t kMaxRevMs = 999'999'999'999'999;
constexpr std::uint32_t kMaxRevCounter = 999'999'999;

// How far ahead of this device's clock another device's rev may be. Beyond it the other
// clock is wrong (a kiosk that thinks it is 2030 would win every edit until then): such
// revs are refused at import, and never move this device's clock further than this.
constexpr std::int64_t kMaxClockAheadMs = 24LL * 3600 * 1000;

// Text form "ms-counter-device", e.g. "1763900000000-0-3fa9c1d2e4b5a6f7".
std::string to_string(const Rev& r);
std::optional<Rev> parse_rev(std::string_view s);
bool is_valid_device_id(std::string_view s);

// Issues revisions for one device: never goes backwards even when the wall clock does,
// and moves past any revision it has seen from other devices. Every rev it issues is one
// parse_rev reads: a full counter carries into the milliseconds.
class Clock {
public:
    explicit Clock(std::string device) : device_(std::move(device)) {}
    Rev tick(std::int64_t now_ms);
    // Moves past `seen`, but never more than kMaxClockAheadMs past `now_ms`.
    void observe(const Rev& seen, std::int64_t now_ms);
    const std::string& device() const { return device_; }

private:
    std::string device_;
    std::int64_t last_ms_ = 0;
    std::uint32_t counter_ = 0;
};

}  // namespace linli
