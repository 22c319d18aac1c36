#include "app/app.h"

#include <algorithm>
#include <cctype>

#include "core/calendar.h"
#include "core/board.h"
#include "core/report_words.h"
#include "imgui.h"
#include "ui/app_ui.h"
#include "ui/long_text.h"
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
    actions_.set_tools = [this](bool on) { set_tools(on); };
    actions_.set_text_scale = [this](float s) { set_text_scale(s); };
    actions_.set_home = [this](const Id& building) {
        if (auto e = store_->set_home(building)) status_.save_error = describe(*e, catalog_.in(ui_.lang));
        else changed();
    };
    actions_.set_hall_seconds = [this](int s) {
        if (!store_->set_hall_seconds(std::clamp(s, kHallSecondsMin, kHallSecondsMax))) changed();
    };
    actions_.polls.save_draft = [this](const store::Draft& d) {
        if (auto e = store_->set_draft(d)) status_.save_error = describe(*e, catalog_.in(ui_.lang));
        changed();
    };
    actions_.polls.discard_draft = [this](const Id& poll) {
        if (!store_->clear_draft(poll)) changed();
    };
    actions_.load_help = [this](bool retry) { help_.load(ui_.lang, retry); };
    actions_.polls.submit = [this](const store::Draft& d) {
        auto c = polls_context();
        return polls_.submit(c, d);
    };
    actions_.polls.save = [this](const Id& id, const Poll& p, bool open) {
        auto c = polls_context();
        return polls_.save(c, id, p, open);
    };
    actions_.polls.step = [this](const Id& id, const ui::PollStep& s) {
        auto c = polls_context();
        return polls_.step(c, id, s);
    };
    actions_.polls.make_codes = [this](const Id& id) {
        auto c = polls_context();
        polls_.make_codes(c, id);
    };
    actions_.polls.print_codes = [this](const Id& id) {
        auto c = polls_context();
        polls_.print_codes(c, id);
    };
    // Notices' actions (app/notice_actions.h), each given its context for the call.
    auto notices = [this](auto act) {
        return [this, act](const auto&... args) {
            auto c = notices_context();
            return act(c, args...);
        };
    };
    actions_.notices.save = notices(&save_notice);
    actions_.notices.retract = notices(&retract_notice);
    actions_.notices.mark_read = notices(&mark_notice_read);
    actions_.notices.download_ics = notices(&download_ics);
    actions_.notices.save_slot = notices(&save_slot);
    actions_.notices.remove_slot = notices(&remove_slot);
    actions_.notices.add_reception = notices(&add_reception);
    actions_.notices.download_receptions = notices(&download_receptions);
    actions_.polls.export_csv = [this](const Id& id) {
        auto c = polls_context();
        polls_.export_csv(c, id);
    };
}

ui::View App::view() {
    return ui::View{*store_,       catalog_, ui_, status_, actions_, platform::now_ms(), help_.book(ui_.lang), help_.failed(ui_.lang),
                    app_url_};
}

void App::fail(const char* key, const std::string& detail) {
    std::string msg = catalog_.in(Lang::zh).get(key);
    if (catalog_.has(Lang::en)) msg += "\n" + catalog_.in(Lang::en).get(key);
    if (!detail.empty()) msg += "\n(" + detail + ")";
    platform::show_status(msg);
}

void App::start() {
    ui::apply_theme(1.0f);
    widgets_.attach(ImGui::GetCurrentContext());
    ui::set_long_text_host({
        .place = [](const ui::LongTextPlace& p) {
            platform::place_text_box({.x = p.x, .y = p.y, .w = p.w, .h = p.h, .font = p.font, .pad_x = p.pad_x,
                                      .pad_y = p.pad_y, .open = p.open, .text = p.open ? p.text : p.reset});
        },
        .take = [] { return platform::take_text_box(); },
        .left = [] { return platform::text_box_left(); },
    });
    app_url_ = platform::app_url();
    platform::request_persistence([this](bool granted) { status_.persistent = granted; });
    started_ = true;
    if (mounted_) open_store(*mounted_);
}

// Start-up waits for the first read from storage: nothing is shown that may be stale.
// The sample compound is fetched meanwhile (the page asked for it as it loaded): a first
// visit shows it, and waiting for storage first would add a round trip to that frame.
void App::load() {
    platform::mount_storage(kDataDir, [this](std::optional<std::string> error) {
        mounted_ = error;
        if (started_) open_store(error);
    });
    platform::fetch("assets/sample-compound.json", [this](bool ok, std::string bytes) {
        sample_arrived_ = true;
        if (store_ && !store_->empty()) return;  // storage held data already: not needed
        if (ok) sample_ = std::move(bytes);
        if (store_) seed_sample();  // storage was read first, and is empty
    });
}

void App::open_store(std::optional<std::string> mount_error) {
    if (mount_error) saving_.memory_only(*mount_error);
    auto s = store::Store::open(kDataDir, platform::now_ms(), ids_);
    if (!s) return fail("err.store.open", describe(s.error(), catalog_.in(Lang::en)));
    store_ = std::move(*s);
    if (store_->wrote_on_open()) changed();  // a repair (notes() says what) reaches IndexedDB now
    ui_.lang = Lang::zh;
    if (store_->meta().lang == "en") {
        if (catalog_.has(Lang::en)) ui_.lang = Lang::en;
        else {
            waiting_for_lang_ = true;
            load_english([this](bool ok) {
                waiting_for_lang_ = false;
                if (ok) ui_.lang = Lang::en;
            });
        }
    }
    ui_.text_scale = static_cast<float>(store_->meta().text_scale);
    ui::apply_theme(ui_.text_scale);
    if (store_->empty()) seed_sample();
}

