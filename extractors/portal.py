"""The metadata block of a page saved from a legal portal, as the fallback for a lost header.

Portals print their reading of the header before the document ("Số hiệu: 17899/BTC-VP",
"Loại văn bản: Công văn", "Nơi ban hành: Bộ Tài chính", "Ngày ban hành: 18/11/2025"); some pages
have lost the document's own header and open at "Kính gửi:". A clerk registering such a page
records the portal's values, so they fill what the document's own frame does not give. The
document's own lines always win: a value is taken from the portal only where the header has none.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from extractors.base import Extracted
from extractors.data.kinds import kind_of_name
from extractors.dates import PartialDate, valid
from extractors.header import Header
from extractors.references import parse_header_number
from pipeline.text import fold

RULE = "portal-metadata"
_DMY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\s*$")


def _date(text: str) -> PartialDate | None:
    m = _DMY.match(text)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    return PartialDate(year, month, day) if valid(year, month, day) else None


def _fuller_issuer(header: Header, issuer: str) -> bool:
    """Whether the portal's "Nơi ban hành" names the header's issuer more fully, by its parent's
    place: header "SỞ GIÁO DỤC VÀ ĐÀO TẠO" under "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", portal
    "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh" — the same agency, as a register writes it."""
    if header.issuer is None or header.parent is None:
        return False
    own, full, parent = fold(header.issuer.value), fold(issuer), fold(header.parent.value)
    rest = full[len(own) :].strip() if full.startswith(own + " ") else ""
    return bool(rest) and parent.endswith(" " + rest)


def _subject_from_summary(text: str, reference: str) -> str | None:
    """A page that lost the document's header often summarises it: "Ngày 18/11/2025, Bộ Tài chính đã
    ban hành Công văn 17899/BTC-VP về việc bồi dưỡng, tập huấn ..." — the trích yếu of that very
    number. Only the document's own number, and only a "về việc"/"V/v" that follows it at once."""
    own = re.escape(reference).replace(r"/", r"\s*/\s*").replace(r"\-", r"\s*-\s*")
    m = re.search(rf"{own}(?:\s+(?:năm|ngày)\s+[\d/]+)?\s+(?:về việc|V/v)\s+(?P<subject>[^\n*]+)", text)
    if not m:
        return None
    subject = re.split(r"[.;](?:\s|$)", m["subject"])[0].strip(" ,:")
    return subject if 10 <= len(subject) <= 400 else None


def complete_from_portal(header: Header, fields: Mapping[str, str]) -> Header:
    """``header`` with what it lacks taken from the portal's metadata block ``fields``
    (folded label → value, as ``pipeline.readers.portal`` reads them; ``tom tat`` is the page's
    own summary of the document, read for the trích yếu)."""
    changes: dict[str, object] = {}
    parsed = parse_header_number(f"Số: {fields.get('so hieu', '')}")
    if header.reference is None and parsed:
        changes["reference"] = Extracted(parsed[0], None, f"{RULE}:so-hieu")
    kind = kind_of_name(fields.get("loai van ban", ""))
    if kind and header.doc_type.value == "KHAC":
        changes["doc_type"] = Extracted(kind, None, f"{RULE}:loai-van-ban")
    issuer = fields.get("noi ban hanh") or fields.get("co quan ban hanh")
    if issuer and (header.issuer is None or _fuller_issuer(header, issuer)):
        changes["issuer"] = Extracted(issuer, None, f"{RULE}:noi-ban-hanh")
    date = _date(fields.get("ngay ban hanh", ""))
    if header.date is None and date:
        changes["date"] = Extracted(date, None, f"{RULE}:ngay-ban-hanh")
    reference = changes.get("reference") or header.reference
    if header.subject is None and reference is not None:
        subject = _subject_from_summary(fields.get("tom tat", ""), reference.value.text)
        if subject:
            changes["subject"] = Extracted(subject, None, f"{RULE}:summary")
    if changes.get("reference") or changes.get("doc_type"):
        changes["official"] = True
    return dataclasses.replace(header, **changes) if changes else header
