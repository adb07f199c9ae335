"""Documents found by who issued, signed or received them, by kind and by period: "văn bản nào của
Tỉnh ủy", "công văn nào gửi UBND các xã", "ông Nguyễn Văn A ký những văn bản nào", "có bao nhiêu
văn bản năm 2025". Plain dataclasses out; the edge prints them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from extractors.units import unit_key
from models.schema import Addressee, Document
from pipeline.answers.units import match_units
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.labels import stored_label
from pipeline.query import bounded_name
from pipeline.status import DocumentStatus
from pipeline.text import fold


@dataclass(frozen=True)
class DocumentRow:
    document_id: int
    label: str  # as a clerk names it: "CV 1260/UBND-KGVX"
    reference: str | None
    kind: str | None
    date: dt.date | None
    issuer: str | None
    subject: str | None
    signer: str | None  # "Nguyễn Văn A (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)"


@dataclass(frozen=True)
class DocumentFilter:
    issuer: str | None = None
    signer: str | None = None
    recipient: str | None = None
    kind: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def signer_of(doc: Document) -> str | None:
    if not doc.signer_name:
        return None
    post = " ".join(p for p in (doc.signer_authority, doc.signer_position) if p)
    return f"{doc.signer_name} ({post})" if post else doc.signer_name


def row_of(doc: Document) -> DocumentRow:
    return DocumentRow(
        doc.id, stored_label(doc), doc.reference, doc.kind, doc.date, doc.issuer, doc.subject, signer_of(doc)
    )


def _words(text: str) -> str:
    return " ".join(fold(text).replace("&", " ").split())


def _loose_name(query: str, name: str | None) -> bool:
    """ "Nguyễn Văn A" in "Nguyễn Văn An"? No: whole words, diacritics and case aside."""
    q, n = _words(query), _words(name or "")
    return bool(q) and f" {q} " in f" {n} "


def list_documents(session: Session, want: DocumentFilter, deadline: Deadline = NO_DEADLINE) -> list[DocumentRow]:
    """The stored documents ``want`` describes, the latest first."""
    stmt = select(Document).where(Document.status == DocumentStatus.EXTRACTED.value)
    if want.kind:
        stmt = stmt.where(Document.kind == want.kind)
    if want.start:
        stmt = stmt.where(Document.date >= want.start)
    if want.end:
        stmt = stmt.where(Document.date <= want.end)
    if want.recipient:
        stmt = stmt.options(selectinload(Document.addressees).selectinload(Addressee.unit))
    docs = list(session.scalars(stmt.order_by(Document.date.desc().nulls_last(), Document.id.desc())))
    deadline.check()
    if issuer := bounded_name(want.issuer):
        match = match_units(session, issuer)
        docs = [d for d in docs if match.matches_key(d.issuer_key or "") or _loose_name(issuer, d.issuer)]
    if signer := bounded_name(want.signer):
        docs = [d for d in docs if _loose_name(signer, d.signer_name)]
    if recipient := bounded_name(want.recipient):
        match = match_units(session, recipient)

        def sent_to(d: Document) -> bool:
            return any(
                match.matches_key(a.unit.key if a.unit else unit_key(a.name)) or _loose_name(recipient, a.name)
                for a in d.addressees
            )

        docs = [d for d in docs if sent_to(d)]
    return [row_of(d) for d in docs]
