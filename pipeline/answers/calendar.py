"""Deadlines as a calendar: an .ics file (RFC 5545) for the clerk's calendar program, and a month as
data (weeks × days × deadlines) that the terminal and a web page draw their own way.

Each event's UID is derived from what the obligation says (source document, owners, due date,
text), so exporting again after new documents arrive updates the events already imported instead of
adding duplicates, and two databases built from the same documents agree.

The rules are written to expand the same in every calendar program: Python's icalendar /
recurring_ical_events and Mozilla's ical.js (Thunderbird) are checked against each other in
tests/pipeline/answers/test_calendar_portable.py. So no BYSETPOS (ical.js expands
``BYMONTHDAY=28,29,30;BYSETPOS=-1`` in a yearly rule to three days, kewisch/ical.js #578, #1039),
every RRULE ends (UNTIL), and a time of day is local to Asia/Ho_Chi_Minh with its VTIMEZONE.
"""

from __future__ import annotations

import calendar as stdcalendar
import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

from extractors.data.units import ABBREVIATIONS
from extractors.units import unit_key
from models.schema import Obligation
from pipeline.answers.dates import Schedule, is_recurring, occurrences, schedule_of
from pipeline.answers.owe import owner_names
from pipeline.answers.tracking import Tracking
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.labels import stored_label
from pipeline.status import ObligationStatus, Recurrence, TrackingState, label_of
from pipeline.text import fold

PRODID = "-//congvan//Han van ban hanh chinh//VI"


def _owner_keys(ob: Obligation) -> list[str]:
    if ob.owners:
        return sorted(u.key for u in ob.owners)
    return sorted(unit_key(p) for p in ob.owner_names)


def _sequence(status: str) -> int:
    """A changed status is an update of the same event: calendar programs take the higher SEQUENCE."""
    try:
        return ObligationStatus(status).sequence
    except ValueError:
        return 0


def event_uid(ob: Obligation) -> str:
    """Stable across runs and databases: source document + owners + due + recurrence + text hash."""
    doc = ob.document
    source = (doc.reference_key or doc.fingerprint or f"doc-{doc.id}") if doc else f"doc-{ob.document_id}"
    text_hash = hashlib.sha256(" ".join(fold(ob.text or "").split()).encode()).hexdigest()[:16]
    due = ob.due.isoformat() if ob.due else ""
    basis = "|".join((source, ",".join(_owner_keys(ob)), due, ob.recurrence or "", text_hash))
    return f"{hashlib.sha256(basis.encode()).hexdigest()[:32]}@congvan"


TZID = "Asia/Ho_Chi_Minh"
LOCAL = ZoneInfo(TZID)
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# A month's longest and shortest length (February: 29 and 28).
_LONGEST = {m: 29 if m == 2 else stdcalendar.monthrange(2001, m)[1] for m in range(1, 13)}
_SHORTEST = {m: 28 if m == 2 else _LONGEST[m] for m in range(1, 13)}


def _months_visited(first: dt.date, months: int) -> list[int]:
    return sorted({(first.month - 1 + k * months) % 12 + 1 for k in range(12)})


def _until_value(until: dt.date, at: dt.time | None) -> dt.date | dt.datetime:
    """RFC 5545: a DATE for an all-day series, the end of that day in UTC for a timed one."""
    if at is None:
        return until
    return dt.datetime.combine(until, dt.time(23, 59, 59), LOCAL).astimezone(dt.UTC)


