// The hall screen's rotation: which notice a screen in the hall shows now, and when it
// next changes. Pure, so the rules can be tested without a browser: notices take turns for
// a period each; an urgent notice that was not on the board before is shown at once (it
// interrupts), and its title stays in a band over the rotation while it is current.
#pragma once
#include <cstdint>
#include <vector>

#include "core/dataset.h"

namespace linli {

inline constexpr int kHallSecondsMin = 5, kHallSecondsMax = 600, kHallSecondsDefault = 20;

// What the hall shows, in turn: the notices on the board for everyone (urgent, pinned,
// newest; core/board.h).
std::vector<const Record*> hall_notices(const Dataset& d, std::int64_t now_ms);

class HallRotation {
public:
    // Moves the rotation on to `now_ms` over `notices` (in hall order). Returns the notice to
    // show (null: none). Cheap; it keeps no more than the notices given.
    const Record* step(const std::vector<const Record*>& notices, std::int64_t now_ms, std::int64_t period_ms);
    // When the notice on show gives way to the next (0: nothing to rotate).
    std::int64_t next_ms() const { return next_ms_; }
    const Id& showing() const { return showing_; }
    int turns() const { return turns_; }  // notices shown so far (a test counts rotations)

private:
    Id showing_;
    std::int64_t next_ms_ = 0;
    std::vector<Id> urgent_seen_;  // urgent notices already shown when they came
    bool started_ = false;
    int turns_ = 0;
};

}  // namespace linli
