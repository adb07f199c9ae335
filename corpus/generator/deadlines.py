"""Deadlines as official documents write them, with the date the extraction contract reads out of each.

``running(...)`` gives a phrase for running text ("trước ngày 30/6/2025", "trong Quý III năm 2025",
"trước ngày 15/12 hằng năm"); ``cell(...)`` gives the content of a task table's time column or of a
"Thời gian thực hiện:" line ("Quý III/2025", "2025-2026", "Hằng năm"). Each comes with its due day
and recurrence as ../shared/eval/SCHEMA.md defines them, computed here from the calendar, not by
the extractor's code, so that the two can disagree.

The mix of forms is weighted towards what real documents use most: an explicit day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from dataclasses import dataclass

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Deadline:
    phrase: str
    due: dt.date | None
    recurrence: str | None
    form: str


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def dmy(day: dt.date, rng: random.Random) -> str:
    """15/7/2025, 05/3/2020 or 15/07/2025: clerks pad the day more often than the month."""
    d = f"{day.day:02d}" if rng.random() < 0.5 else str(day.day)
    m = f"{day.month:02d}" if rng.random() < 0.2 else str(day.month)
    return f"{d}/{m}/{day.year}"


def words(day: dt.date) -> str:
    """ngày 15 tháng 7 năm 2025 (the header's way, used in some bodies too)."""
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _next_on_or_after(ref: dt.date, month: int, day: int) -> dt.date:
    for year in (ref.year, ref.year + 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d >= ref:
            return d
    return dt.date(ref.year + 1, month, day)


def _next_day_of_month(ref: dt.date, day: int) -> dt.date:
    y, m = ref.year, ref.month
    while True:
        if day <= calendar.monthrange(y, m)[1] and dt.date(y, m, day) >= ref:
            return dt.date(y, m, day)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


# Forms of a deadline in running text, with weights.
RUNNING_FORMS: tuple[tuple[str, int], ...] = (
    ("date", 40),
    ("date-words", 6),
    ("day-month", 5),
    ("time-of-day", 4),
    ("quarter", 10),
    ("month", 8),
    ("half-year", 3),
    ("year", 4),
    ("yearly", 8),
    ("monthly", 4),
    ("semiannual", 4),
    ("quarterly", 2),
    ("weekly", 2),
)


def running(ref: dt.date, rng: random.Random, horizon: tuple[int, int] = (10, 75), form: str | None = None) -> Deadline:
    """A deadline phrase for a sentence, ``horizon`` days after ``ref`` for the dated forms."""
    if form is None:
        form = rng.choices([f for f, _ in RUNNING_FORMS], [w for _, w in RUNNING_FORMS])[0]
    due = _workday(ref + dt.timedelta(days=rng.randint(*horizon)))
    if form == "date":
        lead = rng.choice(("trước ngày", "trước ngày", "chậm nhất ngày", "chậm nhất là ngày", "hoàn thành trước ngày"))
        return Deadline(f"{lead} {dmy(due, rng)}", due, None, form)
    if form == "date-words":
        return Deadline(f"trước {words(due)}", due, None, form)
    if form == "day-month":
        if due.year != ref.year:
            return running(ref, rng, horizon, "date")
        return Deadline(f"trước ngày {due.day}/{due.month}", due, None, form)
    if form == "time-of-day":
        hour = rng.choice(("16 giờ 00", "10 giờ", "17 giờ 00", "15 giờ 30"))
        return Deadline(f"trước {hour} ngày {dmy(due, rng)}", due, None, form)
    if form == "quarter":
        q = (due.month - 1) // 3 + 1
        y = due.year
        text = rng.choice((f"trong Quý {ROMAN[q - 1]} năm {y}", f"trong quý {ROMAN[q - 1]}/{y}"))
        return Deadline(text, _month_end(y, 3 * q), None, form)
    if form == "month":
        text = rng.choice((f"trong tháng {due.month} năm {due.year}", f"trong tháng {due.month}/{due.year}"))
        return Deadline(text, _month_end(due.year, due.month), None, form)
    if form == "half-year":
        if ref.month <= 4:
            return Deadline(f"trong 6 tháng đầu năm {ref.year}", dt.date(ref.year, 6, 30), None, form)
        if ref.month <= 10:
            return Deadline(f"trong 6 tháng cuối năm {ref.year}", dt.date(ref.year, 12, 31), None, form)
        return running(ref, rng, horizon, "date")
    if form == "year":
        y = ref.year if ref.month <= 9 else ref.year + 1
        return Deadline(f"{rng.choice(('trong năm', 'hoàn thành trong năm'))} {y}", dt.date(y, 12, 31), None, form)
    if form == "yearly":
        d, m = rng.choice(((15, 12), (10, 12), (30, 11), (15, 6), (20, 12)))
        every = rng.choice(("hằng năm", "hàng năm"))
        return Deadline(f"trước ngày {d}/{m} {every}", _next_on_or_after(ref, m, d), "yearly", form)
    if form == "monthly":
        d = rng.choice((20, 25, 15, 22))
        every = rng.choice(("hằng tháng", "hàng tháng"))
        return Deadline(f"trước ngày {d} {every}", _next_day_of_month(ref, d), "monthly", form)
    if form == "semiannual":
        return Deadline("định kỳ 6 tháng", None, "semiannual", form)
    if form == "quarterly":
        return Deadline("định kỳ hằng quý", None, "quarterly", form)
    if form == "weekly":
        return Deadline("trước 15 giờ thứ Sáu hằng tuần", None, "weekly", form)
    raise ValueError(form)


CELL_FORMS: tuple[tuple[str, int], ...] = (
    ("quarter", 30),
    ("month", 15),
    ("year", 15),
    ("span", 8),
    ("date", 12),
    ("yearly", 8),
    ("ongoing", 12),
)


def cell(ref: dt.date, rng: random.Random, horizon: tuple[int, int] = (20, 200)) -> Deadline:
    """The time column of a task table (or a "Thời gian thực hiện:" line)."""
    form = rng.choices([f for f, _ in CELL_FORMS], [w for _, w in CELL_FORMS])[0]
    due = ref + dt.timedelta(days=rng.randint(*horizon))
    if form == "quarter":
        q = (due.month - 1) // 3 + 1
        text = rng.choice((f"Quý {ROMAN[q - 1]}/{due.year}", f"Quý {ROMAN[q - 1]} năm {due.year}"))
        return Deadline(text, _month_end(due.year, 3 * q), None, form)
    if form == "month":
        text = rng.choice((f"Tháng {due.month}/{due.year}", f"Tháng {due.month} năm {due.year}"))
        return Deadline(text, _month_end(due.year, due.month), None, form)
    if form == "year":
        return Deadline(rng.choice((str(due.year), f"Năm {due.year}")), dt.date(due.year, 12, 31), None, form)
    if form == "span":
        end = due.year + rng.randint(1, 5)
        return Deadline(f"{ref.year}-{end}", dt.date(end, 12, 31), None, form)
    if form == "date":
        due = _workday(due)
        return Deadline(rng.choice(("Trước ", "")) + dmy(due, rng), due, None, form)
    if form == "yearly":
        return Deadline(rng.choice(("Hằng năm", "Thường xuyên hằng năm")), None, "yearly", form)
    return Deadline(rng.choice(("Thường xuyên", "Thường xuyên", "Theo tiến độ")), None, None, form)


def meeting_day(ref: dt.date, rng: random.Random) -> dt.date:
    return _workday(ref + dt.timedelta(days=rng.randint(3, 12)))
