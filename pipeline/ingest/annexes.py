"""An annex received as a file of its own (extractors.annex), and the document it belongs to.

"PHỤ LỤC ... (Kèm theo Quyết định số 123/QĐ-UBND ...)" sent apart from its quyết định:

- the quyết định is stored: the annex becomes one more file of it (``DocumentFile.role`` "annex"),
  no new document, no số đến;
- it is not (yet): the annex is stored as a document of its own, naming the one it waits for
  (``Document.annex_of_reference``), and is linked (``annex_of_id``) when that one arrives.

A reference names one document only with its issuer, which an annex rarely repeats: when several
stored documents carry "123/QĐ-UBND" (two UBNDs' quyết định 123), the annex is attached to none of
them, since a wrong link is worse than none.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.references import key as ref_key
from models.schema import Document
from pipeline.extract import DocumentExtraction
from pipeline.status import DocumentStatus


def named(ex: DocumentExtraction) -> str | None:
    """The reference key of the document ``ex`` is an annex of, if it names one by number."""
    if ex.annex_of is None or not ex.annex_of.value.reference:
        return None
    return ref_key(ex.annex_of.value.reference)


def _label(ex: DocumentExtraction) -> str:
    assert ex.annex_of is not None
    of = ex.annex_of.value
    return f"phụ lục của {of.kind or 'văn bản'} số {of.reference}"


def target(session: Session, ex: DocumentExtraction) -> Document | None:
    """The stored document the annex ``ex`` goes with, when exactly one issuer's document (its
    version in force first) carries the reference it names."""
    key = named(ex)
    if key is None:
        return None
    docs = list(
        session.scalars(
            select(Document)
            .where(Document.reference_key == key, Document.number.is_not(None))
            .where(Document.status == DocumentStatus.EXTRACTED, Document.annex_of_reference.is_(None))
            .order_by(Document.superseded_by_id.is_not(None), Document.id)
            .limit(20)
        )
    )
    if not docs or len({d.issuer_key for d in docs}) > 1:
        return None
    return docs[0]


def attached_reason(ex: DocumentExtraction, doc: Document) -> str:
    return f"{_label(ex)} (#{doc.id}), thêm vào văn bản đó"


def waiting_reason(ex: DocumentExtraction) -> str:
    return f"{_label(ex)}, chưa có văn bản chính trong kho"


def mark_waiting(doc: Document, ex: DocumentExtraction) -> None:
    """An annex stored before its document: remember which one it waits for."""
    doc.annex_of_reference = named(ex)


def link_waiting(session: Session, doc: Document) -> list[Document]:
    """The annexes stored before ``doc`` that name it, now linked to it."""
    if not doc.reference_key or not doc.number or doc.annex_of_reference:
        return []
    waiting = list(
        session.scalars(
            select(Document)
            .where(Document.annex_of_reference == doc.reference_key, Document.annex_of_id.is_(None))
            .where(Document.id != doc.id)
        )
    )
    for annex in waiting:
        annex.annex_of_id = doc.id
    return waiting
