"""Deadlines as a calendar: an .ics file (RFC 5545) for the clerk's calendar program, and a month grid
for the terminal.

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
from rich.console import Group
from rich.table import Table
from rich.text import Text

from extractors.data.units import ABBREVIATIONS
from extractors.units import unit_key
from models.schema import Obligation
from pipeline.answers.queries import RECURRENCE_VI, STATUS_VI, is_recurring, occurrences, owner_names, source_label
from pipeline.text import fold

PRODID = "-//congvan//Han van ban hanh chinh//VI"
# RFC 5545 FREQ and INTERVAL for each stored recurrence.
RRULE_FREQ: dict[str, tuple[str, int]] = {
    "daily": ("DAILY", 1),
    "weekly": ("WEEKLY", 1),
    "monthly": ("MONTHLY", 1),
    "quarterly": ("MONTHLY", 3),
    "semiannual": ("MONTHLY", 6),
    "yearly": ("YEARLY", 1),
}
# A changed status is an update of the same event: calendar programs take the higher SEQUENCE.
STATUS_SEQUENCE: dict[str, int] = {"open": 0, "answered": 1, "done": 2}
WEEKDAYS_VI = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _owner_keys(ob: Obligation) -> list[str]:
    if ob.owners:
        return sorted(u.key for u in ob.owners)
    return sorted(unit_key(p) for p in ob.owner_names)


def event_uid(ob: Obligation) -> str:
    """Stable across runs and databases: source document + owners + due + recurrence + text hash."""
    doc = ob.document
    source = (doc.reference_key or doc.fingerprint or f"doc-{doc.id}") if doc else f"doc-{ob.document_id}"
    text_hash = hashlib.sha256(" ".join(fold(ob.text or "").split()).encode()).hexdigest()[:16]
    due = ob.due.isoformat() if ob.due else ""
    basis = "|".join((source, ",".join(_owner_keys(ob)), due, ob.recurrence or "", text_hash))
    return f"{hashlib.sha256(basis.encode()).hexdigest()[:32]}@congvan"


def rrule_for(first: dt.date, recurrence: str) -> dict | None:
    """The RRULE of a recurrence, matching pipeline.answers.queries.occurrences day for day.

    Month-based rules clamp a day past the 28th to the month's end (31/1 monthly → 28/2, 31/3); a
    plain BYMONTHDAY would skip the short months instead, so the rule picks the last existing day
    among 28..day (BYSETPOS=-1).
    """
    if recurrence not in RRULE_FREQ:
        return None
    freq, interval = RRULE_FREQ[recurrence]
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
    ref = (ob.document.reference if ob.document else None) or source_label(ob.document)
    done = f" ({STATUS_VI.get(ob.status, ob.status)})" if ob.status != "open" else ""
    return f"[{owners}] {ob.action or 'thực hiện'} — {ref}{done}"


def event_description(ob: Obligation) -> str:
    doc = ob.document
    lines = [ob.text.strip()]
    source = source_label(doc)
    if doc is not None and doc.issuer:
        source += f" của {doc.issuer}"
    if doc is not None and doc.subject:
        source += f" — V/v {doc.subject}"
    lines.append(f"Văn bản nguồn: {source}")
    if is_recurring(ob):
        lines.append(f"Lặp lại: {RECURRENCE_VI.get(ob.recurrence or '', ob.recurrence)}")
    lines.append(f"Tình trạng: {STATUS_VI.get(ob.status, ob.status)}")
    if ob.answered_by is not None:
        lines.append(f"Đã trả lời bằng: {source_label(ob.answered_by)}")
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
        ev.add("sequence", STATUS_SEQUENCE.get(ob.status, 0))
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


# --- the month in the terminal -----------------------------------------------------------------


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


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def deadlines_in_month(obligations: Iterable[Obligation], year: int, month: int) -> dict[dt.date, list[Obligation]]:
    """Each day of the month with the obligations due on it, recurring occurrences included."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, stdcalendar.monthrange(year, month)[1])
    days: dict[dt.date, list[Obligation]] = {}
    for ob in obligations:
        if ob.due is None:
            continue
        dates = occurrences(ob.due, ob.recurrence or "", first, last) if is_recurring(ob) else [ob.due]
        for d in dates:
            if first <= d <= last:
                days.setdefault(d, []).append(ob)
    return days


def month_view(
    obligations: Iterable[Obligation],
    year: int,
    month: int,
    *,
    today: dt.date | None = None,
    max_per_day: int = 4,
    entry_width: int = 28,
) -> Table:
    """The month as a grid (Monday first), each day with its deadlines as "owner: action"."""
    today = today or dt.date.today()
    obligations = list(obligations)
    days = deadlines_in_month(obligations, year, month)
    undated = sum(1 for ob in obligations if ob.due is None)
    total = sum(len(v) for v in days.values())
    caption = f"{total} hạn trong tháng"
    if undated:
        caption += f"; {undated} việc chưa rõ ngày không hiện trên lịch"
    table = Table(title=f"Tháng {month}/{year}", caption=caption, show_lines=True, expand=True)
    for name in WEEKDAYS_VI:
        table.add_column(name, ratio=1, vertical="top", overflow="fold")
    for week in stdcalendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            if day.month != month:
                cells.append(Text(str(day.day), style="dim"))
                continue
            head = Text(str(day.day), style="bold reverse" if day == today else "bold")
            lines: list[Text] = [head]
            items = sorted(days.get(day, []), key=lambda ob: (owner_names(ob), ob.id))
            for ob in items[:max_per_day]:
                who = short_name(owner_names(ob)[0]) if owner_names(ob) else "?"
                late = ob.status == "open" and not is_recurring(ob) and day < today
                style = "red" if late else ("green" if ob.status != "open" else "")
                mark = "↻ " if is_recurring(ob) else "• "
                lines.append(Text(mark + _clip(f"{who}: {ob.action or 'thực hiện'}", entry_width), style=style))
            if len(items) > max_per_day:
                lines.append(Text(f"+{len(items) - max_per_day} việc khác", style="italic"))
            cells.append(Group(*lines))
        table.add_row(*cells)
    return table
