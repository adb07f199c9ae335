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
from dataclasses import dataclass, field

from pipeline.document import Block, BlockKind, NoteRef, Region
from pipeline.text import fold


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    base: float  # baseline
    size: float
    space: bool  # separated from the word before it by whitespace or a visible gap
    mark: bool = False  # a raised, smaller number: a footnote mark (or an exponent)


@dataclass
class TableGrid:
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: list[list[tuple[float, float, float, float] | None]]  # cell boxes, None where merged

    def contains(self, x: float, y: float) -> bool:
        x0, top, x1, bottom = self.bbox
        return x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1


@dataclass
class PageData:
    number: int
    width: float
    height: float
    words: list[Word]
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, y of horizontal rules
    tables: list[TableGrid] = field(default_factory=list)
    images: int = 0


class Line:
    __slots__ = ("base", "page", "size", "top", "words", "x0", "x1")

    def __init__(self, words: list[Word], page: int) -> None:
        self.words = words
        self.page = page
        plain = [w for w in words if not w.mark] or words
        self.x0 = min(w.x0 for w in words)
        self.x1 = max(w.x1 for w in words)
        self.top = min(w.top for w in plain)
        self.base = max(w.base for w in plain)
        self.size = max(w.size for w in plain)

    @property
    def text(self) -> str:
        return _render(self.words, frozenset())[0]

    def part(self, keep) -> Line | None:
        words = [w for w in self.words if keep(w)]
        return Line(words, self.page) if words else None


@dataclass
class _Table:
    page: int
    top: float
    bottom: float
    columns: list[float]
    rows: list[list[list[Line]]]  # row -> cell -> lines


_LIST_MARKER = re.compile(r"^([-+•–]\s|\(?\d{1,2}(\.\d{1,2}){0,3}[.)]\s|[a-zđ][.)]\s|[IVXLC]{1,6}[.)]\s)")
_TERMINAL = re.compile(r"[.;:!?…]$")
_DECORATION = re.compile(r"^[\s\-–—_=~*·•─━]+$")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(trang\s*)?\d{1,4}(\s*/\s*\d{1,4})?[-–—\s]*$")
_FOOTNOTE_NUMBER = re.compile(r"^\d{1,3}$")
_DATE_LINE = re.compile(r"^[^\d,]{2,40},\s*ngay\b")
_RIGHT_ANCHORS = ("cong hoa xa hoi", "doc lap", "dang cong san viet nam")
_HEADER_ANCHORS = (*_RIGHT_ANCHORS, "so:", "v/v")
_SIGNER = re.compile(r"^(kt|tm|tl|tuq|q|t/m)\s*\.|chu tich|giam doc|truong|bi thu|thu truong|chanh van phong")


def layout(pages: list[PageData]) -> tuple[list[Block], list[str]]:
    return _Layout(pages).run()


# -- text helpers ---------------------------------------------------------------------------


def _render(words: list[Word], note_ids: frozenset[str]) -> tuple[str, list[tuple[int, str]]]:
    """A line's text; marks that point to a known footnote are removed and their offsets returned."""
    out: list[str] = []
    n = 0
    marks: list[tuple[int, str]] = []
    for w in words:
        if w.mark and w.text in note_ids:
            marks.append((n, w.text))
            continue
        if out and w.space:
            out.append(" ")
            n += 1
        out.append(w.text)
        n += len(w.text)
    return "".join(out), marks


def _symbol_join(prev: str, nxt: str) -> bool:
    """True when a line ending in '-' continues without a space: 906/QĐ- + UBND, 163- + KH/HU.

    Vietnamese is not hyphenated at line ends (words are single syllables), so a hyphen
    glued to the text before it was in the text already; only a dash standing alone
    ("vùng xa. -" + "Đẩy mạnh") is followed by a space.
    """
    if not prev.endswith("-") or not nxt:
        return False
    head = prev.rsplit(" ", 1)[-1]
    return len(head) >= 2 and head[-2] not in "-–—" and nxt[0].isalnum()


def _join_text(parts: list[tuple[str, list[tuple[int, str]]]], newline_items: bool = False):
    """Join rendered lines of one paragraph (or cell), shifting mark offsets."""
    text = ""
    notes: list[NoteRef] = []
    for t, marks in parts:
        if not t and not marks:
            continue
        if text:
            if newline_items and _LIST_MARKER.match(t) and t[0] in "-+•–":
                text += "\n"
            elif not _symbol_join(text, t):
                text += " "
        notes.extend(NoteRef(len(text) + off, nid) for off, nid in marks)
        text += t
    return text, tuple(notes)


