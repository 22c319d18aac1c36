#include "app/notice_actions.h"

#include "core/bundle.h"
#include "core/calendar.h"
#include "core/ical.h"
#include "core/notice_rules.h"
#include "core/reception_log.h"
#include "core/roster.h"
#include "platform/platform.h"

namespace linli::app {
namespace {

const Notice* live_notice(const Dataset& d, const Id& id) {
    const Record* r = d.find(id);
    return r && !r->deleted ? r->as<Notice>() : nullptr;
}

// Stamps the record with this device's clock, then writes it.
std::optional<Error> put(NoticeContext& c, Record r) {
    std::int64_t now = platform::now_ms();
    r.rev = c.store.clock().tick(now);
    // Every rule a reader will apply (lengths, the window, the event): what is saved
    // imports anywhere.
    if (auto e = check_fields(r)) return e;
    if (auto e = c.store.put(r, now)) return e;
    c.changed();
    return std::nullopt;
}

}  // namespace

Result<Id> save_notice(NoticeContext& c, const Id& id, const Notice& n) {
    if (!id.empty() && !live_notice(c.store.data(), id)) return make_error("err.notice.gone");
    Record r{id.empty() ? c.ids.next() : id, {}, false, n};
    if (auto e = put(c, r)) return *e;
    return r.id;
}

std::optional<Error> retract_notice(NoticeContext& c, const Id& id) {
    const Notice* n = live_notice(c.store.data(), id);
    if (!n) return make_error("err.notice.gone");
    return put(c, Record{id, {}, true, *n});
}

void mark_notice_read(NoticeContext& c, const Id& id) {
    if (c.store.is_read(id)) return;
    c.store.mark_read(id);  // a marker that failed to save shows the notice as new again: no message
    c.changed();
}

void download_ics(NoticeContext& c, const Id& id) {
    std::int64_t now = platform::now_ms();
    std::string name = c.file_stem + (id.empty() ? "-events" : "-event-" + id.substr(0, 8)) + ".ics";
    platform::download(name, id.empty() ? calendar_of(c.store.data(), now, c.words, c.lang) : calendar_of_notice(c.store.data(), id, now, c.lang),
                       "text/calendar");
}

}  // namespace linli::app

namespace linli::app {

Result<Id> save_slot(NoticeContext& c, const Id& id, const DutySlot& s) {
    if (!id.empty()) {
        const Record* r = c.store.data().find(id);
        if (!r || r->deleted || !r->as<DutySlot>()) return make_error("err.duty.gone");
    }
    if (const Record* other = overlapping_slot(c.store.data(), s, id)) {
        const DutySlot& o = *other->as<DutySlot>();
        return make_error("err.duty.overlap", {o.volunteer, format_date_time(o.starts_ms) + "–" + format_date_time(o.ends_ms).substr(11)});
    }
    Record r{id.empty() ? c.ids.next() : id, {}, false, s};
    if (auto e = put(c, r)) return *e;
    return r.id;
}

std::optional<Error> remove_slot(NoticeContext& c, const Id& id) {
    const Record* r = c.store.data().find(id);
    if (!r || r->deleted || !r->as<DutySlot>()) return make_error("err.duty.gone");
    return put(c, Record{id, {}, true, *r->as<DutySlot>()});
}

Result<Id> add_reception(NoticeContext& c, const Reception& x) {
    Record r{c.ids.next(), {}, false, x};
    if (auto e = put(c, r)) return *e;
    return r.id;
}

void download_receptions(NoticeContext& c) {
    platform::download(c.file_stem + "-receptions-" + format_date(platform::now_ms()) + ".csv", receptions_csv(c.store.data(), c.words),
                       "text/csv");
}

}  // namespace linli::app
