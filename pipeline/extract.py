"""The extraction stage: run every extractor over one RawDocument and build the contract record.

``extract(raw)`` returns a frozen DocumentExtraction whose values keep their spans and
rules; ``to_contract`` renders the JSON of ../shared/eval/SCHEMA.md (plus a few extra keys).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from extractors.annex import AnnexOf, extract_annex
from extractors.base import Extracted, TextView
from extractors.citations import Citation, extract_citations
from extractors.dates import PartialDate, find_full_dates
from extractors.envelope import Envelope, check_header, check_parties, read_envelope
from extractors.header import Header, extract_header
from extractors.nlp import unit_mentions
from extractors.obligations import Obligation, extract_obligations
from extractors.parties import (
    Addressee,
    Signer,
    extract_addressees,
    extract_executors,
    extract_recipients,
    extract_signer,
)
from extractors.portal import complete_from_portal
from extractors.units import expand
from pipeline.document import RawDocument


@dataclass(frozen=True)
class DocumentExtraction:
    source: str
    format: str
    header: Header
    addressees: tuple[Extracted[Addressee], ...]
    signer: Extracted[Signer] | None
    recipients: tuple[Extracted[str], ...]
    citations: tuple[Extracted[Citation], ...]
    obligations: tuple[Extracted[Obligation], ...]
    reference_date: dt.date
    units: tuple[Extracted[str], ...] = ()
    warnings: tuple[str, ...] = ()
    envelope: Envelope | None = None  # an edXML package's header, checked against its attachment
    annex_of: Extracted[AnnexOf] | None = None  # an annex sent alone: the document it goes with


_EXECUTED_KINDS = frozenset({"QĐ", "CT"})


def reference_date(header: Header, view: TextView) -> dt.date:
    """The date deadlines without a year are read against: the document's date, or failing that
    the latest date the text mentions (a draft cites documents up to just before it is written)."""
    if header.date:
        return header.date.value.first_day()
    dates = [d for _, _, d in find_full_dates(view.text)]
    return max(dates) if dates else dt.date.today()


def extract(raw: RawDocument) -> DocumentExtraction:
    view = TextView(raw)
    header = extract_header(view)
    if raw.metadata.get("portal"):
        header = complete_from_portal(header, raw.metadata["portal"])
    envelope = read_envelope(raw.metadata.get("edxml"))
    notes: list[str] = []
    if envelope is not None:
        header, notes = check_header(header, envelope)
    annex = extract_annex(view) if header.reference is None else None
    # an annex has no Kính gửi of its own: what heads its list is not an addressee
    addressees = tuple(extract_addressees(view)) if header.official and annex is None else ()
    signer = extract_signer(view) if header.official else None
    recipients = tuple(extract_recipients(view)) if header.official else ()
    if envelope is not None:
        signer, addressees, recipients, more = check_parties(envelope, signer, addressees, recipients)
        notes += more
    own = header.reference.value.text if header.reference else None
    citations = tuple(extract_citations(view, own))
    ref = reference_date(header, view)
    # Tasks with no named owner fall to the addressees; in a báo cáo, to its issuer, who reports
    # on what it will do ("Hoàn thành cập nhật ... trước ngày 30/9").
    if header.doc_type.value == "BC" and header.issuer:
        default_owners = (header.issuer.value,)
    else:
        default_owners = tuple(a.value.name for a in addressees)
    executors: tuple[str, ...] = ()
    if not default_owners and header.official and header.doc_type.value in _EXECUTED_KINDS:
        # a quyết định has no Kính gửi: its closing article names who carries it out, and the
        # dated items nobody else is named for are theirs ("Khai giảng vào ngày 05/9/2026")
        executors = tuple(e.value for e in extract_executors(view))
    doc_date = header.date.value.first_day() if header.date else None
    obligations = tuple(extract_obligations(view, ref, default_owners, doc_date, executors))
    units = tuple(_units(view))
    return DocumentExtraction(
        raw.source,
        raw.format,
        header,
        addressees,
        signer,
        recipients,
        citations,
        obligations,
        ref,
        units,
        (*raw.warnings, *notes),
        envelope,
        annex,
    )


def _units(view: TextView) -> list[Extracted[str]]:
    """Every unit the text names (spaCy EntityRuler over the agency gazetteer), once each, in full words."""
    seen: dict[str, Extracted[str]] = {}
    for start, end, name in unit_mentions(view.text):
        full = expand(" ".join(name.split()))
        key = full.lower()
        if key not in seen or (seen[key].value.isupper() and not full.isupper()):  # prefer "Sở Y" to "SỞ Y"
            seen[key] = Extracted(full, view.span(start, end), "unit:entity-ruler")
    return list(seen.values())


def _v(x: Extracted[Any] | None) -> Any:
    return x.value if x is not None else None


def _iso(d: dt.date | PartialDate | None) -> str | None:
    if d is None:
        return None
    return d.iso() if isinstance(d, PartialDate) else d.isoformat()


def _trace(x: Extracted[Any] | None) -> dict[str, Any] | None:
    if x is None:
        return None
    span = x.span
    where = {"block": span.block, "start": span.start, "end": span.end} if span else None
    if span and span.row is not None:
        where |= {"row": span.row, "col": span.col}
    return {"rule": x.rule, "span": where}


def to_contract(ex: DocumentExtraction, source: str | None = None, trace: bool = False) -> dict[str, Any]:
    h = ex.header
    ref = _v(h.reference)
    signer = _v(ex.signer)
    out: dict[str, Any] = {
        "source": source or ex.source,
        "doc_type": _v(h.doc_type),
        "number": ref.number if ref else None,
        "symbol": ref.symbol if ref else None,
        "reference": ref.text if ref else None,
        "issuer": _v(h.issuer),
        "issuer_parent": _v(h.parent),
        "place": _v(h.place),
        "date": _iso(_v(h.date)),
        "subject": _v(h.subject),
        "addressees": [a.value.name for a in ex.addressees],
        "addressee_members": {a.value.name: list(a.value.members) for a in ex.addressees if a.value.members},
        "signer": (
            {"name": signer.name, "position": signer.position, "authority": signer.authority} if signer else None
        ),
        "recipients": [r.value for r in ex.recipients],
        "units": [u.value for u in ex.units],
        "citations": [
            {
                "reference": c.value.reference,
                "doc_type": c.value.doc_type,
                "date": _iso(c.value.date),
                "issuer": c.value.issuer,
                "subject": c.value.subject,
            }
            for c in ex.citations
        ],
        "obligations": [
            {
                "owner": list(o.value.owners),
                "action": o.value.action,
                "due": _iso(o.value.due),
                "recurrence": o.value.recurrence,
                "recipient": o.value.recipient,
                "text": o.value.text,
            }
            for o in ex.obligations
        ],
    }
    if ex.warnings:
        out["warnings"] = list(ex.warnings)
    if ex.envelope is not None:
        out["edxml"] = {
            "document_id": ex.envelope.document_id,
            "due_date": ex.envelope.due.isoformat() if ex.envelope.due else None,
            "attachments": list(ex.envelope.attachments),
        }
    if ex.annex_of is not None:  # only then: every other record stays as it was
        out["annex_of"] = {"reference": ex.annex_of.value.reference, "kind": ex.annex_of.value.kind}
    if trace:
        out["trace"] = {
            "doc_type": _trace(h.doc_type),
            "reference": _trace(h.reference),
            "issuer": _trace(h.issuer),
            "date": _trace(h.date),
            "subject": _trace(h.subject),
            "signer": _trace(ex.signer),
            "citations": [_trace(c) for c in ex.citations],
            "obligations": [_trace(o) for o in ex.obligations],
        }
    return out
