#include "core/code_sheet.h"

#include <algorithm>

#include "core/board.h"
#include "core/calendar.h"
#include "core/household_codes.h"

namespace linli {
namespace {

std::string esc(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

int number_of(const std::string& s) { return std::atoi(s.c_str()); }

}  // namespace

std::string code_sheet_html(const Dataset& d, const Id& poll_id, const std::string& app_url) {
    const Record* pr = d.find(poll_id);
    if (!pr || !pr->as<Poll>()) return "";
    const Poll& p = *pr->as<Poll>();
    const Record* c = the_community(d);
    std::string compound = c ? c->as<Community>()->name.zh : "";

    struct Slip { std::string building, unit, room, code; };
    std::vector<Slip> slips;
    for (const Record* r : d.live(Kind::household)) {
        const Household& h = *r->as<Household>();
        if (p.building && h.building != *p.building) continue;
        const Record* b = d.find(h.building);
        slips.push_back({b && b->as<Building>() ? b->as<Building>()->number : "?", h.unit, h.room, h.code});
    }
    std::sort(slips.begin(), slips.end(), [](const Slip& a, const Slip& b) {
        if (number_of(a.building) != number_of(b.building)) return number_of(a.building) < number_of(b.building);
        if (number_of(a.unit) != number_of(b.unit)) return number_of(a.unit) < number_of(b.unit);
        return number_of(a.room) < number_of(b.room);
    });

    std::string link = app_url + "#/poll/" + poll_id;
    std::string html =
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>户码 Household codes</title><style>"
        "body{font-family:system-ui,'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;margin:12mm}"
        ".slip{display:inline-block;box-sizing:border-box;width:49%;border:1px dashed #666;padding:4mm;margin:0 0 3mm;"
        "vertical-align:top;break-inside:avoid}.code{font:bold 20pt monospace;letter-spacing:2px;margin:2mm 0}"
        ".home{font-size:14pt}.link{font:9pt monospace;word-break:break-all;margin-top:1mm}.small{font-size:9pt;color:#333}@media print{body{margin:8mm}}</style></head><body>\n";
    html += "<h1>" + esc(compound) + " · " + esc(p.title.zh) + "</h1>\n<p>" + esc(p.title.en) + " — " +
            std::to_string(slips.size()) + " 户 households</p>\n";
    for (const auto& s : slips) {
        html += "<div class=\"slip\"><div>" + esc(compound) + " · " + esc(p.title.zh) + "</div><div class=\"home\">" +
                esc(s.building) + " 号楼 " + (s.unit.empty() ? "" : esc(s.unit) + " 单元 ") + esc(s.room) + " 室</div>";
        html += s.code.empty() ? "<div class=\"code\">（无户码 no code）</div>"
                               : "<div class=\"code\">" + esc(format_code(s.code)) + "</div>";
        // The same rule the app applies and says: until closing a household may vote again,
        // on any device, and its last vote counts.
        html += "<div class=\"small\">打开“邻里”→ 投票 → 本次投票 → 输入户码。一户一票；截止前可以改投（在任何设备上），"
                "以最后一次为准。<br>Open Linli → Polls → this vote → enter the code. One vote per household; until the "
                "vote closes a household may vote again, on any device, and its last vote counts.</div>";
        html += "<div class=\"link\">" + esc(link) + "</div>";
        if (p.closes_ms) html += "<div class=\"small\">截止 Closes " + format_date_time(p.closes_ms) + "</div>";
        html += "</div>\n";
    }
    html += "</body></html>\n";
    return html;
}

}  // namespace linli
