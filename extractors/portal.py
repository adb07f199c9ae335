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

RULE = "portal-metadata"
_DMY = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\s*$")


def _date(text: str) -> PartialDate | None:
    m = _DMY.match(text)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    return PartialDate(year, month, day) if valid(year, month, day) else None


def complete_from_portal(header: Header, fields: Mapping[str, str]) -> Header:
    """``header`` with what it lacks taken from the portal's metadata block ``fields``
    (folded label → value, as ``pipeline.readers.portal`` reads them)."""
    changes: dict[str, object] = {}
    parsed = parse_header_number(f"Số: {fields.get('so hieu', '')}")
    if header.reference is None and parsed:
        changes["reference"] = Extracted(parsed[0], None, f"{RULE}:so-hieu")
    kind = kind_of_name(fields.get("loai van ban", ""))
    if kind and header.doc_type.value == "KHAC":
        changes["doc_type"] = Extracted(kind, None, f"{RULE}:loai-van-ban")
    issuer = fields.get("noi ban hanh") or fields.get("co quan ban hanh")
    if header.issuer is None and issuer:
        changes["issuer"] = Extracted(issuer, None, f"{RULE}:noi-ban-hanh")
    date = _date(fields.get("ngay ban hanh", ""))
    if header.date is None and date:
        changes["date"] = Extracted(date, None, f"{RULE}:ngay-ban-hanh")
    if changes.get("reference") or changes.get("doc_type"):
        changes["official"] = True
    return dataclasses.replace(header, **changes) if changes else header
