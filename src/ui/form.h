// What the committee's editors (polls, notices) are built from: a field's label, a text
// in both languages, a row of radio buttons over an enum, a checkbox that says its state.
#pragma once
#include <initializer_list>
#include <string>

#include "imgui.h"
#include "ui/view.h"
#include "ui/widget_log.h"

namespace linli::ui {

// A field's label, in the hint colour.
void label(View& v, const char* key);

// A text in Chinese, then in English, each a field of at most `max` characters.
void local_fields(View& v, const char* key, LocalText& t, int max, bool multiline, const char* id);

// One radio button per value, two to a row; labels are `prefix` + the value's name.
template <class E>
bool enum_radios(View& v, const char* prefix, E& value, std::initializer_list<E> values) {
    bool changed = false;
    int i = 0;
    float second_column = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x * 0.5f;
    for (E e : values) {
        if (i++ % 2) ImGui::SameLine(second_column);
        std::string label = std::string(v.t(prefix + std::string(enum_name(e)))) + "##" + prefix + std::string(enum_name(e));
        if (ImGui::RadioButton(label.c_str(), value == e)) {
            value = e;
            changed = true;
        }
        WidgetLog::mark(SeenWidget::Role::radio, value == e ? 1 : 0);
    }
    return changed;
}

}  // namespace linli::ui
