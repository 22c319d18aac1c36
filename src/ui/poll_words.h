// Sentences about a poll shared by its screens: what kind it is, when it is open, who
// may answer, and how it is counted.
#pragma once
#include <string>

#include "ui/view.h"

namespace linli::ui {

std::string phase_line(const View& v, const Poll& p);   // "进行中，截止 2026-12-15 18:00"
std::string who_line(const View& v, const Poll& p);     // "一户一票：请准备好户码"
std::string rule_line(const View& v, const Poll& p);    // ranking points, art. 278 thresholds; may be empty
std::string kind_tag(const View& v, const Poll& p);     // "问卷 · 选址听证会"
// "共 5 题", or "共 4—5 题" when some are shown only for some answers.
std::string questions_line(const View& v, const Poll& p);
// Which home a household code is for: building, unit and room where this device holds the
// household list (the committee's), the building alone elsewhere (from the poll's codes).
std::string home_line(const View& v, const Poll& p, const Id& household);
// Whether the committee's one-line message is about this poll and still current (its
// page has not been left since it was said).
bool poll_notice_current(const View& v, const Id& poll);
// This device already answered (its own device id on a response to the poll).
const Record* answered_here(const View& v, const Id& poll);
int responses_to(const View& v, const Id& poll);

}  // namespace linli::ui
