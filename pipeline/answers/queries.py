"""The clerk's questions over the stored corpus: who owes what by when, and what cites what.

Everything here reads the tables (models.schema) and returns plain dataclasses; printing is the
command line's job (congvan/answers.py) and parsing a question in Vietnamese is pipeline/ask.py's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from extractors.data.units import ABBREVIATIONS
from extractors.references import key as ref_key
from extractors.units import acronym, expand, group_of, is_group, unit_key
from models.schema import Citation, Document, Obligation, Unit
from pipeline.answers.graph import citation_graph, to_dot, to_graphml
from pipeline.errors import CongvanError
from pipeline.ingest.followups import link_followups, reminded, reminders_of  # re-exported: one place to ask from
from pipeline.text import fold, nfc

# How a recurrence reads to a clerk; the keys are what extractors/deadlines.py stores.
RECURRENCE_VI: dict[str, str] = {
    "daily": "hằng ngày",
    "weekly": "hằng tuần",
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "semiannual": "6 tháng một lần",
    "yearly": "hằng năm",
}
# Months between two occurrences; weekly and daily step in days instead.
_MONTH_STEPS: dict[str, int] = {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}
_DAY_STEPS: dict[str, int] = {"daily": 1, "weekly": 7}

STATUS_VI: dict[str, str] = {"open": "chưa xong", "answered": "đã báo cáo", "done": "đã xong"}


class QueryError(CongvanError, ValueError):
    """A question that cannot be asked as given (a date we cannot read, an empty window)."""


# --- dates as a clerk types them ---------------------------------------------------------------

_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_DMY = re.compile(r"^(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}|\d{2}))?$")
_WORDS = re.compile(r"^(?P<d>\d{1,2})\s+thang\s+(?P<m>\d{1,2})(?:\s*(?:nam|/)\s*(?P<y>\d{4}))?$")
_MONTH_ONLY = re.compile(r"^(?:thang\s+)?(?P<m>\d{1,2})(?:\s*(?:/|-|nam)\s*(?P<y>\d{4}))?$")
_YEAR_MONTH = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$")


def parse_user_date(text: str, today: dt.date | None = None) -> dt.date:
    """A date as typed: "31/7" (this year), "31/7/2025", "2025-07-31", "15.7.2025", "ngày 5 tháng 8"."""
    today = today or dt.date.today()
    t = re.sub(r"^ngay\s+", "", " ".join(fold(text).split()))
    m = _ISO.match(t) or _DMY.match(t) or _WORDS.match(t)
    if m:
        year = m["y"]
        y = today.year if not year else int(year) + (2000 if len(year) == 2 else 0)
        try:
            return dt.date(y, int(m["m"]), int(m["d"]))
        except ValueError:
            pass
    raise QueryError(f"không hiểu ngày {text!r}: hãy viết như 31/7, 31/7/2025, 15.7.2025 hoặc 2025-07-31")


def parse_user_month(text: str, today: dt.date | None = None) -> tuple[int, int]:
    """(year, month) from "2025-07", "7/2025", "tháng 7" or "7" (this year)."""
    today = today or dt.date.today()
    t = " ".join(fold(text).split())
    m = _YEAR_MONTH.match(t) or _MONTH_ONLY.match(t)
    if m and 1 <= int(m["m"]) <= 12:
        return (int(m["y"]) if m["y"] else today.year), int(m["m"])
    raise QueryError(f"không hiểu tháng {text!r}: hãy viết như 2025-07 hoặc 7/2025")


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(first: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31/1 + 1 month = 28/2)."""
    y, m = divmod(first.month - 1 + months, 12)
    year, month = first.year + y, m + 1
    return dt.date(year, month, min(first.day, calendar.monthrange(year, month)[1]))


