// What every screen is given: the data to show, the strings to show it with, the small
// UI state it may change, and the actions it may ask for. Screens reach nothing else.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/i18n.h"
#include "store/store.h"

namespace linli::ui {

enum class Screen { notices, polls, map, data };

struct UiState {
    Screen screen = Screen::notices;
    Lang lang = Lang::zh;
    std::string open_notice;      // id of the notice shown in full, or empty for the list
    std::string confirm_restore;  // snapshot awaiting "are you sure?"
    float text_scale = 1.0f;
};

enum class SaveState { saved, saving, failed, memory_only };

// The state of an import, prepared by the app for the data screen.
struct ImportView {
    enum class Stage { none, reading, refused, preview, done } stage = Stage::none;
    int seq = 0;          // counts files picked, so a test can tell one import from the next
    std::string file;
    std::string message;  // the refusal, the preview in words, or what was done
    bool had_bom = false;
};

struct DataStatus {
    SaveState save = SaveState::saved;
    std::string save_error;
    bool persistent = false;  // the browser promised not to evict our storage
    ImportView import;
};

// What screens may ask the app to do.
struct Actions {
    std::function<void(Scope)> export_bundle;
    std::function<void()> pick_import, confirm_import, cancel_import;
    std::function<void(const std::string&)> restore_snapshot;
    std::function<void(Lang)> set_lang;
};

struct View {
    const store::Store& store;
    const Catalog& catalog;
    UiState& ui;
    const DataStatus& status;
    const Actions& act;
    std::int64_t now_ms = 0;

    const Dataset& data() const { return store.data(); }
    const Strings& strings() const { return catalog.in(ui.lang); }
    const char* t(std::string_view key) const { return strings().get(key).c_str(); }
    std::string f(std::string_view key, const std::vector<std::string>& args) const { return strings().format(key, args); }
    const std::string& text(const LocalText& lt) const { return lt.in(ui.lang); }
};

}  // namespace linli::ui
