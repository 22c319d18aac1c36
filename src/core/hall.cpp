#include "core/hall.h"

#include <algorithm>

#include "core/board.h"

namespace linli {

std::vector<const Record*> hall_notices(const Dataset& d, std::int64_t now_ms) {
    return board_notices(d, now_ms);
}

namespace {

// The end of a turn that starts at `from`: the first multiple of the period at least half a
// period later. Turns end on the clock's round seconds, so a 20 s period turns with the
// minute and the screen wakes no more often than it must.
std::int64_t turn_end(std::int64_t from, std::int64_t period) {
    std::int64_t end = (from / period + 1) * period;
    return end - from < period / 2 ? end + period : end;
}

std::ptrdiff_t position(const std::vector<const Record*>& notices, const Id& id) {
    auto it = std::find_if(notices.begin(), notices.end(), [&](const Record* r) { return r->id == id; });
    return it == notices.end() ? -1 : it - notices.begin();
}

}  // namespace

const Record* HallRotation::step(const std::vector<const Record*>& notices, std::int64_t now_ms, std::int64_t period_ms) {
    period_ms = std::max<std::int64_t>(period_ms, 1000);
    // Forget urgent notices no longer on the board (the list stays as small as the board).
    std::erase_if(urgent_seen_, [&](const Id& id) { return position(notices, id) < 0; });
    auto show = [&](const Record* r) {
        if (!r) {
            showing_.clear();
            next_ms_ = 0;
            return r;
        }
        if (r->id != showing_) ++turns_;
        showing_ = r->id;
        next_ms_ = turn_end(now_ms, period_ms);
        return r;
    };
    if (notices.empty()) return show(nullptr);
    // An urgent notice that came since the last step interrupts whatever is on show. On the
    // first step, the ones already on the board are simply first in the order.
    for (const Record* r : notices) {
        if (!r->as<Notice>()->urgent) break;  // urgent ones come first
        if (std::find(urgent_seen_.begin(), urgent_seen_.end(), r->id) != urgent_seen_.end()) continue;
        urgent_seen_.push_back(r->id);
        if (started_) return show(r);
    }
    bool first = !started_;
    started_ = true;
    std::ptrdiff_t at = position(notices, showing_);
    if (first || at < 0) return show(notices.front());  // the one on show was taken down: start again
    if (now_ms < next_ms_) return notices[at];
    return show(notices[(at + 1) % notices.size()]);
}

}  // namespace linli
