"""Who owes what by when: obligations filtered by action and owner, grouped for the window asked.

Everything here reads the tables (models.schema) and returns plain dataclasses; how they print is
the edge's job (congvan/).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from models.schema import Document, Obligation, Unit
from pipeline.answers.dates import is_recurring, occurrences
from pipeline.answers.tracking import Tracking, load_tracking
from pipeline.answers.units import match_units
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.errors import QueryError
from pipeline.labels import stored_label
from pipeline.query import bounded_name
from pipeline.status import ObligationStatus, Recurrence, TrackingState, label_of
from pipeline.text import fold


def _needle(action: str) -> str:
    return " ".join(fold(action).split())


def _has_action(needle: str, action: str | None, text: str | None) -> bool:
    return needle in fold(action or "") or needle in " ".join(fold(text or "").split())


def action_matches(ob: Obligation, action: str) -> bool:
    """Diacritics-insensitive: "bao cao" finds "báo cáo" in the action or the obligation's text."""
    return _has_action(_needle(action), ob.action, ob.text)


def owner_names(ob: Obligation) -> tuple[str, ...]:
    """The owners as this document writes them ("UBND cấp xã"), else their canonical units."""
    return ob.owner_names or tuple(u.name for u in ob.owners)


def _ids_with_action(session: Session, action: str, where: Iterable, deadline: Deadline) -> list[int]:
    """Filter on the light columns first: the folded match runs in Python, and loading owners and
    documents for thousands of recurring tasks that do not match cost most of the time."""
    light = select(Obligation.id, Obligation.action, Obligation.text)
    for clause in where:
        light = light.where(clause)
    needle = _needle(action)
    ids = []
    for i, act, text in session.execute(light):
        deadline.check()
        if _has_action(needle, act, text):
            ids.append(i)
    return ids


def select_obligations(
    session: Session,
    *,
    action: str | None = None,
    unit: str | None = None,
    where: Iterable = (),
    deadline: Deadline = NO_DEADLINE,
) -> list[Obligation]:
    """Obligations of the documents in force (with owners and source document loaded) filtered by
    action and owner unit (free text, cut to ``pipeline.query.MAX_NAME_CHARS``)."""
    action, unit = bounded_name(action), bounded_name(unit)
    # Only documents in force: an earlier version's or a replaced document's tasks are not owed.
    where = [*where, Obligation.document_id.in_(select(Document.id).where(Document.superseded_by_id.is_(None)))]
    stmt = select(Obligation).options(
        selectinload(Obligation.owners).selectinload(Unit.aliases),
        selectinload(Obligation.document),
        selectinload(Obligation.answered_by),
    )
    for clause in where:
        stmt = stmt.where(clause)
    wants_action = bool(action and action.strip())
    if wants_action:
        ids = _ids_with_action(session, action or "", where, deadline)
        stmt = stmt.where(Obligation.id.in_(ids)) if len(ids) < 30000 else stmt
    found = list(session.scalars(stmt.order_by(Obligation.due, Obligation.id)))
    deadline.check()
    if wants_action:
        found = [ob for ob in found if action_matches(ob, action or "")]
    if unit and unit.strip():
        match = match_units(session, unit)
        found = [ob for ob in found if match.matches(ob)]
    return found


@dataclass(frozen=True)
class OweRow:
    obligation_id: int
    owners: tuple[str, ...]
    action: str | None
    deadline: dt.date | None  # the due date, or the first occurrence in the window
    recurrence: str | None
    occurrences: tuple[dt.date, ...]
    document_id: int
    source: str  # the source document as a clerk names it
    source_subject: str | None
    text: str
    overdue: bool
    status: str  # a pipeline.status.TrackingState (pipeline.answers.tracking)
    answered_by: str | None
    task_no: int | None = None  # the task's number in its document: "1234/SKHCN-VP#2" addresses it

    @property
    def recurrence_vi(self) -> str:
        return label_of(Recurrence, self.recurrence)

    @property
    def status_vi(self) -> str:
        return label_of(TrackingState, self.status)


@dataclass
class OweReport:
    start: dt.date
    by: dt.date
    today: dt.date
    action: str | None = None
    unit: str | None = None
    past: bool = False  # the day asked for has passed: what was due by then and is still open
    one_off: list[OweRow] = field(default_factory=list)  # due once, inside the window
    recurring: list[OweRow] = field(default_factory=list)  # an occurrence falls inside the window
    undated: list[OweRow] = field(default_factory=list)  # recurring, no date known
    overdue: list[OweRow] = field(default_factory=list)  # open and past due, before the window

    @property
    def rows(self) -> list[OweRow]:
        return [*self.overdue, *self.one_off, *self.recurring, *self.undated]

    @property
    def empty(self) -> bool:
        return not self.rows


