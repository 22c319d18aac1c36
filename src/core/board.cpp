#include "core/board.h"

#include <algorithm>

namespace linli {

const Record* the_community(const Dataset& d) {
    auto c = d.live(Kind::community);
    return c.empty() ? nullptr : c.front();
}

std::vector<const Record*> board_notices(const Dataset& d, std::int64_t now_ms) {
    auto all = d.live(Kind::notice);
    std::erase_if(all, [&](const Record* r) {
        const auto& n = *r->as<Notice>();
        return n.expires_ms && *n.expires_ms <= now_ms;
    });
    std::stable_sort(all.begin(), all.end(), [](const Record* a, const Record* b) {
        const auto &na = *a->as<Notice>(), &nb = *b->as<Notice>();
        if (na.pinned != nb.pinned) return na.pinned;
        return na.published_ms > nb.published_ms;
    });
    return all;
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

}  // namespace linli