def _gutter(lines: list[Line], lo: float, hi: float) -> tuple[float, float] | None:
    """The column gutter: the x interval most lines leave empty between two word groups.

    Each line with a gap of at least 12 pt between consecutive words inside [lo, hi]
    votes for that interval; the answer is the intersection of the intervals that
    share the most voted point.
    """
    gaps = []
    for ln in lines:
        ws = sorted((w for w in ln.words if not w.mark), key=lambda w: w.x0)
        for a, b in zip(ws, ws[1:], strict=False):
            if b.x0 - a.x1 >= 12 and a.x1 < hi and b.x0 > lo:
                gaps.append((a.x1, b.x0))
    if not gaps:
        return None
    best = max((sum(1 for g in gaps if g[0] <= p <= g[1]), p) for g0 in gaps for p in g0)[1]
    chosen = [g for g in gaps if g[0] <= best <= g[1]]
    return max(g[0] for g in chosen), min(g[1] for g in chosen)


def _split_at(gutter: tuple[float, float]) -> float:
    # Left-column text is left-aligned and may run up to its cell's edge, while the right
    # column is centred in its cell: the boundary lies just before the right column.
    return max((gutter[0] + gutter[1]) / 2, gutter[1] - 3)


def _crosses(line: Line, x: float) -> bool:
    """True when the line runs across x: a word straddles it, or words close together sit on both sides."""
    ws = [w for w in line.words if not w.mark]
    if any(w.x0 < x - 1 and w.x1 > x + 1 for w in ws):
        return True
    return any(
        (a.x0 + a.x1) / 2 < x < (b.x0 + b.x1) / 2 and b.x0 - a.x1 < 10 for a, b in zip(ws, ws[1:], strict=False)
    )


# -- the analysis ---------------------------------------------------------------------------


