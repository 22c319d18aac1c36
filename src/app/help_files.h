// The in-app help's pages, one file a language beside the app (assets/help-zh-CN.txt,
// assets/help-en.txt), fetched the first time help is opened in that language, so that a
// first visit does not carry them.
#pragma once
#include <array>
#include <optional>

#include "core/help.h"
#include "core/records.h"

namespace linli::app {

class HelpFiles {
public:
    const HelpBook* book(Lang lang) const;
    bool failed(Lang lang) const { return failed_[index(lang)]; }
    // Asks for the language's file unless it is here or on its way (or failed: `retry`).
    void load(Lang lang, bool retry = false);

private:
    static std::size_t index(Lang lang) { return lang == Lang::zh ? 0 : 1; }
    std::array<std::optional<HelpBook>, 2> books_;
    std::array<bool, 2> loading_{}, failed_{};
};

}  // namespace linli::app
