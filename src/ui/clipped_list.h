// Long lists of cards of different heights (a board of 10,000 notices): only the cards near
// the screen are laid out, the rest stand in by their height as last drawn, or a typical
// one. ImGui's own ListClipper needs one height for every item; a notice's card is as tall
// as its title wraps. Cards within a screen above and two below are laid out as well. The
// others still reach the screen-reader mirror as buttons (up to kMirrorAll of them: a list
// that long is searched, not read through), and one pressed there is laid out and pressed.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>

namespace linli::ui {

struct ItemHeights {
    std::unordered_map<std::string, float> of;  // by key (a record's id): how far it moved the cursor
    float width = 0, font = 0;                  // ...at this width and text size (else forgotten)
    float typical = 0;                          // for items never drawn: the mean of those drawn
    int drawn = 0;                              // items laid out in the last list drawn (a test looks)
};

inline constexpr std::size_t kMirrorAll = 500;

// Draws items [0, count): `draw(i)` those near the screen, a gap for the others. `key(i)`:
// the item's lasting key (a record's id); `button(i)`: the label its drawing gives ImGui's
// button ("title##id"), by which the mirror names and presses it.
void clipped_list(std::size_t count, ItemHeights& heights, const std::function<const std::string&(std::size_t)>& key,
                  const std::function<std::string(std::size_t)>& button, const std::function<void(std::size_t)>& draw);

}  // namespace linli::ui