def rrule_for(
    first: dt.date,
    recurrence: str,
    until: dt.date | None = None,
    at: dt.time | None = None,
    month_end: bool = False,
) -> dict | None:
    """The RRULE of a recurrence, matching pipeline.answers.dates.occurrences day for day.

    Month-based rules clamp a day past the 28th to the month's end (31/1 monthly → 28/2, 31/3). A day
    that is the last of every month the rule visits is ``BYMONTHDAY=-1`` (31/1 monthly, 31/3
    quarterly, 29/2 yearly) unless every visited month has it (30/11 yearly is ``BYMONTHDAY=30``); a
    day some visited month lacks (30/1 monthly: February) is
    ``BYMONTHDAY=30`` and its short months are added as RDATEs (``short_month_dates``). A yearly
    rule names its day (``BYMONTH=12;BYMONTHDAY=15``); a weekly one its weekday (``BYDAY=FR``).
    """
    if recurrence not in set(Recurrence):
        return None
    rec = Recurrence(recurrence)
    freq, interval = rec.rrule
    rule: dict = {"FREQ": freq}
    if interval > 1:
        rule["INTERVAL"] = interval
    if rec is Recurrence.WEEKLY:
        rule["BYDAY"] = _BYDAY[first.weekday()]
    if rec.months:
        if freq == "YEARLY":
            rule["BYMONTH"] = first.month
        visited = _months_visited(first, rec.months)
        fits = all(first.day <= _SHORTEST[m] for m in visited)  # a fixed day every visited month has
        if month_end or (not fits and all(first.day >= _LONGEST[m] for m in visited)):
            rule["BYMONTHDAY"] = -1
        elif freq == "YEARLY" or first.day > 28:
            rule["BYMONTHDAY"] = first.day
    if until is not None:
        rule["UNTIL"] = _until_value(until, at)
    return rule


def short_month_dates(first: dt.date, recurrence: str, until: dt.date, month_end: bool = False) -> list[dt.date]:
    """The occurrences a ``BYMONTHDAY=day`` rule skips because the month is short (30/1 monthly:
    28/2 and 29/2), for RDATE: each is the month's last day, as ``occurrences`` clamps it."""
    rec = Recurrence(recurrence) if recurrence in set(Recurrence) else None
    if rec is None or not rec.months or first.day <= 28 or month_end:
        return []
    visited = _months_visited(first, rec.months)
    if all(first.day >= _LONGEST[m] for m in visited) or all(first.day <= _SHORTEST[m] for m in visited):
        return []
    return [d for d in occurrences(first, rec, first, until) if d.day != first.day]


def answered_occurrence(ob: Obligation, schedule: Schedule) -> dt.date | None:
    """The one occurrence of a recurring task that its answering report is for: the first on or after
    the report's date (the period from the occurrence before up to this one holds the report)."""
    report = ob.answered_by
    if schedule.recurrence is None or ob.status == ObligationStatus.OPEN or report is None or report.date is None:
        return None
    found = schedule.occurrences(max(report.date, schedule.first), schedule.until or report.date)
    return found[0] if found else None


def series_status(ob: Obligation, schedule: Schedule) -> tuple[str, dt.date | None]:
    """(status of the series, the one occurrence a dated report answered). A recurring task answered
    once is answered for that period only; marked done by hand without a dated report, it is done."""
    if schedule.recurrence is None:
        return ob.status, None
    if (day := answered_occurrence(ob, schedule)) is not None:
        return ObligationStatus.OPEN, day
    return (ob.status if ob.status == ObligationStatus.DONE else ObligationStatus.OPEN), None


def event_summary(ob: Obligation, status: str | None = None) -> str:
    owners = "; ".join(owner_names(ob)) or "?"
    doc = ob.document
    # the số/ký hiệu; a document without one is named by its trích yếu, not by a row id
    subject = doc.subject if doc is not None and doc.subject else None
    short = f"V/v {subject[:57]}…" if subject and len(subject) > 60 else f"V/v {subject}" if subject else None
    ref = (doc.reference if doc is not None else None) or short or stored_label(doc)
    status = ob.status if status is None else status
    done = f" ({label_of(ObligationStatus, status)})" if status != ObligationStatus.OPEN else ""
    return f"[{owners}] {ob.action or 'thực hiện'} — {ref}{done}"


