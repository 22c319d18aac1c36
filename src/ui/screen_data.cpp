// Data: what this device holds, keeping it safe (export, daily snapshots) and bringing
// in what other devices collected (import, previewed in words before anything changes).
#include <cmath>

#include "core/calendar.h"
#include "core/report_words.h"
#include "ui/app_ui.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

void section(const char* text) {
    ImGui::Spacing();
    heading(text, 1.1f);
}

void draw_counts(View& v) {
    std::array<int, kKindCount> n{};
    for (const auto& [id, r] : v.data().records())
        if (!r.deleted) ++n[static_cast<std::size_t>(r.kind())];
    for (Kind k : {Kind::notice, Kind::poll, Kind::response, Kind::building, Kind::household, Kind::facility}) {
        ImGui::Bullet();
        ImGui::TextUnformatted(count_of(k, n[static_cast<std::size_t>(k)], v.strings()).c_str());
    }
    std::size_t conflicts = 0;
    for (const auto& [id, rs] : v.data().conflicts()) conflicts += rs.size();
    if (conflicts) wrapped_text_colored(colors::pinned, v.f("data.conflicts", {std::to_string(conflicts)}));
}

void draw_export(View& v) {
    std::int64_t last = v.store.meta().last_export_ms;
    if (last == 0) {
        wrapped_text_colored(colors::pinned, v.t("data.never_exported"));
    } else {
        std::int64_t days = (v.now_ms - last) / kDayMs;
        std::string when = days == 0 ? v.t("data.today") : v.f("data.days_ago", {std::to_string(days)});
        wrapped_text(v.f("data.last_export", {when}));
        if (days > 7) wrapped_text_colored(colors::pinned, v.t("data.export_reminder"));
    }
    if (wide_button(v.t("data.export_committee"))) v.act.export_bundle(Scope::committee);
    if (wide_button(v.t("data.export_public"))) v.act.export_bundle(Scope::public_);
}

void draw_import(View& v) {
    const ImportView& im = v.status.import;
    switch (im.stage) {
        case ImportView::Stage::none:
        case ImportView::Stage::done:
            if (im.stage == ImportView::Stage::done) wrapped_text_colored(colors::accent, v.f("data.import_done", {im.message}));
            if (wide_button(v.t("data.import"))) v.act.pick_import();
            break;
        case ImportView::Stage::reading:
            wrapped_text(v.f("data.import_reading", {im.file}));
            break;
        case ImportView::Stage::refused:
            alert_text(v.f("data.import_refused", {im.file}));
            alert_text(im.message);
            wrapped_text(v.t("data.unchanged"));
            if (wide_button(v.t("data.import"))) v.act.pick_import();
            break;
        case ImportView::Stage::preview:
            wrapped_text(v.f("data.import_preview", {im.file}));
            wrapped_text_colored(colors::accent, im.message);
            if (im.had_bom) wrapped_text_colored(colors::muted, v.t("data.bom"));
            if (ImGui::Button(v.t("data.import_confirm"))) v.act.confirm_import();
            ImGui::SameLine();
            if (ImGui::Button(v.t("data.import_cancel"))) v.act.cancel_import();
            break;
    }
}

void draw_snapshots(View& v) {
    auto snaps = v.store.snapshots();
    if (snaps.empty()) wrapped_text_colored(colors::muted, v.t("data.no_snapshots"));
    for (const auto& s : snaps) {
        ImGui::PushID(s.name.c_str());
        if (v.ui.confirm_restore == s.name) {
            wrapped_text_colored(colors::pinned, v.f("data.restore_confirm", {s.name}));
            if (ImGui::Button(v.t("data.restore_yes"))) {
                v.act.restore_snapshot(s.name);
                v.ui.confirm_restore.clear();
            }
            ImGui::SameLine();
            if (ImGui::Button(v.t("data.import_cancel"))) v.ui.confirm_restore.clear();
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%s  (%.1f KB)", s.name.c_str(), s.bytes / 1024.0);
            ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() -
                            ImGui::CalcTextSize(v.t("data.restore")).x - 2 * ImGui::GetStyle().FramePadding.x);
            if (ImGui::Button(v.t("data.restore"))) v.ui.confirm_restore = s.name;
        }
        ImGui::PopID();
    }
}

