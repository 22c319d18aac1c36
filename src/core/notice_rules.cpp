#include "core/notice_rules.h"

#include <algorithm>
#include <cctype>

namespace linli {

std::optional<Error> check_notice(const Notice& n) {
    if (n.expires_ms && *n.expires_ms <= shown_from(n)) return make_error("err.notice.window", {}, "expires_ms");
    if (n.event) {
        if (n.event->starts_ms == 0) return make_error("err.notice.event_time", {}, "event.starts_ms");
        if (n.event->ends_ms <= n.event->starts_ms) return make_error("err.notice.event_order", {}, "event.ends_ms");
    }
    for (std::size_t i = 0; i < n.buildings.size(); ++i)
        if (std::find(n.buildings.begin(), n.buildings.begin() + i, n.buildings[i]) != n.buildings.begin() + i)
            return make_error("err.notice.building_twice", {}, "buildings[" + std::to_string(i) + "]");
    return std::nullopt;
}

NoticePhase notice_phase(const Notice& n, std::int64_t now_ms) {
    if (now_ms < shown_from(n)) return NoticePhase::scheduled;
    if (n.expires_ms && *n.expires_ms <= now_ms) return NoticePhase::past;
    return NoticePhase::current;
}

// ASCII letters compare without case; every other byte exactly (UTF-8 substrings of a
// valid query only ever match at character boundaries).
bool contains_text(std::string_view text, std::string_view query) {
    // Without Latin letters, case does not arise: the plain search is several times faster
    // (Chinese queries, over 10,000 notices as a resident types).
    if (std::none_of(query.begin(), query.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        return text.find(query) != std::string_view::npos;
    auto fold = [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    };
    return std::search(text.begin(), text.end(), query.begin(), query.end(), fold) != text.end();
}

bool notice_matches(const Notice& n, std::string_view query) {
    if (query.empty()) return true;
    for (const LocalText* t : {&n.title, &n.body})
        if (contains_text(t->zh, query) || contains_text(t->en, query)) return true;
    return false;
}

}  // namespace linli
