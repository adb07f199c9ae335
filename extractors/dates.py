"""Calendar dates as Vietnamese documents write them.

``ngày 15/7/2025``, ``15.7.2025``, ``ngày 05 tháng 02 năm 2026``, ``ngày 19 tháng 6
năm 2015``; in a header the day or month may be left blank for the văn thư to
fill in (``ngày    tháng 7 năm 2025``).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20)\d\d)"

# "15/7/2025", "15.7.2025", "15-7-2025"; the separators must agree.
NUMERIC = re.compile(rf"(?<![\d/.\-]){_D}(?P<sep>[/.\-]){_M}(?P=sep){_Y}(?![\d/])")
# "ngày 19 tháng 6 năm 2015", "19 tháng 6 năm 2015" (words, any case)
WORDS = re.compile(rf"(?:ngày\s+)?{_D}\s+tháng\s+{_M}\s*(?:năm|/)\s*{_Y}(?!\d)", re.IGNORECASE)
# "15/7" without a year; not followed by another "/digit" (that would be a date or a ký hiệu)
DAY_MONTH = re.compile(rf"(?<![\d/.\-]){_D}/{_M}(?![\d/]|\.\d)")
DAY_MONTH_WORDS = re.compile(rf"{_D}\s+tháng\s+{_M}(?!\d)(?!\s*(?:năm|/)\s*\d)", re.IGNORECASE)
# header: "Quảng Ngãi, ngày    tháng 7 năm 2025". A blank left for the day is printed as spaces, or
# as dots or a dash to write on ("ngày ..... tháng 7", "ngày — tháng 7"), which OCR reads as such.
_BLANK = r"\s*(?:[.…_\-–—]+\s*)?"
HEADER_DATE = re.compile(
    rf"(?P<place>[^\n,;:]{{2,60}}?)\s*,\s*ngày{_BLANK}(?P<d>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<m>\d{{1,2}})?"
    rf"{_BLANK}năm\s*(?P<y>\d{{4}})",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day or month may be unknown (left blank in a draft)."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)


def valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def find_full_dates(text: str) -> Iterator[tuple[int, int, dt.date]]:
    """Every complete date in ``text`` as (start, end, date), in order, without overlaps."""
    found: list[tuple[int, int, dt.date]] = []
    for m in WORDS.finditer(text):
        day = valid(int(m["y"]), int(m["m"]), int(m["d"]))
        if day:
            found.append((m.start(), m.end(), day))
    # One pattern's matches never overlap each other, so a numeric date is checked only against
    # the worded date that ends first after its start (a bisection: a long text stays linear).
    ends = [e for _, e, _ in found]
    starts = [s for s, _, _ in found]
    for m in NUMERIC.finditer(text):
        day = valid(int(m["y"]), int(m["m"]), int(m["d"]))
        i = bisect.bisect_right(ends, m.start())
        if day and not (i < len(starts) and starts[i] < m.end()):
            found.append((m.start(), m.end(), day))
    yield from sorted(found)


def parse_full_date(text: str) -> dt.date | None:
    for _, _, day in find_full_dates(text):
        return day
    return None


def parse_header_date(line: str) -> tuple[str, PartialDate, tuple[int, int]] | None:
    """(place, date, span) from "Quảng Ngãi, ngày 15 tháng 7 năm 2025" (day/month may be blank)."""
    m = HEADER_DATE.search(line)
    if not m:
        return None
    place = re.sub(r"^.*/\S*\s+", "", m["place"])  # "Số: /UBND-KGVX   Quảng Ngãi, ngày" share a line
    place = re.sub(r"^[\W_]+", "", place).strip()
    year = int(m["y"])
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"]) if m["d"] and month else None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not valid(year, month or 1, day)):
        return None
    return place, PartialDate(year, month, day), (m.start("place"), m.end())
