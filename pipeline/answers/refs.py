"""What cites what: a reference both ways (what it cites, what cites it), and the references the
corpus cites but does not hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from extractors.references import key as ref_key
from models.schema import Citation, Document
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.labels import stored_label
from pipeline.query import bounded_name
from pipeline.text import fold


@dataclass(frozen=True)
class DocumentRef:
    """A stored document as an answer shows it: what names it and what it is about."""

    id: int
    kind: str | None
    reference: str | None
    date: dt.date | None
    date_text: str | None
    issuer: str | None
    subject: str | None

    @classmethod
    def of(cls, doc: Document) -> DocumentRef:
        return cls(doc.id, doc.kind, doc.reference, doc.date, doc.date_text, doc.issuer, doc.subject)

    @property
    def label(self) -> str:
        return stored_label(self)


@dataclass(frozen=True)
class CitedRef:
    """A reference a document makes, with the stored document it points to (None: not in the corpus)."""

    reference: str
    reference_key: str
    document: DocumentRef | None
    subject: str | None = None  # the trích yếu the citing document gives it

    @property
    def in_corpus(self) -> bool:
        return self.document is not None


@dataclass(frozen=True)
class CitingRef:
    document: DocumentRef


@dataclass
class RefsReport:
    reference: str
    key: str
    documents: list[DocumentRef]  # usually one; several when the same số/ký hiệu was stored twice
    cites: list[CitedRef]
    cited_by: list[CitingRef]

    @property
    def document(self) -> DocumentRef | None:
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


def resolve_key(session: Session, k: str, deadline: Deadline) -> str:
    """The stored key for a typed reference; a folded comparison lets "QD" find "QĐ"."""
    exists = select(Document.id).where(Document.reference_key == k).limit(1)
    cited = select(Citation.id).where(Citation.reference_key == k).limit(1)
    if session.scalar(exists) is not None or session.scalar(cited) is not None:
        return k
    wanted = fold(k)
    for column in (Document.reference_key, Citation.reference_key):
        for stored in session.scalars(select(column).where(column.is_not(None)).distinct()):
            deadline.check()
            if fold(stored) == wanted:
                return stored
    return k


def find_documents(session: Session, reference: str, deadline: Deadline = NO_DEADLINE) -> list[Document]:
    """The stored documents a typed số/ký hiệu names, oldest first, by the same folded lookup as
    ``refs`` ("1260/ubnd-kgvx", "QD" for "QĐ")."""
    k = resolve_key(session, ref_key(bounded_name(reference) or ""), deadline)
    return list(session.scalars(select(Document).where(Document.reference_key == k).order_by(Document.id)))


def _cited(c: Citation, target: Document | None) -> CitedRef:
    return CitedRef(c.reference, c.reference_key, DocumentRef.of(target) if target else None, c.subject)


def refs(session: Session, reference: str, deadline: Deadline = NO_DEADLINE) -> RefsReport:
    """A reference both ways: the document (if stored), what it cites, and what cites it. The
    reference is free text, cut to ``pipeline.query.MAX_NAME_CHARS``."""
    reference = bounded_name(reference) or ""
    k = resolve_key(session, ref_key(reference), deadline)
    stmt = select(Document).where(Document.reference_key == k).order_by(Document.id)
    docs = list(session.scalars(stmt.options(selectinload(Document.citations).selectinload(Citation.target))))
    # The current version first (report.document): the one no other of this number supersedes.
    same = {d.id for d in docs}
    docs.sort(key=lambda d: (d.superseded_by_id in same, d.id))
    deadline.check()
    cites: list[CitedRef] = []
    if docs:
        own = sorted(docs[0].citations, key=lambda c: c.id)
        stored = documents_by_key(session, [c.reference_key for c in own if c.target is None])
        cites = [_cited(c, c.target or stored.get(c.reference_key)) for c in own]
    ids = [d.id for d in docs]
    citing_clause = Citation.reference_key == k
    if ids:
        citing_clause = or_(citing_clause, Citation.target_id.in_(ids))
    seen: set[int] = set()
    cited_by: list[CitingRef] = []
    for c in session.scalars(select(Citation).where(citing_clause).options(selectinload(Citation.document))):
        deadline.check()
        if c.document_id not in seen and c.document_id not in ids:
            seen.add(c.document_id)
            cited_by.append(CitingRef(DocumentRef.of(c.document)))
    cited_by.sort(key=lambda r: (r.document.date or dt.date.max, r.document.id))
    shown = docs[0].reference if docs and docs[0].reference else reference.strip()
    return RefsReport(shown, k, [DocumentRef.of(d) for d in docs], cites, cited_by)


@dataclass(frozen=True)
class MissingRef:
    """A reference cited in the corpus whose document is not stored."""

    reference: str
    reference_key: str
    kind: str | None
    cited_by: tuple[DocumentRef, ...]

    @property
    def count(self) -> int:
        return len(self.cited_by)


def missing_citations(session: Session, deadline: Deadline = NO_DEADLINE) -> list[MissingRef]:
    """Cited references no stored document has, most cited first."""
    stored = set(session.scalars(select(Document.reference_key).where(Document.reference_key.is_not(None))))
    stmt = select(Citation).where(Citation.target_id.is_(None)).options(selectinload(Citation.document))
    grouped: dict[str, list[Citation]] = {}
    for c in session.scalars(stmt.order_by(Citation.id)):
        deadline.check()
        if c.reference_key not in stored:
            grouped.setdefault(c.reference_key, []).append(c)
    out = []
    for k, cs in grouped.items():
        docs = {c.document_id: DocumentRef.of(c.document) for c in cs}
        kind = next((c.kind for c in cs if c.kind), None)
        out.append(MissingRef(cs[0].reference, k, kind, tuple(docs.values())))
    out.sort(key=lambda m: (-m.count, m.reference_key))
    return out
