#!/usr/bin/python3
"""`linli ics` and `linli csv FILE receptions` on the sample compound, read back by real
parsers: Debian's python3-icalendar and Python's csv module (as Excel reads it: UTF-8
with a BOM). Run by ctest with Debian's Python, where python3-icalendar is installed."""
import csv
import io
import subprocess
import sys

import icalendar

linli, compound, households = sys.argv[1:4]

cal = icalendar.Calendar.from_ical(subprocess.run([linli, "ics", compound], check=True, capture_output=True).stdout)
events = list(cal.walk("VEVENT"))
duties = [e for e in events if str(e["SUMMARY"]).endswith("）")]
notices = [e for e in events if e not in duties]
assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
assert len(duties) == 93, len(duties)  # December's roster: 3 slots a day
assert [str(e["SUMMARY"]) for e in notices] == ["加装电梯政策说明会"], [str(e["SUMMARY"]) for e in notices]
first = min(duties, key=lambda e: e.decoded("DTSTART"))
assert first.decoded("DTSTART").isoformat() == "2026-12-01T09:00:00+08:00", first.decoded("DTSTART")
assert str(first["LOCATION"]) == "东门门岗"
assert len({str(e["UID"]) for e in events}) == len(events), "UIDs are unique"

one = icalendar.Calendar.from_ical(subprocess.run([linli, "ics", compound, "4c8e2f61b0a3497d9e5f1a2b3c4d5e6f", "en"], check=True,
                                                  capture_output=True).stdout)
[e] = list(one.walk("VEVENT"))
assert str(e["SUMMARY"]) == "Elevator retro-fit: information meeting"
assert str(e["LOCATION"]) == "Community room (ground floor, building 3)"

raw = subprocess.run([linli, "csv", households, "receptions"], check=True, capture_output=True).stdout
assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads UTF-8"
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
assert rows[0] == ["时间", "来访居民", "反映的问题", "处理情况", "后续跟进", "接待志愿者", "记录编号", "更正的记录", "状态"], rows[0]
assert len(rows) == 5, len(rows)
assert [r[8] for r in rows[1:]].count("已被更正") == 1
assert rows[-1][7] == rows[1][6], "the correction names the record it corrects"
print("ok: %d events, %d reception rows" % (len(events), len(rows) - 1))
