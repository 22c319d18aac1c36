#include "store/recovery.h"

#include <algorithm>

#include "core/calendar.h"
#include "store/files.h"

namespace linli::store {

Result<std::string> set_aside(const std::string& dir, const std::string& rel, std::int64_t now_ms) {
    std::string stamp = format_date_time(now_ms);  // "2026-11-23 10:00" in compound time
    std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
    std::replace(stamp.begin(), stamp.end(), ' ', 'T');
    std::string base = rel + ".damaged-" + stamp, name = base;
    for (int n = 2; file_exists(dir + "/" + name); ++n) name = base + "-" + std::to_string(n);
    if (auto e = rename_file(dir + "/" + rel, dir + "/" + name)) return *e;
    return name;
}

std::optional<GoodSnapshot> newest_good_snapshot(const std::string& dir) {
    auto names = list_dir(dir + "/snapshots");
    std::erase_if(names, [](const std::string& n) { return n.size() < 5 || n.substr(n.size() - 5) != ".json"; });
    for (auto it = names.rbegin(); it != names.rend(); ++it) {  // newest first: names are dates
        auto text = read_file_limited(dir + "/snapshots/" + *it, kMaxBundleBytes);
        if (!text) continue;
        auto b = parse_bundle(*text);
        if (b) return GoodSnapshot{it->substr(0, it->size() - 5), std::move(*b)};
    }
    return std::nullopt;
}

Identity identity_of(const Bundle& b, std::string source) {
    return Identity{b.device, b.community.id, std::move(source)};
}

Identity salvage_identity(std::string_view text, std::string source) {
    // The settings file is small JSON written in one piece: what is left of it may still
    // hold "device": "…" and "community": "…" even when the whole no longer parses.
    auto value_of = [&](std::string_view key, bool (*valid)(std::string_view)) -> std::string {
        std::string quoted = "\"" + std::string(key) + "\"";
        auto at = text.find(quoted);
        if (at == std::string_view::npos) return "";
        auto open = text.find('"', text.find(':', at + quoted.size()));
        auto close = open == std::string_view::npos ? open : text.find('"', open + 1);
        if (close == std::string_view::npos) return "";
        std::string_view v = text.substr(open + 1, close - open - 1);
        return valid(v) ? std::string(v) : "";
    };
    return Identity{value_of("device", is_valid_device_id), value_of("community", is_valid_id), std::move(source)};
}

}  // namespace linli::store
