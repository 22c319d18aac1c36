// Polls: what the committee is asking, open ones first; a tap opens one.
#include "core/board.h"
#include "ui/app_ui.h"
#include "ui/card.h"
#include "ui/poll_words.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {

void draw_polls(View& v) {
    if (v.tools() && wide_button(v.t("poll.new"))) return begin_editing(v, "", Poll{});
    auto polls = board_polls(v.data(), v.now_ms);
    if (v.tools())  // the committee also sees its drafts
        for (const Record* r : v.data().live(Kind::poll))
            if (r->as<Poll>()->status == PollStatus::draft) polls.insert(polls.begin(), r);
    if (polls.empty()) {
        wrapped_text_colored(colors::muted, v.t("poll.none"));
        return;
    }
    for (const Record* r : polls) {
        const Poll& p = *r->as<Poll>();
        const std::string& title = v.text(p.title);
        bool tapped = card(title, r->id, [&] {
            wrapped_text_colored(colors::accent, kind_tag(v, p));
            heading(title);
            wrapped_text_colored(p.status == PollStatus::withdrawn ? colors::pinned : colors::muted, phase_line(v, p));
            if (answered_here(v, r->id)) wrapped_text_colored(colors::accent, v.t("poll.answered_mark"));
            if (v.tools()) wrapped_text_colored(colors::muted, v.f("poll.count", {std::to_string(responses_to(v, r->id))}));
        });
        if (tapped) {
            v.ui.polls.open = r->id;
            v.ui.screen = Screen::poll;
        }
        ImGui::Spacing();
    }
}

}  // namespace linli::ui
