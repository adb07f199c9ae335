"""One file, several documents: where each document a RawDocument holds begins and ends.

An office scans or exports what it receives in batches: three công văn in one PDF, a quyết định
followed by the next one. Each document of the batch opens with its own header (Nghị định
30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW for the Party's) and closes with its signature
block and Nơi nhận::

    UBND TỈNH QUẢNG NGÃI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM     <- a new document:
    SỞ KHOA HỌC VÀ CÔNG NGHỆ                Độc lập - Tự do - Hạnh phúc       quốc hiệu (or
    Số: 12/SKHCN-VP                                                           "ĐẢNG CỘNG SẢN
    ...                                                                       VIỆT NAM") and Số
    Nơi nhận:                                  KT. GIÁM ĐỐC                   <- the one before
    - Lưu: VT.                                 Nguyễn Văn A                      has ended

What follows a signature without a header of its own is still the same document: its appendix
("PHỤ LỤC", "(Kèm theo Quyết định số 123/QĐ-UBND ngày ...)", "DANH SÁCH ..."), even on a page
that repeats the quốc hiệu (an appendix titled PHỤ LỤC has no Số), and a form it prescribes
("Mẫu số 01", whose "Số: ....../BC-..." is left for the user to fill in).

``split(raw)`` is pure: it cuts the blocks, nothing is read again. A PDF's layout analysis finds
the header and signature columns of a file's first page only, so ``pipeline.readers.parts`` reads
each part of a PDF again as a document of its own.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from extractors.data.frame import AUTHORITY, MOTTO, NATIONAL_TITLE, PARTY_TITLE, RECIPIENTS, opens_appendix
from extractors.references import parse_header_number
from pipeline.document import Block, BlockKind, RawDocument, Region
from pipeline.text import fold

WINDOW = 8  # blocks: a header's lines (agency, Số, V/v, quốc hiệu, tiêu ngữ, place and date)
# A form's header, to be filled in: "TÊN CƠ QUAN, TỔ CHỨC", "Số: ......./BC-...".
_PLACEHOLDER = re.compile(r"ten co quan|^so\s*:?\s*(?:[.…_]\s*){2,}")
_AUTHORITY_LINE = re.compile(rf"^{AUTHORITY}")


def _written(block: Block) -> list[str]:
    """A block's lines as written: a paragraph's hard lines, a table's cells' lines."""
    if block.kind is BlockKind.TABLE:
        return [ln for row in block.rows for cell in row for ln in cell.split("\n")]
    return block.text.split("\n")


def _lines(block: Block) -> list[str]:
    """A block's lines, folded."""
    return [fold(ln) for ln in _written(block)]


def _has_title(lines: list[str]) -> bool:
    return any(NATIONAL_TITLE in ln or MOTTO in ln or PARTY_TITLE in ln for ln in lines)


def _has_number(block: Block) -> bool:
    """A header's own "Số: 12/SKHCN-VP" (its number may be blank: "Số: /UBND-KGVX"; a Party
    document's "Số 125-CV/TU"), at the start of a line: "Quyết định số 123" in a sentence is not."""
    texts = [c for row in block.rows for c in row] if block.kind is BlockKind.TABLE else [block.text]
    for text in texts:
        for ln in text.split("\n"):
            found = parse_header_number(ln)
            if found is not None and found[1][0] == len(ln) - len(ln.lstrip()):
                return True
    return False


def _closes(block: Block) -> bool:
    """A line of a signature block: "Nơi nhận:", "KT. GIÁM ĐỐC", or a block the reader placed there."""
    if block.region in (Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT):
        return True
    return any(ln.strip().startswith(RECIPIENTS) or _AUTHORITY_LINE.match(ln.strip()) for ln in _lines(block))


def _is_caps_line(block: Block) -> bool:
    """An agency's name in the header's left column: "UBND TỈNH QUẢNG NGÃI", "SỞ Y TẾ"."""
    text = block.text.strip()
    return block.kind is BlockKind.PARAGRAPH and 0 < len(text) <= 80 and text.isupper() and "\n" not in text


def _header_at(body: list[Block], k: int) -> int | None:
    """Where the header whose first title or Số line is ``body[k]`` begins, if it is a document's
    header: a quốc hiệu (or the Party's title) and a Số of its own within a few blocks, none of it
    an appendix's or a form's."""
    if not (_has_title(_lines(body[k])) or _has_number(body[k])):
        return None
    window = body[k : k + WINDOW]
    page = body[k].page
    window = [b for b in window if page is None or b.page == page]  # a header sits on one page
    lines = [ln.strip() for b in window for ln in _lines(b)]
    if not _has_title(lines) or not any(_has_number(b) for b in window):
        return None
    start = k
    while start > 0 and _is_caps_line(body[start - 1]) and not _closes(body[start - 1]):
        start -= 1  # the agency's name above the quốc hiệu, when the reader put it first
    head = [ln for b in body[start:k] + window for ln in _written(b)]
    if any(opens_appendix(ln) or _PLACEHOLDER.search(fold(ln).strip()) for ln in head):
        return None
    return start


def boundaries(raw: RawDocument) -> list[int]:
    """Indexes (among the non-footnote blocks) where each document after the first begins."""
    body = [b for b in raw.blocks if b.kind is not BlockKind.FOOTNOTE]
    starts: list[int] = []
    closed = False  # the document at hand has reached its signature block
    k = 0
    while k < len(body):
        if closed and (start := _header_at(body, k)) is not None and start > (starts[-1] if starts else 0):
            starts.append(start)
            closed = False
            k += WINDOW  # its own header's lines are not a next document
            continue
        closed = closed or _closes(body[k])
        k += 1
    return starts


def _page_range(blocks: list[Block]) -> tuple[int, int] | None:
    pages = [b.page for b in blocks if b.page is not None]
    return (min(pages), max(pages)) if pages else None


def _belongs(note: Block, last: bool, pages: tuple[int, int] | None) -> bool:
    """A footnote no paragraph points at goes by its page, else to the last part (a text export
    puts every footnote after the last document)."""
    if note.page is not None and pages is not None:
        return pages[0] <= note.page <= pages[1]
    return last


def split(raw: RawDocument) -> tuple[RawDocument, ...]:
    """The documents ``raw`` holds, in order, each with its blocks and page range; ``(raw,)`` when
    it holds one. Each part's metadata says which it is ("part": "2/3") and, when the reader knows
    pages, where it lies in the file ("pages": "3-5")."""
    starts = boundaries(raw)
    if not starts:
        return (raw,)
    body = [b for b in raw.blocks if b.kind is not BlockKind.FOOTNOTE]
    notes = [b for b in raw.blocks if b.kind is BlockKind.FOOTNOTE]
    cuts = [0, *starts, len(body)]
    parts = [body[a:b] for a, b in itertools.pairwise(cuts)]
    pointed = {n.note_id for part in parts for b in part for n in b.notes}
    out: list[RawDocument] = []
    for i, part in enumerate(parts):
        pages = _page_range(part)
        wanted = {n.note_id for b in part for n in b.notes}
        own = [
            n for n in notes
            if n.note_id in wanted or (n.note_id not in pointed and _belongs(n, i == len(parts) - 1, pages))
        ]  # fmt: skip
        metadata = {**raw.metadata, "part": f"{i + 1}/{len(parts)}"}
        if pages is not None:
            metadata["pages"] = f"{pages[0]}-{pages[1]}"
        out.append(
            dataclasses.replace(
                raw,
                blocks=tuple(part + own),
                pages=pages[1] - pages[0] + 1 if pages else raw.pages,
                metadata=metadata,
            )
        )
    return tuple(out)
