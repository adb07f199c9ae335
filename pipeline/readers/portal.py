"""A document saved whole from a legal portal: find the document inside the page.

A clerk who saves a văn bản from a portal gets the site around it:

    Đang tải văn bản...
    Số hiệu:        10989/BNV-TCBC        <- the portal's metadata block (its own labels)
    Loại văn bản:   Công văn
    Nơi ban hành:   Bộ Nội vụ
    Người ký:       Vũ Chiến Thắng
    Ngày ban hành:  21/11/2025
    Tình trạng:     Đã biết
    BỘ NỘI VỤ       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      <- the document's own frame begins
    ...
    Nơi nhận: ...   KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Vũ Chiến Thắng
    Văn bản liên quan / Hiệu lực: ... / Kính gửi: Quý Thành viên, ...   <- site text again

The document is what lies between the metadata block and the first line of site text after its
signature. The metadata block is kept apart (``PortalMetadata``): it is the portal's reading of the
header, not the document, so it is never read as the document's own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.data.frame import (
    ADDRESSEE,
    AUTHORITY,
    DECORATION,
    NATIONAL_TITLE,
    PARTY_TITLE,
    PORTAL_FURNITURE,
    PORTAL_LABELS,
    RECIPIENTS,
)
from extractors.data.kinds import KINDS
from pipeline.text import fold

# "Số hiệu:", "**Ngày ban hành:**" — a label of the portal's metadata block, alone or with its value.
_LABEL = re.compile(rf"^\W*(?P<label>{'|'.join(PORTAL_LABELS)})\s*:\W*(?P<value>.*)$")
_FURNITURE = re.compile("|".join(PORTAL_FURNITURE))
# Lines that only separate the portal's cells.
_FILLER = re.compile(r"^[\s|#*]*$")
# A block needs this many labels, each within a few lines of the one before.
_MIN_LABELS = 3
# The document's frame opens within this many lines of the metadata block.
_FRAME_SEARCH = 60
_KIND_NAMES = "|".join(sorted({fold(name) for name, _ in KINDS}, key=len, reverse=True))
_TITLE = re.compile(rf"\b(?:{NATIONAL_TITLE}|{PARTY_TITLE})")
_OPENING = re.compile(rf"^(?:{ADDRESSEE}|so\s*:)")
_MAX_GAP = 8
# The key under which the portal's own summary of the document is kept with its labels.
SUMMARY = "tom tat"


@dataclass(frozen=True)
class PortalMetadata:
    """The portal's metadata block, label (folded) → value as written."""

    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PageCut:
    start: int  # first line of the document
    end: int  # one past its last line
    metadata: PortalMetadata


def _label_lines(lines: list[str]) -> list[tuple[int, str, str]]:
    found = []
    for i, line in enumerate(lines):
        m = _LABEL.match(fold(line).strip())
        if m:
            found.append((i, m["label"], line.split(":", 1)[1].strip(" *|")))
    return found


def _metadata_block(lines: list[str]) -> tuple[int, int, PortalMetadata] | None:
    """(first label line, line after the block, fields) of the first run of portal labels."""
    labels = _label_lines(lines)
    run: list[tuple[int, str, str]] = []
    for item in labels:
        if run and item[0] - run[-1][0] > _MAX_GAP:
            if len(run) >= _MIN_LABELS:
                break
            run = []
        run.append(item)
    if len(run) < _MIN_LABELS:
        return None
    fields: dict[str, str] = {}
    end = run[-1][0] + 1
    for n, (i, label, value) in enumerate(run):
        stop = run[n + 1][0] if n + 1 < len(run) else min(len(lines), i + 1 + _MAX_GAP)
        if not value:
            value, j = _value_after(lines, i + 1, stop)
            end = max(end, j)
        fields.setdefault(label, value)
    return run[0][0], end, PortalMetadata(fields)


def _value_after(lines: list[str], i: int, stop: int) -> tuple[str, int]:
    """The value cell under a label: the first line that is not a cell separator."""
    for j in range(i, stop):
        s = lines[j].strip(" *|#\t")
        if s:
            return s, j + 1
    return "", i


