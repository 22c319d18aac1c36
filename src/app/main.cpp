// Linli: opens the window, starts the app, and runs the frame loop.
#include "app/app.h"
#include "platform/platform.h"
#include "ui/app_ui.h"

int main() {
    static linli::app::App app;  // lives as long as the page
    app.load();
    if (!linli::platform::open_window("Linli")) {
        linli::platform::show_status("此浏览器无法显示邻里。\nThis browser cannot show Linli.");
        return 1;
    }
    linli::platform::expose_automation({
        [] { return linli::ui::widgets_json(app.widgets().drawn()); },
        [] { return app.state_json(); },
        [] { return app.digest(); },
    });
    app.start();
    linli::platform::run([] { return app.frame(); });
    return 0;
}