// A device's first visit: the sample compound, so there is something to see (once it
// has arrived: load() asked for it).
void App::seed_sample() {
    if (!sample_arrived_) return;  // load()'s fetch calls again when it answers
    if (!sample_) return fail("err.load.sample");
    auto b = parse_bundle(*sample_);
    sample_.reset();
    if (!b) return fail("err.load.sample", describe(b.error(), catalog_.in(Lang::en)));
    auto rep = store_->import(*b, platform::now_ms());
    if (!rep) return fail("err.load.sample", describe(rep.error(), catalog_.in(Lang::en)));
    changed();
}

bool App::frame() {
    if (!store_ || store_->empty() || waiting_for_lang_) return true;  // nothing to draw yet
    {
        auto c = polls_context();
        polls_.step_codes(c);
    }
    status_.save = saving_.state();
    status_.save_error = saving_.error();
    if (unsigned key = platform::take_activation()) widgets_.activate(key);
    widgets_.begin_frame();
    if (!fonts_added_) {
        // The phone's own fonts; Linli's only if one lacks a glyph. Added for the first frame,
        // not at start-up: the first look at a glyph waits until the browser's GPU process is
        // up, and start-up (the sample's import) runs meanwhile.
        platform::add_fonts(ui::kBaseFontSize);
        fonts_added_ = true;
    }
    if (restyle_) {
        ui::apply_theme(ui_.text_scale);
        restyle_ = false;
    }
    if (!platform::begin_frame()) return false;
    auto v = view();
    if (auto route = platform::take_route()) ui::follow_link(v, *route);
    ui::draw_app(v);
    platform::end_frame();
    platform::publish_mirror(ui::mirror_json(widgets_.drawn(), ui_.lang == Lang::zh ? "zh-CN" : "en"));
    if (ui_.animating) platform::request_frames(2);  // scrolling with inertia, and the like
    if (ui_.screen == ui::Screen::hall) wake_hall();
    return true;
}

std::string App::state_json() {
    if (!store_) return "{}";
    // As it is now, not as the last frame began: what that frame changed is still being saved.
    status_.save = saving_.state();
    auto v = view();
    return ui::state_json(v);
}

// The hall screen draws nothing until its next turn or minute (ui::HallState::wake_ms):
// one timer at a time, so the frames of a day are counted in the thousands, not millions.
void App::wake_hall() {
    std::int64_t at = ui_.hall.wake_ms;
    if (at <= 0 || at == hall_timer_ms_) return;
    hall_timer_ms_ = at;
    int in = static_cast<int>(std::clamp<std::int64_t>(at - platform::now_ms(), 0, 600000));
    platform::after(in, [this, at] {
        if (hall_timer_ms_ == at) hall_timer_ms_ = 0;
    });
}

NoticeContext App::notices_context() {
    return NoticeContext{*store_, ids_, catalog_.in(ui_.lang), ui_.lang, file_stem(), [this] { changed(); }};
}

std::string App::file_stem() const {
    const Record* c = the_community(store_->data());
    return "linli-" + slug(c ? c->as<Community>()->name.en : "");
}

void App::export_bundle(Scope scope) {
    std::int64_t now = platform::now_ms();
    Bundle b = store_->export_bundle(scope, now);
    std::string name = file_stem() + "-" + std::string(enum_name(scope)) + "-" + format_date(now) + ".json";
    auto bytes = write_readable_bundle(b);  // a file no Linli could import is not handed out
    if (!bytes) {
        status_.notice = describe(bytes.error(), catalog_.in(ui_.lang));
        return;
    }
    platform::download(name, *bytes, "application/json");
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
    else problem = store_->check_import(*b, platform::now_ms());
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

// Text and touch targets grow together; the choice is remembered on this device.
void App::set_text_scale(float scale) {
    ui_.text_scale = scale;
    restyle_ = true;  // between frames, not in the middle of one
    if (!store_->set_text_scale(scale)) changed();
}

void App::set_tools(bool on) {
    if (!store_->set_tools(on)) changed();
}

PollContext App::polls_context() {
    return PollContext{*store_, ids_, status_, catalog_.in(ui_.lang), ui_.lang, file_stem(), [this] { changed(); }};
}

void App::set_lang(Lang lang) {
    if (!catalog_.has(lang)) {
        load_english([this](bool ok) {
            if (ok) set_lang(Lang::en);
        });
        return;
    }
    ui_.lang = lang;
    if (!store_->set_lang(lang == Lang::en ? "en" : "zh-CN")) changed();
}

void App::load_english(std::function<void(bool ok)> done) {
    if (loading_english_) return;
    loading_english_ = true;
    platform::fetch("assets/strings-en.json", [this, done = std::move(done)](bool ok, std::string bytes) {
        loading_english_ = false;
        auto table = ok ? Strings::parse(bytes) : Result<Strings>(Error{});
        if (table) catalog_.set_english(std::move(table.value()));
        else ui_.message = "err.lang.fetch";
        done(static_cast<bool>(table));
        platform::request_frames(2);
    });
}

}  // namespace linli::app
