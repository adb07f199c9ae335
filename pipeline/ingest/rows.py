"""An extraction becomes rows: a Document with its addressees, citations and obligations, and the
canonical Units they name (created on first sight, the written forms kept as aliases)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.references import key as ref_key
from extractors.units import expand, unit_key
from models.schema import Addressee, Citation, Document, FileSignature, Obligation, Unit, UnitAlias, as_utc
from pipeline.document import SignatureInfo
from pipeline.extract import DocumentExtraction
from pipeline.readers.signatures import describe
from pipeline.status import DocumentStatus, ObligationStatus
from pipeline.text import fold


class UnitRegistry:
    """Units by canonical key, created on first sight; the written forms become aliases."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, Unit] = {}

    def get(self, name: str) -> Unit:
        name = " ".join(name.split()).strip(" ;.,")
        k = unit_key(name)
        unit = self._cache.get(k)
        if unit is None:
            unit = self._stored(k) or self._created(name, k)
            self._cache[k] = unit
        written = fold(name)
        if written != k and written not in {a.key for a in unit.aliases}:
            exists = self.session.scalar(select(UnitAlias.id).where(UnitAlias.key == written))
            if exists is None:
                unit.aliases.append(UnitAlias(alias=name, key=written))
        return unit

    def _stored(self, key: str) -> Unit | None:
        unit = self.session.scalar(select(Unit).where(Unit.key == key))
        if unit is None:
            alias = self.session.scalar(select(UnitAlias).where(UnitAlias.key == key))
            unit = alias.unit if alias else None
        return unit

    def _created(self, name: str, key: str) -> Unit:
        unit = Unit(name=expand(name), key=key)
        self.session.add(unit)
        self.session.flush()
        return unit


def new_document(ex: DocumentExtraction, record: dict, text: str, units: UnitRegistry) -> Document:
    """The Document of an extraction (``record``: its contract, kept for tracing), with its rows."""
    doc = Document()
    units.session.add(doc)
    return fill_document(doc, ex, record, text, units)


def fill_document(doc: Document, ex: DocumentExtraction, record: dict, text: str, units: UnitRegistry) -> Document:
    """``doc`` (new, or a scan stored unread) given what the extraction found, with its rows."""
    for column, value in _header_columns(ex).items():
        setattr(doc, column, value)
    doc.text, doc.status, doc.extraction = text, DocumentStatus.EXTRACTED, record
    _add_addressees(doc, ex, units)
    _add_citations(doc, ex)
    _add_obligations(doc, ex, units)
    return doc


def _header_columns(ex: DocumentExtraction) -> dict:
    h = ex.header
    ref = h.reference.value if h.reference else None
    signer = ex.signer.value if ex.signer else None
    issuer = h.issuer.value if h.issuer else None
    return {
        "kind": h.doc_type.value,
        "number": ref.number if ref else None,
        "symbol": ref.symbol if ref else None,
        "reference": ref.text if ref else None,
        "reference_key": ref_key(ref.text) if ref else None,
        "issuer": issuer,
        "issuer_key": unit_key(issuer) if issuer else None,
        "issuer_parent": h.parent.value if h.parent else None,
        "place": h.place.value if h.place else None,
        "date": h.date.value.first_day() if h.date else None,
        "date_text": h.date.value.iso() if h.date else None,
        "subject": h.subject.value if h.subject else None,
        "signer_name": signer.name if signer else None,
        "signer_position": signer.position if signer else None,
        "signer_authority": signer.authority if signer else None,
    }


def _add_addressees(doc: Document, ex: DocumentExtraction, units: UnitRegistry) -> None:
    for i, a in enumerate(ex.addressees):
        unit = units.get(a.value.name)
        for member in a.value.members:
            m = units.get(_member_name(a.value.name, member))
            if m not in unit.members:
                unit.members.append(m)
        doc.addressees.append(Addressee(name=a.value.name, unit=unit, position=i))


def _add_citations(doc: Document, ex: DocumentExtraction) -> None:
    """One row per cited reference; a document citing itself (its own số in the text) is not one."""
    seen: set[str] = set()
    for c in ex.citations:
        k = ref_key(c.value.reference)
        if k in seen or k == doc.reference_key:
            continue
        seen.add(k)
        doc.citations.append(
            Citation(
                reference=c.value.reference, reference_key=k, kind=c.value.doc_type, date=c.value.date,
                issuer=c.value.issuer, subject=c.value.subject,
            )
        )  # fmt: skip


def _add_obligations(doc: Document, ex: DocumentExtraction, units: UnitRegistry) -> None:
    for o in ex.obligations:
        ob = o.value
        span = o.span
        doc.obligations.append(
            Obligation(
                owner_names=ob.owners, action=ob.action, recipient=ob.recipient, text=ob.text,
                due=ob.due, recurrence=ob.recurrence, status=ObligationStatus.OPEN, rule=o.rule,
                span_block=span.block if span else None, span_start=span.start if span else None,
                span_end=span.end if span else None,
                owners=_unique([units.get(n) for n in ob.owners]),
            )
        )  # fmt: skip


def _member_name(group: str, member: str) -> str:
    """A footnote lists "Phường Kon Tum" under "Ủy ban nhân dân các xã, phường": the member is
    that commune's People's Committee."""
    g = fold(expand(group))
    if g.startswith(("uy ban nhan dan", "ubnd")) and not fold(member).startswith(("uy ban", "ubnd")):
        return f"Ủy ban nhân dân {member[0].lower()}{member[1:]}"
    return member


def _unique(units: list[Unit]) -> list[Unit]:
    out: list[Unit] = []
    for u in units:
        if u not in out:
            out.append(u)
    return out


def signature_rows(signatures: tuple[SignatureInfo, ...]) -> list[FileSignature]:
    """A file's digital signatures as rows, in file order, each with the clerk's one line."""

    def cut(value: str | None, n: int = 300) -> str | None:
        return value[:n] if value else value

    return [
        FileSignature(
            position=i,
            field_name=cut(s.field_name, 200),
            signer=cut(s.signer),
            organisation=cut(s.organisation),
            signed_at=as_utc(s.signed_at) if s.signed_at else None,
            intact=s.intact,
            covers_whole_file=s.covers_whole_file,
            trusted=s.trusted,
            summary=describe(s),
        )
        for i, s in enumerate(signatures)
    ]
