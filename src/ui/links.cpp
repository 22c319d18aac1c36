// Links a resident is sent: "#/poll/<id>" opens that poll at its first question (or at
// its page, when it cannot be answered here now); "#/notice/<id>" a notice; "#/notices", "#/polls", "#/map" open a
// tab; "#/help/<page>" a page of the help; "#/hall" the hall screen. A link to something this device does not hold
// says so instead of showing nothing.
#include <string_view>

#include "core/notice_rules.h"
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
        v.ui.polls.open = id;
        v.ui.screen = Screen::poll;
        bool answered = answered_here(v, id) && p->eligibility == Eligibility::anyone;
        if (phase(*p, v.now_ms) == PollPhase::open && !answered) start_answering(v, id, *p);
        return;
    }
    constexpr std::string_view notice_prefix = "#/notice/";
    if (route.starts_with(notice_prefix)) {
        Id id(route.substr(notice_prefix.size()));
        const Record* r = v.data().find(id);
        v.ui.screen = Screen::notices;
        v.ui.notices.editing.reset();
        v.ui.notices.open.clear();
        if (!r || !r->as<Notice>()) v.ui.message = "link.no_notice";
        else if (r->deleted) v.ui.message = "link.notice_retracted";
        else if (!v.tools() && notice_phase(*r->as<Notice>(), v.now_ms) == NoticePhase::scheduled) v.ui.message = "link.notice_later";
        else open_notice(v, id);
        return;
    }
    if (route == "#/hall") {
        v.ui.screen = Screen::hall;
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
