// Notices: the compound's notice board. A list of cards, pinned first; a tap opens one.
#include <algorithm>

#include "core/board.h"
#include "core/calendar.h"
#include "ui/app_ui.h"
#include "ui/card.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

std::string topic_key(NoticeTopic t) { return "topic." + std::string(enum_name(t)); }

void meta_line(View& v, const Notice& n) {
    if (n.pinned) {
        ImGui::TextColored(colors::pinned, "%s", v.t("notice.pinned"));
        ImGui::SameLine();
    }
    ImGui::TextColored(colors::accent, "%s", v.t(topic_key(n.topic)));
    ImGui::SameLine();
    ImGui::TextColored(colors::muted, "%s", format_date(n.published_ms).c_str());
}

void title_text(const std::string& title) { heading(title, 1.15f); }

void draw_one(View& v, const Record& r) {
    const Notice& n = *r.as<Notice>();
    if (ImGui::Button(v.t("nav.back"))) v.ui.open_notice.clear();
    ImGui::Spacing();
    meta_line(v, n);
    title_text(v.text(n.title));
    ImGui::Separator();
    wrapped_text(v.text(n.body));
    // A notice about a poll takes the resident there in one tap.
    if (n.poll)
        if (const Poll* p = v.poll(*n.poll); p && p->status != PollStatus::draft) {
            ImGui::Spacing();
            std::string label = v.t("go_poll." + std::string(enum_name(p->type)));
            if (wide_button(label.c_str())) follow_link(v, "#/poll/" + *n.poll);
        }
    if (!n.author.empty()) {
        ImGui::Spacing();
        wrapped_text_colored(colors::muted, v.text(n.author));
    }
}

// The first lines of a body, for the list.
std::string preview(const std::string& body, std::size_t max_bytes) {
    std::string first = body.substr(0, body.find('\n'));
    if (first.size() <= max_bytes) return first;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
    return first.substr(0, cut) + "…";
}

}  // namespace

void draw_notices(View& v) {
    if (!v.ui.open_notice.empty()) {
        if (const Record* r = v.data().find(v.ui.open_notice); r && r->as<Notice>() && !r->deleted) {
            draw_one(v, *r);
            return;
        }
        v.ui.open_notice.clear();
    }
    auto notices = board_notices(v.data(), v.now_ms);
    if (notices.empty()) {
        wrapped_text_colored(colors::muted, v.t("notice.none"));
        return;
    }
    for (const Record* r : notices) {
        const Notice& n = *r->as<Notice>();
        const std::string& title = v.text(n.title);
        bool tapped = card(title, r->id, [&] {
            meta_line(v, n);
            title_text(title);
            wrapped_text_colored(colors::muted, preview(v.text(n.body), 150));
        });
        if (tapped) v.ui.open_notice = r->id;
        ImGui::Spacing();
    }
}

}  // namespace linli::ui
