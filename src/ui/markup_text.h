// A notice's body drawn from its markup (core/markup.h): paragraphs, bullets and numbered
// items that hang from their marker, emphasis, all wrapped as Chinese wraps (ui/text.h).
#pragma once
#include <string_view>

namespace linli::ui {

void draw_markup(std::string_view body);

}  // namespace linli::ui
