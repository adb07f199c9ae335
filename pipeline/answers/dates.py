"""Dates as a clerk types them ("31/7", "15.7.2025", "ngày 5 tháng 8"), and the occurrences of a
recurring deadline inside a window."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from models.schema import Obligation
from pipeline.errors import QueryError
from pipeline.status import Recurrence
from pipeline.text import fold

_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_DMY = re.compile(r"^(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?$")
_WORDS = re.compile(r"^(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?:\s*(?:nam|/)\s*(?P<y>\d{4}))?$")
_MONTH_ONLY = re.compile(r"^(?:thang\s+)?(?P<m>\d{1,2})(?:\s*(?:/|-|nam)\s*(?P<y>\d{4}))?$")
_YEAR_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$")

# The years a date may name. Official correspondence is dated well inside them, and the answers add
# months and weeks to the dates asked (a month grid shows the next month's first days): near year
# 9999 that overflows Python's dates. Outside them a date is refused with a message.
MIN_YEAR, MAX_YEAR = 1900, 2199


def check_year(year: int, text: str = "") -> int:
    """``year`` when congvan handles it; else a QueryError (CV-Q05) naming what was typed."""
    if MIN_YEAR <= year <= MAX_YEAR:
        return year
    typed = f" {text.strip()!r}" if text and text.strip() else ""
    raise QueryError(f"năm {year}{typed} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR} mà congvan xử lý", "CV-Q05")


def parse_user_date(text: str, today: dt.date | None = None) -> dt.date:
    """A date as typed: "31/7" (this year), "31/7/2025", "2025-07-31", "15.7.2025", "ngày 5 tháng 8"."""
    today = today or dt.date.today()
    t = re.sub(r"^ngay\s+", "", " ".join(fold(text).split()))
    m = _ISO.match(t) or _DMY.match(t) or _WORDS.match(t)
    if m:
        year = m["y"]
        y = check_year(today.year if not year else int(year) + (2000 if len(year) == 2 else 0), text)
        try:
            return dt.date(y, int(m["m"]), int(m["d"]))
        except ValueError:
            pass
    raise QueryError(f"không hiểu ngày {text!r}: hãy viết như 31/7, 31/7/2025, 15.7.2025 hoặc 2025-07-31", "CV-Q01")


def parse_user_month(text: str, today: dt.date | None = None) -> tuple[int, int]:
    """(year, month) from "2025-07", "7/2025", "tháng 7" or "7" (this year)."""
    today = today or dt.date.today()
    t = " ".join(fold(text).split())
    m = _YEAR_MONTH.match(t) or _MONTH_ONLY.match(t)
    if m and 1 <= int(m["m"]) <= 12:
        return check_year(int(m["y"]) if m["y"] else today.year, text), int(m["m"])
    raise QueryError(f"không hiểu tháng {text!r}: hãy viết như 2025-07 hoặc 7/2025", "CV-Q02")


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    check_year(year)
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(first: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31/1 + 1 month = 28/2)."""
    y, m = divmod(first.month - 1 + months, 12)
    year, month = first.year + y, m + 1
    return dt.date(year, month, min(first.day, calendar.monthrange(year, month)[1]))


def _recurrence(value: str | None) -> Recurrence | None:
    try:
        return Recurrence(value) if value else None
    except ValueError:
        return None


def occurrences(first: dt.date, recurrence: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The occurrences of a recurring deadline within [start, end], counting from its first due date.

    Every occurrence is computed from ``first`` (not from the previous one), so a monthly task due on
    the 31st falls on 28/2 and then again on 31/3.
    """
    if end < start or end < first:
        return []
    rec = _recurrence(recurrence)
    if rec is None:
        return [first] if start <= first <= end else []
    if rec.days:
        step = rec.days
        skip = max(0, (start - first).days + step - 1) // step
        out, day = [], first + dt.timedelta(days=skip * step)
        while day <= end:
            out.append(day)
            day += dt.timedelta(days=step)
        return out
    months = rec.months
    k = max(0, ((start.year - first.year) * 12 + start.month - first.month) // months - 1)
    out = []
    while (day := _add_months(first, k * months)) <= end:
        if day >= start:
            out.append(day)
        k += 1
    return out


def is_recurring(ob: Obligation) -> bool:
    return _recurrence(ob.recurrence) is not None
