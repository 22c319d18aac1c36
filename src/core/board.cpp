#include "core/board.h"

#include <algorithm>

#include "core/notice_rules.h"

namespace linli {

const Record* the_community(const Dataset& d) {
    auto c = d.live(Kind::community);
    return c.empty() ? nullptr : c.front();
}

namespace {

std::vector<const Record*> notices_in(const Dataset& d, std::int64_t now_ms, NoticePhase want) {
    auto all = d.live(Kind::notice);
    std::erase_if(all, [&](const Record* r) { return notice_phase(*r->as<Notice>(), now_ms) != want; });
    return all;
}

}  // namespace

std::vector<const Record*> board_notices(const Dataset& d, std::int64_t now_ms) {
    auto all = notices_in(d, now_ms, NoticePhase::current);
    std::stable_sort(all.begin(), all.end(), [](const Record* a, const Record* b) {
        const auto &na = *a->as<Notice>(), &nb = *b->as<Notice>();
        if (na.urgent != nb.urgent) return na.urgent;
        if (na.pinned != nb.pinned) return na.pinned;
        if (shown_from(na) != shown_from(nb)) return shown_from(na) > shown_from(nb);
        return a->id < b->id;
    });
    return all;
}

std::vector<const Record*> past_notices(const Dataset& d, std::int64_t now_ms) {
    auto all = notices_in(d, now_ms, NoticePhase::past);
    std::stable_sort(all.begin(), all.end(), [](const Record* a, const Record* b) {
        const auto &na = *a->as<Notice>(), &nb = *b->as<Notice>();
        if (*na.expires_ms != *nb.expires_ms) return *na.expires_ms > *nb.expires_ms;
        return a->id < b->id;
    });
    return all;
}

std::vector<const Record*> scheduled_notices(const Dataset& d, std::int64_t now_ms) {
    auto all = notices_in(d, now_ms, NoticePhase::scheduled);
    std::stable_sort(all.begin(), all.end(), [](const Record* a, const Record* b) {
        const auto &na = *a->as<Notice>(), &nb = *b->as<Notice>();
        if (shown_from(na) != shown_from(nb)) return shown_from(na) < shown_from(nb);
        return a->id < b->id;
    });
    return all;
}

std::vector<const Record*> search_notices(const Dataset& d, std::int64_t now_ms, std::string_view query) {
    auto found = board_notices(d, now_ms);
    auto past = past_notices(d, now_ms);
    found.insert(found.end(), past.begin(), past.end());
    std::erase_if(found, [&](const Record* r) { return !notice_matches(*r->as<Notice>(), query); });
    return found;
}

std::int64_t next_notice_change(const Dataset& d, std::int64_t now_ms) {
    std::int64_t next = 0;
    auto consider = [&](std::int64_t t) {
        if (t > now_ms && (next == 0 || t < next)) next = t;
    };
    for (const auto& [id, r] : d.records()) {
        const Notice* n = r.as<Notice>();
        if (!n || r.deleted) continue;
        consider(shown_from(*n));
        if (n->expires_ms) consider(*n->expires_ms);
    }
    return next;
}

std::vector<const Record*> board_polls(const Dataset& d, std::int64_t now_ms) {
    auto all = d.live(Kind::poll);
    std::erase_if(all, [](const Record* r) { return r->as<Poll>()->status == PollStatus::draft; });
    auto is_open = [now_ms](const Poll& p) {
        return p.status == PollStatus::open && p.opens_ms <= now_ms && (p.closes_ms == 0 || now_ms < p.closes_ms);
    };
    std::stable_sort(all.begin(), all.end(), [&](const Record* a, const Record* b) {
        const auto &pa = *a->as<Poll>(), &pb = *b->as<Poll>();
        bool oa = is_open(pa), ob = is_open(pb);
        if (oa != ob) return oa;
        bool wa = pa.status == PollStatus::withdrawn, wb = pb.status == PollStatus::withdrawn;
        if (wa != wb) return wb;  // withdrawn ones last: kept in sight, out of the way
        if (oa) return (pa.closes_ms ? pa.closes_ms : INT64_MAX) < (pb.closes_ms ? pb.closes_ms : INT64_MAX);
        return pa.opens_ms > pb.opens_ms;
    });
    return all;
}

bool concerns(const Notice& n, const Id& building) {
    return building.empty() || n.buildings.empty() || std::find(n.buildings.begin(), n.buildings.end(), building) != n.buildings.end();
}

std::size_t keep_concerning(std::vector<const Record*>& list, const Id& building) {
    return std::erase_if(list, [&](const Record* r) { return !concerns(*r->as<Notice>(), building); });
}

std::vector<const Record*> buildings_in_order(const Dataset& d) {
    auto out = d.live(Kind::building);
    std::stable_sort(out.begin(), out.end(), [](const Record* a, const Record* b) {
        const auto &x = a->as<Building>()->number, &y = b->as<Building>()->number;
        return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    return out;
}

}  // namespace linli
