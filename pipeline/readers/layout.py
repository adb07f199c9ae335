"""The layout tables of an official document, for every reader (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Word and web portals lay out the header (agency | quốc hiệu) and the signature block
(Nơi nhận | signer) as borderless tables; a "Kính gửi:" line is sometimes a two-cell table too;
task tables in appendices are real tables. Each reader hands ``classify_table`` what it knows:
the rows of cell texts (a cell's lines joined by ``\\n``) and where the table sits. The kind tells
the reader whether to emit the cells as regions' paragraphs or keep a TABLE block.

A table split by a page break comes back whole through ``merge_rows``: the header row repeated
on the new page is dropped and a task row the break cut in two is joined again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from extractors.data.frame import ADDRESSEE, AUTHORITY, HEADER_MARKS, RECIPIENTS, SIGNER
from pipeline.text import fold

# A layout table is small: the header and the signature block are one or two rows of two columns
# (rarely three: a middle column for a seal or a second agency). A table with more rows is data,
# even when its first rows are a header copied into it (a portal's "Đã biết | Ngày công báo: ..."
# table that swallowed the quốc hiệu).
MAX_LAYOUT_COLUMNS = 3
MAX_LAYOUT_ROWS = 4
# A signer table without "Nơi nhận:" is the signer's cell and little else.
MAX_SIGNER_ROWS = 3


class TableKind(StrEnum):
    HEADER = "header"
    SIGNATURE = "signature"
    ADDRESSEE = "addressee"
    DATA = "data"


@dataclass(frozen=True)
class TableSite:
    """Where a table sits, as its reader can tell: above all body text, or after some of it.

    The docx reader counts the paragraphs of substance before the table, the text reader knows the
    table's share of the way through the lines, the PDF reader its page and height; a table can be
    neither (the middle of a text file).
    """

    before_body: bool
    after_body: bool


def classify_table(rows: Sequence[Sequence[str]], site: TableSite) -> TableKind:
    """The kind of a table from its cell texts and its site."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return TableKind.DATA
    ncols = max(len(r) for r in rows)
    if ncols == 1:
        # a portal boxes the signer alone: "| KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Hoàng Nam |"
        signer_alone = site.after_body and len(rows) <= MAX_SIGNER_ROWS and _opens_with_authority(rows)
        return TableKind.SIGNATURE if signer_alone else TableKind.DATA
    if ncols <= MAX_LAYOUT_COLUMNS and _recipients_beside_signer(rows):
        # "| Nơi nhận: | TL. CHỦ TỊCH |" / "| - Như trên; | CHÁNH VĂN PHÒNG |" / ...: one row a recipient,
        # as long as the list runs
        return TableKind.SIGNATURE
    if ncols > MAX_LAYOUT_COLUMNS or len(rows) > MAX_LAYOUT_ROWS:
        return TableKind.DATA
    flat = " ".join(fold(" ".join(" ".join(r) for r in rows)).split())  # "ĐẢNG CỘNG SẢN\nVIỆT NAM"
    if site.before_body and any(m in flat for m in HEADER_MARKS):
        return TableKind.HEADER
    if any(RECIPIENTS in fold(r[0]) for r in rows):
        return TableKind.SIGNATURE
    if site.after_body and len(rows) <= MAX_SIGNER_ROWS and _has_signer(rows):
        return TableKind.SIGNATURE
    if len(rows) <= MAX_SIGNER_ROWS and flat.lstrip().startswith(ADDRESSEE):
        return TableKind.ADDRESSEE
    return TableKind.DATA


def _recipients_beside_signer(rows: list[Sequence[str]]) -> bool:
    """The first row opens with "Nơi nhận" and a right-hand cell holds a signer's line."""
    return fold(rows[0][0]).strip(" *:|").startswith(RECIPIENTS) and _has_signer(rows)


def _opens_with_authority(rows: list[Sequence[str]]) -> bool:
    return any(re.match(AUTHORITY, fold(cell).strip()) for r in rows for cell in r)


def _has_signer(rows: list[Sequence[str]]) -> bool:
    """A line of a right-hand cell opens with an authority mark or names a position ("KT. GIÁM ĐỐC")."""
    return any(SIGNER.search(line.strip()) for r in rows for cell in r[1:] for line in fold(cell).split("\n"))


Cell = TypeVar("Cell")


def merge_rows(
    pieces: Sequence[Sequence[Sequence[Cell]]],
    key: Callable[[Cell], str],
    join: Callable[[Cell, Cell], Cell],
) -> list[list[Cell]]:
    """One table from the pieces a page break cut it into.

    A piece that starts by repeating the first piece's header row loses that row. A piece whose
    first row has no number but some text, right after a complete task row (a number, then text
    past the task's own cell: "2 | Triển khai hệ thống thông tin | ... | 2025-"), finishes that
    row ("| dùng chung của tỉnh | ... | 2026"): the two are joined cell by cell. After a group row
    ("2 | Phát triển hạ tầng số | | |") a row without a number is a task of its own.
    ``key`` gives a cell's text for these tests, ``join`` glues two cells of a split row.
    """
    if not pieces:
        return []
    out = [list(r) for r in pieces[0]]
    header = [fold(key(c)) for c in out[0]] if out else None
    for piece in pieces[1:]:
        rows = [list(r) for r in piece]
        if rows and header is not None and [fold(key(c)) for c in rows[0]] == header:
            rows = rows[1:]
        if rows and len(out) > 1 and _finishes(out[-1], rows[0], key):
            out[-1] = [join(a, b) for a, b in zip(out[-1], rows[0], strict=True)]
            rows = rows[1:]
        out.extend(rows)
    return out


_NUMBER_CELL = re.compile(r"^\(?[0-9IVXivx]{1,4}([.][0-9]{1,2}){0,3}[.)]?$")


def _finishes(prev: Sequence[Cell], row: Sequence[Cell], key: Callable[[Cell], str]) -> bool:
    texts = [key(c).strip() for c in row]
    before = [key(c).strip() for c in prev]
    return not texts[0] and any(texts) and _NUMBER_CELL.match(before[0] or "x") is not None and any(before[2:])
