"""How each task stands for the clerk: chưa xử lý, đang xử lý, quá hạn, đã báo cáo, đã xong.

Derived, never stored: from what extraction and follow-up linking stored on the obligation
(``status``, ``answered_by``), the clerk's assignments and hand marks (models.schema.Assignment,
HandMark, kept beside the obligation, never over it), and the due date against today. One function
decides it (``obligation_state``); ``Tracking`` holds the rows it needs for many obligations at
once, so that ``owe`` asks the database twice, not twice per task.

A task is addressed as the clerk sees it: the document's số/ký hiệu and the task's number in the
document, "1234/SKHCN-VP#2" (tasks numbered 1, 2, ... in the document's order).

A recurring task stands per occurrence: a mark or a report closes the occurrence it falls in (the
first due date on or after it), never the later ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.units import unit_key
from models.schema import Assignment, Document, HandMark, Obligation, Unit
from pipeline.answers.dates import is_recurring, occurrences
from pipeline.answers.refs import find_documents
from pipeline.answers.units import group_members
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.errors import TrackingError
from pipeline.labels import stored_label
from pipeline.status import MarkState, ObligationStatus, TrackingState

_CHUNK = 900  # ids per IN (...): SQLite builds before 3.32 allow 999 parameters
_YEAR_AHEAD = dt.timedelta(days=400)  # far enough to reach the next occurrence of a yearly task

# --- addressing a task ---------------------------------------------------------------------------


def split_address(text: str) -> tuple[str, int | None]:
    """ "1234/SKHCN-VP#2" -> ("1234/SKHCN-VP", 2); a plain số/ký hiệu has no task number."""
    ref, sep, tail = text.strip().rpartition("#")
    if sep and tail.strip().isdigit():
        return ref.strip(), int(tail)
    return text.strip(), None


def tasks_of(session: Session, document: Document) -> list[Obligation]:
    """A document's tasks in its own order: task N of the document is ``tasks_of(...)[N - 1]``."""
    return list(
        session.scalars(select(Obligation).where(Obligation.document_id == document.id).order_by(Obligation.id))
    )


def document_name(document: Document) -> str:
    """The document as the clerk addresses it: its số/ký hiệu, else its label."""
    return document.reference or stored_label(document)


def task_address(document: Document, number: int) -> str:
    return f"{document_name(document)}#{number}"


@dataclass(frozen=True)
class Target:
    """What a command acts on: one task of a document, or the document and all its tasks."""

    document: Document
    tasks: tuple[tuple[int, Obligation], ...]  # (number in the document, obligation)
    whole: bool  # the document was named without a task number

    @property
    def label(self) -> str:
        if self.whole:
            return document_name(self.document)
        return task_address(self.document, self.tasks[0][0])


def find_document(session: Session, reference: str, deadline: Deadline = NO_DEADLINE) -> Document:
    """The stored document a số/ký hiệu names (its latest version when stored twice by one issuer)."""
    docs = find_documents(session, reference, deadline)
    if not docs:
        raise TrackingError(f"không có văn bản số, ký hiệu «{reference.strip()}» trong kho", "CV-T01")
    if len({d.issuer_key for d in docs}) > 1:
        names = "; ".join(f"{stored_label(d)} của {d.issuer or '?'}" for d in docs)
        raise TrackingError(f"có {len(docs)} văn bản cùng số, ký hiệu «{reference.strip()}»: {names}", "CV-T02")
    return docs[-1]


def resolve(session: Session, address: str, task: int | None = None, deadline: Deadline = NO_DEADLINE) -> Target:
    """The target of "1234/SKHCN-VP" (the document), "1234/SKHCN-VP#2" or ``task=2`` (its task 2)."""
    reference, number = split_address(address)
    if task is not None and number is not None and task != number:
        raise TrackingError(f"«{address.strip()}» và --task {task} chỉ hai việc khác nhau", "CV-T03")
    number = task if task is not None else number
    document = find_document(session, reference, deadline)
    tasks = tasks_of(session, document)
    if number is None:
        return Target(document, tuple(enumerate(tasks, 1)), whole=True)
    if not 1 <= number <= len(tasks):
        have = f"có {len(tasks)} việc (số 1–{len(tasks)})" if tasks else "không có việc nào"
        raise TrackingError(f"văn bản {document_name(document)} {have}, không có việc số {number}", "CV-T03")
    return Target(document, ((number, tasks[number - 1]),), whole=False)


# --- the state of one task -----------------------------------------------------------------------


def _first_on_or_after(ob: Obligation, day: dt.date) -> dt.date | None:
    if ob.due is None:
        return None
    if day <= ob.due:
        return ob.due
    found = occurrences(ob.due, ob.recurrence or "", day, day + _YEAR_AHEAD)
    return found[0] if found else None


def current_occurrence(ob: Obligation, today: dt.date) -> dt.date | None:
    """The occurrence a recurring task is at: the next one due on or after today. None for a task
    that does not recur or whose first date is not known."""
    return _first_on_or_after(ob, today) if is_recurring(ob) else None


