"""Deadlines as a calendar: an .ics file (RFC 5545) for the clerk's calendar program, and a month as
data (weeks × days × deadlines) that the terminal and a web page draw their own way.

Each event's UID is derived from what the obligation says (source document, owners, due date,
text), so exporting again after new documents arrive updates the events already imported instead of
adding duplicates, and two databases built from the same documents agree.
"""

from __future__ import annotations

import calendar as stdcalendar
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from icalendar import Alarm, Calendar, Event

from extractors.data.units import ABBREVIATIONS
from extractors.units import unit_key
from models.schema import Obligation
from pipeline.answers.dates import is_recurring, occurrences
from pipeline.answers.owe import owner_names
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.labels import stored_label
from pipeline.status import ObligationStatus, Recurrence, label_of
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


def rrule_for(first: dt.date, recurrence: str) -> dict | None:
    """The RRULE of a recurrence, matching pipeline.answers.dates.occurrences day for day.

    Month-based rules clamp a day past the 28th to the month's end (31/1 monthly → 28/2, 31/3); a
    plain BYMONTHDAY would skip the short months instead, so the rule picks the last existing day
    among 28..day (BYSETPOS=-1).
    """
    if recurrence not in set(Recurrence):
        return None
    freq, interval = Recurrence(recurrence).rrule
    rule: dict = {"FREQ": freq}
    if interval > 1:
        rule["INTERVAL"] = interval
    if freq in ("MONTHLY", "YEARLY") and first.day > 28:
        if freq == "YEARLY":
            rule["BYMONTH"] = first.month
        rule["BYMONTHDAY"] = list(range(28, first.day + 1))
        rule["BYSETPOS"] = -1
    return rule


def event_summary(ob: Obligation) -> str:
    owners = "; ".join(owner_names(ob)) or "?"
    ref = (ob.document.reference if ob.document else None) or stored_label(ob.document)
    done = f" ({label_of(ObligationStatus, ob.status)})" if ob.status != ObligationStatus.OPEN else ""
    return f"[{owners}] {ob.action or 'thực hiện'} — {ref}{done}"


def event_description(ob: Obligation) -> str:
    doc = ob.document
    lines = [ob.text.strip()]
    source = stored_label(doc)
    if doc is not None and doc.issuer:
        source += f" của {doc.issuer}"
    if doc is not None and doc.subject:
        source += f" — V/v {doc.subject}"
    lines.append(f"Văn bản nguồn: {source}")
    if is_recurring(ob):
        lines.append(f"Lặp lại: {label_of(Recurrence, ob.recurrence)}")
    lines.append(f"Tình trạng: {label_of(ObligationStatus, ob.status)}")
    if ob.answered_by is not None:
        lines.append(f"Đã trả lời bằng: {stored_label(ob.answered_by)}")
    return "\n".join(lines)


@dataclass
class IcsExport:
    data: bytes
    events: int
    skipped: list[Obligation] = field(default_factory=list)  # no date to put on a calendar (mostly recurring)


def build_ics(
    obligations: Iterable[Obligation],
    *,
    alarm_days: int = 3,
    stamp: dt.datetime | None = None,
    name: str = "Hạn văn bản (congvan)",
    deadline: Deadline = NO_DEADLINE,
) -> IcsExport:
    """One all-day VEVENT per dated obligation, with a display alarm ``alarm_days`` before it."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    skipped: list[Obligation] = []
    count = 0
    seen: set[str] = set()
    for ob in obligations:
        deadline.check()
        if ob.due is None:
            skipped.append(ob)
            continue
        uid = event_uid(ob)
        if uid in seen:  # the same task stated twice in one document is one event
            continue
        seen.add(uid)
        ev = Event()
        ev.add("uid", uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", ob.due)
        ev.add("dtend", ob.due + dt.timedelta(days=1))
        ev.add("summary", event_summary(ob))
        ev.add("description", event_description(ob))
        ev.add("sequence", _sequence(ob.status))
        ev.add("transp", "TRANSPARENT")  # a deadline does not make the clerk busy all day
        ev.add("categories", ["Hạn văn bản"])
        if is_recurring(ob) and (rule := rrule_for(ob.due, ob.recurrence or "")):
            ev.add("rrule", rule)
        if alarm_days > 0:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", dt.timedelta(days=-alarm_days))
            alarm.add("description", f"Còn {alarm_days} ngày: {event_summary(ob)}")
            ev.add_component(alarm)
        cal.add_component(ev)
        count += 1
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
    """Each day of the month with the obligations due on it, recurring occurrences included."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, stdcalendar.monthrange(year, month)[1])
    days: dict[dt.date, list[Obligation]] = {}
    for ob in obligations:
        deadline.check()
        if ob.due is None:
            continue
        dates = occurrences(ob.due, ob.recurrence or "", first, last) if is_recurring(ob) else [ob.due]
        for d in dates:
            if first <= d <= last:
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


def _entry(ob: Obligation, day: dt.date, today: dt.date) -> DayEntry:
    owners = owner_names(ob)
    recurring = is_recurring(ob)
    return DayEntry(
        who=short_name(owners[0]) if owners else "?",
        action=ob.action or "thực hiện",
        recurring=recurring,
        late=ob.status == ObligationStatus.OPEN and not recurring and day < today,
        done=ob.status != ObligationStatus.OPEN,
        obligation_id=ob.id,
    )


def month_grid(
    obligations: Iterable[Obligation],
    year: int,
    month: int,
    *,
    today: dt.date | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> MonthGrid:
    """The month as weeks of days, each day with its deadlines (recurring occurrences included)."""
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
            cells.append(DayCell(day, True, day == today, tuple(_entry(ob, day, today) for ob in items)))
        weeks.append(tuple(cells))
    return MonthGrid(
        year=year,
        month=month,
        weeks=tuple(weeks),
        total=sum(len(v) for v in days.values()),
        undated=sum(1 for ob in obligations if ob.due is None),
    )
