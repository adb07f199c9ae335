"""Deadlines: when a task is due and how often it recurs.

In running text a date is a deadline only behind a marker (``chậm nhất``, ``trước``,
``trong``, ``hạn``, ``hoàn thành``): ``năm 2025`` alone, a cited document's date or a
law's article number is not. In a task table's time column, or after ``Thời gian thực
hiện:``, the cell is a deadline by position, so bare years and spans count there.

Reading (see the extraction contract): a day → that day; a day without a year → the
document's year, or with a recurrence the first such day on or after the document's
date; a month → its last day; a quarter → its last day; a year or span → 31 December of
its last year; ``hằng tuần ... thứ Sáu`` → weekly, ``định kỳ 6 tháng`` → semiannual.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.dates import month_end, valid
from pipeline.status import Recurrence
from pipeline.text import fold

RECURRENCE_WORDS: dict[str, Recurrence] = {
    "ngày": Recurrence.DAILY,
    "tuần": Recurrence.WEEKLY,
    "tháng": Recurrence.MONTHLY,
    "quý": Recurrence.QUARTERLY,
    "quí": Recurrence.QUARTERLY,
    "năm": Recurrence.YEARLY,
}
_EVERY = r"(?:hằng|hàng|mỗi)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WEEKDAYS = r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật"

# Words after which a date is a deadline in running text.
MARKER = (
    r"(?:chậm\s+nhất(?:\s+là)?(?:\s+(?:vào|trước|đến))?|trước|hạn\s+chót|thời\s+hạn(?:\s+[\wđ]+){0,4}\s*:?"
    r"|hạn|hoàn\s+thành(?:\s+(?:trước|trong))?|trong|không\s+muộn\s+hơn|xong\s+trước|kết\s+thúc\s+trước"
    r"|đến\s+hết|muộn\s+nhất)"
)
# "trước 17 giờ 00 ngày 20/3/2026": a time of day may stand between the marker and the date
_TIME = r"(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút|')?)?(?:\s+(?:sáng|chiều|trưa|tối))?\s*,?\s*)"

# the separators agree ("15/7/2025", "15.7.2025"; never "3-4/2026", a span of months)
_DMY = (
    r"(?:(?P<d>[0-3]?\d)\s*(?P<sep>[/.\-])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*(?P<y>(?:19|20)\d\d)"
    r"|(?P<dw>[0-3]?\d)\s+tháng\s+(?P<mw>[01]?\d)\s*(?:,\s*)?(?:năm\s+|/\s*)(?P<yw>(?:19|20)\d\d))(?!\d)"
)
_DM = r"(?P<d2>[0-3]?\d)\s*(?:/|\s+tháng\s+)(?P<m2>[01]?\d)(?![\d/]|\s*(?:năm|/)\s*\d)"
_DM_MORE = r"(?P<more>(?:\s*(?:,|và)\s*(?:ngày\s+)?[0-3]?\d\s*(?:/|\s+tháng\s+)[01]?\d(?![\d/]))*)"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in (
        ("date", rf"(?:ngày\s+)?{_DMY}"),
        ("day-month", rf"(?:ngày\s+)?{_DM}{_DM_MORE}(?P<every>\s+{_EVERY}\s+năm)?"),
        ("day-of-month", rf"ngày\s+(?P<d3>[0-3]?\d)\s+(?:{_EVERY}\s+tháng|của\s+(?:mỗi|hằng|hàng)\s+tháng)"),
        # "trước ngày 18 của tháng cuối quý": a quarterly report
        # ("... tháng đầu quý sau": the report on a quarter, due in the first month of the next)
        (
            "day-of-quarter",
            rf"ngày\s+(?P<dq>[0-3]?\d)\s+(?:của\s+)?tháng\s+(?P<which>cuối|đầu)\s+(?:{_EVERY}\s+)?qu[ýí]"
            rf"(?:\s+(?:sau|tiếp\s+theo|kế\s+tiếp))?",
        ),
        (
            "weekday",
            rf"(?:(?P<h>\d{{1,2}})\s*(?:h|giờ)(?:\s*\d{{1,2}})?(?:\s+(?:sáng|chiều|trưa|tối))?\s+)?(?:ngày\s+)?(?:{_WEEKDAYS})(?!\s*,?\s*(?:ngày\s+)?[0-3]?\d\s*[/.\-]\s*[01]?\d)(?P<every>\s+{_EVERY}\s+tuần)?"
            rf"(?P<monthly>\s+(?:tuần\s+)?(?:cuối|đầu)\s+(?:{_EVERY}\s+)?tháng)?",
        ),
        ("day-only", r"ngày\s+(?P<d4>[0-3]?\d)(?!\s*(?:/|-|\.\d|tháng|\d))"),
        ("half-year", rf"6\s+tháng\s+(?P<half>đầu|cuối)\s+năm\s+{_YEAR}"),
        ("months", rf"tháng\s+(?:[01]?\d)(?:\s*(?:[-–,]|và)\s*(?:[01]?\d))+\s*(?:/|\s+năm\s+){_YEAR}(?P<mlast>)"),
        ("month", rf"tháng\s*(?P<m>[01]?\d)\s*(?:/|\s+năm\s+){_YEAR}"),
        (
            "quarter",
            rf"qu[ýí]\s+(?:(?:IV|III|II|I|[1-4])\s*(?:,|-|–|và)\s*)*(?P<q>IV|III|II|I|[1-4])\s*"
            rf"(?:/|-|\s+năm\s+|\s+)\s*{_YEAR}",
        ),
        # "Tháng 11" in a plan's time column, "trong tháng 12 hằng năm": the year is the document's
        ("month-only", r"tháng\s+(?P<mo>1[0-2]|0?[1-9])(?!\s*(?:[/.\-]\s*\d|năm\s+(?:19|20)\d\d|\d|tháng))"),
        ("span", rf"giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*{_YEAR}"),
        ("year", rf"(?:năm\s+){_YEAR}(?!\s*[-–]\s*\d)"),
    )
)
# In a time cell: spans and bare years, and recurrence words on their own.
CELL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("span", re.compile(r"(?:giai\s+đoạn\s+)?(?:19|20)\d\d\s*[-–]\s*(?P<y>(?:19|20)\d\d)", re.IGNORECASE)),
    *(p for p in PATTERNS[:-1] if p[0] not in ("day-only", "span")),
    ("year", re.compile(rf"(?:năm\s+)?{_YEAR}(?!\s*[-–/]\s*\d)", re.IGNORECASE)),
)
RECURRING = re.compile(
    rf"(?:(?P<dk>định\s+kỳ)\s+)?{_EVERY}\s+(?P<unit>ngày|tuần|tháng|quý|quí|năm)|(?P<dk2>định\s+kỳ)\s+(?P<six>6|sáu)\s+tháng"
    rf"|(?P<dk3>định\s+kỳ)\s+(?P<unit3>tuần|tháng|quý|quí|năm)\b"
    # "3 tháng một lần", "định kỳ 3 tháng", "06 tháng/lần": every quarter, every half year
    rf"|(?P<dk4>(?:định\s+kỳ\s+)?(?P<months>0?3|ba|0?6|sáu)\s+tháng\s*(?:(?:một|1|01)\s+lần|/\s*lần))"
    rf"|(?P<dk5>định\s+kỳ)\s+(?P<months5>0?3|ba)\s+tháng"
    # "báo cáo 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12": the periodic reports by name
    rf"|(?P<dk6>báo\s+cáo(?:\s+[\wđ]+){{0,5}}?\s+(?P<period>(?:0?6|sáu)\s+tháng|năm|quý|quí))"
    rf"(?=\s*\(?\s*(?:trước|chậm\s+nhất))"
    # "Báo cáo năm gửi về Sở Nội vụ trước ngày 15/12": a report named by its period, sent before a day
    # ("báo cáo năm 2025" names a year, not a period)
    rf"|(?P<dk7>báo\s+cáo\s+(?P<period7>(?:0?6|sáu)\s+tháng|năm|quý|quí))(?!\s*\d)(?=[^.;:]{{0,60}}?\s(?:trước|chậm\s+nhất)\s)",
    re.IGNORECASE,
)
# A date or month right before a recurrence is a schedule, marker or not: "Tháng 12 hằng năm, Ban
# Tuyên giáo ... báo cáo", "ngày 15/12 hàng năm các sở gửi ...".
_SCHEDULE_AFTER = re.compile(rf"^\s*{_EVERY}\s+(?:năm|tháng|quý|quí)\b", re.IGNORECASE)
# "hoàn thành dự toán thu năm 2025 và các năm tiếp theo": that year's end, then every year (not the
# year of a budget a cost is met from: "kinh phí bố trí trong dự toán năm 2025 và các năm tiếp theo")
_BUDGET = re.compile(
    r"(?:bố\s+trí|trong|từ|nguồn)\s+(?:nguồn\s+)?(?:dự\s+toán|ngân\s+sách)(?:\s+[\wđ]+){0,3}\s*$", re.IGNORECASE
)
_YEARS_ONWARD = re.compile(r"^\s*(?:,\s*)?và\s+(?:các|những)\s+năm\s+tiếp\s+theo\b", re.IGNORECASE)
_REPORTING = r"(?:báo\s+cáo|gửi|tổng\s+hợp|cập\s+nhật)"
# ("trước 11 giờ, thứ Hai, ngày 07/12/2026": the weekday names the date's day)
_MARKED = re.compile(rf"\b{MARKER}\s+(?:(?:là|vào|ngày|lúc)\s+)?{_TIME}?(?:(?:{_WEEKDAYS})\s*,?\s*)?$", re.IGNORECASE)
# "từ ngày 01/4/2026 đến ngày 30/6/2026": a span is due at its end, its first day is no deadline
_SPAN_OPENS = re.compile(r"\btừ\s+(?:ngày\s+)?$", re.IGNORECASE)
_SPAN_GOES_ON = re.compile(r"^\s*(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?\d", re.IGNORECASE)
# ... and its end is marked by the time label that opens it ("Thời gian thực hiện từ ... đến ngày
# 30/6/2026"); a bare "đến ngày" is not ("số liệu tính đến ngày 20/6/2025")
_SPAN_END = re.compile(
    r"thời\s+(?:gian|hạn)[^.;]*?\btừ\b[^.;]*?(?:đến|tới|[-–])\s*(?:hết\s+)?(?:ngày\s+)?$", re.IGNORECASE
)
# "- Tựu trường: ngày 27/8/2026", "Khai giảng: 05/9/2026": a clause that is a short label and a day
# is a schedule's item (a school year's, a campaign's), its day the task's
# (a record's own date is no task: "Ngày ban hành: 18/11/2025", "Ngày sinh: ...", "Hiệu lực: ...")
_LABELLED_DAY = re.compile(
    r"^\s*(?!ngày\b|thời\s+điểm\b)(?![^:]*(?:ban\s+hành|hiệu\s+lực|ký|cấp|sinh|cập\s+nhật|tính\s+đến))"
    r"[^\W\d][^:;.,\d]{1,40}:\s*$",
    re.IGNORECASE,
)
# "tổ chức sơ kết vào năm 2028": "vào" marks a period (not a day: "có hiệu lực vào ngày ..." is no task)
# ... and so does a bare time label ("Thời gian: dự kiến tháng 12/2025"; its day would be a meeting's)
_REPORTED_RESULT = re.compile(
    rf"{_REPORTING}\b[^.;:]{{0,80}}\bkết\s+quả(?:\s+(?:thực\s+hiện|triển\s+khai))?\s*$", re.IGNORECASE
)
_WEEK_DAY_TIME = rf"vào\s+(?:(?:buổi\s+)?(?:sáng|chiều|trưa|tối)\s+)?(?:{_WEEKDAYS})"
_WEEKLY_ANYWHERE = re.compile(rf"(?:{_EVERY}|định\s+kỳ)\s+tuần", re.IGNORECASE)
_MARKED_PERIOD = re.compile(r"\bvào\s+$|thời\s+gian\s*:\s*(?:dự\s+kiến\s+)?(?:trong\s+|vào\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Deadline:
    due: dt.date | None
    recurrence: Recurrence | None
    start: int
    end: int
    rule: str


def rule_for(pattern: str) -> str:
    """The rule id of a deadline read by ``pattern`` ("date", "quarter", "recurring", ...)."""
    return f"deadline:{pattern}"


def period_rules(*patterns: str) -> frozenset[str]:
    return frozenset(rule_for(p) for p in patterns)


def _next_on_or_after(ref: dt.date, month: int, day: int) -> dt.date | None:
    for year in (ref.year, ref.year + 1):
        d = valid(year, month, day)
        if d and d >= ref:
            return d
    return valid(ref.year, month, day)


def _next_day_of_month(ref: dt.date, day: int) -> dt.date | None:
    y, m = ref.year, ref.month
    for _ in range(3):
        d = valid(y, m, day)
        if d and d >= ref:
            return d
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return None


_Due = list[tuple[dt.date | None, Recurrence | None]]


def _read_date(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["yw"], m["mw"], m["dw"])
    day = valid(int(y), int(mo), int(d))
    return [(day, recurring)] if day else []


def _read_day_only(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """ "hằng tháng (trước ngày 20)": only with a monthly recurrence around it."""
    if recurring != Recurrence.MONTHLY:
        return []
    return [(_next_day_of_month(ref, int(m["d4"])), Recurrence.MONTHLY)]


def _read_months(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """ "Tháng 3-4/2026", "tháng 10, 11/2026": the last month listed."""
    last = int(re.findall(r"(\d{1,2})\s*(?:/|\s+năm\s+)(?:19|20)\d\d", m.group(0))[-1])
    return [(month_end(int(m["y"]), last), recurring)] if 1 <= last <= 12 else []


def _read_day_month(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """ "15/12 hằng năm" (the next such day), "01/6 và 15/11" (two days of the document's year)."""
    pairs = [(int(m["d2"]), int(m["m2"]))]
    for d, mo in re.findall(r"([0-3]?\d)\s*(?:/|\s+tháng\s+)([01]?\d)", m["more"] or ""):
        pairs.append((int(d), int(mo)))
    rec = Recurrence.YEARLY if m["every"] or recurring else None
    out: _Due = []
    for d, mo in pairs:
        due = _next_on_or_after(ref, mo, d) if rec else valid(ref.year, mo, d)
        if due:
            out.append((due, rec))
    return out


def _read_day_of_month(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    return [(_next_day_of_month(ref, int(m["d3"])), Recurrence.MONTHLY)]


def _read_day_of_quarter(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """The day in the last (or the first) month of a quarter, the first on or after the document's date."""
    day = int(m["dq"])
    months = (3, 6, 9, 12) if m["which"].lower() == "cuối" else (1, 4, 7, 10)
    for year in (ref.year, ref.year + 1):
        for month in months:
            d = valid(year, month, day)
            if d and d >= ref:
                return [(d, Recurrence.QUARTERLY)]
    return []


def _read_weekday(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """ "thứ Sáu hằng tuần": weekly, undated; a weekday under another recurrence keeps it."""
    if m["monthly"]:
        return [(None, Recurrence.MONTHLY)]  # "vào ngày Chủ nhật cuối tháng": once a month
    weekly = m["every"] or recurring == Recurrence.WEEKLY
    if not weekly and recurring is None:
        return []  # "Hội nghị diễn ra vào sáng thứ Sáu": a day of some week, which one the text does not say
    return [(None, Recurrence.WEEKLY if weekly else recurring)]


def _read_half_year(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    y = int(m["y"])
    return [(dt.date(y, 6, 30) if m["half"].lower() == "đầu" else dt.date(y, 12, 31), recurring)]


def _read_month(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    mo = int(m["m"])
    return [(month_end(int(m["y"]), mo), recurring)] if 1 <= mo <= 12 else []


def _read_month_only(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """ "Tháng 11": that month of the document's year; "Tháng 12 hằng năm": the next such month."""
    mo = int(m["mo"])
    end = month_end(ref.year, mo)
    if recurring is Recurrence.YEARLY and end < ref:
        end = month_end(ref.year + 1, mo)
    return [(end, recurring)]


def _read_quarter(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    q = _ROMAN[m["q"].lower()]
    return [(month_end(int(m["y"]), 3 * q), recurring)]


def _read_year(m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """A year, or a span's last year: its 31 December."""
    return [(dt.date(int(m["y"]), 12, 31), recurring)]


# How each pattern of PATTERNS / CELL_PATTERNS reads into (due, recurrence) pairs.
_READERS = {
    "date": _read_date,
    "day-only": _read_day_only,
    "months": _read_months,
    "day-month": _read_day_month,
    "day-of-month": _read_day_of_month,
    "day-of-quarter": _read_day_of_quarter,
    "weekday": _read_weekday,
    "half-year": _read_half_year,
    "month": _read_month,
    "quarter": _read_quarter,
    "month-only": _read_month_only,
    "year": _read_year,
    "span": _read_year,
}


def _read(name: str, m: re.Match[str], ref: dt.date, recurring: Recurrence | None) -> _Due:
    """Turn one matched expression into (due, recurrence) pairs (a "01/6 và 15/11" list gives two)."""
    reader = _READERS.get(name)
    return reader(m, ref, recurring) if reader else []


def _recurrence_near(text: str, start: int, end: int, named_report: bool = False) -> Recurrence | None:
    """A recurrence phrase right around a date ("định kỳ 6 tháng trước ngày 30/6", "15/12 hàng năm")."""
    lo = max(0, start - 90)
    # a recurrence phrase speaks for a date 40 characters on; a report named by its period ("Báo cáo
    # năm gửi về Sở Nội vụ (qua Phòng Cải cách hành chính) trước ngày 15/12") for its whole clause
    found = [
        m
        for m in RECURRING.finditer(text[lo : min(len(text), end + 25)])
        if (m["dk7"] and named_report) or (not m["dk7"] and lo + m.end() > start - 40)
    ]
    if not found:
        return None
    # the phrase nearest before the date speaks for it ("định kỳ 6 tháng trước ngày 10/6 và báo cáo
    # năm trước ngày 10/12"), else the first after it ("15/12 hàng năm")
    before = [m for m in found if lo + m.end() <= start]
    return _recurrence_of(before[-1] if before else found[0])


def _recurrence_of(m: re.Match[str]) -> Recurrence:
    if m["six"]:
        return Recurrence.SEMIANNUAL
    if m["period"] or m["period7"]:
        period = fold(m["period"] or m["period7"])
        return {"nam": Recurrence.YEARLY, "quy": Recurrence.QUARTERLY, "qui": Recurrence.QUARTERLY}.get(
            period, Recurrence.SEMIANNUAL
        )
    months = (m["months"] or m["months5"] or "").lower().lstrip("0")
    if months:
        return Recurrence.QUARTERLY if months in ("3", "ba") else Recurrence.SEMIANNUAL
    unit = (m["unit"] or m["unit3"] or "").lower()
    return RECURRENCE_WORDS.get(unit, Recurrence.YEARLY)


_PERIODS = frozenset(
    {"year", "month", "months", "month-only", "quarter", "half-year", "span", "day-of-month", "weekday"}
)


def _marked(text: str, name: str, m: re.Match[str]) -> tuple[bool, bool]:
    """Whether the expression ``m`` (of pattern ``name``) in running text is a deadline — behind a
    marker, a time label, or a schedule — and whether it opens a run of years ("và các năm tiếp theo")."""
    before = text[max(0, m.start() - 60) : m.start()]
    after = text[m.end() : m.end() + 30]
    marked = (
        _MARKED.search(before)
        or (name in _PERIODS and _MARKED_PERIOD.search(before))
        or _SPAN_END.search(before)
        or (name in ("date", "day-month") and _LABELLED_DAY.match(text[: m.start()]))
    )
    onward = name == "year" and bool(_YEARS_ONWARD.match(after)) and not _BUDGET.search(before)
    schedule = m.groupdict().get("every") or _SCHEDULE_AFTER.match(after[:20]) or onward
    return bool(marked or schedule), onward


def find_deadlines(text: str, ref: dt.date, cell: bool = False) -> list[Deadline]:
    """Deadlines in one clause (``cell=True``: a time cell, where no marker is needed)."""
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for name, rx in CELL_PATTERNS if cell else PATTERNS:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            before = text[max(0, m.start() - 60) : m.start()]
            if _SPAN_OPENS.search(before) and _SPAN_GOES_ON.match(text[m.end() : m.end() + 20]):
                taken.append((m.start(), m.end()))
                continue
            marked, onward = _marked(text, name, m)
            if not cell and not marked:
                continue
            # only a day with no year comes back with its named report: "Báo cáo năm gửi trước ngày
            # 15/11/2026" is this year's report
            rec = Recurrence.YEARLY if onward else _recurrence_near(text, m.start(), m.end(), name == "day-month")
            if name == "weekday" and rec is None and _WEEKLY_ANYWHERE.search(text):
                rec = Recurrence.WEEKLY  # "Hằng tuần, Văn phòng ... tổng hợp, báo cáo trước 16h00 thứ Sáu"
            for due, recurrence in _read(name, m, ref, rec):
                found.append(Deadline(due, recurrence, m.start(), m.end(), rule_for(name)))
            taken.append((m.start(), m.end()))
    if cell and not found:
        m = RECURRING.search(text)
        if m:
            found.append(Deadline(None, _recurrence_of(m), m.start(), m.end(), rule_for("recurring-cell")))
    return sorted(found, key=lambda d: d.start)


def standalone_recurrences(text: str, deadlines: list[Deadline]) -> list[Deadline]:
    """``định kỳ hằng năm`` or ``hằng tuần gửi báo cáo`` with no date of their own: undated recurring tasks.

    A bare ``hằng năm`` counts only after ``định kỳ`` or right next to a reporting verb, so that
    "dự toán ngân sách hằng năm" does not become a task.
    """
    out: list[Deadline] = []
    matches = list(RECURRING.finditer(text))
    # "Định kỳ 6 tháng, năm, các phòng báo cáo ...: báo cáo 6 tháng trước ngày 10/6; báo cáo năm ...":
    # the periodic reports named before their days are the schedule the opening "định kỳ" announced
    named = {
        _recurrence_of(m)
        for m in matches
        if (m["dk6"] or m["dk7"]) and any(0 <= d.start - m.end() <= 45 for d in deadlines)
    }
    for m in matches:
        rec = _recurrence_of(m)
        if any(
            d.start - 45 <= m.start() <= d.end + 30 or (d.recurrence == rec and m.end() <= d.start) for d in deadlines
        ):
            continue  # it qualifies a dated deadline ("định kỳ hằng tháng, ... trước ngày 18 hằng tháng")
        if rec in named:
            continue
        explicit = m["dk"] or m["dk2"] or m["dk3"] or m["dk4"] or m["dk5"]
        before = text[max(0, m.start() - 30) : m.start()].lower()
        after = text[m.end() : m.end() + 30].lower()
        adjacent = (
            re.search(rf"{_REPORTING}(?:\s+\S+){{0,2}}\s*$", before)
            # "báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện hằng năm": the report's object, then its period
            or _REPORTED_RESULT.search(text[max(0, m.start() - 90) : m.start()])
            # "hằng tuần, vào sáng thứ Sáu, báo cáo tình hình ...": the day of the week, then the report
            or re.match(rf"^\s*,?\s*(?:{_WEEK_DAY_TIME}\s*,?\s*)?{_REPORTING}", after)
            # "báo cáo nhanh tình hình ... hằng ngày trước 15 giờ": a time of day fixes the schedule
            or re.match(r"^\s*,?\s*(?:trước|chậm\s+nhất|vào|lúc)\s+\d", after)
            # "cung cấp bản tin ... trước 07 giờ 00 hằng ngày": the hour before its period, likewise
            or re.search(r"(?:trước|chậm\s+nhất|vào|lúc)\s+\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s*$", before)
            # "... báo cáo Ban Thường vụ Tỉnh ủy hằng quý." closing a reporting clause
            or (re.match(r"^\s*[.;]?\s*$", after[:3]) and re.search(_REPORTING, text[: m.start()], re.IGNORECASE))
        )
        if explicit or adjacent:
            out.append(Deadline(None, rec, m.start(), m.end(), rule_for("recurring")))
    return out


# --- the time of day and the weekday of a deadline ------------------------------------------------
# For the calendar only: ``congvan extract`` (the scored contract) reads a deadline's day, not its
# hour. "trước 15h00 ngày 05/12" is due at 15:00; "trước 10 giờ sáng thứ Sáu hằng tuần" at 10:00
# every Friday; "trong 48 giờ" is a span, not a time of day (no marker stands right before it).

_CLOCK = re.compile(
    r"(?<![\d/.,])(?P<h>[01]?\d|2[0-3])\s*(?:giờ|h)(?:\s*(?P<mi>[0-5]\d)(?:\s*phút|')?)?"
    r"(?:\s+(?P<part>sáng|trưa|chiều|tối))?(?!\w)",
    re.IGNORECASE,
)
_CLOCK_MARKED = re.compile(
    rf"\b{MARKER}\s+(?:(?:là|vào|lúc)\s+)?(?P<clock>{_CLOCK.pattern.replace('?P<', '?P<c_')})\s*,?\s*"
    rf"(?:(?:{_WEEKDAYS})\s*,?\s*)?(?:(?:ngày|vào)\s+)?$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"thứ\s+(?P<n>hai|ba|tư|năm|sáu|bảy|[2-7])(?!\w)|(?P<cn>chủ\s+nhật)", re.IGNORECASE)
_WEEKDAY_NUMBERS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5}


def _clock_time(hour: str, minute: str | None, part: str | None) -> dt.time | None:
    h, mi = int(hour), int(minute or 0)
    if part and part.lower() in ("chiều", "tối") and h < 12:
        h += 12  # "3 giờ chiều" is 15:00; "15h chiều" stays 15:00
    return dt.time(h, mi) if h < 24 else None


def weekday_in(text: str) -> int | None:
    """The weekday named in ``text`` (Monday 0 … Sunday 6): "thứ Sáu" 4, "thứ 2" 0, "Chủ nhật" 6."""
    m = _WEEKDAY.search(text)
    if not m:
        return None
    if m["cn"]:
        return 6
    n = m["n"].lower()
    return int(n) - 2 if n.isdigit() else _WEEKDAY_NUMBERS[n]


def clock_of(text: str, deadline: Deadline) -> tuple[dt.time | None, int | None]:
    """The time of day and the weekday ``text`` gives for ``deadline`` (one of its find_deadlines).

    The hour stands between the marker and the day ("trước 15h00 ngày 05/12") or opens a weekday
    ("trước 10 giờ sáng thứ Sáu hằng tuần"); the weekday is a weekly deadline's own.
    """
    span = text[deadline.start : deadline.end]
    at = None
    if m := _CLOCK.match(span):
        at = _clock_time(m["h"], m["mi"], m["part"])
    elif m := _CLOCK_MARKED.search(text[max(0, deadline.start - 60) : deadline.start]):
        at = _clock_time(m["c_h"], m["c_mi"], m["c_part"])
    weekday = weekday_in(span) if deadline.rule == rule_for("weekday") else None
    return at, weekday
