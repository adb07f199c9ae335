"""A document's versions and relations, as plain data for ``congvan refs`` and ``congvan show``.

Versions: the documents stored under one số, ký hiệu and issuer with amended content, in version
order, the current one marked (pipeline.ingest.versions decides). Relations: what this document
does to those it cites (replaces, amends, corrects, repeals) and what later documents do to it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from models.schema import Citation, Document
from pipeline.answers.refs import DocumentRef
from pipeline.labels import local_day
from pipeline.status import CitationRelation


@dataclass(frozen=True)
class VersionRef:
    document: DocumentRef
    version_no: int
    current: bool  # the version in use (the document itself may still be replaced by another)
    received_on: dt.date | None  # the office's day its first file arrived


@dataclass(frozen=True)
class RelationRef:
    """``direction`` "out": this document acts on ``reference``; "in": ``other`` acts on this one."""

    direction: str
    relation: CitationRelation
    reference: str
    other: DocumentRef | None  # None: the cited document is not stored

    @property
    def label(self) -> str:
        return self.relation.label if self.direction == "out" else self.relation.passive_label


@dataclass
class DocumentHistory:
    document: DocumentRef
    in_force: bool
    superseded_by: DocumentRef | None
    versions: list[VersionRef] = field(default_factory=list)  # empty: never versioned
    relations: list[RelationRef] = field(default_factory=list)


def _received(doc: Document) -> dt.date | None:
    times = [local_day(f.received_at) for f in doc.files if f.received_at is not None]
    return min(times) if times else None


def _versions(session: Session, doc: Document) -> list[VersionRef]:
    if doc.version_no is None:
        return []
    root = doc.version_of_id or doc.id
    stmt = select(Document).where(or_(Document.id == root, Document.version_of_id == root))
    found = sorted(session.scalars(stmt.options(selectinload(Document.files))), key=lambda d: (d.version_no or 0, d.id))
    ids = {d.id for d in found}
    # Current: the version no later version supersedes (it may itself be replaced by another document).
    return [
        VersionRef(DocumentRef.of(d), d.version_no or 0, d.superseded_by_id not in ids, _received(d)) for d in found
    ]


def _relations(session: Session, doc: Document) -> list[RelationRef]:
    out = [
        RelationRef("out", CitationRelation(c.relation), c.reference, DocumentRef.of(c.target) if c.target else None)
        for c in sorted(doc.citations, key=lambda c: c.id)
        if c.relation
    ]
    clause = Citation.target_id == doc.id
    if doc.reference_key:
        clause = or_(clause, Citation.reference_key == doc.reference_key)
    stmt = select(Citation).where(clause, Citation.relation.is_not(None), Citation.document_id != doc.id)
    for c in session.scalars(stmt.options(selectinload(Citation.document)).order_by(Citation.id)):
        if c.target_id in (None, doc.id):  # cited by number: when resolved elsewhere, another version's
            out.append(RelationRef("in", CitationRelation(c.relation), c.reference, DocumentRef.of(c.document)))
    return out


def history(session: Session, document_id: int) -> DocumentHistory | None:
    """The versions and relations of one stored document (None when there is no such document)."""
    doc = session.get(Document, document_id)
    if doc is None:
        return None
    by = DocumentRef.of(doc.superseded_by) if doc.superseded_by else None
    return DocumentHistory(
        DocumentRef.of(doc), doc.superseded_by_id is None, by, _versions(session, doc), _relations(session, doc)
    )
