"""Recognise the layout tables of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Word and web portals lay out the header (agency | quốc hiệu) and the signature
block (Nơi nhận | signer) as borderless tables; task tables in appendices are
real tables. Readers use these tests to turn layout tables into regions and
keep data tables as tables.
"""

from __future__ import annotations

import re

from pipeline.text import fold

_HEADER_MARKS = (
    "cong hoa xa hoi",
    "doc lap - tu do",
    "doc lap – tu do",
    "so:",
    "v/v",
    "dang cong san viet nam",
)
_SIGNATURE_MARKS = ("noi nhan",)
_SIGNER_MARKS = re.compile(r"^(kt|tm|tl|tuq|q|t/m)\s*\.|chu tich|giam doc|truong|bi thu|thu truong|chanh van phong")
_ADDRESSEE_MARK = "kinh gui"

DECORATION = re.compile(r"^\s*[-–—_=*.·•~]{3,}\s*$")


def classify_table(rows: list[list[str]], position: float) -> str:
    """Return "header", "signature", "addressee" or "data" for a table's rows.

    ``position`` is where the table sits in the document (0 = first block, 1 = last):
    a header table is near the top, a signature table after the body.
    """
    if not rows:
        return "data"
    ncols = max(len(r) for r in rows)
    flat = fold(" ".join(" ".join(r) for r in rows))
    if ncols > 3 or len(rows) > 4:
        return "data"
    if position < 0.35 and any(m in flat for m in _HEADER_MARKS):
        return "header"
    if any(m in flat for m in _SIGNATURE_MARKS):
        return "signature"
    if ncols >= 2 and position > 0.5 and any(_SIGNER_MARKS.search(fold(c).strip()) for r in rows for c in r[1:]):
        return "signature"
    if _ADDRESSEE_MARK in flat:
        return "addressee"
    return "data"
