"""The clerk's actions on tasks: hand a document or a task to a unit (assign), mark it done or open
again (by hand, for one member of a group owner, for one occurrence of a recurring task), and the
audit log every change is written to with who, when, and before/after.

Each action adds rows (models.schema.Assignment, HandMark, AuditEntry) in the caller's transaction
and never changes what extraction stored; how a task then stands is pipeline.answers.tracking's.
Who acts is handed in (``actor``: Settings.user at the edge).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.units import unit_key
from models.schema import Assignment, AuditEntry, Document, HandMark, Obligation, Unit, UnitAlias
from pipeline.answers.dates import is_recurring, occurrences
from pipeline.answers.tracking import Target, current_occurrence, load_tracking
from pipeline.answers.units import group_members, match_units
from pipeline.errors import TrackingError
from pipeline.labels import stored_label
from pipeline.query import bounded_name
from pipeline.status import AuditAction, MarkState, TrackingState


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def record(
    session: Session,
    actor: str,
    action: AuditAction,
    obj: Document | Obligation,
    label: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    """One row of the audit log: who did what to which object, and how it stood before and after."""
    kind = "document" if isinstance(obj, Document) else "obligation"
    entry = AuditEntry(
        at=_now(), actor=actor, action=action.value, object_kind=kind, object_id=obj.id,
        object_label=label[:300], before=before, after=after,
    )  # fmt: skip
    session.add(entry)
    return entry


def find_unit(session: Session, name: str) -> Unit | None:
    """The stored unit a typed name is (by its key or an alias), if there is one."""
    k = unit_key(name)
    unit = session.scalar(select(Unit).where(Unit.key == k))
    if unit is None:
        alias = session.scalar(select(UnitAlias).where(UnitAlias.key == k))
        unit = alias.unit if alias else None
    return unit


def _assignment_json(a: Assignment | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "to": a.assignee, "person": a.person, "due": a.due.isoformat() if a.due else None, "note": a.note,
        "task": a.obligation_id is not None,
    }  # fmt: skip


def assign(
    session: Session,
    target: Target,
    *,
    to: str,
    actor: str,
    person: str | None = None,
    due: dt.date | None = None,
    note: str | None = None,
) -> Assignment:
    """Hand the target (a document, or one task of it) to ``to`` (free text, linked to the stored
    unit of that name when there is one); the previous assignment stays on record."""
    to = " ".join((bounded_name(to) or "").split())
    if not to:
        raise TrackingError("cần tên đơn vị nhận (--to)", "CV-T04")
    document = target.document
    obligation = None if target.whole else target.tasks[0][1]
    tracking = load_tracking(session, [ob for _, ob in target.tasks], dt.date.today())
    before = None
    if obligation is not None:
        before = tracking.assignment(obligation)
    else:
        rows = tracking.document_assignments.get(document.id, [])
        before = rows[-1] if rows else None
    row = Assignment(
        document_id=document.id, obligation_id=obligation.id if obligation else None, assignee=to,
        unit=find_unit(session, to), person=(person or "").strip() or None, due=due,
        note=(note or "").strip() or None, actor=actor, created_at=_now(),
    )  # fmt: skip
    session.add(row)
    session.flush()
    record(session, actor, AuditAction.ASSIGN, obligation or document, target.label,
           _assignment_json(before), _assignment_json(row))  # fmt: skip
    return row


@dataclass(frozen=True)
class Marked:
    """One task marked (done or open again), as the command reports it."""

    address: str
    occurrence: dt.date | None
    member: str | None
    before: TrackingState
    after: TrackingState
    answer: str | None  # the answering document, as a clerk names it


def _member(session: Session, ob: Obligation, name: str) -> Unit | None:
    """The member of one of ``ob``'s group owners that ``name`` names, or None."""
    match = match_units(session, name)
    for owner in ob.owners:
        for m in group_members(session, owner, ob.document):
            if m.id in match.unit_ids or any(match.matches_key(k) for k in (m.key, *(a.key for a in m.aliases))):
                return m
    return None


def _occurrence(ob: Obligation, asked: dt.date | None, today: dt.date) -> dt.date | None:
    """The occurrence a mark is for: the one asked (checked to be one), else the current one; for a
    recurring task without known dates, the day it is marked (it closes that period)."""
    if not is_recurring(ob):
        return None
    if asked is None:
        return current_occurrence(ob, today) or (today if ob.due is None else None)
    if ob.due is not None and occurrences(ob.due, ob.recurrence or "", asked, asked) != [asked]:
        raise TrackingError(f"ngày {asked:%d/%m/%Y} không phải một hạn của việc định kỳ này", "CV-T05")
    return asked


