#include "core/reception_log.h"

#include <algorithm>
#include <unordered_set>

#include "core/calendar.h"
#include "core/csv.h"
#include "core/notice_rules.h"

namespace linli {
namespace {

bool newer(const Record* a, const Record* b) {
    const Reception &x = *a->as<Reception>(), &y = *b->as<Reception>();
    if (x.at_ms != y.at_ms) return x.at_ms > y.at_ms;
    if (a->rev != b->rev) return b->rev < a->rev;
    return a->id > b->id;
}

}  // namespace

std::optional<Error> check_reception(const Reception& r) {
    if (r.at_ms <= 0) return make_error("err.reception.time", {}, "at_ms");
    return std::nullopt;
}

std::vector<const Record*> reception_log(const Dataset& d, std::string_view query) {
    auto all = d.live(Kind::reception);
    std::unordered_set<Id> replaced;
    for (const Record* r : all)
        if (const auto& c = r->as<Reception>()->corrects) replaced.insert(*c);
    std::erase_if(all, [&](const Record* r) {
        if (replaced.contains(r->id)) return true;
        if (query.empty()) return false;
        const Reception& x = *r->as<Reception>();
        for (const std::string* f : {&x.resident, &x.concern, &x.action, &x.follow_up, &x.volunteer})
            if (contains_text(*f, query)) return false;
        return true;
    });
    std::stable_sort(all.begin(), all.end(), newer);
    return all;
}

std::vector<const Record*> corrected_by(const Dataset& d, const Id& id) {
    std::vector<const Record*> out;
    std::unordered_set<Id> seen{id};
    const Record* r = d.find(id);
    while (r && r->as<Reception>() && r->as<Reception>()->corrects) {
        const Id& prev = *r->as<Reception>()->corrects;
        if (!seen.insert(prev).second) break;  // a loop only a crafted file could make
        r = d.find(prev);
        if (r && r->as<Reception>()) out.push_back(r);
    }
    return out;
}

std::string receptions_csv(const Dataset& d, const Strings& s) {
    auto all = d.live(Kind::reception);
    std::stable_sort(all.begin(), all.end(), [](const Record* a, const Record* b) { return newer(b, a); });
    std::unordered_set<Id> replaced;
    for (const Record* r : all)
        if (const auto& c = r->as<Reception>()->corrects) replaced.insert(*c);
    std::string out = kUtf8Bom;
    out += csv_row({s.get("reception.col_time"), s.get("reception.col_resident"), s.get("reception.col_concern"),
                    s.get("reception.col_action"), s.get("reception.col_follow_up"), s.get("reception.col_volunteer"),
                    s.get("reception.col_record"), s.get("reception.col_corrects"), s.get("reception.col_status")});
    for (const Record* r : all) {
        const Reception& x = *r->as<Reception>();
        out += csv_row({format_date_time(x.at_ms), x.resident, x.concern, x.action, x.follow_up, x.volunteer, r->id,
                        x.corrects.value_or(""), s.get(replaced.contains(r->id) ? "reception.status_corrected" : "reception.status_current")});
    }
    return out;
}

}  // namespace linli
