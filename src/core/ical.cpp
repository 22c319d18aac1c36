#include "core/ical.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/board.h"
#include "core/calendar.h"
#include "core/markup.h"
#include "core/roster.h"

namespace linli {
namespace {

// "20261212T140000": compound time, with TZID=Asia/Shanghai.
std::string local_stamp(std::int64_t ms) {
    CivilDate c = civil_from_ms(ms);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", c.year, c.month, c.day, c.hour, c.minute);
    return buf;
}

// "20261212T060000Z": UTC.
std::string utc_stamp(std::int64_t ms) {
    CivilDate c = civil_from_ms(ms, 0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", c.year, c.month, c.day, c.hour, c.minute,
                  static_cast<int>((ms / 1000) % 60));
    return buf;
}

std::string header(const Dataset& d, Lang lang) {
    std::string out;
    out += ical_line("BEGIN:VCALENDAR");
    out += ical_line("VERSION:2.0");
    out += ical_line("PRODID:-//Linli//Linli community board//ZH");
    out += ical_line("CALSCALE:GREGORIAN");
    out += ical_line("METHOD:PUBLISH");
    if (const Record* c = the_community(d)) out += ical_line("X-WR-CALNAME:" + ical_escape(c->as<Community>()->name.in(lang)));
    // China has kept UTC+8 without daylight saving since 1991: one STANDARD rule.
    for (const char* l : {"BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                          "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE"})
        out += ical_line(l);
    return out;
}

// What every VEVENT opens with: the record's id as its UID, when it was written (SEQUENCE
// grows with each edit), and when it happens in the compound's zone.
std::string event_head(const Record& r, std::int64_t now_ms, std::int64_t starts_ms, std::int64_t ends_ms) {
    std::string out;
    out += ical_line("BEGIN:VEVENT");
    out += ical_line("UID:" + r.id + "@linli");
    out += ical_line("DTSTAMP:" + utc_stamp(now_ms));
    out += ical_line("LAST-MODIFIED:" + utc_stamp(r.rev.ms));
    out += ical_line("SEQUENCE:" + std::to_string(std::max<std::int64_t>(0, r.rev.ms / 1000 - 1700000000)));
    out += ical_line("DTSTART;TZID=Asia/Shanghai:" + local_stamp(starts_ms));
    out += ical_line("DTEND;TZID=Asia/Shanghai:" + local_stamp(ends_ms));
    return out;
}

std::string vevent(const Record& r, std::int64_t now_ms, Lang lang) {
    const Notice& n = *r.as<Notice>();
    const NoticeEvent& e = *n.event;
    std::string out = event_head(r, now_ms, e.starts_ms, e.ends_ms);
    out += ical_line("SUMMARY:" + ical_escape(n.title.in(lang)));
    if (!e.place.empty()) out += ical_line("LOCATION:" + ical_escape(e.place.in(lang)));
    std::string body = markup_plain(n.body.in(lang));
    if (!body.empty()) out += ical_line("DESCRIPTION:" + ical_escape(body));
    out += ical_line("END:VEVENT");
    return out;
}

// A duty slot: "值班：张阿姨（门岗接待）" (the role's words in `role`).
std::string duty_event(const Record& r, std::int64_t now_ms, Lang lang, const std::string& role) {
    const DutySlot& d = *r.as<DutySlot>();
    std::string out = event_head(r, now_ms, d.starts_ms, d.ends_ms);
    out += ical_line("SUMMARY:" + ical_escape(d.volunteer + (lang == Lang::zh ? "（" : " (") + role + (lang == Lang::zh ? "）" : ")")));
    if (!d.place.empty()) out += ical_line("LOCATION:" + ical_escape(d.place.in(lang)));
    out += ical_line("CATEGORIES:" + ical_escape(role));
    out += ical_line("END:VEVENT");
    return out;
}

}  // namespace

std::string ical_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

std::string ical_line(std::string_view line) {
    std::string out;
    std::size_t room = 75;  // octets on this line, the CRLF not counted
    while (line.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // whole characters
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = 74;  // the leading space counts
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string calendar_of(const Dataset& d, std::int64_t now_ms, const Strings& words, Lang lang, bool every) {
    std::string out = header(d, lang);
    for (const Record* r : every ? d.live(Kind::notice) : board_notices(d, now_ms)) {
        const Notice& n = *r->as<Notice>();
        if (n.event && (every || n.event->ends_ms > now_ms)) out += vevent(*r, now_ms, lang);
    }
    for (const Record* r : duty_between(d, every ? 0 : now_ms, INT64_MAX))
        out += duty_event(*r, now_ms, lang, words.get("duty_role." + std::string(enum_name(r->as<DutySlot>()->role))));
    out += ical_line("END:VCALENDAR");
    return out;
}

std::string calendar_of_notice(const Dataset& d, const Id& id, std::int64_t now_ms, Lang lang) {
    std::string out = header(d, lang);
    const Record* r = d.find(id);
    if (r && !r->deleted && r->as<Notice>() && r->as<Notice>()->event) out += vevent(*r, now_ms, lang);
    out += ical_line("END:VCALENDAR");
    return out;
}

}  // namespace linli