def _row(ob: Obligation, tracking: Tracking, deadline: dt.date | None, occ: tuple[dt.date, ...] = ()) -> OweRow:
    recurring = is_recurring(ob)
    state = tracking.state(ob, occurrence=deadline if recurring else None)
    overdue = state is TrackingState.OVERDUE and not recurring
    return OweRow(
        obligation_id=ob.id,
        owners=owner_names(ob),
        action=ob.action,
        deadline=deadline,
        recurrence=ob.recurrence if recurring else None,
        occurrences=occ,
        document_id=ob.document_id,
        source=stored_label(ob.document),
        source_subject=ob.document.subject if ob.document else None,
        text=ob.text,
        overdue=overdue,
        status=state.value,
        answered_by=stored_label(ob.answered_by) if ob.answered_by and state is TrackingState.ANSWERED else None,
        task_no=tracking.number(ob),
    )


def _shown(state: TrackingState, include_done: bool) -> bool:
    """What is done or answered is not owed: shown only when the clerk asks for it too."""
    return include_done or not state.closed


def _file(
    report: OweReport,
    ob: Obligation,
    window: tuple[dt.date, dt.date],
    since_today: bool,
    tracking: Tracking,
    include_done: bool = False,
) -> None:
    """Put one obligation in the report's group it belongs to, if any. What the clerk marked done,
    an occurrence done or answered, a report that came, is left out unless ``include_done``."""
    first, by = window
    today = report.today
    if is_recurring(ob):
        if ob.due is None:
            if _shown(tracking.state(ob), include_done):
                report.undated.append(_row(ob, tracking, None))
            return
        days = occurrences(ob.due, ob.recurrence or "", first, by)
        occ = tuple(days) if include_done else tracking.open_occurrences(ob, days)
        if occ:
            report.recurring.append(_row(ob, tracking, occ[0], occ))
    elif ob.due is not None and _shown(tracking.state(ob), include_done):
        if report.past and ob.due <= by:
            report.overdue.append(_row(ob, tracking, ob.due))
        elif first <= ob.due <= by and not report.past:
            report.one_off.append(_row(ob, tracking, ob.due))
        elif (
            not report.past and since_today and ob.due < today and (include_done or ob.status == ObligationStatus.OPEN)
        ):
            report.overdue.append(_row(ob, tracking, ob.due))


def _kind_matches(ob: Obligation, unit_kind: str) -> bool:
    """ "sở nào", "xã nào": an owner written with that kind of unit in its name ("Sở Nội vụ",
    "Ủy ban nhân dân cấp xã", "UBND các xã, phường")."""
    rx = re.compile(rf"(?<!\w){re.escape(fold(unit_kind))}(?!\w)")
    return any(rx.search(fold(name)) for name in owner_names(ob))


def owe(
    session: Session,
    by: dt.date,
    start: dt.date | None = None,
    today: dt.date | None = None,
    action: str | None = None,
    unit: str | None = None,
    deadline: Deadline = NO_DEADLINE,
    *,
    include_done: bool = False,
    recurrence: str | None = None,
    unit_kind: str | None = None,
) -> OweReport:
    """Obligations due in [start, by] (start defaults to today), recurring ones by their occurrences.

    Without ``start``, open one-off obligations already past due are listed apart as overdue: the
    clerk asking "what is due by 31/7" also needs what was due before today and never came. A ``by``
    already past (asked on 05/8 about 31/7) asks exactly that: what was due by then and is not done.
    ``recurrence`` keeps the tasks of one period ("monthly"), ``unit_kind`` those of a kind of unit
    ("sở", "xã"); done and answered tasks only with ``include_done``.
    """
    today = today or dt.date.today()
    action, unit = bounded_name(action), bounded_name(unit)
    past = start is None and by < today
    first = start or today
    if past:
        first = dt.date(by.year - 1, by.month, 1)  # the occurrences of recurring tasks close to that day
    if by < first:
        raise QueryError(f"ngày {by:%d/%m/%Y} ở trước ngày bắt đầu {first:%d/%m/%Y}", "CV-Q03")
    dated = Obligation.due <= by if past else Obligation.due.between(first, by)
    if start is None:
        late = Obligation.due < today
        dated = or_(dated, late if include_done else late & (Obligation.status == ObligationStatus.OPEN.value))
    where = [or_(Obligation.recurrence.is_not(None), dated)]
    if recurrence:
        where.append(Obligation.recurrence == recurrence)
    report = OweReport(start=first, by=by, today=today, action=action, unit=unit, past=past)
    found = select_obligations(session, action=action, unit=unit, where=where, deadline=deadline)
    if unit_kind:
        found = [ob for ob in found if _kind_matches(ob, unit_kind)]
    tracking = load_tracking(session, found, today)
    for ob in found:
        deadline.check()
        _file(report, ob, (first, by), since_today=start is None, tracking=tracking, include_done=include_done)

    def order(r: OweRow):
        return (r.deadline or dt.date.max, r.owners, r.obligation_id)

    for rows in (report.one_off, report.recurring, report.undated):
        rows.sort(key=order)
    # The most urgent first: what fell due lately before what was left years ago.
    report.overdue.sort(key=lambda r: (-(r.deadline or dt.date.min).toordinal(), r.owners, r.obligation_id))
    return report
