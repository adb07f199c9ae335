"""Dates as a clerk types them ("31/7", "15.7.2025", "ngày 5 tháng 8"), and when an obligation falls
due: its schedule (first day, recurrence, time of day, weekday, the period it runs to) and the
occurrences of a recurring deadline inside a window."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from extractors.deadlines import clock_of, find_deadlines
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


def _add_months(first: dt.date, months: int, day: int | None = None) -> dt.date:
    """The same day (or ``day``) ``months`` later, clamped to the month's end (31/1 + 1 month = 28/2)."""
    y, m = divmod(first.month - 1 + months, 12)
    year, month = first.year + y, m + 1
    return dt.date(year, month, min(day or first.day, calendar.monthrange(year, month)[1]))


def _recurrence(value: str | None) -> Recurrence | None:
    try:
        return Recurrence(value) if value else None
    except ValueError:
        return None


def occurrences(
    first: dt.date,
    recurrence: str,
    start: dt.date,
    end: dt.date,
    until: dt.date | None = None,
    month_end: bool = False,
) -> list[dt.date]:
    """The occurrences of a recurring deadline within [start, end], counting from its first due date,
    none after ``until`` (the end of the period the task runs for, see ``series_end``); with
    ``month_end`` ("ngày cuối quý") each falls on its month's last day (30/9, then 31/12).

    Every occurrence is computed from ``first`` (not from the previous one), so a monthly task due on
    the 31st falls on 28/2 and then again on 31/3.
    """
    if until is not None:
        end = min(end, until)
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
    while (day := _add_months(first, k * months, 31 if month_end else None)) <= end:
        if day >= start:
            out.append(day)
        k += 1
    return out


def is_recurring(ob: Obligation) -> bool:
    return _recurrence(ob.recurrence) is not None


# --- an obligation's schedule --------------------------------------------------------------------

# The period a document sets for its tasks, read from the task's own words first, then from the
# document's trích yếu: "đến hết năm 2026", "giai đoạn 2021–2025" (its last year; a vision beyond it,
# "định hướng đến năm 2030", is not a task's period), a plan's year ("Kế hoạch ... năm 2025").
_UNTIL_YEAR = re.compile(r"\b(?:den|toi)\s+(?:het\s+)?(?:cuoi\s+)?nam\s+(?P<y>(?:19|20)\d\d)\b")
_SPAN = re.compile(r"\b(?:giai doan|thoi ky|nhiem ky)?\s*(?:19|20)\d\d\s*[-–—]\s*(?P<y>(?:19|20)\d\d)\b")
_PLAN_YEAR = re.compile(r"\bnam\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)")
_VISION = re.compile(r"\b(?:dinh huong|tam nhin)\b.*$")

# A recurring task whose document sets no period runs until the end of the year after the
# document's: "báo cáo trước ngày 20 hằng tháng" in a công văn of 2013 stops at 31/12/2014 instead
# of coming back every month for ever.
DEFAULT_RUN_YEARS = 1


def _period_year(text: str, patterns: tuple[re.Pattern[str], ...]) -> int | None:
    folded = _VISION.sub("", " ".join(fold(text).split()))
    for rx in patterns:
        years = [int(m["y"]) for m in rx.finditer(folded)]
        if years:
            return max(years)
    return None


def series_end(ob: Obligation, first: dt.date) -> dt.date:
    """The last day a recurring obligation can fall on: 31/12 of the period its document sets, or of
    the year after the document's (DEFAULT_RUN_YEARS). Never before its first due day."""
    doc = ob.document
    year = _period_year(ob.text or "", (_UNTIL_YEAR, _SPAN))
    if year is None and doc is not None and doc.subject:
        year = _period_year(doc.subject, (_UNTIL_YEAR, _SPAN, _PLAN_YEAR))
    if year is None or year < first.year:
        base = doc.date.year if doc is not None and doc.date else first.year
        year = max(base + DEFAULT_RUN_YEARS, first.year)
    return dt.date(year, 12, 31)


@dataclass(frozen=True)
class Schedule:
    """When an obligation falls due, as the calendar and the month grid show it."""

    first: dt.date
    recurrence: Recurrence | None
    until: dt.date | None  # recurring: the last day it may fall on
    at: dt.time | None = None  # the time of day the text gives (Asia/Ho_Chi_Minh)
    month_end: bool = False  # "ngày cuối tháng / cuối quý": each month's last day, not the first's day

    def occurrences(self, start: dt.date, end: dt.date) -> list[dt.date]:
        if self.recurrence is None:
            return [self.first] if start <= self.first <= end else []
        return occurrences(self.first, self.recurrence, start, end, self.until, self.month_end)


# "vào ngày cuối tháng", "cuối mỗi quý", "cuối năm": a month-stepped task due on a month's last day
_MONTH_END = re.compile(r"\bcuoi\s+(?:moi\s+|hang\s+|hai\s+)?(?:thang|quy|nam)\b")

# Only a text that names an hour or a weekday is read again (most are not: the calendar stays fast).
_HAS_CLOCK = re.compile(r"\d\s*(?:giờ|h)(?!\w)|\d\s*h\d|thứ\s|chủ\s+nhật", re.IGNORECASE)


def _clock(ob: Obligation, rec: Recurrence | None) -> tuple[dt.time | None, int | None]:
    """The hour and the weekday the obligation's text gives for its own deadline, if it gives one."""
    text = ob.text or ""
    if not _HAS_CLOCK.search(text):
        return None, None
    doc_date = ob.document.date if ob.document is not None else None
    for ref in dict.fromkeys(d for d in (doc_date, ob.due) if d is not None):
        for d in find_deadlines(text, ref):
            if d.due == ob.due and (ob.due is not None or d.recurrence == rec == Recurrence.WEEKLY):
                return clock_of(text, d)
    return None, None


def schedule_of(ob: Obligation) -> Schedule | None:
    """The obligation's schedule, or None when no calendar can place it (no day given).

    A weekly task named by its weekday ("trước 10 giờ sáng thứ Sáu hằng tuần") starts on the first
    such day on or after its document's date.
    """
    rec = _recurrence(ob.recurrence)
    at, weekday = _clock(ob, rec)
    first = ob.due
    doc = ob.document
    if first is None and rec == Recurrence.WEEKLY and weekday is not None and doc is not None and doc.date:
        first = doc.date + dt.timedelta(days=(weekday - doc.date.weekday()) % 7)
    if first is None:
        return None
    last_day = first.day == calendar.monthrange(first.year, first.month)[1]
    month_end = bool(rec and rec.months and last_day and _MONTH_END.search(fold(ob.text or "")))
    return Schedule(first, rec, series_end(ob, first) if rec else None, at, month_end)
