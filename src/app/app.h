// The running app: starts the storage, the data and the screens, and carries out what
// the screens ask for (import, export, restore) through the store and the platform.
#pragma once
#include <memory>
#include <optional>

#include "app/help_files.h"
#include "app/notice_actions.h"
#include "app/poll_actions.h"
#include "app/saving.h"
#include "platform/platform.h"
#include "core/bundle.h"
#include "core/i18n.h"
#include "store/store.h"
#include "ui/view.h"
#include "ui/widget_log.h"

namespace linli::app {

class App {
public:
    static constexpr const char* kDataDir = "/data";

    App();
    // Storage first: IndexedDB opens and the sample compound is fetched while the window
    // and WebGL start (before open_window).
    void load();
    void start();  // once the window is open: style, fonts, then the data when storage is read
    bool frame();
    std::string state_json();
    std::string digest() const { return store_ ? store_->data().digest() : ""; }
    const ui::WidgetLog& widgets() const { return widgets_; }

private:
    ui::View view();
    void open_store(std::optional<std::string> mount_error);
    void seed_sample();
    void fail(const char* key, const std::string& detail = {});
    void changed() { saving_.changed(); }

    void export_bundle(Scope scope);
    void pick_import();
    void file_picked(platform::PickedFile f);
    void confirm_import();
    void restore(const std::string& name);
    void set_lang(Lang lang);
    // English is fetched the first time it is asked for (the browser build carries Chinese).
    void load_english(std::function<void(bool ok)> done);
    void set_tools(bool on);
    void set_text_scale(float scale);
    void wake_hall();

    PollContext polls_context();
    NoticeContext notices_context();
    std::string file_stem() const;  // "linli-jingsong-garden"

    Catalog catalog_;
    IdSource ids_;
    std::optional<store::Store> store_;
    ui::UiState ui_;
    ui::DataStatus status_;
    ui::Actions actions_;
    ui::WidgetLog widgets_;
    Saving saving_;
    PollActions polls_;
    HelpFiles help_;
    std::optional<Bundle> pending_import_;
    bool restyle_ = false;
    bool started_ = false;
    bool fonts_added_ = false;
    bool waiting_for_lang_ = false;  // the saved language is English: the first frame waits for it
    bool loading_english_ = false;
    std::optional<std::optional<std::string>> mounted_;  // storage read (with its error, if any)
    std::optional<std::string> sample_;  // the sample compound's bundle, until a first visit imports it
    bool sample_arrived_ = false;        // ...its fetch has answered (sample_ empty: it failed)
    std::string app_url_;                // where residents open the app, for the hall screen
    std::int64_t hall_timer_ms_ = 0;     // the hall screen's next frame, asked for already
};

}  // namespace linli::app