def _when(schedule: Schedule) -> str:
    """ "hằng tuần, thứ Sáu, lúc 10:00, đến hết 31/12/2025" """
    parts = []
    if schedule.recurrence is not None:
        parts.append(label_of(Recurrence, schedule.recurrence))
        if schedule.recurrence is Recurrence.WEEKLY:
            parts.append(
                ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")[schedule.first.weekday()]
            )
    if schedule.at is not None:
        parts.append(f"trước {schedule.at:%H:%M}")
    if schedule.until is not None:
        parts.append(f"đến hết {schedule.until:%d/%m/%Y}")
    return ", ".join(parts)


def event_description(
    ob: Obligation, schedule: Schedule | None = None, status: str | None = None, answered: dt.date | None = None
) -> str:
    doc = ob.document
    lines = [ob.text.strip()]
    source = stored_label(doc)
    if doc is not None and doc.issuer:
        source += f" của {doc.issuer}"
    if doc is not None and doc.subject:
        source += f" — V/v {doc.subject}"
    lines.append(f"Văn bản nguồn: {source}")
    if schedule is not None and (schedule.recurrence is not None or schedule.at is not None):
        lines.append(f"{'Lặp lại' if schedule.recurrence else 'Hạn'}: {_when(schedule)}")
    elif is_recurring(ob):
        lines.append(f"Lặp lại: {label_of(Recurrence, ob.recurrence)}")
    lines.append(f"Tình trạng: {label_of(ObligationStatus, ob.status if status is None else status)}")
    if ob.answered_by is not None:
        period = f" (kỳ {answered:%d/%m/%Y})" if answered else ""
        lines.append(f"Đã trả lời bằng: {stored_label(ob.answered_by)}{period}")
    return "\n".join(lines)


@dataclass
class IcsExport:
    data: bytes
    events: int
    skipped: list[Obligation] = field(default_factory=list)  # no date to put on a calendar (mostly recurring)


@functools.cache
def _vtimezone() -> Timezone:
    """One VTIMEZONE for every export (Asia/Ho_Chi_Minh has kept UTC+7 since 1975)."""
    return Timezone.from_tzid(TZID, first_date=dt.date(1976, 1, 1), last_date=dt.date(2200, 1, 1))


def _start(day: dt.date, at: dt.time | None) -> dt.date | dt.datetime:
    return day if at is None else dt.datetime.combine(day, at, LOCAL)


def _timing(ev: Event, day: dt.date, at: dt.time | None) -> None:
    """An all-day event, or a timed deadline: a point in time (RFC 5545: no DTEND, it ends as it starts)."""
    ev.add("dtstart", _start(day, at))
    if at is None:
        ev.add("dtend", day + dt.timedelta(days=1))


@dataclass(frozen=True)
class _Shared:
    """What every event of one export has alike, encoded once and shared: to_ical is most of an
    export's time (issue 12), and encoding the same stamp, flags and alarm for each of thousands of
    events came next."""

    stamp: object
    transp: object
    categories: object
    alarm: Alarm | None

    @classmethod
    def of(cls, stamp: dt.datetime, alarm_days: int) -> _Shared:
        probe = Event()
        probe.add("dtstamp", stamp)
        probe.add("transp", "TRANSPARENT")  # a deadline does not make the clerk busy all day
        probe.add("categories", ["Hạn văn bản"])
        alarm = None
        if alarm_days > 0:
            # Its text is short: calendar programs show the event's title with it.
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", dt.timedelta(days=-alarm_days))
            alarm.add("description", f"Còn {alarm_days} ngày đến hạn")
        return cls(probe["dtstamp"], probe["transp"], probe["categories"], alarm)

    def stamp_on(self, ev: Event) -> None:
        ev.add("dtstamp", self.stamp)
        ev.add("transp", self.transp)
        ev.add("categories", self.categories)


