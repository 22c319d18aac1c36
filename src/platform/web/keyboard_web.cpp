// The soft-keyboard bridge, C++ side: what web/linli_keyboard.js sends (committed text,
// editing keys, copy/cut requests) goes to ImGui, and ImGui's wish for text input (and
// where its caret is) goes to the page, which opens or closes the phone's keyboard.
#include <emscripten.h>

#include <cstring>
#include <optional>
#include <string>
#include <utility>

#include "imgui.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/web/keyboard_web.h"

extern "C" void linli_js_ime(int want, double x, double y, double line_height);  // web/linli_library.js
extern "C" void linli_js_box(double x, double y, double w, double h, double font, double pad_x, double pad_y, int open,
                             const char* text);

namespace linli::platform {
namespace {

void (*g_backend_ime)(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData*) = nullptr;
bool g_release_field = false;  // the page's text box lost focus: let go of the field
std::string g_selection;
// The long-text box: placed this frame, shown, and what the page sent back.
bool g_box_placed = false, g_box_shown = false, g_box_left = false;
std::optional<std::string> g_box_text;

void set_ime_data(ImGuiContext* ctx, ImGuiViewport* vp, ImGuiPlatformImeData* data) {
    if (g_backend_ime) g_backend_ime(ctx, vp, data);
    linli_js_ime(data->WantTextInput ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

ImGuiKey key_named(const char* k) {
    static constexpr std::pair<const char*, ImGuiKey> keys[] = {
        {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete},   {"Enter", ImGuiKey_Enter},
        {"Tab", ImGuiKey_Tab},             {"Escape", ImGuiKey_Escape},   {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
        {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},         {"a", ImGuiKey_A},
        {"z", ImGuiKey_Z},                 {"y", ImGuiKey_Y},             {"x", ImGuiKey_X},
    };
    for (const auto& [name, key] : keys)
        if (std::strcmp(name, k) == 0) return key;
    return ImGuiKey_None;
}

}  // namespace

void install_keyboard_bridge() {
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    g_backend_ime = pio.Platform_SetImeDataFn;  // keep the backend's, call it first
    pio.Platform_SetImeDataFn = set_ime_data;
}

void place_text_box(const TextBox& b) {
    g_box_placed = true;
    g_box_shown = true;
    if (b.open) g_box_left = false;  // (what was typed since the tap is kept: the box opened with the field's text)
    linli_js_box(b.x, b.y, b.w, b.h, b.font, b.pad_x, b.pad_y, b.open ? 1 : 0, b.text ? b.text->c_str() : nullptr);
}

std::optional<std::string> take_text_box() { return std::exchange(g_box_text, std::nullopt); }

bool text_box_left() { return std::exchange(g_box_left, false); }

void keyboard_after_frame() {
    if (g_box_shown && !g_box_placed) {
        g_box_shown = false;
        g_box_text.reset();  // meant for a field no longer drawn
        linli_js_box(0, 0, 0, 0, 0, 0, 0, 0, nullptr);
    }
    g_box_placed = false;
}

void keyboard_before_frame() {
    if (g_release_field) {
        g_release_field = false;
        ImGui::ClearActiveID();
    }
}

}  // namespace linli::platform

extern "C" {

EMSCRIPTEN_KEEPALIVE void linli_text(const char* utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8); }

// The long-text box's whole text after an edit, and its losing the focus (web/linli_keyboard.js).
EMSCRIPTEN_KEEPALIVE void linli_box_text(const char* utf8) { linli::platform::g_box_text = utf8; }
EMSCRIPTEN_KEEPALIVE void linli_box_left() { linli::platform::g_box_left = true; }

EMSCRIPTEN_KEEPALIVE void linli_key(const char* name, int down, int ctrl, int shift) {
    ImGuiKey key = linli::platform::key_named(name);
    if (key == ImGuiKey_None) return;
    ImGuiIO& io = ImGui::GetIO();
    if (down) {  // modifiers held only for this key: a stuck Ctrl would swallow all typing
        io.AddKeyEvent(ImGuiMod_Ctrl, ctrl != 0);
        io.AddKeyEvent(ImGuiMod_Shift, shift != 0);
        io.AddKeyEvent(key, true);
    } else {
        io.AddKeyEvent(key, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
        io.AddKeyEvent(ImGuiMod_Shift, false);
    }
}

// The selected text of the field being edited, for the page's copy and cut.
EMSCRIPTEN_KEEPALIVE const char* linli_selection() {
    using namespace linli::platform;
    g_selection.clear();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiInputTextState* st = &g.InputTextState;
    if (g.ActiveId != 0 && st->ID == g.ActiveId && st->HasSelection()) {
        int a = st->GetSelectionStart(), b = st->GetSelectionEnd();
        if (a > b) std::swap(a, b);
        g_selection.assign(st->TextA.Data + a, static_cast<std::size_t>(b - a));
    }
    return g_selection.c_str();
}

EMSCRIPTEN_KEEPALIVE void linli_text_released() { linli::platform::g_release_field = true; }

}  // extern "C"