def covers(ob: Obligation, day: dt.date | None, occurrence: dt.date | None, today: dt.date) -> bool:
    """Does something that happened on ``day`` (a report, a mark) close ``occurrence`` of ``ob``?

    A one-off task: always. A recurring one with known dates: when ``occurrence`` is the first due
    on or after ``day`` (a mark is made on the occurrence it is for). A recurring one without
    dates: when ``day`` falls in the current period (less than one step before today). An unknown
    day closes no occurrence."""
    if not is_recurring(ob):
        return True
    if day is None:
        return False
    if ob.due is not None:
        return occurrence is not None and _first_on_or_after(ob, day) == occurrence
    found = occurrences(day, ob.recurrence or "", day + dt.timedelta(days=1), day + _YEAR_AHEAD)
    return day <= today and (not found or today < found[0])


def latest_mark(
    ob: Obligation, marks: Iterable[HandMark], today: dt.date, occurrence: dt.date | None, member_id: int | None
) -> HandMark | None:
    """The mark that counts for (member, occurrence): the member's own latest, else the latest on
    the whole task. Marks are taken in the order they were made (by id)."""
    relevant = [m for m in marks if covers(ob, m.occurrence, occurrence, today)]
    own = [m for m in relevant if m.member_id == member_id] if member_id is not None else []
    whole = [m for m in relevant if m.member_id is None]
    for group in (own, whole):
        if group:
            return max(group, key=lambda m: m.id)
    return None


def _answered(ob: Obligation, occurrence: dt.date | None, today: dt.date) -> bool:
    if ob.status != ObligationStatus.ANSWERED or ob.answered_by is None:
        return False
    return covers(ob, ob.answered_by.date, occurrence, today)


def obligation_state(
    ob: Obligation,
    today: dt.date,
    *,
    marks: Iterable[HandMark] = (),
    assignment: Assignment | None = None,
    occurrence: dt.date | None = None,
    member_id: int | None = None,
    reply: Document | None = None,
) -> TrackingState:
    """How ``ob`` stands today, for one occurrence (a recurring task; default: the current one) and
    one member of a group owner (``member_id``, with ``reply``: that member's answering document).

    A hand mark counts first (done; or opened again, which overrides a citing report); then a
    citing report (answered); then the due date (the clerk's from the assignment, else the
    document's; a recurring task's is its occurrence): past it, overdue; else assigned or new."""
    recurring = is_recurring(ob)
    if recurring and occurrence is None:
        occurrence = current_occurrence(ob, today)
    mark = latest_mark(ob, marks, today, occurrence, member_id)
    if mark is not None and mark.state == MarkState.DONE:
        return TrackingState.DONE
    replied = reply is not None and covers(ob, reply.date, occurrence, today)
    if mark is None and (replied or _answered(ob, occurrence, today)):
        return TrackingState.ANSWERED
    due = occurrence if recurring else (assignment.due if assignment and assignment.due else ob.due)
    if due is not None and due < today:
        return TrackingState.OVERDUE
    return TrackingState.IN_PROGRESS if assignment is not None else TrackingState.NEW


# --- many tasks at once ----------------------------------------------------------------------------


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


@dataclass
class Tracking:
    """The clerk's rows for a set of obligations, and their tasks' numbers in their documents."""

    today: dt.date
    marks: dict[int, list[HandMark]]
    assignments: dict[int, list[Assignment]]  # handed as one task, by obligation id
    document_assignments: dict[int, list[Assignment]]  # handed as a whole document, by document id
    numbers: dict[int, int]

    def assignment(self, ob: Obligation) -> Assignment | None:
        """The current assignment: the latest of the task's own and its document's."""
        rows = [*self.assignments.get(ob.id, ()), *self.document_assignments.get(ob.document_id, ())]
        return max(rows, key=lambda a: a.id) if rows else None

    def state(
        self,
        ob: Obligation,
        occurrence: dt.date | None = None,
        member_id: int | None = None,
        reply: Document | None = None,
    ) -> TrackingState:
        # A member's own state: handing the task to one of ours does not make a commune's answer come.
        assignment = self.assignment(ob) if member_id is None else None
        return obligation_state(
            ob, self.today, marks=self.marks.get(ob.id, ()), assignment=assignment,
            occurrence=occurrence, member_id=member_id, reply=reply,
        )  # fmt: skip

    def open_occurrences(self, ob: Obligation, days: Iterable[dt.date]) -> tuple[dt.date, ...]:
        """The occurrences among ``days`` still to be done."""
        return tuple(d for d in days if not self.state(ob, occurrence=d).closed)

    def number(self, ob: Obligation) -> int | None:
        return self.numbers.get(ob.id)

    def address(self, ob: Obligation) -> str:
        n = self.numbers.get(ob.id)
        return task_address(ob.document, n) if n is not None else document_name(ob.document)