def _event(ob: Obligation, schedule: Schedule, uid: str, shared: _Shared) -> list[Event]:
    """The obligation's event, and for a recurring one answered for one period, that occurrence's
    override (same UID, RECURRENCE-ID) carrying its status."""
    status, answered = series_status(ob, schedule)
    ev = Event()
    ev.add("uid", uid)
    shared.stamp_on(ev)
    _timing(ev, schedule.first, schedule.at)
    summary = event_summary(ob, status)
    ev.add("summary", summary)
    ev.add("description", event_description(ob, schedule, status, answered))
    ev.add("sequence", _sequence(ob.status))
    s = schedule
    if s.recurrence is not None and s.until is not None:
        ev.add("rrule", rrule_for(s.first, s.recurrence, s.until, s.at, s.month_end))
        if extra := short_month_dates(s.first, s.recurrence, s.until, s.month_end):
            ev.add("rdate", [_start(d, schedule.at) for d in extra])
    if shared.alarm is not None:
        ev.add_component(shared.alarm)
    if answered is None:
        return [ev]
    over = Event()
    over.add("uid", uid)
    shared.stamp_on(over)
    over.add("recurrence-id", _start(answered, schedule.at))
    _timing(over, answered, schedule.at)
    over.add("summary", event_summary(ob, ob.status))
    over.add("description", event_description(ob, schedule, ob.status, answered))
    over.add("sequence", _sequence(ob.status))
    return [ev, over]


def build_ics(
    obligations: Iterable[Obligation],
    *,
    alarm_days: int = 3,
    stamp: dt.datetime | None = None,
    name: str = "Hạn văn bản (congvan)",
    deadline: Deadline = NO_DEADLINE,
) -> IcsExport:
    """One event per dated obligation (all-day, or at its hour), with a display alarm ``alarm_days``
    before it; a recurring one as a bounded RRULE."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    skipped: list[Obligation] = []
    shared = _Shared.of(stamp, alarm_days)
    events: list[Event] = []
    count = 0
    timed = False
    seen: set[str] = set()
    for ob in obligations:
        deadline.check()
        schedule = schedule_of(ob)
        if schedule is None:
            skipped.append(ob)
            continue
        uid = event_uid(ob)
        if uid in seen:  # the same task stated twice in one document is one event
            continue
        seen.add(uid)
        events += _event(ob, schedule, uid, shared)
        timed = timed or schedule.at is not None
        count += 1
    if timed:
        cal.add_component(_vtimezone())
    for ev in events:
        cal.add_component(ev)
    if skipped:
        cal.add("x-wr-caldesc", f"{len(skipped)} việc chưa rõ ngày không được đưa vào lịch.")
    return IcsExport(cal.to_ical(), count, skipped)


def to_ics(
    obligations: Iterable[Obligation],
    *,
    alarm_days: int = 3,
    stamp: dt.datetime | None = None,
    name: str = "Hạn văn bản (congvan)",
) -> bytes:
    """The .ics bytes; undated obligations are left out (build_ics says which)."""
    return build_ics(obligations, alarm_days=alarm_days, stamp=stamp, name=name).data


# --- the month as data -------------------------------------------------------------------------


# Long unit bodies written the short way clerks write them ("UBND cấp xã"), to fit a day's cell.
# The first abbreviation listed for a name wins; a name built from another ("Văn phòng Ủy ban nhân
# dân") is left to the parts, giving "Văn phòng UBND" as clerks write it rather than "VPUB".
_FULL_TO_ABBR = {full: abbr for abbr, full in reversed(ABBREVIATIONS.items()) if " " in full}
_SHORT: tuple[tuple[str, str], ...] = tuple(
    sorted(
        ((f, a) for f, a in _FULL_TO_ABBR.items() if not any(o != f and o in f for o in _FULL_TO_ABBR)),
        key=lambda p: -len(p[0]),
    )
)


def short_name(name: str) -> str:
    """ "Ủy ban nhân dân cấp xã" -> "UBND cấp xã", "Các doanh nghiệp viễn thông" -> "DN viễn thông"."""
    name = re.sub(r"^(?:các|những)\s+", "", name, flags=re.IGNORECASE)
    for full, abbr in _SHORT:
        name = re.sub(rf"(?<!\w){re.escape(full)}(?!\w)", abbr, name, flags=re.IGNORECASE)
    return name


def deadlines_in_month(
    obligations: Iterable[Obligation], year: int, month: int, deadline: Deadline = NO_DEADLINE
) -> dict[dt.date, list[Obligation]]:
    """Each day of the month with the obligations due on it, recurring occurrences included (up to the
    end of the period they run for, as the .ics shows them)."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, stdcalendar.monthrange(year, month)[1])
    days: dict[dt.date, list[Obligation]] = {}
    for ob in obligations:
        deadline.check()
        schedule = schedule_of(ob)
        if schedule is None:
            continue
        for d in schedule.occurrences(first, last):
            days.setdefault(d, []).append(ob)
    return days


