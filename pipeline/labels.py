"""How a document is named to a clerk, in one place: "CV 1260/UBND-KGVX ngày 02/05/2025".

Plain fields in, so the answers, the inbox and a web page name a document alike whether they hold
a row, a search hit or a citation. A document without a number says so ("CV (chưa có số) ngày
02/05/2025"), never by its database id; one known only by a citation and without a number is "?".
Kinds are the abbreviations of Nghị định 30/2020 (KH, CV, QĐ...), which clerks read as they are;
the contract's codes that are not one (KHAC, LUAT) are named in words.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol
from zoneinfo import ZoneInfo

OFFICE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# The contract's kind codes a clerk would not read as an abbreviation (extractors/data/kinds.py).
_KIND_WORDS = {"KHAC": "Văn bản khác", "LUAT": "Luật"}


def kind_label(kind: str | None) -> str:
    """ "KH", "CV", "QĐ" as they are; "KHAC" is "Văn bản khác", "LUAT" is "Luật"; none is ""."""
    return _KIND_WORDS.get(kind or "", kind or "")


def partial_date(date: dt.date, date_text: str | None) -> str:
    """ "15/07/2025", or "07/2025" when the document left its day blank (date_text "2025-07")."""
    parts = (date_text or "").split("-")
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    if len(parts) == 1 and parts[0]:
        return parts[0]
    return f"{date:%d/%m/%Y}"


def document_label(
    kind: str | None,
    reference: str | None,
    *,
    date: dt.date | None = None,
    date_text: str | None = None,
    doc_id: int | None = None,
) -> str:
    """ "KH 4664/KH-UBND ngày 15/07/2025"; without ``date``, only kind and number ("KH 4664/KH-UBND")."""
    ref = reference or ("(chưa có số)" if doc_id is not None else "?")
    when = f" ngày {partial_date(date, date_text)}" if date else ""
    return f"{kind_label(kind)} {ref}{when}".strip()


class _Named(Protocol):
    id: int
    kind: str | None
    reference: str | None
    date: dt.date | None
    date_text: str | None


def stored_label(doc: _Named | None) -> str:
    """The label of a stored document (a models.schema.Document), "?" for none."""
    if doc is None:
        return "?"
    return document_label(doc.kind, doc.reference, date=doc.date, date_text=doc.date_text, doc_id=doc.id)


def local_day(when: dt.datetime) -> dt.date:
    """The office's calendar day of a stored instant (UTC; SQLite hands it back naive)."""
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return aware.astimezone(OFFICE_TZ).date()