void draw_text_size(View& v) {
    struct Size { float scale; const char* key; };
    static constexpr Size sizes[] = {{1.0f, "size.standard"}, {1.25f, "size.large"}, {1.5f, "size.xlarge"}};
    for (const auto& s : sizes)
        if (choice(v.t(s.key), s.key, std::fabs(v.ui.text_scale - s.scale) < 0.01f, Mark::radio))
            v.act.set_text_scale(s.scale);
}

// The whole app in another language: chosen here, a screen away from a stray tap.
void draw_language(View& v) {
    if (choice("中文", "lang.zh", v.ui.lang == Lang::zh, Mark::radio) && v.ui.lang != Lang::zh) v.act.set_lang(Lang::zh);
    if (choice("English", "lang.en", v.ui.lang == Lang::en, Mark::radio) && v.ui.lang != Lang::en) v.act.set_lang(Lang::en);
}

void draw_tools_toggle(View& v) {
    bool on = v.tools();
    if (ImGui::Checkbox(v.t("data.tools"), &on)) v.act.set_tools(on);
    wrapped_text_colored(colors::muted, v.t("data.tools_help"));
}

// How a display in the hall is set up: the link it opens, and each notice's turn there.
void draw_hall_setup(View& v) {
    wrapped_text_colored(colors::muted, v.f("hall.setup", {std::string(v.app_url) + "#/hall"}));
    wrapped_text_colored(colors::muted, v.t("hall.every"));
    static constexpr int kChoices[] = {10, 20, 30, 60};
    for (int s : kChoices) {
        std::string id = "hall-" + std::to_string(s);
        if (choice(v.f("hall.seconds", {std::to_string(s)}), id.c_str(), v.store.meta().hall_seconds == s, Mark::radio))
            v.act.set_hall_seconds(s);
    }
    if (wide_button(v.t("hall.open"))) v.ui.screen = Screen::hall;
}

void draw_storage(View& v) {
    const DataStatus& st = v.status;
    if (st.save == SaveState::failed || st.save == SaveState::memory_only)
        wrapped_text_colored(colors::pinned, v.f("data.storage_failed", {st.save_error}));
    else
        wrapped_text_colored(st.persistent ? colors::muted : colors::pinned,
                             v.t(st.persistent ? "data.persistent" : "data.not_persistent"));
    wrapped_text_colored(colors::muted, v.f("data.device", {v.store.meta().device}));
}

// What the store found when it opened (damaged files set aside, what was recovered, a
// clock that looks wrong): first on the screen, until the app starts without it.
void draw_store_notes(View& v) {
    if (v.store.notes().empty()) return;
    for (const auto& note : v.store.notes()) wrapped_text_colored(colors::pinned, v.say(note));
    ImGui::Separator();
}

}  // namespace

void draw_notes_banner(View& v) {
    if (v.store.notes().empty() || v.ui.screen == Screen::data) return;
    ImGui::PushStyleColor(ImGuiCol_Text, colors::pinned);
    if (wide_button(v.t("data.notes_banner"))) v.ui.screen = Screen::data;
    ImGui::PopStyleColor();
    ImGui::Spacing();
}

void draw_data(View& v) {
    draw_store_notes(v);
    section(v.t("size.title"));
    draw_text_size(v);
    wrapped_text_colored(colors::muted, v.t("size.zoom_note"));
    section(v.t("lang.title"));
    draw_language(v);
    section(v.t("data.counts"));
    draw_counts(v);
    ImGui::Separator();
    draw_import(v);
    ImGui::Separator();
    draw_export(v);
    section(v.t("data.snapshots"));
    draw_snapshots(v);
    section(v.t("data.storage"));
    draw_storage(v);
    section(v.t("data.tools_title"));
    draw_tools_toggle(v);
    if (!v.tools()) return;
    section(v.t("hall.title"));
    draw_hall_setup(v);
}

}  // namespace linli::ui
