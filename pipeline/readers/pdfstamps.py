"""Signing stamps on a page: what a signature's visible stamp says, kept out of the document's text.

A PDF signed in an e-office system carries a small box of label lines, near the signer or at a
page corner:

    Người ký: Nguyễn Văn A                     Ký bởi: Văn phòng UBND tỉnh
    Email: nva@quangngai.gov.vn                Ngày ký: 15.07.2025 10:20:33 +07:00
    Cơ quan: Ủy ban nhân dân tỉnh Quảng Ngãi
    Thời gian ký: 15.07.2025 10:20:33 +07:00

It is the signature's appearance, not the document: read as text it would become a header line,
a second signer or a body paragraph. A stamp is two or more such label lines stacked in one
column, one of them naming the signing (Người ký, Ký bởi, Thời gian ký, Ngày ký), with the lines
that continue them (a value wrapped, the body's name on a line of its own) in the same column and
no larger type. Its words leave the page; what it says goes to the document's metadata
(``stamp_signer``, ``stamp_organisation``, ``stamp_email``, ``stamp_time``, ``stamp_text``).
A lone "Email: ..." in a letter's contact line is no stamp: it names no signing.
"""

from __future__ import annotations

import re

from pipeline.readers.pdfwords import PageData, Word, cluster
from pipeline.text import fold

_LABEL = re.compile(r"^(nguoi ky|ky boi|ky so boi|co quan|don vi|email|e-mail|thoi gian ky|ngay ky|chuc vu)\s*:")
_SIGNING = frozenset({"nguoi ky", "ky boi", "ky so boi", "thoi gian ky", "ngay ky"})
_KEYS = {
    "nguoi ky": "stamp_signer",
    "ky boi": "stamp_signer",
    "ky so boi": "stamp_signer",
    "co quan": "stamp_organisation",
    "don vi": "stamp_organisation",
    "email": "stamp_email",
    "e-mail": "stamp_email",
    "thoi gian ky": "stamp_time",
    "ngay ky": "stamp_time",
}
_COLUMN_GAP = 2.0  # ems: a wider gap on one baseline separates columns (Nơi nhận beside the stamp)
_PITCH = 2.2  # ems: label lines of one stamp are closer than this
_LARGER = 1.2  # a continuation line in type this much larger than the stamp's is the document's


class _Segment:
    __slots__ = ("base", "label", "size", "text", "words", "x0", "x1")

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.text = " ".join(w.text for w in words)
        self.x0, self.x1 = words[0].x0, max(w.x1 for w in words)
        self.base = max(w.base for w in words)
        self.size = max(w.size for w in words)
        m = _LABEL.match(fold(self.text))
        self.label = m.group(1) if m else None


def strip_stamps(pages: list[PageData]) -> dict[str, str]:
    """Take every signing stamp's words off its page; return what the stamps say (first stamp first)."""
    meta: dict[str, str] = {}
    texts: list[str] = []
    for page in pages:
        for stamp in _stamps(page):
            ids = {id(w) for s in stamp for w in s.words}
            page.words = [w for w in page.words if id(w) not in ids]
            texts.append("\n".join(s.text for s in stamp))
            for s in stamp:
                key = _KEYS.get(s.label or "")
                value = s.text.split(":", 1)[1].strip() if s.label else ""
                if key and value and key not in meta:
                    meta[key] = value
    if texts:
        meta["stamp_text"] = "\n\n".join(texts)
    return meta


def _segments(page: PageData) -> list[_Segment]:
    out: list[_Segment] = []
    for line in cluster(page.words, page.number):
        current: list[Word] = []
        for w in line.words:
            if current and w.x0 - current[-1].x1 > _COLUMN_GAP * max(w.size, current[-1].size):
                out.append(_Segment(current))
                current = []
            current.append(w)
        if current:
            out.append(_Segment(current))
    return out


def _stamps(page: PageData) -> list[list[_Segment]]:
    segments = _segments(page)
    groups: list[list[_Segment]] = []
    for s in (s for s in segments if s.label):
        for g in groups:
            last = g[-1]
            if 0 < s.base - last.base <= _PITCH * max(s.size, last.size) and abs(s.x0 - g[0].x0) <= 2 * s.size:
                g.append(s)
                break
        else:
            groups.append([s])
    stamps = []
    for g in groups:
        if len(g) >= 2 and any(s.label in _SIGNING for s in g):
            stamps.append(_with_continuations(g, [s for s in segments if not s.label]))
    return stamps


def _with_continuations(group: list[_Segment], others: list[_Segment]) -> list[_Segment]:
    """The stamp's label lines with the lines that continue them, above, between and below."""
    size = max(s.size for s in group)
    x0, x1 = min(s.x0 for s in group), max(s.x1 for s in group)
    stamp = sorted(group, key=lambda s: s.base)
    candidates = [s for s in others if s.size <= _LARGER * size and x0 - size <= s.x0 <= x1 and s.x1 <= x1 + 4 * size]
    grown = True
    while grown:
        grown = False
        top, bottom = stamp[0].base, stamp[-1].base
        for s in candidates:
            if s in stamp:
                continue
            if top - _PITCH * size / 1.4 <= s.base <= bottom + _PITCH * size / 1.4:
                stamp.append(s)
                stamp.sort(key=lambda t: t.base)
                grown = True
    return stamp
