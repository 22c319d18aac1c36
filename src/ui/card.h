// A tappable card: content drawn by the caller on a white rounded background, with one
// invisible button over the whole card so a tap anywhere on it counts.
#pragma once
#include <functional>
#include <string>

namespace linli::ui {

// Returns true when the card was tapped. `label` names the card for window.linli.widgets().
bool card(const std::string& label, const std::string& id, const std::function<void()>& content);

// The ImGui label of that card's button ("title##id"), for a list that reports a card it
// does not draw (ui/clipped_list.h).
std::string card_label(const std::string& label, const std::string& id);

}  // namespace linli::ui
