#include "core/report_words.h"

namespace linli {

std::string count_of(Kind k, int n, const Strings& s) {
    std::string key = (n == 1 ? "count1." : "count.") + std::string(enum_name(k));
    return s.format(key, {std::to_string(n)});
}

std::string describe_report(const MergeReport& r, const Strings& s) {
    auto list = [&](const std::array<int, kKindCount>& counts) {
        std::string out;
        for (std::size_t k = 0; k < kKindCount; ++k) {
            if (counts[k] == 0) continue;
            if (!out.empty()) out += s.get("report.list_sep");
            out += count_of(static_cast<Kind>(k), counts[k], s);
        }
        return out;
    };
    std::string parts;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        if (!parts.empty()) parts += s.get("report.sep");
        parts += part;
    };
    if (auto a = list(r.added); !a.empty()) add(s.format("report.adds", {a}));
    if (auto u = list(r.updated); !u.empty()) add(s.format("report.updates", {u}));
    if (r.deleted) add(s.format("report.deletes", {std::to_string(r.deleted)}));
    if (r.conflicts) add(s.format(r.conflicts == 1 ? "report.conflict1" : "report.conflicts", {std::to_string(r.conflicts)}));
    return parts.empty() ? s.get("report.nothing") : parts;
}

}  // namespace linli
