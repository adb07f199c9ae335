"""What every extractor returns: a value, where it came from, and which rule produced it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Generic, TypeVar

from pipeline.document import BlockKind, RawDocument, Region

T = TypeVar("T")


@dataclass(frozen=True)
class Span:
    """A stretch of one block's text: ``block`` indexes RawDocument.blocks (row/col for table cells)."""

    block: int
    start: int
    end: int
    row: int | None = None
    col: int | None = None


@dataclass(frozen=True)
class Extracted(Generic[T]):
    """One extracted value with its provenance, so that a wrong answer can be traced to a rule."""

    value: T
    span: Span | None
    rule: str


@dataclass(frozen=True)
class Line:
    """A paragraph (or footnote) of the document as extractors read it, with its place in the view."""

    text: str
    block: int
    region: Region
    kind: BlockKind
    offset: int  # where the line starts in TextView.text


class TextView:
    """The document's paragraphs and footnotes as one string, with offsets mapped back to blocks.

    Regex rules run over ``text``; ``span(start, end)`` turns a match back into a Span.
    Tables are not part of the text: extractors read their cells directly.
    """

    def __init__(self, raw: RawDocument) -> None:
        self.raw = raw
        self.lines: list[Line] = []
        parts: list[str] = []
        offset = 0
        for i, b in enumerate(raw.blocks):
            if b.kind is BlockKind.TABLE:
                continue
            text = b.text.replace("\n", " ")
            self.lines.append(Line(text, i, b.region, b.kind, offset))
            parts.append(text)
            offset += len(text) + 1
        self.text = "\n".join(parts)
        self._starts = [ln.offset for ln in self.lines]

    def span(self, start: int, end: int) -> Span | None:
        if not self.lines:
            return None
        k = max(0, bisect.bisect_right(self._starts, start) - 1)
        line = self.lines[k]
        return Span(line.block, start - line.offset, min(end, line.offset + len(line.text)) - line.offset)

    def line_at(self, offset: int) -> Line:
        k = max(0, bisect.bisect_right(self._starts, offset) - 1)
        return self.lines[k]

    def body_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kind is BlockKind.PARAGRAPH]