def occurrences(first: dt.date, recurrence: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """The occurrences of a recurring deadline within [start, end], counting from its first due date.

    Every occurrence is computed from ``first`` (not from the previous one), so a monthly task due on
    the 31st falls on 28/2 and then again on 31/3.
    """
    if end < start or end < first:
        return []
    if recurrence in _DAY_STEPS:
        step = _DAY_STEPS[recurrence]
        skip = max(0, (start - first).days + step - 1) // step
        out, day = [], first + dt.timedelta(days=skip * step)
        while day <= end:
            out.append(day)
            day += dt.timedelta(days=step)
        return out
    months = _MONTH_STEPS.get(recurrence)
    if months is None:
        return [first] if start <= first <= end else []
    k = max(0, ((start.year - first.year) * 12 + start.month - first.month) // months - 1)
    out = []
    while (day := _add_months(first, k * months)) <= end:
        if day >= start:
            out.append(day)
        k += 1
    return out


def is_recurring(ob: Obligation) -> bool:
    return bool(ob.recurrence) and (ob.recurrence in _MONTH_STEPS or ob.recurrence in _DAY_STEPS)


# --- matching a unit the clerk names to the owners of obligations -------------------------------

_UBND = "uy ban nhan dan "


def _local(key: str) -> str | None:
    """ "uy ban nhan dan xa ia chim" and "xa ia chim" (as a footnote lists members) name one commune."""
    bare = key[len(_UBND) :] if key.startswith(_UBND) else key
    return bare if group_of(_UBND + bare) else None


def _group_key(key: str) -> str | None:
    local = _local(key)
    return group_of(_UBND + local) if local else group_of(key)


def _initials(text: str) -> str | None:
    """ "Sở NV" -> "SNV", to meet acronym("Sở Nội vụ"); only when an abbreviation stayed unexpanded."""
    words = re.findall(r"[\wĐđ&]+", nfc(text))
    if not any(len(w) > 1 and w.isupper() and w not in ABBREVIATIONS for w in words):
        return None
    return "".join(fold(w).upper() if w.isupper() else fold(w)[0].upper() for w in words if fold(w) != "va")


@dataclass
class UnitMatch:
    """The owners a clerk's unit name stands for: the unit itself, its group, its members."""

    query: str
    key: str
    unit_ids: set[int] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)  # group keys whose members by level also match
    locals: set[str] = field(default_factory=set)

    def matches_key(self, key: str) -> bool:
        local = _local(key)
        return key in self.keys or (local is not None and local in self.locals) or _group_key(key) in self.groups

    def matches(self, ob: Obligation) -> bool:
        if any(u.id in self.unit_ids for u in ob.owners):
            return True
        # Owners not linked to Unit rows (yet): fall back on the names as written.
        names = [u.key for u in ob.owners] or [unit_key(p) for p in ob.owner_names]
        return any(self.matches_key(k) for k in names)


def _loose(query: str, key: str) -> bool:
    return len(query) >= 4 and re.search(rf"(?<!\w){re.escape(query)}(?!\w)", key) is not None


def match_units(session: Session, text: str) -> UnitMatch:
    """Resolve a unit as the clerk writes it ("Sở KH&CN", "UBND xã Ia Chim", "UBND cấp xã").

    One level each way and no further: a commune brings in its group ("UBND cấp xã") but not the
    other communes; a group brings in its members, by level and by the footnote's member list.
    """
    q = unit_key(text)
    # An office has hundreds of units, not millions: matching in Python keeps the folding, group and
    # prefix rules in one place (extractors.units) instead of re-writing them in SQL for each backend.
    units = session.scalars(select(Unit).options(selectinload(Unit.aliases), selectinload(Unit.members))).all()
    keys = {u.id: {u.key, *(a.key for a in u.aliases)} for u in units}
    q_local = _local(q)
    seeds = {u.id for u in units if q in keys[u.id] or (q_local and q_local in {_local(k) for k in keys[u.id]})}
    if not seeds:
        seeds = {u.id for u in units if any(_loose(q, k) for k in keys[u.id])}
    if not seeds and (initials := _initials(expand(text))):
        seeds = {u.id for u in units if initials in {acronym(u.name), *(acronym(a.alias) for a in u.aliases)}}
    match = UnitMatch(query=text, key=q)
    seed_keys = {q}.union(*(keys[i] for i in seeds))
    up = {g for k in seed_keys if (g := _group_key(k))}
    down = {k for k in seed_keys if is_group(k)}
    ids = set(seeds)
    ids |= {u.id for u in units if keys[u.id] & up}  # the group a commune belongs to by level
    ids |= {g.id for g in units if any(m.id in seeds for m in g.members)}  # groups listing it as member
    ids |= {m.id for u in units if u.id in seeds for m in u.members}  # members listed under it
    ids |= {u.id for u in units if any(_group_key(k) in down for k in keys[u.id])}  # members by level
    match.unit_ids = ids
    match.keys = seed_keys | up | set().union(*(keys[i] for i in ids))
    match.groups = down
    match.locals = {loc for k in seed_keys if (loc := _local(k))}
    return match


def action_matches(ob: Obligation, action: str) -> bool:
    """Diacritics-insensitive: "bao cao" finds "báo cáo" in the action or the obligation's text."""
    needle = " ".join(fold(action).split())
    return needle in fold(ob.action or "") or needle in " ".join(fold(ob.text or "").split())


def owner_names(ob: Obligation) -> tuple[str, ...]:
    """The owners as this document writes them ("UBND cấp xã"), else their canonical units."""
    written = ob.owner_names
    return written or tuple(u.name for u in ob.owners)


def select_obligations(
    session: Session,
    *,
    action: str | None = None,
    unit: str | None = None,
    where: Iterable = (),
) -> list[Obligation]:
    """Obligations (with owners and source document loaded) filtered by action and owner unit."""
    stmt = select(Obligation).options(
        selectinload(Obligation.owners).selectinload(Unit.aliases),
        selectinload(Obligation.document),
        selectinload(Obligation.answered_by),
    )
    for clause in where:
        stmt = stmt.where(clause)
    if action and action.strip():
        # Filter on the light columns first: the folded match runs in Python, and loading owners and
        # documents for thousands of recurring tasks that do not match cost most of the time.
        light = select(Obligation.id, Obligation.action, Obligation.text)
        for clause in where:
            light = light.where(clause)
        needle = " ".join(fold(action).split())
        ids = [
            i for i, act, text in session.execute(light)
            if needle in fold(act or "") or needle in " ".join(fold(text or "").split())
        ]  # fmt: skip
        stmt = stmt.where(Obligation.id.in_(ids)) if len(ids) < 30000 else stmt
    found = list(session.scalars(stmt.order_by(Obligation.due, Obligation.id)))
    if action and action.strip():
        found = [ob for ob in found if action_matches(ob, action)]
    if unit and unit.strip():
        match = match_units(session, unit)
        found = [ob for ob in found if match.matches(ob)]
    return found


# --- who owes what ---------------------------------------------------------------------------


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
    status: str
    answered_by: str | None
    obligation: Obligation = field(compare=False, repr=False)

    @property
    def recurrence_vi(self) -> str:
        return RECURRENCE_VI.get(self.recurrence or "", self.recurrence or "")

    @property
    def status_vi(self) -> str:
        return STATUS_VI.get(self.status, self.status)


@dataclass
class OweReport:
    start: dt.date
    by: dt.date
    today: dt.date
    action: str | None = None
    unit: str | None = None
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


def _partial_date(doc: Document) -> str:
    """ "15/07/2025", or "07/2025" when the document left its day blank (date_text "2025-07")."""
    parts = (doc.date_text or "").split("-")
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    if len(parts) == 1 and parts[0]:
        return parts[0]
    return f"{doc.date:%d/%m/%Y}"


def source_label(doc: Document | None) -> str:
    if doc is None:
        return "?"
    ref = doc.reference or f"(chưa số, #{doc.id})"
    when = f" ngày {_partial_date(doc)}" if doc.date else ""
    return f"{doc.kind or ''} {ref}{when}".strip()


def _row(ob: Obligation, today: dt.date, deadline: dt.date | None, occ: tuple[dt.date, ...] = ()) -> OweRow:
    overdue = ob.status == "open" and not is_recurring(ob) and ob.due is not None and ob.due < today
    return OweRow(
        obligation_id=ob.id,
        owners=owner_names(ob),
        action=ob.action,
        deadline=deadline,
        recurrence=ob.recurrence if is_recurring(ob) else None,
        occurrences=occ,
        document_id=ob.document_id,
        source=source_label(ob.document),
        source_subject=ob.document.subject if ob.document else None,
        text=ob.text,
        overdue=overdue,
        status=ob.status,
        answered_by=source_label(ob.answered_by) if ob.answered_by else None,
        obligation=ob,
    )


def owe(
    session: Session,
    by: dt.date,
    start: dt.date | None = None,
    today: dt.date | None = None,
    action: str | None = None,
    unit: str | None = None,
) -> OweReport:
    """Obligations due in [start, by] (start defaults to today), recurring ones by their occurrences.

    Without ``start``, open one-off obligations already past due are listed apart as overdue: the
    clerk asking "what is due by 31/7" also needs what was due before today and never came.
    """
    today = today or dt.date.today()
    first = start or today
    if by < first:
        raise QueryError(f"ngày {by:%d/%m/%Y} ở trước ngày bắt đầu {first:%d/%m/%Y}")
    dated = Obligation.due.between(first, by)
    if start is None:
        dated = or_(dated, (Obligation.due < today) & (Obligation.status == "open"))
    where = [or_(Obligation.recurrence.is_not(None), dated)]
    report = OweReport(start=first, by=by, today=today, action=action, unit=unit)
    for ob in select_obligations(session, action=action, unit=unit, where=where):
        if is_recurring(ob):
            if ob.due is None:
                report.undated.append(_row(ob, today, None))
            elif occ := occurrences(ob.due, ob.recurrence or "", first, by):
                report.recurring.append(_row(ob, today, occ[0], tuple(occ)))
        elif ob.due is not None:
            if first <= ob.due <= by:
                report.one_off.append(_row(ob, today, ob.due))
            elif start is None and ob.due < today and ob.status == "open":
                report.overdue.append(_row(ob, today, ob.due))

    def order(r: OweRow):
        return (r.deadline or dt.date.max, r.owners, r.obligation_id)

    for rows in (report.one_off, report.recurring, report.undated, report.overdue):
        rows.sort(key=order)
    return report


# --- what cites what ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CitedRef:
    """A reference a document makes, with the stored document it points to (None: not in the corpus)."""

    reference: str
    reference_key: str
    document: Document | None
    citation: Citation = field(compare=False, repr=False)

    @property
    def in_corpus(self) -> bool:
        return self.document is not None


@dataclass(frozen=True)
class CitingRef:
    document: Document
    citation: Citation = field(compare=False, repr=False)


@dataclass
class RefsReport:
    reference: str
    key: str
    documents: list[Document]  # usually one; several when the same số/ký hiệu was stored twice
    cites: list[CitedRef]
    cited_by: list[CitingRef]

    @property
    def document(self) -> Document | None:
        return self.documents[0] if self.documents else None

    @property
    def in_corpus(self) -> bool:
        return bool(self.documents)


def documents_by_key(session: Session, keys: Iterable[str]) -> dict[str, Document]:
    """Stored documents by reference key; the first stored wins when a number was stored twice."""
    wanted = {k for k in keys if k}
    if not wanted:
        return {}
    found: dict[str, Document] = {}
    stmt = select(Document).where(Document.reference_key.in_(wanted)).order_by(Document.id)
    for doc in session.scalars(stmt):
        found.setdefault(doc.reference_key or "", doc)
    return found


def _resolve_key(session: Session, k: str) -> str:
    """The stored key for a typed reference; a folded comparison lets "QD" find "QĐ"."""
    exists = select(Document.id).where(Document.reference_key == k).limit(1)
    cited = select(Citation.id).where(Citation.reference_key == k).limit(1)
    if session.scalar(exists) is not None or session.scalar(cited) is not None:
        return k
    wanted = fold(k)
    for column in (Document.reference_key, Citation.reference_key):
        for stored in session.scalars(select(column).where(column.is_not(None)).distinct()):
            if fold(stored) == wanted:
                return stored
    return k


def refs(session: Session, reference: str) -> RefsReport:
    """A reference both ways: the document (if stored), what it cites, and what cites it."""
    k = _resolve_key(session, ref_key(reference))
    stmt = select(Document).where(Document.reference_key == k).order_by(Document.id)
    docs = list(session.scalars(stmt.options(selectinload(Document.citations).selectinload(Citation.target))))
    cites: list[CitedRef] = []
    if docs:
        own = sorted(docs[0].citations, key=lambda c: c.id)
        stored = documents_by_key(session, [c.reference_key for c in own if c.target is None])
        cites = [CitedRef(c.reference, c.reference_key, c.target or stored.get(c.reference_key), c) for c in own]
    ids = [d.id for d in docs]
    citing_clause = Citation.reference_key == k
    if ids:
        citing_clause = or_(citing_clause, Citation.target_id.in_(ids))
    seen: set[int] = set()
    cited_by: list[CitingRef] = []
    for c in session.scalars(select(Citation).where(citing_clause).options(selectinload(Citation.document))):
        if c.document_id not in seen and c.document_id not in ids:
            seen.add(c.document_id)
            cited_by.append(CitingRef(c.document, c))
    cited_by.sort(key=lambda r: (r.document.date or dt.date.max, r.document.id))
    shown = docs[0].reference if docs and docs[0].reference else reference.strip()
    return RefsReport(reference=shown, key=k, documents=docs, cites=cites, cited_by=cited_by)


@dataclass(frozen=True)
class MissingRef:
    """A reference cited in the corpus whose document is not stored."""

    reference: str
    reference_key: str
    kind: str | None
    cited_by: tuple[Document, ...]

    @property
    def count(self) -> int:
        return len(self.cited_by)


def missing_citations(session: Session) -> list[MissingRef]:
    """Cited references no stored document has, most cited first."""
    stored = set(session.scalars(select(Document.reference_key).where(Document.reference_key.is_not(None))))
    stmt = select(Citation).where(Citation.target_id.is_(None)).options(selectinload(Citation.document))
    grouped: dict[str, list[Citation]] = {}
    for c in session.scalars(stmt.order_by(Citation.id)):
        if c.reference_key not in stored:
            grouped.setdefault(c.reference_key, []).append(c)
    out = []
    for k, cs in grouped.items():
        docs = {c.document_id: c.document for c in cs}
        kind = next((c.kind for c in cs if c.kind), None)
        out.append(MissingRef(cs[0].reference, k, kind, tuple(docs.values())))
    out.sort(key=lambda m: (-m.count, m.reference_key))
    return out


__all__ = [
    "RECURRENCE_VI",
    "STATUS_VI",
    "CitedRef",
    "CitingRef",
    "MissingRef",
    "OweReport",
    "OweRow",
    "QueryError",
    "RefsReport",
    "UnitMatch",
    "action_matches",
    "citation_graph",
    "documents_by_key",
    "link_followups",
    "match_units",
    "missing_citations",
    "month_range",
    "occurrences",
    "owe",
    "parse_user_date",
    "parse_user_month",
    "refs",
    "reminded",
    "reminders_of",
    "select_obligations",
    "to_dot",
    "to_graphml",
]