class _Layout:
    def __init__(self, pages: list[PageData]) -> None:
        self.pages = pages
        self.warnings: list[str] = []
        weights: dict[float, int] = {}
        for p in pages:
            for w in p.words:
                weights[round(w.size * 2) / 2] = weights.get(round(w.size * 2) / 2, 0) + len(w.text)
        self.body_size = max(weights, key=lambda s: weights[s]) if weights else 12.0
        self.note_ids: frozenset[str] = frozenset()

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
        return blocks, self.warnings

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
        body = [ln for ln in body if not _DECORATION.match(ln.text)]
        items: list[Line | _Table] = [*body, *tables]
        items.sort(key=lambda i: i.top)
        return items, notes

    def _lines(self, words: list[Word], page: int) -> list[Line]:
        return _attach_superscripts(_cluster(words, page), page)

    def _is_page_number(self, ln: Line, page: PageData) -> bool:
        in_margin = ln.base < 0.09 * page.height or ln.top > 0.9 * page.height
        return in_margin and _PAGE_NUMBER.match(fold(ln.text)) is not None

    def _split_footnotes(self, lines: list[Line], page: PageData) -> tuple[list[Line], list[Line]]:
        """Lines below the footnote separator rule (or a trailing run of small numbered lines)."""
        if not lines:
            return lines, []
        left = min(ln.x0 for ln in lines)
        for x0, x1, y in sorted(page.rules, key=lambda r: r[2]):
            width = x1 - x0
            if not (y > 0.35 * page.height and 20 <= width <= 0.45 * page.width and abs(x0 - left) < 15):
                continue
            if any(y - 4 <= ln.base <= y + 2 for ln in lines):
                continue  # an underline under text, not the separator above footnotes
            below = [ln for ln in lines if ln.top > y]
            if below and (below[0].words[0].mark or _FOOTNOTE_NUMBER.match(below[0].words[0].text)):
                return [ln for ln in lines if ln.top <= y], below
        # no rule: a run of smaller lines at the bottom whose first line starts with a number
        k = len(lines)
        while k > 0 and lines[k - 1].size <= 0.9 * self.body_size and lines[k - 1].top > 0.5 * page.height:
            k -= 1
        while k < len(lines):
            first = lines[k].words[0]
            if first.mark or _FOOTNOTE_NUMBER.match(first.text):
                return lines[:k], lines[k:]
            k += 1
        return lines, []

    def _table(self, grid: TableGrid, words: list[Word], page: int) -> _Table | None:
        rows: list[list[list[Line]]] = []
        columns = sorted({c[0] for r in grid.rows for c in r if c})
        for row in grid.rows:
            cells = []
            for box in row:
                if box is None:
                    cells.append([])
                    continue
                x0, top, x1, bottom = box
                inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= w.base - w.size * 0.3 <= bottom]
                cells.append(self._lines(inside, page) if inside else [])
            rows.append(cells)
        flat = fold(" ".join(ln.text for r in rows for c in r for ln in c))
        if any(a in flat for a in _RIGHT_ANCHORS) or "noi nhan" in flat:
            return None
        return _Table(page=page, top=grid.bbox[1], bottom=grid.bbox[3], columns=columns, rows=rows)

    # -- metrics for paragraph breaks -----------------------------------------------------

    def _metrics(self, lines: list[Line]) -> None:
        xs1 = sorted(ln.x1 for ln in lines if len(ln.words) >= 4)
        xs0 = sorted(ln.x0 for ln in lines)
        self.right = xs1[int(len(xs1) * 0.9)] if xs1 else max((ln.x1 for ln in lines), default=0)
        self.left = xs0[len(xs0) // 10] if xs0 else 0
        pitches = sorted(
            b.base - a.base
            for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and abs(a.size - b.size) < 0.5 and 0.8 * a.size < b.base - a.base < 3 * a.size
        )
        self.pitch = pitches[len(pitches) // 4] if pitches else 1.3 * self.body_size

    def _breaks(self, a: Line, b: Line, a_text: str, b_text: str) -> bool:
        if a.page == b.page and b.base - a.base > self.pitch + 0.3 * b.size:
            return True
        if abs(a.size - b.size) > 0.12 * max(a.size, b.size):
            return True
        if _LIST_MARKER.match(b_text) and (_TERMINAL.search(a_text) or b.x0 > a.x0 + 2):
            return True
        centred = abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) < 0.3 * b.size and b.x0 > self.left + b.size
        if b.x0 > a.x0 + 0.4 * b.size and not centred:
            return True  # first-line indent
        first = next((w for w in b.words if not w.mark), b.words[0])
        short = a.x1 + 0.3 * a.size + (first.x1 - first.x0) < self.right - 1
        continues = b_text[:1].islower() and not _TERMINAL.search(a_text)
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
        if not any(any(a in fold(ln.text) for a in _HEADER_ANCHORS) for ln in top):
            return [], items
        width = self.pages[0].width
        gutter = _gutter(top[:12], 0.3 * width, 0.7 * width)
        if gutter is None:
            rights = [w.x0 for ln in top for w in ln.words[:1] if self._starts_right(ln)]
            if not rights:
                return [], items
            split = min(rights) - 1
        else:
            split = _split_at(gutter)
        n = 0
        while n < len(top) and not _crosses(top[n], split):
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
        return any(t.startswith(a) for a in _RIGHT_ANCHORS) or _DATE_LINE.match(t) is not None

    def _column(self, lines: list[Line], region: Region, joins) -> list[Block]:
        paras: list[list[tuple[str, list[tuple[int, str]]]]] = []
        page: list[int] = []
        for ln in lines:
            rendered = _render(ln.words, self.note_ids)
            text = rendered[0]
            if not text or _DECORATION.match(text):
                continue
            if paras and joins(_join_text(paras[-1])[0], text):
                paras[-1].append(rendered)
            else:
                paras.append([rendered])
                page.append(ln.page)
        out = []
        for parts, pg in zip(paras, page, strict=True):
            text, notes = _join_text(parts)
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
        text, notes = _join_text([_render(ln.words, self.note_ids) for ln in lines])
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
        gutter = _gutter(same_page, 0.3 * width, 0.75 * width)
        split = _split_at(gutter) if gutter else (self.left + self.right) / 2
        # the signer's title may sit a line or two above "Nơi nhận"
        while start > 0 and isinstance(items[start - 1], Line) and items[start - 1].x0 >= split:
            start -= 1
        end = start + 1
        while end < len(items):
            ln = items[end]
            if not isinstance(ln, Line) or _crosses(ln, split):
                break
            if ln.page != items[end - 1].page and not (_LIST_MARKER.match(ln.text) or ln.x0 >= split):
                break  # a new page that starts with something else (an appendix) ends the block
            end += 1
        return start, end, split

    def _signer_only_zone(self, items: list[Line | _Table]) -> tuple[int, int, float] | None:
        for k in range(len(items) - 1, -1, -1):
            it = items[k]
            if not isinstance(it, Line):
                continue
            width = self.pages[it.page - 1].width
            if it.x0 >= width / 2 and _SIGNER.search(fold(it.text)):
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
        """Append a table's continuation: drop the repeated header row, re-join a row split by the page break."""
        rows = list(table.rows)
        if rows and prev.rows and self._row_texts(rows[0]) == self._row_texts(prev.rows[0]):
            rows = rows[1:]
        if rows and len(prev.rows) > 1:
            first = self._row_texts(rows[0])
            if not first[0] and any(first):
                prev.rows[-1] = [a + b for a, b in zip(prev.rows[-1], rows[0], strict=True)]
                rows = rows[1:]
        prev.rows.extend(rows)
        prev.page = table.page

    def _row_texts(self, row: list[list[Line]]) -> list[str]:
        return [fold(self._cell_text(cell)) for cell in row]

    def _cell_text(self, cell: list[Line]) -> str:
        parts = []
        for ln in cell:
            text, marks = _render(ln.words, self.note_ids)
            parts.append((text, []))  # Block.notes cannot point into a cell: the mark is dropped
            if marks:
                self.warnings.append(
                    "dấu chú thích trong bảng bị bỏ / footnote mark inside a table dropped"
                )
        return _join_text(parts, newline_items=True)[0]

    def _table_block(self, table: _Table) -> Block:
        rows = tuple(tuple(self._cell_text(cell) for cell in row) for row in table.rows)
        rows = tuple(r for r in rows if any(r))
        return Block(BlockKind.TABLE, rows=rows, page=table.page)

    # -- footnotes ---------------------------------------------------------------------------------

    def _footnotes(self, per_page: list[list[Line]], body: list[Line]) -> dict[str, tuple[str, int]]:
        """Footnote texts by number. A zone that does not start with the next number continues the last note."""
        marked = {w.text for ln in body for w in ln.words if w.mark}
        notes: dict[str, list[tuple[str, list[tuple[int, str]]]]] = {}
        pages: dict[str, int] = {}
        current: str | None = None
        for lines in per_page:
            for ln in lines:
                words = ln.words
                first = words[0]
                number = first.text if (first.mark or _FOOTNOTE_NUMBER.match(first.text)) else None
                expected = str(int(current) + 1) if current is not None else None
                if number is not None and number not in notes and (
                    number == expected or (current is None and (number in marked or not marked))
                ):
                    current = number
                    notes[current] = []
                    pages[current] = ln.page
                    words = words[1:]
                if current is None:
                    continue  # text above the first numbered note: not a footnote after all
                notes[current].append(_render(words, frozenset()))
        return {k: (_join_text(v)[0], pages[k]) for k, v in notes.items() if _join_text(v)[0]}


# -- grouping words into lines ------------------------------------------------------------------


def _cluster(words: list[Word], page: int) -> list[Line]:
    """Words on a common baseline form a line (columns of one row are split later, by x)."""
    lines: list[Line] = []
    current: list[Word] = []
    base = size = 0.0
    for w in sorted(words, key=lambda w: (w.base, w.x0)):
        if current and abs(w.base - base) <= 0.3 * max(size, w.size):
            current.append(w)
            size = max(size, w.size)
            continue
        if current:
            lines.append(Line(sorted(current, key=lambda w: w.x0), page))
        current, base, size = [w], w.base, w.size
    if current:
        lines.append(Line(sorted(current, key=lambda w: w.x0), page))
    return lines


def _attach_superscripts(lines: list[Line], page: int) -> list[Line]:
    """Move raised, smaller words into the line they are superscripts of.

    A footnote mark is set about a third of an em above its line's baseline in a
    smaller font, so clustering by baseline puts it on a line of its own: here it
    rejoins the line whose body it sits inside, flagged as a mark when it is a number.
    """
    hosts: dict[int, int] = {}
    for i, ln in enumerate(lines):
        for j in (i + 1, i - 1, i + 2, i - 2):
            if not 0 <= j < len(lines) or j in hosts:
                continue
            h = lines[j]
            if (
                ln.size <= 0.8 * h.size
                and h.top - 0.2 * h.size <= ln.base <= h.base - 0.15 * h.size
                and ln.x0 >= h.x0 - h.size
                and ln.x1 <= h.x1 + h.size
            ):
                hosts[i] = j
                break
    if not hosts:
        return lines
    for i, j in hosts.items():
        for w in lines[i].words:
            w.mark = _FOOTNOTE_NUMBER.match(w.text) is not None or w.text in ("*", "**")
        lines[j].words.extend(lines[i].words)
    return [Line(sorted(ln.words, key=lambda w: w.x0), page) for k, ln in enumerate(lines) if k not in hosts]


def _header_left_joins(prev: str, text: str) -> bool:
    # the trích yếu (V/v ...) is the last item of the left column and often wraps
    return fold(prev).startswith(("v/v", "ve viec")) or text[:1].islower() or _symbol_join(prev, text)


def _header_right_joins(prev: str, text: str) -> bool:
    p = fold(prev)
    if p.startswith("cong hoa") and "viet nam" not in p:
        return True
    return text[:1].islower() or prev.endswith(("-", "–")) or _symbol_join(prev, text)


def _signature_left_joins(prev: str, text: str) -> bool:
    return not (_LIST_MARKER.match(text) or fold(text).startswith("noi nhan"))


def _lowercase_joins(prev: str, text: str) -> bool:
    return text[:1].islower()
