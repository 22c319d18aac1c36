// What makes a notice well-formed beyond each field's own rules, when it is shown, and
// whether it matches a search. The same checks run in the committee's editor and when a
// bundle is read.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/records.h"

namespace linli {

std::optional<Error> check_notice(const Notice& n);

// scheduled: before its start; current: on the board; past: after its end.
enum class NoticePhase { scheduled, current, past };
NoticePhase notice_phase(const Notice& n, std::int64_t now_ms);
// When it first shows on the board: its scheduled start, or when it was published.
inline std::int64_t shown_from(const Notice& n) { return n.starts_ms.value_or(n.published_ms); }

// `query` found in its title or body, in either language (Chinese by substring; Latin
// letters in any case). An empty query matches everything.
bool notice_matches(const Notice& n, std::string_view query);
// `query` within `text`: Latin letters in any case, everything else exactly. Shared by the
// searches over notices and the reception log.
bool contains_text(std::string_view text, std::string_view query);

}  // namespace linli
