#include "ui/app_ui.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/board.h"
#include "ui/theme.h"

namespace linli::ui {
namespace {

constexpr float kHeaderHeight = 64;
constexpr float kTabBarHeight = 72;

void draw_header(View& v) {
    const Record* c = the_community(v.data);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colors::accent);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::BeginChild("header", ImVec2(0, kHeaderHeight * v.ui.text_scale), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    const char* lang_label = v.t("lang.switch");  // names the other language
    ImVec2 lang_size = ImGui::CalcTextSize(lang_label);
    float button_w = lang_size.x + ImGui::GetStyle().FramePadding.x * 2;
    float h = ImGui::GetWindowHeight();
    ImGui::SetCursorPos(ImVec2(ImGui::GetStyle().WindowPadding.x, (h - ImGui::GetFontSize() * 1.2f) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, colors::accent_text);
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
    const std::string& name = c ? v.text(c->as<Community>()->name) : std::string(v.t("app.name"));
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowWidth() - button_w - ImGui::GetStyle().WindowPadding.x,
                               (h - ImGui::GetFrameHeight()) * 0.5f));
    if (ImGui::Button(lang_label)) v.ui.lang = v.ui.lang == Lang::zh ? Lang::en : Lang::zh;
    ImGui::EndChild();
}

void draw_tab_bar(View& v) {
    struct Tab { Screen screen; const char* key; };
    static constexpr Tab tabs[] = {{Screen::notices, "tab.notices"}, {Screen::polls, "tab.polls"}, {Screen::map, "tab.map"}};
    float w = ImGui::GetContentRegionAvail().x;
    float spacing = ImGui::GetStyle().ItemSpacing.x;
    float each = (w - spacing * 2) / 3;
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        bool active = v.ui.screen == tabs[i].screen;
        ImVec4 bg = active ? colors::accent : colors::card;
        ImGui::PushStyleColor(ImGuiCol_Button, bg);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);  // touch leaves the pointer on the tab
        ImGui::PushStyleColor(ImGuiCol_Text, active ? colors::accent_text : colors::text);
        ImGui::PushID(i);
        if (ImGui::Button(v.t(tabs[i].key), ImVec2(each, ImGui::GetContentRegionAvail().y))) {
            v.ui.screen = tabs[i].screen;
            v.ui.open_notice.clear();
        }
        ImGui::PopID();
        ImGui::PopStyleColor(3);
    }
}

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::notices: return "notices";
        case Screen::polls: return "polls";
        case Screen::map: return "map";
    }
    return "";
}

}  // namespace

void draw_app(View& v) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("Linli", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();

    draw_header(v);

    float tab_h = kTabBarHeight * v.ui.text_scale;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::BeginChild("content", ImVec2(0, ImGui::GetContentRegionAvail().y - tab_h), ImGuiChildFlags_AlwaysUseWindowPadding);
    switch (v.ui.screen) {
        case Screen::notices: draw_notices(v); break;
        case Screen::polls: draw_polls(v); break;
        case Screen::map: draw_map(v); break;
    }
    ImGui::EndChild();

    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.92f, 0.91f, 0.88f, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 8));
    ImGui::BeginChild("tabs", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NoScrollbar);
    draw_tab_bar(v);
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::End();
}

std::string state_json(const View& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("screen"); w.String(screen_name(v.ui.screen));
    w.Key("lang"); w.String(v.ui.lang == Lang::zh ? "zh-CN" : "en");
    w.Key("open_notice"); str(v.ui.open_notice);
    if (const Record* c = the_community(v.data)) { w.Key("community"); str(v.text(c->as<Community>()->name)); }
    w.Key("notices");
    w.StartArray();
    if (v.ui.screen == Screen::notices)
        for (const Record* r : board_notices(v.data, v.now_ms)) {
            w.StartObject();
            w.Key("id"); str(r->id);
            w.Key("title"); str(v.text(r->as<Notice>()->title));
            w.Key("pinned"); w.Bool(r->as<Notice>()->pinned);
            w.EndObject();
        }
    w.EndArray();
    w.Key("polls");
    w.StartArray();
    if (v.ui.screen == Screen::polls)
        for (const Record* r : board_polls(v.data, v.now_ms)) {
            w.StartObject();
            w.Key("id"); str(r->id);
            w.Key("title"); str(v.text(r->as<Poll>()->title));
            w.EndObject();
        }
    w.EndArray();
    w.Key("records"); w.Uint64(v.data.size());
    w.EndObject();
    return buf.GetString();
}

}  // namespace linli::ui
