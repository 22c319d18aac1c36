#include "ui/widget_log.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"

namespace linli::ui {

void WidgetLog::attach(ImGuiContext* ctx) {
    ctx->TestEngine = this;
    ctx->TestEngineHookItems = true;
}

void WidgetLog::begin_frame() {
    current_.clear();
}

void WidgetLog::note_text(SeenWidget::Kind kind, std::string_view text) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    auto* log = ctx ? static_cast<WidgetLog*>(ctx->TestEngine) : nullptr;
    if (!log || text.empty()) return;
    SeenWidget s;
    s.kind = kind;
    s.label.assign(text);
    log->add(std::move(s));
}

std::string mirror_json(const std::vector<SeenWidget>& widgets, const char* lang) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("lang"); w.String(lang);
    w.Key("items");
    w.StartArray();
    for (const SeenWidget& s : widgets) {
        if (s.kind == SeenWidget::Kind::item && s.label.empty() && !s.text_field) continue;
        w.StartObject();
        w.Key("k");
        w.String(s.kind == SeenWidget::Kind::heading ? "h" : s.kind == SeenWidget::Kind::text ? "p" : s.text_field ? "f" : "b");
        w.Key("t"); w.String(s.label.c_str(), static_cast<rapidjson::SizeType>(s.label.size()));
        if (s.kind == SeenWidget::Kind::item) {
            w.Key("x"); w.Double(s.x + s.w / 2);
            w.Key("y"); w.Double(s.y + s.h / 2);
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return buf.GetString();
}

std::string widgets_json(const std::vector<SeenWidget>& widgets) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartArray();
    for (const auto& s : widgets) {
        if (s.kind != SeenWidget::Kind::item) continue;
        w.StartObject();
        w.Key("label"); w.String(s.label.c_str(), static_cast<rapidjson::SizeType>(s.label.size()));
        w.Key("id"); w.String(s.id.c_str(), static_cast<rapidjson::SizeType>(s.id.size()));
        w.Key("x"); w.Double(s.x);
        w.Key("y"); w.Double(s.y);
        w.Key("w"); w.Double(s.w);
        w.Key("h"); w.Double(s.h);
        w.Key("text_field"); w.Bool(s.text_field);
        w.EndObject();
    }
    w.EndArray();
    return buf.GetString();
}

}  // namespace linli::ui

// The four hooks ImGui calls when built with IMGUI_ENABLE_TEST_ENGINE.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto* log = static_cast<linli::ui::WidgetLog*>(ctx->TestEngine);
    if (!log || !label || !ctx->CurrentWindow) return;
    if (ImGui::FindWindowByID(id)) return;  // windows and child regions are not things to tap
    ImRect r = ctx->LastItemData.Rect;
    r.ClipWith(ctx->CurrentWindow->ClipRect);  // only the part a finger can reach
    if (r.GetWidth() <= 0 || r.GetHeight() <= 0) return;
    linli::ui::SeenWidget s;
    const char* hash = std::strstr(label, "##");
    s.label.assign(label, hash ? hash : label + std::strlen(label));
    if (hash) s.id = hash + (hash[2] == '#' ? 3 : 2);
    s.x = r.Min.x;
    s.y = r.Min.y;
    s.w = r.GetWidth();
    s.h = r.GetHeight();
    s.text_field = (flags & ImGuiItemStatusFlags_Inputable) != 0;
    log->add(std::move(s));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
