// Scrolling on a phone. ImGui scrolls with a wheel, not a finger; and a phone's keyboard
// shrinks the screen under the field being typed in.
#pragma once

namespace linli::ui {

// Called right after Begin or BeginChild of a scrolling region, it lets a finger drag the
// region (a drag is not a tap: the item under the finger is released without firing) and
// coast to a stop. Returns true while the region is moving by itself: keep drawing frames.
bool touch_scroll();

// Called right after the text field being typed in (the last item): when it was just
// tapped, or the keyboard has just changed the screen's height, and it is not wholly on
// screen, it scrolls into view. Otherwise the page scrolls freely while it is typed in.
void keep_field_in_view(bool tapped);

}  // namespace linli::ui