def _closing_line(lines: list[str], start: int) -> int | None:
    """The first line of the document's closing: "Nơi nhận:" (even broken as "Nơi / nhận:") or an
    authority mark ("KT. BỘ TRƯỞNG", "TM. ỦY BAN NHÂN DÂN")."""
    for i in range(start, len(lines)):
        if _with_next(lines, i).startswith(RECIPIENTS) or re.match(AUTHORITY, fold(lines[i]).strip(" *|_")):
            return i
    return None


def _is_site_text(line: str, own_number: str | None) -> bool:
    """Site text: the portal's notices and lists, or its caption naming the document by its number
    ("Công văn 10989/BNV-TCBC năm 2025 ... do Bộ Nội vụ ban hành"): a document never restates its
    own number after its signature."""
    f = fold(line).strip(" *|#")
    if _FURNITURE.search(f):
        return True
    # "Công văn 10989/BNV-TCBC năm 2025 ...": the kind then the number, with no "số" between as
    # a document writes it ("Kèm theo Kế hoạch số 980/KH-UBND" opens an annex)
    return bool(own_number) and re.match(rf"(?:{_KIND_NAMES})\s+{re.escape(own_number)}\b", f) is not None


def _document_end(lines: list[str], start: int, own_number: str | None) -> int:
    """One past the document's last line: the first line of site text after its closing."""
    closing = _closing_line(lines, start)
    if closing is None:
        return len(lines)
    for i in range(closing + 1, len(lines)):
        if _is_site_text(lines[i], own_number):
            end = i
            while end > closing and _FILLER.match(lines[end - 1]):
                end -= 1
            return end
    return len(lines)


def _frame_start(lines: list[str], after: int) -> int:
    """The first line of the document's frame after the metadata block.

    The frame opens with the header: the issuing agency ("BỘ NỘI VỤ", "ỦY BAN NHÂN DÂN / TỈNH LAI
    CHÂU") beside the quốc hiệu. A portal may put its own summary of the document between its
    metadata and the frame ("## Lịch tập huấn ... Ngày 18/11/2025, Bộ Tài chính đã ban hành ..."), and
    may have lost the header altogether, so that the frame opens at "Kính gửi:".
    """
    window = range(after, min(len(lines), after + _FRAME_SEARCH))
    title = next((i for i in window if _TITLE.search(_with_next(lines, i))), None)
    if title is not None:
        start = title
        while start > after and _is_left_header(lines[start - 1]):
            start -= 1
    else:
        start = next((i for i in window if _OPENING.match(fold(lines[i]).strip(" *|#"))), after)
    # keep the cell separator before the frame: it opens the frame's table
    while start > after and _FILLER.match(lines[start - 1]) and lines[start - 1].strip():
        start -= 1
        if start > after and _FILLER.match(lines[start - 1]):
            break
    return start


def _with_next(lines: list[str], i: int) -> str:
    """A line and the next, folded: portals break "CỘNG HÒA XÃ / HỘI CHỦ NGHĨA VIỆT NAM" anywhere."""
    pair = lines[i : i + 2]
    return " ".join(fold(x).strip(" *|#_") for x in pair)


def _is_left_header(line: str) -> bool:
    """A line of the header's left column: the agency's name in capitals, its rule, a cell separator."""
    s = line.strip(" *|#\t")
    return not s or DECORATION.match(s) is not None or (s.upper() == s and len(s) <= 80)


def cut_page(lines: list[str]) -> PageCut | None:
    """Where the document lies in a page saved from a portal, or None when the text is no such page."""
    block = _metadata_block(lines)
    if block is None:
        return None
    first, start, metadata = block
    # the block opens the page; labels further down belong to lists of related documents
    if first > len(lines) // 2:
        return None
    frame = _frame_start(lines, start)
    summary = "\n".join(x.strip(" |#\t") for x in lines[start:frame] if not _FILLER.match(x))
    if summary:
        # kept apart like the labels: the portal's words about the document, not the document
        metadata.fields.setdefault(SUMMARY, summary)
    start = frame
    number = fold(metadata.fields.get("so hieu", "")).replace(" ", "") or None
    return PageCut(start=start, end=_document_end(lines, start, number), metadata=metadata)
