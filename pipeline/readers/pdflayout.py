"""Layout analysis of a text-layer PDF: from positioned words to ordered blocks.

The input is what ``pipeline.readers.pdf`` extracts per page (words with boxes,
baselines and font sizes; short horizontal rules; bordered table grids). Coordinates
are PDF points with y growing downwards. The output follows the RawDocument
contract: header columns, body paragraphs and tables, signature columns, footnotes.

Documents exported by Word or LibreOffice wrap lines softly, so paragraphs are
rebuilt from geometry: extra vertical space, a first-line indent, a list marker
after a finished sentence, or a previous line that stopped short of the margin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from extractors.data.frame import DATE_LINE, DECORATION, HEADER_MARKS, RIGHT_HEADER_MARKS, SIGNER
from pipeline.document import Block, BlockKind, Region
from pipeline.readers.layout import TableKind, TableSite, classify_table, merge_rows
from pipeline.readers.pdfwords import (
    FOOTNOTE_NUMBER,
    LIST_MARKER,
    TERMINAL,
    Line,
    PageData,
    TableGrid,
    Word,
    attach_superscripts,
    cluster,
    column_split,
    crosses,
    join_text,
    render,
    symbol_join,
)
from pipeline.text import fold


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    columns: list[float]
    rows: list[list[list[Line]]]  # row -> cell -> lines


_PAGE_NUMBER = re.compile(r"^[-–—\s]*(trang\s*)?\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*$")


def layout(pages: list[PageData]) -> tuple[list[Block], list[str]]:
    return _Layout(pages).run()


# -- the analysis ---------------------------------------------------------------------------


class _Layout:
    def __init__(self, pages: list[PageData]) -> None:
        self.pages = pages
        self.warnings: list[str] = []
        weights: dict[float, int] = {}
        for p in pages:
            for w in p.words:
                weights[w.size] = weights.get(w.size, 0) + len(w.text)
        self.body_size = max(weights, key=lambda s: weights[s]) if weights else 12.0
        self.note_ids: frozenset[str] = frozenset()
        self.notes_seen = False  # a footnote area was found on an earlier page

    def run(self) -> tuple[list[Block], list[str]]:
        items: list[Line | _Table] = []
        footnote_lines: list[list[Line]] = []
        for page in self.pages:
            page_items, notes = self._page(page)
            items.extend(page_items)
            footnote_lines.append(notes)
        body_lines = [i for i in items if isinstance(i, Line)]
        self._metrics(body_lines)
        footnotes = self._footnotes(footnote_lines, body_lines)
        self.note_ids = frozenset(footnotes)

        blocks: list[Block] = []
        header, items = self._header(items)
        blocks.extend(header)
        blocks.extend(self._body(items))
        blocks.extend(Block(BlockKind.FOOTNOTE, text=t, note_id=i, page=p) for i, (t, p) in footnotes.items())
        return blocks, list(dict.fromkeys(self.warnings))  # cells are rendered more than once

    # -- per page: lines, tables, footnote zone ----------------------------------------------

    def _page(self, page: PageData) -> tuple[list[Line | _Table], list[Line]]:
        grids = [g for g in page.tables if g.rows]
        in_table: list[list[Word]] = [[] for _ in grids]
        free: list[Word] = []
        for w in page.words:
            cx, cy = (w.x0 + w.x1) / 2, w.base - w.size * 0.3
            for k, g in enumerate(grids):
                if g.contains(cx, cy):
                    in_table[k].append(w)
                    break
            else:
                free.append(w)
        tables: list[_Table] = []
        for g, words in zip(grids, in_table, strict=True):
            table = self._table(g, words, page.number)
            if table is None:
                free.extend(words)  # a bordered header or signature block: read it as flowing text
            else:
                tables.append(table)
        lines = self._lines(free, page.number)
        lines = [ln for ln in lines if not self._is_page_number(ln, page)]
        body, notes = self._split_footnotes(lines, page)
        body = [ln for ln in body if not DECORATION.match(ln.text)]
        items: list[Line | _Table] = [*body, *tables]
        items.sort(key=lambda i: i.top)
        return items, notes

    def _lines(self, words: list[Word], page: int) -> list[Line]:
        return attach_superscripts(cluster(words, page), page)

    def _is_page_number(self, ln: Line, page: PageData) -> bool:
        # page headers and footers sit in the top and bottom margins (body text starts ~2 cm in)
        in_margin = ln.base < 0.065 * page.height or ln.top > 0.93 * page.height
        return in_margin and _PAGE_NUMBER.match(fold(ln.text)) is not None

    def _split_footnotes(self, lines: list[Line], page: PageData) -> tuple[list[Line], list[Line]]:
        """Lines below the footnote separator rule (or a trailing run of small numbered lines)."""
        if not lines:
            return lines, []
        split = self._below_rule(lines, page)
        if split is None:
            split = self._small_numbered_tail(lines, page)
        if split is None:
            return lines, []
        self.notes_seen = True
        return split

    def _below_rule(self, lines: list[Line], page: PageData) -> tuple[list[Line], list[Line]] | None:
        """The lines above and below the short rule Word draws over the footnotes."""
        left = min(ln.x0 for ln in lines)
        for x0, x1, y in sorted(page.rules, key=lambda r: r[2]):
            width = x1 - x0
            if not (y > 0.35 * page.height and 20 <= width <= 0.45 * page.width and abs(x0 - left) < 15):
                continue
            if any(y - 4 <= ln.base <= y + 2 for ln in lines):
                continue  # an underline under text, not the separator above footnotes
            below = [ln for ln in lines if ln.top > y]
            first = below[0].words[0] if below else None
            # under the rule: a numbered note, or the rest of a note begun on an earlier page
            if first is not None and (first.mark or FOOTNOTE_NUMBER.match(first.text) or self.notes_seen):
                return [ln for ln in lines if ln.top <= y], below
        return None

    def _small_numbered_tail(self, lines: list[Line], page: PageData) -> tuple[list[Line], list[Line]] | None:
        """No rule: a run of smaller lines at the bottom whose first line starts with a number."""
        k = len(lines)
        while k > 0 and lines[k - 1].size <= 0.9 * self.body_size and lines[k - 1].top > 0.5 * page.height:
            k -= 1
        while k < len(lines):
            first = lines[k].words[0]
            if first.mark or FOOTNOTE_NUMBER.match(first.text):
                return lines[:k], lines[k:]
            k += 1
        return None

    def _table(self, grid: TableGrid, words: list[Word], page: int) -> _Table | None:
        """The grid's cells as lines of words, or None for a bordered header or signature block."""
        rows = [self._table_row(row, words, page) for row in grid.rows]
        texts = [["\n".join(ln.text for ln in cell) for cell in row] for row in rows]
        # a bordered header sits in the top half of page 1, above the body; a signature block after it
        height = self.pages[page - 1].height
        before_body = page == 1 and grid.bbox[1] < 0.45 * height
        if classify_table(texts, TableSite(before_body=before_body, after_body=not before_body)) is not TableKind.DATA:
            return None
        columns = sorted({c[0] for r in grid.rows for c in r if c})
        return _Table(page=page, top=grid.bbox[1], bottom=grid.bbox[3], columns=columns, rows=rows)

    def _table_row(self, row: list, words: list[Word], page: int) -> list[list[Line]]:
        boxes = [b for b in row if b is not None]
        if not boxes:
            return [[] for _ in row]
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        in_row = [w for w in words if top <= w.base - w.size * 0.3 <= bottom]
        cells: list[list[Line]] = []
        for box in row:
            if box is None:
                cells.append([])
                continue
            x0, y0, x1, y1 = box
            inside = [w for w in in_row if x0 <= (w.x0 + w.x1) / 2 <= x1 and y0 <= w.base - w.size * 0.3 <= y1]
            lines = self._lines(inside, page) if inside else []
            _mark_broken_words(lines, box)
            cells.append(lines)
        return cells

    # -- metrics for paragraph breaks -----------------------------------------------------

    def _metrics(self, lines: list[Line]) -> None:
        xs1 = sorted(ln.x1 for ln in lines if len(ln.words) >= 4)
        xs0 = sorted(ln.x0 for ln in lines)
        self.left = xs0[len(xs0) // 10] if xs0 else 0
        self.right = xs1[int(len(xs1) * 0.9)] if xs1 else max((ln.x1 for ln in lines), default=0)
        # a short document may have no full line; the right margin is no narrower than the left
        # one (Vietnamese official documents: left 30-35 mm, right 15-20 mm)
        if self.pages:
            self.right = max(self.right, self.pages[0].width - self.left)
        pitches = sorted(
            b.base - a.base
            for a, b in pairwise(lines)
            if a.page == b.page and abs(a.size - b.size) < 0.5 and 0.8 * a.size < b.base - a.base < 3 * a.size
        )
        self.pitch = pitches[len(pitches) // 4] if pitches else 1.3 * self.body_size

    def _breaks(self, a: Line, b: Line, a_text: str, b_text: str) -> bool:
        if a.page == b.page and b.base - a.base > self.pitch + 0.3 * b.size:
            return True
        if abs(a.size - b.size) > 0.12 * max(a.size, b.size):
            return True
        if LIST_MARKER.match(b_text) and (TERMINAL.search(a_text) or b.x0 > a.x0 + 2):
            return True
        centred = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < 0.3 * b.size and b.x0 > self.left + b.size
        if LIST_MARKER.match(a_text) and len(a.words) > 1 and abs(b.x0 - a.words[1].x0) < 0.5 * b.size:
            # a hanging indent (Word's list styles): the item's next line lines up with its text,
            # not with its marker ("1.  Công ty TNHH ..." / "    lợi Nam Hà Tĩnh")
            return self._short(a, b, a_text, b_text)
        if b.x0 > a.x0 + 0.4 * b.size and not centred:
            return True  # first-line indent
        if b.x0 > self.left + 0.4 * b.size and TERMINAL.search(a_text) and not centred:
            return True  # an indented line after a finished sentence
        return self._short(a, b, a_text, b_text)

    def _short(self, a: Line, b: Line, a_text: str, b_text: str) -> bool:
        """Line a stopped short of the margin where b's first word would have fitted: a's paragraph ended."""
        first = next((w for w in b.words if not w.mark), b.words[0])
        short = a.x1 + 0.3 * a.size + (first.x1 - first.x0) < self.right - 1
        continues = b_text[:1].islower() and not TERMINAL.search(a_text)
        return short and not continues

    # -- header (page 1) -----------------------------------------------------------------------

    def _header(self, items: list[Line | _Table]) -> tuple[list[Block], list[Line | _Table]]:
        top: list[Line] = []
        for it in items:
            if not isinstance(it, Line) or it.page != 1:
                break
            page = self.pages[0]
            if it.top > 0.45 * page.height or fold(it.text).startswith("kinh gui"):
                break
            top.append(it)
        if not any(any(a in fold(ln.text) for a in HEADER_MARKS) for ln in top):
            return [], items
        width = self.pages[0].width
        split = column_split(top[:12], 0.3 * width, 0.7 * width)
        if split is None:
            rights = [w.x0 for ln in top for w in ln.words[:1] if self._starts_right(ln)]
            if not rights:
                return [], items
            split = min(rights) - 1
        n = 0
        while n < len(top) and not crosses(top[n], split):
            n += 1
        header = top[:n]
        if not header:
            return [], items
        left = [p for ln in header if (p := ln.part(lambda w: w.x1 <= split)) is not None]
        right = [p for ln in header if (p := ln.part(lambda w: w.x0 >= split)) is not None]
        blocks = self._column(left, Region.HEADER_LEFT, _header_left_joins)
        blocks += self._column(right, Region.HEADER_RIGHT, _header_right_joins)
        return blocks, items[n:]

    def _starts_right(self, ln: Line) -> bool:
        t = fold(ln.text)
        return any(t.startswith(a) for a in RIGHT_HEADER_MARKS) or DATE_LINE.match(t) is not None

    def _column(self, lines: list[Line], region: Region, joins) -> list[Block]:
        paras: list[list[tuple[str, list[tuple[int, str]]]]] = []
        page: list[int] = []
        for ln in lines:
            rendered = render(ln.words, self.note_ids)
            text = rendered[0]
            if not text or DECORATION.match(text):
                continue
            if paras and joins(join_text(paras[-1])[0], text):
                paras[-1].append(rendered)
            else:
                paras.append([rendered])
                page.append(ln.page)
        out = []
        for parts, pg in zip(paras, page, strict=True):
            text, notes = join_text(parts)
            out.append(Block(BlockKind.PARAGRAPH, text=text, region=region, page=pg, notes=notes))
        return out

    # -- body, signature, tables ---------------------------------------------------------------

    def _body(self, items: list[Line | _Table]) -> list[Block]:
        sig = self._signature_zone(items)
        blocks: list[Block] = []
        para: list[Line] = []
        last_table: _Table | None = None
        for k, it in enumerate(items):
            if sig is not None and k == sig[0]:
                blocks.extend(self._paragraph(para))
                para = []
                blocks.extend(self._signature(items[sig[0] : sig[1]], sig[2]))
            if sig is not None and sig[0] <= k < sig[1]:
                last_table = None
                continue
            if isinstance(it, _Table):
                blocks.extend(self._paragraph(para))
                para = []
                if last_table is not None and self._continues(last_table, it):
                    self._merge(last_table, it)
                    blocks[-1] = self._table_block(last_table)
                else:
                    blocks.append(self._table_block(it))
                    last_table = it
                continue
            last_table = None
            if para and self._breaks(para[-1], it, para[-1].text, it.text):
                blocks.extend(self._paragraph(para))
                para = []
            para.append(it)
        blocks.extend(self._paragraph(para))
        return blocks

    def _paragraph(self, lines: list[Line]) -> list[Block]:
        if not lines:
            return []
        text, notes = join_text([render(ln.words, self.note_ids) for ln in lines])
        if not text:
            return []
        return [Block(BlockKind.PARAGRAPH, text=text, page=lines[0].page, notes=notes)]

    def _signature_zone(self, items: list[Line | _Table]) -> tuple[int, int, float] | None:
        """(start, end, split x) of the signature block: Nơi nhận on the left, the signer on the right."""
        start = None
        for k in range(len(items) - 1, -1, -1):
            it = items[k]
            if isinstance(it, Line) and fold(it.text).startswith("noi nhan"):
                start = k
                break
        if start is None:
            return self._signer_only_zone(items)
        page = items[start].page
        same_page = []
        for it in items[start:]:
            if not isinstance(it, Line) or it.page != page:
                break
            same_page.append(it)
        width = self.pages[page - 1].width
        split = column_split(same_page, 0.3 * width, 0.75 * width) or (self.left + self.right) / 2
        # the signer's title may sit a line or two above "Nơi nhận"
        while start > 0 and isinstance(items[start - 1], Line) and items[start - 1].x0 >= split:
            start -= 1
        end = start + 1
        while end < len(items):
            ln = items[end]
            if not isinstance(ln, Line) or crosses(ln, split):
                break
            if ln.page != items[end - 1].page and not (LIST_MARKER.match(ln.text) or ln.x0 >= split):
                break  # a new page that starts with something else (an appendix) ends the block
            end += 1
        return start, end, split

    def _signer_only_zone(self, items: list[Line | _Table]) -> tuple[int, int, float] | None:
        for k in range(len(items) - 1, -1, -1):
            it = items[k]
            if not isinstance(it, Line):
                continue
            width = self.pages[it.page - 1].width
            if it.x0 >= width / 2 and SIGNER.search(fold(it.text)):
                split = width / 2
                start = end = k
                while start > 0 and isinstance(items[start - 1], Line) and items[start - 1].x0 >= split:
                    start -= 1
                while end + 1 < len(items) and isinstance(items[end + 1], Line) and items[end + 1].x0 >= split:
                    end += 1
                return start, end + 1, split
        return None

    def _signature(self, lines: list[Line], split: float) -> list[Block]:
        left = [p for ln in lines if (p := ln.part(lambda w: (w.x0 + w.x1) / 2 < split)) is not None]
        right = [p for ln in lines if (p := ln.part(lambda w: (w.x0 + w.x1) / 2 >= split)) is not None]
        left.sort(key=lambda ln: (ln.page, ln.base))
        right.sort(key=lambda ln: (ln.page, ln.base))
        return self._column(left, Region.SIGNATURE_LEFT, _signature_left_joins) + self._column(
            right, Region.SIGNATURE_RIGHT, _lowercase_joins
        )

    def _continues(self, prev: _Table, table: _Table) -> bool:
        return (
            table.page == prev.page + 1
            and len(table.columns) == len(prev.columns)
            and all(abs(a - b) < 3 for a, b in zip(table.columns, prev.columns, strict=True))
        )

    def _merge(self, prev: _Table, table: _Table) -> None:
        """Append a table's continuation on the next page to the table it continues."""
        prev.rows = merge_rows([prev.rows, table.rows], key=self._cell_text, join=lambda a, b: a + b)
        prev.page = table.page

    def _cell_text(self, cell: list[Line]) -> str:
        parts = []
        glued = {k for k, ln in enumerate(cell) if ln.glued}
        for ln in cell:
            text, marks = render(ln.words, self.note_ids)
            parts.append((text, []))  # Block.notes cannot point into a cell: the mark is dropped
            if marks:
                self.warnings.append("dấu chú thích trong bảng bị bỏ")
        return join_text(parts, newline_items=True, glued=glued)[0]

    def _table_block(self, table: _Table) -> Block:
        rows = tuple(tuple(self._cell_text(cell) for cell in row) for row in table.rows)
        rows = tuple(r for r in rows if any(r))
        return Block(BlockKind.TABLE, rows=rows, page=table.page)

    # -- footnotes ---------------------------------------------------------------------------------

    def _footnotes(self, per_page: list[list[Line]], body: list[Line]) -> dict[str, tuple[str, int]]:
        """Footnote texts by number; an area not starting with the next number continues the last note."""
        marked = {w.text for ln in body for w in ln.words if w.mark}
        notes: dict[str, list[tuple[str, list[tuple[int, str]]]]] = {}
        pages: dict[str, int] = {}
        current: str | None = None
        for lines in per_page:
            for ln in lines:
                words = ln.words
                first = words[0]
                number = first.text if (first.mark or FOOTNOTE_NUMBER.match(first.text)) else None
                expected = str(int(current) + 1) if current is not None else None
                if (
                    number is not None
                    and number not in notes
                    and (number == expected or (current is None and (number in marked or not marked)))
                ):
                    current = number
                    notes[current] = []
                    pages[current] = ln.page
                    words = words[1:]
                if current is None:
                    continue  # text above the first numbered note: not a footnote after all
                notes[current].append(render(words, frozenset()))
        return {k: (join_text(v)[0], pages[k]) for k, v in notes.items() if join_text(v)[0]}


def _mark_broken_words(cell: list[Line], box: tuple[float, float, float, float]) -> None:
    """Flag lines that continue a word the layout engine broke without a hyphen.

    A word wider than a narrow column is split where the column ends ("HĐND&UBN" +
    "D huyện"): its first part fills a line on its own, up to the cell's inner edge.
    """
    if len(cell) < 2:
        return
    edge = box[2] - max(0.0, min(ln.x0 for ln in cell) - box[0])  # same padding on both sides
    for prev, ln in pairwise(cell):
        words = [w for w in prev.words if not w.mark]
        if len(words) == 1 and words[0].x1 > edge - 0.7 * words[0].size and not words[0].text.endswith("-"):
            ln.glued = True


def _header_left_joins(prev: str, text: str) -> bool:
    # the trích yếu (V/v ...) is the last item of the left column and often wraps
    return fold(prev).startswith(("v/v", "ve viec")) or text[:1].islower() or symbol_join(prev, text)


def _header_right_joins(prev: str, text: str) -> bool:
    p = fold(prev)
    if p.startswith("cong hoa") and "viet nam" not in p:
        return True
    return text[:1].islower() or prev.endswith(("-", "–")) or symbol_join(prev, text)


def _signature_left_joins(prev: str, text: str) -> bool:
    return not (LIST_MARKER.match(text) or fold(text).startswith("noi nhan"))


def _lowercase_joins(prev: str, text: str) -> bool:
    return text[:1].islower()
