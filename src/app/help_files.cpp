#include "app/help_files.h"

#include "platform/platform.h"

namespace linli::app {

const HelpBook* HelpFiles::book(Lang lang) const {
    const auto& b = books_[index(lang)];
    return b ? &*b : nullptr;
}

void HelpFiles::load(Lang lang, bool retry) {
    std::size_t i = index(lang);
    if (books_[i] || loading_[i] || (failed_[i] && !retry)) return;
    loading_[i] = true;
    failed_[i] = false;
    const char* file = lang == Lang::zh ? "assets/help-zh-CN.txt" : "assets/help-en.txt";
    platform::fetch(file, [this, i](bool ok, std::string bytes) {
        loading_[i] = false;
        auto parsed = ok ? parse_help(bytes) : Result<HelpBook>(make_error("err.help.fetch"));
        if (parsed) books_[i] = std::move(*parsed);
        else failed_[i] = true;
        platform::request_frames(2);
    });
}

}  // namespace linli::app
