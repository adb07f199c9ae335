"""An annex received as a file of its own: which document it belongs to.

An appendix has no header of its own (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3): it opens with
its title and the document it goes with::

    PHỤ LỤC
    DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC
    (Kèm theo Quyết định số 123/QĐ-UBND ngày 15/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi)

Sent alone, it is not a công văn: it has no Kính gửi, no Số, and it belongs with Quyết định
123/QĐ-UBND. ``extract_annex`` says so when the text opens that way and has no quốc hiệu nor Số.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.base import Extracted, TextView
from extractors.data.frame import MOTTO, NATIONAL_TITLE, PARTY_TITLE, opens_appendix
from extractors.references import find_references, parse_header_number
from pipeline.document import BlockKind
from pipeline.text import fold

OPENING = 6  # lines: the title, a line or two of it, the "Kèm theo" line
# "(Kèm theo Quyết định số 123/QĐ-UBND ngày ...)", "Kèm theo Kế hoạch số 55/KH-UBND": the kind
# named before "số" (its words, as written), the reference after it.
_KEM_THEO = re.compile(r"kèm\s+theo\s+(?P<kind>[^\d()]{2,60}?)\s+số\b", re.IGNORECASE)


@dataclass(frozen=True)
class AnnexOf:
    """The document an annex goes with: its reference ("123/QĐ-UBND") and kind as the annex
    names it ("Quyết định"); either may be unknown ("Kèm theo Kế hoạch số /KH-UBND")."""

    reference: str | None
    kind: str | None


def extract_annex(view: TextView) -> Extracted[AnnexOf] | None:
    """The document this text is an annex of, when it opens as an annex and has no header."""
    lines = [ln for ln in view.lines if ln.kind is not BlockKind.FOOTNOTE and ln.text.strip()]
    if not lines or not opens_appendix(lines[0].text):
        return None
    for ln in lines[: 3 * OPENING]:
        folded = fold(ln.text)
        if NATIONAL_TITLE in folded or MOTTO in folded or PARTY_TITLE in folded:
            return None  # a page with a header of its own
        found = parse_header_number(ln.text)
        if found is not None and found[1][0] == len(ln.text) - len(ln.text.lstrip()):
            return None  # its own "Số:"
    for ln in lines[:OPENING]:
        m = _KEM_THEO.search(ln.text)
        if not m:
            continue
        refs = [r for s, _e, r in find_references(ln.text[m.end() :]) if s < 3]
        reference = refs[0].text if refs and refs[0].number else None
        kind = " ".join(m["kind"].split())
        span = view.span(ln.offset, ln.offset + len(ln.text))
        return Extracted(AnnexOf(reference, kind[:1].upper() + kind[1:]), span, "annex:kem-theo")
    first = lines[0]
    return Extracted(AnnexOf(None, None), view.span(first.offset, first.offset + len(first.text)), "annex:title")