def load_tracking(session: Session, obligations: Iterable[Obligation], today: dt.date) -> Tracking:
    obligations = list(obligations)
    ids = sorted({ob.id for ob in obligations})
    doc_ids = sorted({ob.document_id for ob in obligations})
    marks: dict[int, list[HandMark]] = {}
    assignments: dict[int, list[Assignment]] = {}
    by_document: dict[int, list[Assignment]] = {}
    numbers: dict[int, int] = {}
    for chunk in _chunks(ids):
        for m in session.scalars(select(HandMark).where(HandMark.obligation_id.in_(chunk)).order_by(HandMark.id)):
            marks.setdefault(m.obligation_id, []).append(m)
    for chunk in _chunks(doc_ids):
        stmt = select(Assignment).where(Assignment.document_id.in_(chunk)).order_by(Assignment.id)
        for a in session.scalars(stmt):
            if a.obligation_id is None:
                by_document.setdefault(a.document_id, []).append(a)
            else:
                assignments.setdefault(a.obligation_id, []).append(a)
        rows = session.execute(
            select(Obligation.id, Obligation.document_id)
            .where(Obligation.document_id.in_(chunk))
            .order_by(Obligation.id)
        )
        counts: dict[int, int] = {}
        for ob_id, doc_id in rows:
            counts[doc_id] = numbers[ob_id] = counts.get(doc_id, 0) + 1
    return Tracking(today, marks, assignments, by_document, numbers)


# --- the members of a group owner ------------------------------------------------------------------

# The members of a group who have answered a task: {member unit id: the answering document}.
# Follow-up linking owns what "answers" means (pipeline.ingest.followups.member_replies); the edge
# hands it in, since the answers do not import the ingest.
RepliesOf = Callable[[Document, Obligation, list[Unit]], Mapping[int, Document]]


@dataclass(frozen=True)
class MemberState:
    name: str
    state: TrackingState
    answered_by: str | None = None  # the member's answering document, as a clerk names it
    marked_by: str | None = None  # who marked it by hand
    unit_id: int = 0

    @property
    def state_vi(self) -> str:
        return self.state.label


@dataclass(frozen=True)
class GroupState:
    """One group owner of a task ("Ủy ban nhân dân các xã") and how each of its members stands."""

    address: str  # the task: "1234/SKHCN-VP#1"
    group: str
    occurrence: dt.date | None
    members: tuple[MemberState, ...]

    @property
    def answered(self) -> list[MemberState]:
        return [m for m in self.members if m.state.closed]

    @property
    def pending(self) -> list[MemberState]:
        return [m for m in self.members if not m.state.closed]


def group_states(
    session: Session,
    ob: Obligation,
    tracking: Tracking,
    replies_of: RepliesOf,
    occurrence: dt.date | None = None,
) -> list[GroupState]:
    """For each owner of ``ob`` that is a group with known members: who has answered, who has not."""
    out = []
    for owner in ob.owners:
        members = group_members(session, owner, ob.document)
        if not members:
            continue
        replies = replies_of(ob.document, ob, members)
        marks = tracking.marks.get(ob.id, [])
        states = []
        for m in members:
            reply = replies.get(m.id)
            state = tracking.state(ob, occurrence=occurrence, member_id=m.id, reply=reply)
            mark = latest_mark(ob, marks, tracking.today, occurrence or current_occurrence(ob, tracking.today), m.id)
            by_hand = mark.actor if mark is not None and mark.state == MarkState.DONE else None
            states.append(MemberState(m.name, state, stored_label(reply) if reply else None, by_hand, m.id))
        keys = {owner.key, *(a.key for a in owner.aliases)}
        written = next((n for n in ob.owner_names if unit_key(n) in keys), owner.name)  # as the document says
        out.append(GroupState(tracking.address(ob), written, occurrence, tuple(states)))
    return out


@dataclass(frozen=True)
class TaskState:
    """One task of a document as the tracking view shows it."""

    number: int
    address: str
    owners: tuple[str, ...]
    action: str | None
    due: dt.date | None  # the document's due date, or the current occurrence of a recurring task
    recurrence: str | None
    state: TrackingState
    assignee: str | None  # the current assignment, as typed
    person: str | None
    assigned_due: dt.date | None
    note: str | None
    answered_by: str | None
    groups: tuple[GroupState, ...]

    @property
    def state_vi(self) -> str:
        return self.state.label


def document_tracking(session: Session, document: Document, today: dt.date, replies_of: RepliesOf) -> list[TaskState]:
    """Every task of ``document``, numbered as the clerk addresses them, with its state, its current
    assignment and, for a group owner, its members' states."""
    tasks = tasks_of(session, document)
    tracking = load_tracking(session, tasks, today)
    out = []
    for n, ob in enumerate(tasks, 1):
        occurrence = current_occurrence(ob, today)
        state = tracking.state(ob, occurrence=occurrence)
        a = tracking.assignment(ob)
        answered = stored_label(ob.answered_by) if ob.answered_by and state is TrackingState.ANSWERED else None
        groups = tuple(group_states(session, ob, tracking, replies_of, occurrence))
        out.append(
            TaskState(
                n, task_address(document, n), ob.owner_names or tuple(u.name for u in ob.owners), ob.action,
                occurrence or ob.due, ob.recurrence if is_recurring(ob) else None, state,
                a.assignee if a else None, a.person if a else None, a.due if a else None, a.note if a else None,
                answered, groups,
            )
        )  # fmt: skip
    return out
