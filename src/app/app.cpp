#include "app/app.h"

#include <cctype>

#include "core/calendar.h"
#include "core/report_words.h"
#include "imgui.h"
#include "ui/app_ui.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace linli::app {
namespace {

// "Jingsong Garden" -> "jingsong-garden", for file names any system accepts.
std::string slug(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "compound" : out;
}

}  // namespace

App::App() {
    actions_.export_bundle = [this](Scope s) { export_bundle(s); };
    actions_.pick_import = [this] { pick_import(); };
    actions_.confirm_import = [this] { confirm_import(); };
    actions_.cancel_import = [this] {
        pending_import_.reset();
        status_.import = {.seq = status_.import.seq};
    };
    actions_.restore_snapshot = [this](const std::string& name) { restore(name); };
    actions_.set_lang = [this](Lang l) { set_lang(l); };
}

ui::View App::view() {
    return ui::View{*store_, catalog_, ui_, status_, actions_, platform::now_ms()};
}

void App::fail(const char* key, const std::string& detail) {
    std::string msg = catalog_.in(Lang::zh).get(key) + "\n" + catalog_.in(Lang::en).get(key);
    if (!detail.empty()) msg += "\n(" + detail + ")";
    platform::show_status(msg);
}

void App::start() {
    ui::apply_theme(1.0f);
    widgets_.attach(ImGui::GetCurrentContext());
    platform::request_persistence([this](bool granted) { status_.persistent = granted; });
    platform::fetch("fonts/linli-cjk.ttf", [this](bool ok, std::string bytes) {
        if (!ok || !ui::add_ttf_font(bytes)) return fail("err.load.font");
        have_font_ = true;
    });
    // Start-up waits for the first read from storage: nothing is shown that may be stale.
    platform::mount_storage(kDataDir, [this](std::optional<std::string> error) { open_store(error); });
}

void App::open_store(std::optional<std::string> mount_error) {
    if (mount_error) saving_.memory_only(*mount_error);
    auto s = store::Store::open(kDataDir, platform::now_ms(), ids_);
    if (!s) return fail("err.store.open", describe(s.error(), catalog_.in(Lang::en)));
    store_ = std::move(*s);
    ui_.lang = store_->meta().lang == "en" ? Lang::en : Lang::zh;
    if (store_->empty()) seed_sample();
}

// A device's first visit: the sample compound, so there is something to see.
void App::seed_sample() {
    platform::fetch("assets/sample-compound.json", [this](bool ok, std::string bytes) {
        if (!ok) return fail("err.load.sample");
        auto b = parse_bundle(bytes);
        if (!b) return fail("err.load.sample", describe(b.error(), catalog_.in(Lang::en)));
        auto rep = store_->import(*b, platform::now_ms());
        if (!rep) return fail("err.load.sample", describe(rep.error(), catalog_.in(Lang::en)));
        changed();
    });
}

bool App::frame() {
    if (!have_font_ || !store_ || store_->empty()) return true;  // nothing to draw with yet
    status_.save = saving_.state();
    status_.save_error = saving_.error();
    widgets_.begin_frame();
    if (!platform::begin_frame()) return false;
    auto v = view();
    ui::draw_app(v);
    platform::end_frame();
    platform::count_frame();
    if (!ready_) {
        ready_ = true;
        platform::mark_ready();
    }
    return true;
}

std::string App::state_json() {
    if (!store_) return "{}";
    auto v = view();
    return ui::state_json(v);
}

void App::export_bundle(Scope scope) {
    std::int64_t now = platform::now_ms();
    Bundle b = store_->export_bundle(scope, now);
    std::string name = "linli-" + slug(b.community.name.en) + "-" + std::string(enum_name(scope)) + "-" +
                       format_date(now) + ".json";
    platform::download(name, write_bundle(b), "application/json");
    if (auto e = store_->note_export(now)) status_.save_error = describe(*e, catalog_.in(ui_.lang));
    changed();
}

void App::pick_import() {
    platform::pick_file(kMaxBundleBytes, [this](platform::PickedFile f) { file_picked(std::move(f)); });
}

void App::file_picked(platform::PickedFile f) {
    using Stage = ui::ImportView::Stage;
    const Strings& s = catalog_.in(ui_.lang);
    if (f.status == platform::PickedFile::Status::cancelled) return;
    pending_import_.reset();
    status_.import = {.seq = status_.import.seq + 1, .file = f.name};
    switch (f.status) {
        case platform::PickedFile::Status::cancelled: return;
        case platform::PickedFile::Status::too_big:
            status_.import.stage = Stage::refused;
            status_.import.message =
                s.format("data.file_too_big", {std::to_string(static_cast<long long>(f.size / (1 << 20))),
                                                std::to_string(kMaxBundleBytes >> 20)});
            return;
        case platform::PickedFile::Status::unreadable:
            status_.import.stage = Stage::refused;
            status_.import.message = s.get("data.file_unreadable");
            return;
        case platform::PickedFile::Status::ok: break;
    }
    auto b = parse_bundle(f.bytes);
    std::optional<Error> problem;
    if (!b) problem = b.error();
    else problem = store_->check_import(*b);
    if (problem) {
        status_.import.stage = Stage::refused;
        status_.import.message = describe(*problem, s);
        return;
    }
    status_.import.stage = Stage::preview;
    status_.import.message = describe_report(store_->data().preview(*b), s);
    status_.import.had_bom = b->had_bom;
    pending_import_ = std::move(*b);
}

void App::confirm_import() {
    if (!pending_import_) return;
    const Strings& s = catalog_.in(ui_.lang);
    auto rep = store_->import(*pending_import_, platform::now_ms());
    pending_import_.reset();
    if (!rep) {
        status_.import.stage = ui::ImportView::Stage::refused;
        status_.import.message = describe(rep.error(), s);
    } else {
        status_.import.stage = ui::ImportView::Stage::done;
        status_.import.message = describe_report(*rep, s);
    }
    changed();
}

void App::restore(const std::string& name) {
    if (auto e = store_->restore(name, platform::now_ms())) status_.save_error = describe(*e, catalog_.in(ui_.lang));
    changed();
}

void App::set_lang(Lang lang) {
    ui_.lang = lang;
    if (!store_->set_lang(lang == Lang::en ? "en" : "zh-CN")) changed();
}

}  // namespace linli::app
