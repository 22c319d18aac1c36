// Links a resident is sent: "#/poll/<id>" opens that poll at its first question (or at
// its page, when it cannot be answered here now); "#/notices", "#/polls", "#/map" open a
// tab; "#/help/<page>" a page of the help. A link to something this device does not hold
// says so instead of showing nothing.
#include <string_view>

#include "core/poll_rules.h"
#include "ui/app_ui.h"
#include "ui/poll_words.h"

namespace linli::ui {

void follow_link(View& v, std::string_view route) {
    v.ui.message.clear();
    if (route.empty() || route == "#" || route == "#/") return;
    constexpr std::string_view poll_prefix = "#/poll/";
    if (route.starts_with(poll_prefix)) {
        Id id(route.substr(poll_prefix.size()));
        const Poll* p = v.poll(id);
        if (!p || p->status == PollStatus::draft) {
            v.ui.screen = Screen::polls;
            v.ui.message = "link.no_poll";
            return;
        }
        v.ui.open_poll = id;
        v.ui.screen = Screen::poll;
        bool answered = answered_here(v, id) && p->eligibility == Eligibility::anyone;
        if (phase(*p, v.now_ms) == PollPhase::open && !answered) start_answering(v, id, *p);
        return;
    }
    if (route == "#/help" || route.starts_with("#/help/")) {
        open_help(v, route.size() > 7 ? route.substr(7) : std::string_view());
        return;
    }
    for (const Tab& t : kTabs) {
        if (route == t.route) {
            v.ui.screen = t.screen;
            return;
        }
    }
    v.ui.screen = Screen::notices;
    v.ui.message = "link.unknown";
}

}  // namespace linli::ui
