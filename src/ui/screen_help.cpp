// Help: short pages for residents and for the committee, grouped, searchable, each with its
// link (#/help/<page>). Drawn with the same wrapping as notices. The pages arrive the first
// time help is opened in a language (app/help_files).
#include "ui/app_ui.h"
#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {
namespace {

void draw_page(View& v, const HelpPage& p) {
    if (ImGui::Button(v.t("nav.back"))) {
        v.ui.help_page.clear();
        return;
    }
    ImGui::Spacing();
    wrapped_text_colored(colors::muted, p.section);
    heading(p.title, 1.25f);
    ImGui::Separator();
    for (const auto& b : p.blocks) {
        if (b.kind == HelpBlock::Kind::paragraph) {
            wrapped_text(b.text);
        } else {
            // A list item hangs from its bullet: its lines start where its first one does.
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::BeginGroup();
            wrapped_text(b.text);
            ImGui::EndGroup();
        }
        ImGui::Spacing();
    }
}

bool page_button(const HelpPage& p) { return choice(p.title, p.id.c_str(), false, Mark::none); }

void draw_list(View& v, const HelpBook& book) {
    heading(v.t("help.title"), 1.25f);
    wrapped_text_colored(colors::muted, v.t("help.search"));
    text_field(v.strings(), "##help-search", v.ui.help_query, 40, false, 0, v.t("help.search"));
    ImGui::Spacing();
    if (!v.ui.help_query.empty()) {
        auto found = search_help(book, v.ui.help_query);
        if (found.empty()) wrapped_text_colored(colors::muted, v.t("help.nothing"));
        for (const HelpPage* p : found)
            if (page_button(*p)) v.ui.help_page = p->id;
        return;
    }
    std::string section;
    for (const auto& p : book.pages) {
        if (p.section != section) {
            section = p.section;
            ImGui::Spacing();
            heading(section, 1.1f);
        }
        if (page_button(p)) v.ui.help_page = p.id;
    }
}

}  // namespace

void open_help(View& v, std::string_view page) {
    if (v.ui.screen != Screen::help) v.ui.before_help = v.ui.screen;
    v.ui.screen = Screen::help;
    v.ui.help_page = std::string(page);
}

void draw_help(View& v) {
    if (!v.help) {
        // Fetched on demand, like the English strings; offline, the service worker has it.
        if (v.help_failed) {
            wrapped_text_colored(colors::pinned, v.t("err.help.fetch"));
            if (wide_button(v.t("help.retry"))) v.act.load_help(true);
        } else {
            wrapped_text_colored(colors::muted, v.t("help.loading"));
            v.act.load_help(false);
        }
        return;
    }
    if (!v.ui.help_page.empty()) {
        if (const HelpPage* p = v.help->find(v.ui.help_page)) return draw_page(v, *p);
        v.ui.help_page.clear();
        v.ui.message = "link.no_help";
    }
    draw_list(v, *v.help);
}

}  // namespace linli::ui
