// What every screen is given: the data to show, the strings to show it with, and the
// small UI state it may change. Screens reach nothing else.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/i18n.h"

namespace linli::ui {

enum class Screen { notices, polls, map };

struct UiState {
    Screen screen = Screen::notices;
    Lang lang = Lang::zh;
    std::string open_notice;  // id of the notice shown in full, or empty for the list
    float text_scale = 1.0f;
};

struct View {
    const Dataset& data;
    const Catalog& catalog;
    UiState& ui;
    std::int64_t now_ms = 0;

    const Strings& strings() const { return catalog.in(ui.lang); }
    const char* t(std::string_view key) const { return strings().get(key).c_str(); }
    const std::string& text(const LocalText& lt) const { return lt.in(ui.lang); }
};

}  // namespace linli::ui
