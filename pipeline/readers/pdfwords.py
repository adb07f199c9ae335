"""Words, lines and text joining for the PDF reader: the primitives pdflayout works with.

Coordinates are PDF points with y growing downwards; ``base`` is a word's baseline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.document import NoteRef

LIST_MARKER = re.compile(r"^([-+•–]\s|\(?\d{1,2}(\.\d{1,2}){0,3}[.)]\s|[a-zđ][.)]\s|[IVXLC]{1,6}[.)]\s)")
TERMINAL = re.compile(r"[.;:!?…]$")
FOOTNOTE_NUMBER = re.compile(r"^\d{1,3}$")


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
    # form-field values placed as words (pdfwidgets): joined to ``words`` once the page is known to
    # have a text layer of its own, since a scan with the số stamped in a field is still a scan
    fields: list[Word] = field(default_factory=list)


class Line:
    __slots__ = ("_text", "base", "glued", "page", "size", "top", "words", "x0", "x1")

    def __init__(self, words: list[Word], page: int) -> None:
        self.words = words
        self.page = page
        self.glued = False  # continues a word the line before broke off (narrow table cells)
        self._text: str | None = None
        # one pass: lines are built for every page and every table cell
        x0 = top = 1e9
        x1 = base = size = -1e9
        for w in words:
            x0 = w.x0 if w.x0 < x0 else x0
            x1 = w.x1 if w.x1 > x1 else x1
            if not w.mark:
                top = w.top if w.top < top else top
                base = w.base if w.base > base else base
                size = w.size if w.size > size else size
        if size < 0:  # only marks
            top, base, size = (
                min(w.top for w in words),
                max(w.base for w in words),
                max(w.size for w in words),
            )
        self.x0, self.x1, self.top, self.base, self.size = x0, x1, top, base, size

    @property
    def text(self) -> str:
        """Plain text with every mark kept, for anchors and break decisions (cached: words are fixed)."""
        if self._text is None:
            self._text = render(self.words, frozenset())[0]
        return self._text

    def part(self, keep) -> Line | None:
        words = [w for w in self.words if keep(w)]
        return Line(words, self.page) if words else None


def render(words: list[Word], note_ids: frozenset[str]) -> tuple[str, list[tuple[int, str]]]:
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


def symbol_join(prev: str, nxt: str) -> bool:
    """True when a line ending in '-' continues without a space: 906/QĐ- + UBND, 163- + KH/HU.

    Vietnamese is not hyphenated at line ends (words are single syllables), so a hyphen
    glued to the text before it was in the text already; only a dash standing alone
    ("vùng xa. -" + "Đẩy mạnh") is followed by a space.
    """
    if not prev.endswith("-") or not nxt:
        return False
    head = prev.rsplit(" ", 1)[-1]
    return len(head) >= 2 and head[-2] not in "-–—" and nxt[0].isalnum()


def join_text(parts: list[tuple[str, list[tuple[int, str]]]], newline_items: bool = False, glued=()):
    """Join rendered lines of one paragraph (or cell), shifting mark offsets.

    ``glued`` holds the indexes of lines that continue a word broken off at the line before.
    """
    text = ""
    notes: list[NoteRef] = []
    for k, (t, marks) in enumerate(parts):
        if not t and not marks:
            continue
        if text and k not in glued:
            if newline_items and LIST_MARKER.match(t) and t[0] in "-+•–":
                text += "\n"
            elif not symbol_join(text, t):
                text += " "
        notes.extend(NoteRef(len(text) + off, nid) for off, nid in marks)
        text += t
    return text, tuple(notes)


def gutter(lines: list[Line], lo: float, hi: float) -> tuple[float, float] | None:
    """The column gutter: the x interval most lines leave empty between two word groups.

    Each line with a gap of at least 12 pt between consecutive words inside [lo, hi]
    votes for that interval; the answer is the intersection of the intervals that
    share the most voted point.
    """
    gaps = []
    for ln in lines:
        ws = sorted((w for w in ln.words if not w.mark), key=lambda w: w.x0)
        for a, b in pairwise(ws):
            if b.x0 - a.x1 >= 12 and a.x1 < hi and b.x0 > lo:
                gaps.append((a.x1, b.x0))
    if not gaps:
        return None
    best = max((sum(1 for g in gaps if g[0] <= p <= g[1]), p) for g0 in gaps for p in g0)[1]
    chosen = [g for g in gaps if g[0] <= best <= g[1]]
    return max(g[0] for g in chosen), min(g[1] for g in chosen)


def column_split(lines: list[Line], lo: float, hi: float) -> float | None:
    """Where a two-column block (header, signature) divides: just before the right column.

    The gutter found by voting gives a first guess; the boundary then moves to just
    before the leftmost right-column word, because left-column text is left-aligned
    and may run up to its cell's edge while the right column is centred in its cell.
    """
    gap = gutter(lines, lo, hi)
    if gap is None:
        return None
    mid = (gap[0] + gap[1]) / 2
    left_max, right_min = gap
    for ln in lines:
        if crosses(ln, mid):
            continue
        for w in ln.words:
            if (w.x0 + w.x1) / 2 < mid:
                left_max = max(left_max, w.x1)
            else:
                right_min = min(right_min, w.x0)
    return right_min - 2 if right_min - 2 > left_max else (left_max + right_min) / 2


def crosses(line: Line, x: float) -> bool:
    """True when the line runs across x: a word straddles it, or words close together sit on both sides."""
    ws = [w for w in line.words if not w.mark]
    if any(w.x0 < x - 1 and w.x1 > x + 1 for w in ws):
        return True
    return any((a.x0 + a.x1) / 2 < x < (b.x0 + b.x1) / 2 and b.x0 - a.x1 < 10 for a, b in pairwise(ws))


def cluster(words: list[Word], page: int) -> list[Line]:
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


def attach_superscripts(lines: list[Line], page: int) -> list[Line]:
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
            w.mark = FOOTNOTE_NUMBER.match(w.text) is not None or w.text in ("*", "**")
        lines[j].words.extend(lines[i].words)
    return [Line(sorted(ln.words, key=lambda w: w.x0), page) for k, ln in enumerate(lines) if k not in hosts]
