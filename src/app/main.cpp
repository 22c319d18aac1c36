// Linli: wires the platform, the data and the screens, and runs the frame loop.
#include <memory>

#include "core/bundle.h"
#include "core/dataset.h"
#include "core/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/app_ui.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_log.h"

namespace {

struct App {
    linli::Catalog catalog;
    linli::Dataset data;
    linli::ui::UiState ui;
    linli::ui::WidgetLog widgets;
    bool have_font = false, have_data = false, ready = false;

    linli::ui::View view() { return linli::ui::View{data, catalog, ui, linli::platform::now_ms()}; }

    void fail(const char* key, const std::string& detail = {}) {
        std::string msg = catalog.in(linli::Lang::zh).get(key) + "\n" + catalog.in(linli::Lang::en).get(key);
        if (!detail.empty()) msg += "\n(" + detail + ")";
        linli::platform::show_status(msg);
    }

    void load() {
        linli::platform::fetch("fonts/linli-cjk.ttf", [this](bool ok, std::string bytes) {
            if (!ok || !linli::ui::add_ttf_font(bytes)) return fail("err.load.font");
            have_font = true;
        });
        linli::platform::fetch("assets/sample-compound.json", [this](bool ok, std::string bytes) {
            if (!ok) return fail("err.load.sample");
            auto bundle = linli::parse_bundle(bytes);
            if (!bundle) return fail("err.load.sample", linli::describe(bundle.error(), catalog.in(linli::Lang::en)));
            data.merge(*bundle);
            have_data = true;
        });
    }

    bool frame() {
        if (!have_font || !have_data) return true;  // nothing to draw with yet
        widgets.begin_frame();
        if (!linli::platform::begin_frame()) return false;
        auto v = view();
        linli::ui::draw_app(v);
        linli::platform::end_frame();
        linli::platform::count_frame();
        if (!ready) {
            ready = true;
            linli::platform::mark_ready();
        }
        return true;
    }
};

}  // namespace

int main() {
    if (!linli::platform::open_window("Linli")) {
        linli::platform::show_status("此设备的浏览器不支持 WebGL2。\nThis browser does not support WebGL2.");
        return 1;
    }
    static App app;  // lives as long as the page
    linli::ui::apply_theme(1.0f);
    app.widgets.attach(ImGui::GetCurrentContext());
    linli::platform::expose_automation({
        [] { return linli::ui::widgets_json(app.widgets.last_frame()); },
        [] { auto v = app.view(); return linli::ui::state_json(v); },
    });
    app.load();
    linli::platform::run([] { return app.frame(); });
    return 0;
}
