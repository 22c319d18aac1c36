#include "ui/form.h"

#include "ui/text.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace linli::ui {

void label(View& v, const char* key) { wrapped_text_colored(colors::muted, v.t(key)); }

void local_fields(View& v, const char* key, LocalText& t, int max, bool multiline, const char* id) {
    label(v, key);
    float h = ImGui::GetTextLineHeight() * 3;
    text_field(v.strings(), (std::string("##zh-") + id).c_str(), t.zh, max, multiline, h, v.t(key));
    ImGui::TextColored(colors::muted, "English");
    text_field(v.strings(), (std::string("##en-") + id).c_str(), t.en, max, multiline, h, std::string(v.t(key)) + " (English)");
}

}  // namespace linli::ui
