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
    // Items scrolled out of view are laid out too (not drawn: the GPU clips them), so that
    // the mirror lists every card of a long list and can press one that is out of view.
    ctx->ItemUnclipByLog = true;
}

void WidgetLog::begin_frame() {
    current_.clear();
    if (pending_) ImGui::ActivateItemByID(pending_);  // taken up by ImGui's next NewFrame
    pending_ = 0;
}

void WidgetLog::note_text(SeenWidget::Kind kind, std::string_view text) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    auto* log = ctx ? static_cast<WidgetLog*>(ctx->TestEngine) : nullptr;
    if (!log || text.empty()) return;
    SeenWidget s;
    s.kind = kind;
    s.label.assign(text);
    // Where it starts, for tests that look at its pixels; as wide as the space it wraps in.
    ImVec2 at = ImGui::GetCursorScreenPos();
    s.x = at.x;
    s.y = at.y;
    s.w = ImGui::GetContentRegionAvail().x;
    s.h = ImGui::GetTextLineHeight();
    if (ImGuiWindow* w = ctx->CurrentWindow) s.visible = ImRect(at, ImVec2(at.x + s.w, at.y + s.h)).Overlaps(w->ClipRect);
    log->add(std::move(s));
}

void WidgetLog::mark(SeenWidget::Role role, int checked, std::string_view name, std::string_view value, bool multiline) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    auto* log = ctx ? static_cast<WidgetLog*>(ctx->TestEngine) : nullptr;
    if (!log || log->current_.empty()) return;
    SeenWidget& last = log->current_.back();
    if (last.kind != SeenWidget::Kind::item || last.key != ctx->LastItemData.ID) return;
    last.role = role;
    last.checked = checked;
    if (!name.empty()) last.label.assign(name);
    if (role == SeenWidget::Role::textbox) last.value.assign(value);
    last.multiline = multiline;
}

void WidgetLog::hidden_at(float x, float y, float h) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    auto* log = ctx ? static_cast<WidgetLog*>(ctx->TestEngine) : nullptr;
    if (!log || log->current_.empty()) return;
    SeenWidget& last = log->current_.back();
    last.x = x;
    last.y = y;
    last.h = h;
    last.visible = false;
}

void WidgetLog::lines(std::vector<std::string> lines) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    auto* log = ctx ? static_cast<WidgetLog*>(ctx->TestEngine) : nullptr;
    if (!log || log->current_.empty() || log->current_.back().key != ctx->LastItemData.ID) return;
    log->current_.back().lines = std::move(lines);
}

std::string mirror_json(const std::vector<SeenWidget>& widgets, const char* lang) {
    static constexpr const char* kKinds[] = {"b", "h", "p", "s", "a"};
    static constexpr const char* kRoles[] = {"button", "tab", "radio", "checkbox", "textbox"};
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("lang"); w.String(lang);
    w.Key("items");
    w.StartArray();
    for (const SeenWidget& s : widgets) {
        if (s.kind == SeenWidget::Kind::item && s.label.empty() && !s.text_field) continue;
        w.StartObject();
        w.Key("k"); w.String(kKinds[static_cast<int>(s.kind)]);
        w.Key("t"); w.String(s.label.c_str(), static_cast<rapidjson::SizeType>(s.label.size()));
        if (s.kind == SeenWidget::Kind::item) {
            w.Key("r"); w.String(s.text_field ? "textbox" : kRoles[static_cast<int>(s.role)]);
            if (s.checked >= 0) { w.Key("c"); w.Bool(s.checked == 1); }
            w.Key("i"); w.Uint(s.key);
            if (s.text_field) { w.Key("v"); w.String(s.value.c_str(), static_cast<rapidjson::SizeType>(s.value.size())); }
            if (s.multiline) { w.Key("m"); w.Bool(true); }
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
    static constexpr const char* kKinds[] = {"item", "heading", "text", "status", "alert"};
    for (const auto& s : widgets) {
        if (!s.visible) continue;
        w.StartObject();
        w.Key("kind"); w.String(kKinds[static_cast<int>(s.kind)]);
        w.Key("label"); w.String(s.label.c_str(), static_cast<rapidjson::SizeType>(s.label.size()));
        w.Key("id"); w.String(s.id.c_str(), static_cast<rapidjson::SizeType>(s.id.size()));
        w.Key("x"); w.Double(s.x);
        w.Key("y"); w.Double(s.y);
        w.Key("w"); w.Double(s.w);
        w.Key("h"); w.Double(s.h);
        w.Key("text_field"); w.Bool(s.text_field);
        if (s.multiline) {
            w.Key("multiline"); w.Bool(true);
            w.Key("value"); w.String(s.value.c_str(), static_cast<rapidjson::SizeType>(s.value.size()));
            w.Key("lines");
            w.StartArray();
            for (const auto& l : s.lines) w.String(l.c_str(), static_cast<rapidjson::SizeType>(l.size()));
            w.EndArray();
        }
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
    ImRect seen = r;
    seen.ClipWith(ctx->CurrentWindow->ClipRect);  // only the part a finger can reach
    linli::ui::SeenWidget s;
    s.visible = seen.GetWidth() > 0 && seen.GetHeight() > 0;
    if (s.visible) r = seen;
    s.key = id;
    if (flags & ImGuiItemStatusFlags_Checkable) {
        s.role = linli::ui::SeenWidget::Role::checkbox;
        s.checked = (flags & ImGuiItemStatusFlags_Checked) ? 1 : 0;
    }
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
