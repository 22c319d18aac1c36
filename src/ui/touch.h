// Touch scrolling: ImGui scrolls with a wheel, not a finger. Called right after Begin or
// BeginChild of a scrolling region, it lets a finger drag the region (a drag is not a
// tap: the item under the finger is released without firing) and coast to a stop.
#pragma once

namespace linli::ui {

// Returns true while the region is moving by itself (coasting): keep drawing frames.
bool touch_scroll();

}  // namespace linli::ui
