// What every screen is given: the data to show, the strings to show it with, the small
// UI state it may change, and the actions it may ask for. Screens reach nothing else.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/hall.h"
#include "core/help.h"
#include "core/i18n.h"
#include "store/store.h"
#include "ui/notice_state.h"
#include "ui/poll_state.h"

namespace linli::ui {

enum class Screen { notices, polls, map, data, poll, answer, results, audit, edit_poll, help, hall };

// The hall screen: which notice is on show, and when the next frame is due.
struct HallState {
    HallRotation rotation;
    std::int64_t wake_ms = 0;
};

struct UiState {
    Screen screen = Screen::notices;
    Screen drawn = Screen::notices;  // the screen of the last frame: a new one starts at the top
    Lang lang = Lang::zh;
    NoticeState notices;
    HallState hall;
    PollState polls;
    std::string confirm_restore;  // snapshot awaiting "are you sure?"
    std::string message;          // string key of a message over the screen (a bad link, ...)
    std::string help_page;   // the help page shown, or empty for the list
    std::string help_query;  // what the help is searched for
    Screen before_help = Screen::notices;  // where "back" from the help goes
    Screen before_data = Screen::notices;  // ...and from the data screen
    bool overflow_x = false;  // the last frame's content was wider than the screen (a test looks)
    float text_scale = 1.0f;
    bool animating = false;  // set by a screen that needs the next frames drawn (inertia)
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

// Household codes being made for a poll (a slow hash each, so spread over frames).
struct CodesJob {
    Id poll;
    int done = 0, total = 0;
    bool running() const { return !poll.empty() && done < total; }
};

struct DataStatus {
    SaveState save = SaveState::saved;
    std::string save_error;
    bool persistent = false;  // the browser promised not to evict our storage
    ImportView import;
    CodesJob codes;
    std::string notice;  // a one-line message for the committee ("codes made", ...)
    Id notice_poll;      // ...about this poll: shown on its page only,
    int notice_seq = 0;  // ...until the page is left (counts the messages said)
};


// What screens may ask the app to do.
struct Actions {
    std::function<void(Scope)> export_bundle;
    std::function<void()> pick_import, confirm_import, cancel_import;
    std::function<void(const std::string&)> restore_snapshot;
    std::function<void(Lang)> set_lang;
    std::function<void(bool)> set_tools;
    std::function<void(float)> set_text_scale;
    std::function<void(int)> set_hall_seconds;  // a hall screen's turn per notice, on this device
    std::function<void(const Id&)> set_home;    // the building this device's resident lives in ("": none)
    std::function<void(bool retry)> load_help;  // the help's pages in the current language
    PollActions polls;
    NoticeActions notices;
};

struct View {
    const store::Store& store;
    const Catalog& catalog;
    UiState& ui;
    const DataStatus& status;
    const Actions& act;
    std::int64_t now_ms = 0;
    const HelpBook* help = nullptr;  // the help in the current language, once fetched
    bool help_failed = false;
    std::string_view app_url;  // where residents open the app (the page without its "#…")

    const Dataset& data() const { return store.data(); }
    bool tools() const { return store.meta().tools; }
    const Strings& strings() const { return catalog.in(ui.lang); }
    const char* t(std::string_view key) const { return strings().get(key).c_str(); }
    std::string f(std::string_view key, const std::vector<std::string>& args) const { return strings().format(key, args); }
    std::string say(const Error& e) const { return describe(e, strings()); }
    const std::string& text(const LocalText& lt) const { return lt.in(ui.lang); }
    const Poll* poll(const Id& id) const {
        const Record* r = data().find(id);
        return r && !r->deleted ? r->as<Poll>() : nullptr;
    }
};

}  // namespace linli::ui