def _state_json(state: TrackingState, occurrence: dt.date | None, member: Unit | None) -> dict[str, Any]:
    out: dict[str, Any] = {"state": state.value}
    if occurrence is not None:
        out["occurrence"] = occurrence.isoformat()
    if member is not None:
        out["member"] = member.name
    return out


@dataclass(frozen=True)
class MarkRequest:
    state: MarkState
    actor: str
    today: dt.date
    answer: Document | None = None
    member: str | None = None
    occurrence: dt.date | None = None
    note: str | None = None


def _applies(session: Session, ob: Obligation, req: MarkRequest) -> tuple[bool, Unit | None]:
    member = _member(session, ob, req.member) if req.member else None
    if req.member and member is None:
        return False, None
    if req.occurrence is not None and not is_recurring(ob):
        return False, None
    return True, member


def _chosen(session: Session, target: Target, req: MarkRequest) -> list[tuple[int, Obligation, Unit | None]]:
    """The target's tasks the mark applies to; a document named whole skips the tasks it cannot."""
    chosen = []
    for n, ob in target.tasks:
        ok, member = _applies(session, ob, req)
        if ok:
            chosen.append((n, ob, member))
        elif not target.whole:
            if req.member and member is None:
                raise TrackingError(f"«{req.member}» không phải thành viên của đơn vị chủ trì việc này", "CV-T04")
            raise TrackingError("việc này không lặp lại: không dùng --occurrence được", "CV-T05")
    if not chosen:
        code = "CV-T04" if req.member else ("CV-T05" if req.occurrence else "CV-T03")
        raise TrackingError(f"văn bản {target.label} không có việc nào để đánh dấu như vậy", code)
    return chosen


def mark(session: Session, target: Target, req: MarkRequest) -> list[Marked]:
    """Mark the target's tasks done (``MarkState.DONE``) or open again (``OPEN``). A whole document
    marks those of its tasks that are not already so; one task is marked as asked."""
    out: list[Marked] = []
    chosen = _chosen(session, target, req)
    tracking = load_tracking(session, [ob for _, ob, _ in chosen], req.today)
    for _, ob, member in chosen:
        occurrence = _occurrence(ob, req.occurrence, req.today)
        before = tracking.state(ob, occurrence=occurrence, member_id=member.id if member else None)
        if target.whole and before.closed == (req.state == MarkState.DONE):
            continue
        row = HandMark(
            obligation_id=ob.id, member=member, occurrence=occurrence, state=req.state.value,
            answer_document=req.answer, note=(req.note or "").strip() or None, actor=req.actor, created_at=_now(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        tracking.marks.setdefault(ob.id, []).append(row)
        after = tracking.state(ob, occurrence=occurrence, member_id=member.id if member else None)
        address = tracking.address(ob)
        answer = stored_label(req.answer) if req.answer else None
        after_json = _state_json(after, occurrence, member) | ({"by_document": answer} if answer else {})
        if row.note:
            after_json["note"] = row.note
        action = AuditAction.DONE if req.state == MarkState.DONE else AuditAction.REOPEN
        record(session, req.actor, action, ob, address, _state_json(before, occurrence, member), after_json)
        out.append(Marked(address, occurrence, member.name if member else None, before, after, answer))
    return out


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime  # UTC
    actor: str
    action: AuditAction
    object_label: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    object_kind: str
    object_id: int | None

    @property
    def action_vi(self) -> str:
        return self.action.label


def audit_entries(session: Session, since: dt.datetime | None = None, limit: int | None = None) -> list[AuditRow]:
    """The audit log from ``since`` (an aware datetime) on, oldest first."""
    stmt = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    if since is not None:
        since = since.astimezone(dt.UTC)
        if session.get_bind().dialect.name == "sqlite":  # it keeps the UTC wall time, without the offset
            since = since.replace(tzinfo=None)
        stmt = stmt.where(AuditEntry.at >= since)
    rows = list(session.scalars(stmt))
    if limit is not None:
        rows = rows[-limit:]
    return [_audit_row(r) for r in rows]


def _audit_row(r: AuditEntry) -> AuditRow:
    return AuditRow(
        at=r.at if r.at.tzinfo else r.at.replace(tzinfo=dt.UTC), actor=r.actor, action=AuditAction(r.action),
        object_label=r.object_label, before=r.before, after=r.after, object_kind=r.object_kind,
        object_id=r.object_id,
    )  # fmt: skip