@dataclass(frozen=True)
class DayEntry:
    """One deadline on a day: "UBND cấp xã: báo cáo"."""

    who: str  # the first owner, written short
    action: str
    recurring: bool
    late: bool  # open, one-off and the day is past
    done: bool  # answered or done
    obligation_id: int


@dataclass(frozen=True)
class DayCell:
    day: dt.date
    in_month: bool  # the grid's first and last weeks show days of the months around it
    today: bool
    entries: tuple[DayEntry, ...] = ()  # by owner, then obligation


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: tuple[tuple[DayCell, ...], ...]  # Monday first
    total: int  # deadlines inside the month
    undated: int  # obligations with no date, which no calendar can show


def _entry(ob: Obligation, day: dt.date, today: dt.date, tracking: Tracking | None = None) -> DayEntry:
    owners = owner_names(ob)
    recurring = is_recurring(ob)
    entry = {"who": short_name(owners[0]) if owners else "?", "action": ob.action or "thực hiện",
             "recurring": recurring, "obligation_id": ob.id}  # fmt: skip
    if tracking is not None:  # the clerk's marks count too ("congvan done"), per occurrence
        state = tracking.state(ob, occurrence=day if recurring else None)
        return DayEntry(**entry, late=state is TrackingState.OVERDUE and not recurring, done=state.closed)
    schedule = schedule_of(ob)
    status = ob.status
    if schedule is not None and schedule.recurrence is not None:
        series, answered = series_status(ob, schedule)
        status = ob.status if day == answered else series  # one period's report marks that day only
    return DayEntry(
        **entry, late=status == ObligationStatus.OPEN and not recurring and day < today,
        done=status != ObligationStatus.OPEN,
    )  # fmt: skip


def month_grid(
    obligations: Iterable[Obligation],
    year: int,
    month: int,
    *,
    today: dt.date | None = None,
    deadline: Deadline = NO_DEADLINE,
    tracking: Tracking | None = None,
) -> MonthGrid:
    """The month as weeks of days, each day with its deadlines (recurring occurrences included);
    with ``tracking`` (pipeline.answers.tracking.load_tracking) each as the clerk's marks leave it."""
    today = today or dt.date.today()
    obligations = list(obligations)
    days = deadlines_in_month(obligations, year, month, deadline)
    weeks = []
    for week in stdcalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append(DayCell(day, in_month=False, today=day == today))
                continue
            items = sorted(days.get(day, []), key=lambda ob: (owner_names(ob), ob.id))
            cells.append(DayCell(day, True, day == today, tuple(_entry(ob, day, today, tracking) for ob in items)))
        weeks.append(tuple(cells))
    return MonthGrid(
        year=year,
        month=month,
        weeks=tuple(weeks),
        total=sum(len(v) for v in days.values()),
        undated=sum(1 for ob in obligations if schedule_of(ob) is None),
    )
