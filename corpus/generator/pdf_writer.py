"""Render a Layout as a text-layer PDF, laid out like an office suite's export of the .docx.

A4 portrait, margins of NĐ 30/2020 (3 cm left, 2 cm elsewhere). The header is two columns side by
side (agency, Số, V/v | quốc hiệu, tiêu ngữ, place and date) with short rules under the agency and
the tiêu ngữ; the body is justified with a first-line indent; the signature block is two columns
(Nơi nhận | signer) kept on one page; an appendix starts a new page with a bordered task table
whose header row repeats on each page. Pages after the first are numbered at the top.

The PDF is written directly (no PDF library): every line is one ``TJ`` with the space widened to
justify it, so a reader gets real spaces between words and lines that end at the margin.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import zlib
from dataclasses import dataclass

from corpus.generator import pdf_font
from corpus.generator.model import Layout, Para, Run, Table

PAGE_W, PAGE_H = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 85.05, 56.7, 56.7, 56.7
TEXT_W = PAGE_W - LEFT - RIGHT
SCALE = 0.93  # DejaVu Serif Condensed is wider than Times New Roman: 13 pt here sets like Times 14
LEADING = 1.22
INDENT = 28.35  # 1 cm
STYLES = ("regular", "bold", "italic", "bolditalic")


def _style(bold: bool, italic: bool) -> str:
    return "bolditalic" if bold and italic else "bold" if bold else "italic" if italic else "regular"


@dataclass
class _Line:
    pieces: list[tuple[str, str]]  # (style, text) runs
    size: float
    x: float
    width: float  # available width (for justification)
    justify: bool
    natural: float = 0.0


class _Page:
    def __init__(self, number: int) -> None:
        self.number = number
        self.ops: list[str] = []
        self.fonts: set[str] = set()


class PdfWriter:
    def __init__(self) -> None:
        self.fonts = {s: pdf_font.load(s) for s in STYLES}
        self.pages: list[_Page] = []
        self.y = TOP
        self.layout = Layout()

    # -- text measuring and wrapping -----------------------------------------------------------

    def _wrap(self, para: Para, x: float, width: float) -> list[_Line]:
        size = para.size * SCALE
        words: list[tuple[str, str]] = []
        for run in para.runs:
            style = _style(run.bold, run.italic)
            for w in run.text.split():
                words.append((style, w))
        if not words:
            return [_Line([], size, x, width, False)]
        lines: list[_Line] = []
        first_indent = INDENT if para.indent else 0.0
        cur: list[tuple[str, str]] = []
        cur_w = 0.0
        avail = width - first_indent
        for style, w in words:
            ww = self.fonts[style].width(w, size)
            sp = self.fonts[style].width(" ", size) if cur else 0.0
            if cur and cur_w + sp + ww > avail:
                lines.append(self._line(cur, size, x + (width - avail), avail, para.align == "justify", cur_w))
                cur, cur_w, avail = [], 0.0, width
                sp = 0.0
            cur.append((style, w))
            cur_w += sp + ww
        lines.append(self._line(cur, size, x + (width - avail), avail, False, cur_w))
        if para.align == "center":
            for ln in lines:
                ln.x = x + (width - ln.natural) / 2
        return lines

    @staticmethod
    def _line(words, size, x, width, justify, natural) -> _Line:
        pieces: list[tuple[str, str]] = []
        for style, w in words:
            if pieces and pieces[-1][0] == style:
                pieces[-1] = (style, f"{pieces[-1][1]} {w}")
            elif pieces:
                pieces[-1] = (pieces[-1][0], pieces[-1][1] + " ")
                pieces.append((style, w))
            else:
                pieces.append((style, w))
        return _Line(pieces, size, x, width, justify, natural)

    # -- drawing --------------------------------------------------------------------------------

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(_Page(len(self.pages) + 1))
        self.y = TOP
        if len(self.pages) > 1:  # NĐ 30: page numbers from page 2, top centre
            label = str(len(self.pages))
            size = 12 * SCALE
            w = self.fonts["regular"].width(label, size)
            self._draw(_Line([("regular", label)], size, (PAGE_W - w) / 2, w, False, w), TOP - 20)

    def _draw(self, line: _Line, baseline: float) -> None:
        if not line.pieces:
            return
        extra = 0.0
        if line.justify:
            gaps = sum(t.count(" ") for _, t in line.pieces)
            if gaps:
                extra = (line.width - line.natural) / gaps
        x = line.x
        y = PAGE_H - baseline
        for style, text in line.pieces:
            font = self.fonts[style]
            self.page.fonts.add(style)
            key = f"F{STYLES.index(style) + 1}"
            if extra > 0.01:
                adj = f"{-extra * 1000 / line.size:.1f}"
                parts = text.split(" ")
                arr = f" {adj} ".join(
                    f"<{font.encode(p + (' ' if k < len(parts) - 1 else ''))}>" for k, p in enumerate(parts)
                )
                self.page.ops.append(f"BT /{key} {line.size:.2f} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm [{arr}] TJ ET")
                x += font.width(text, line.size) + extra * text.count(" ")
            else:
                self.page.ops.append(
                    f"BT /{key} {line.size:.2f} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm <{font.encode(text)}> Tj ET"
                )
                x += font.width(text, line.size)

    def _rule(self, x0: float, x1: float, y: float, width: float = 0.6) -> None:
        self.page.ops.append(f"{width:g} w {x0:.2f} {PAGE_H - y:.2f} m {x1:.2f} {PAGE_H - y:.2f} l S")

    def _column(self, paras: list[Para], x: float, width: float, top: float) -> float:
        """Lay out a header or signature column from ``top``; return where it ends."""
        y = top
        last_width = 0.0
        for para in paras:
            if not para.runs:  # a rule: as wide as the tiêu ngữ above it, or under half an agency's name
                span = last_width if para.keep else max(width / 3, min(last_width * 0.5, width * 0.6))
                self._rule(x + (width - span) / 2, x + (width + span) / 2, y + 5)
                y += 8
                continue
            lines = self._wrap(para, x, width)
            if not para.text:
                y += para.size * SCALE * LEADING
                continue
            y += self.layout.before(para)
            for ln in lines:
                y += ln.size * LEADING
                self._draw(ln, y - ln.size * 0.25)
            last_width = max(ln.natural for ln in lines)
        return y

    def _height(self, paras: list[Para], width: float) -> float:
        h = 0.0
        for para in paras:
            if not para.runs:
                h += 6
                continue
            lines = self._wrap(para, 0, width)
            h += self.layout.before(para) + sum(ln.size * LEADING for ln in lines)
        return h

    def _body(self, para: Para, next_height: float = 0.0) -> None:
        lines = self._wrap(para, LEFT, TEXT_W)
        before = self.layout.before(para)
        need = before + lines[0].size * LEADING * min(len(lines), 2) + (next_height if para.keep else 0)
        if self.y + need > PAGE_H - BOTTOM:
            self.new_page()
        self.y += before if self.y > TOP else 0
        if not para.runs:
            self._rule(PAGE_W / 2 - 50, PAGE_W / 2 + 50, self.y + 5)
            self.y += 10
            return
        for ln in lines:
            if self.y + ln.size * LEADING > PAGE_H - BOTTOM:
                self.new_page()
            self.y += ln.size * LEADING
            self._draw(ln, self.y - ln.size * 0.25)

    def _table(self, table: Table) -> None:
        widths = [f * TEXT_W for f in table.widths]
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        pad = 3.0

        def cells(r: int, row: tuple[str, ...]):
            out = []
            for c, text in enumerate(row):
                bold = r < table.header_rows or r in table.bold_rows
                para = Para(
                    (_run(text, bold),),
                    align="center" if r < table.header_rows or c != 1 else "left",
                    indent=False,
                    size=table.size,
                    before=0,
                )
                out.append(self._wrap(para, xs[c] + pad, widths[c] - 2 * pad))
            return out

        header = [cells(r, table.rows[r]) for r in range(table.header_rows)]

        def row_height(cs) -> float:
            return max(sum(ln.size * LEADING for ln in lines) for lines in cs) + 2 * pad

        def draw_row(cs) -> None:
            h = row_height(cs)
            top = self.y
            for lines in cs:
                y = top + pad
                for ln in lines:
                    y += ln.size * LEADING
                    self._draw(ln, y - ln.size * 0.25)
            self._rule(xs[0], xs[-1], top, 0.5)
            self._rule(xs[0], xs[-1], top + h, 0.5)
            for x in xs:
                self.page.ops.append(f"0.5 w {x:.2f} {PAGE_H - top:.2f} m {x:.2f} {PAGE_H - top - h:.2f} l S")
            self.y = top + h

        for cs in header:
            draw_row(cs)
        for r in range(table.header_rows, len(table.rows)):
            cs = cells(r, table.rows[r])
            if self.y + row_height(cs) > PAGE_H - BOTTOM:
                self.new_page()
                for hc in header:
                    draw_row(hc)
            draw_row(cs)

    # -- the document ---------------------------------------------------------------------------

    def render(self, layout: Layout) -> None:
        self.layout = layout
        self.new_page()
        # the header table reaches a little into the left margin, as Word's default cell padding does
        left_w = TEXT_W * layout.header_split
        right_w = TEXT_W + 40 - left_w
        x_left, x_right = LEFT - 20, LEFT - 20 + left_w
        end_left = self._column(layout.header_left, x_left, left_w, TOP)
        end_right = self._column(layout.header_right, x_right, right_w, TOP)
        self.y = max(end_left, end_right) + 6
        blocks = layout.title + layout.body
        for k, block in enumerate(blocks):
            if isinstance(block, Table):
                self._table(block)
                continue
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            next_h = layout.before(nxt) + nxt.size * SCALE * LEADING * 2 if isinstance(nxt, Para) else 0.0
            self._body(block, next_h)
        half = TEXT_W / 2
        need = max(self._height(layout.sign_left, half), self._height(layout.sign_right, half)) + 10
        if self.y + need > PAGE_H - BOTTOM:
            self.new_page()
        top = self.y + 6
        self._column(layout.sign_left, LEFT, half, top)
        self._column(layout.sign_right, LEFT + half, half, top)
        if layout.appendix:
            self.new_page()
            for k, block in enumerate(layout.appendix):
                if isinstance(block, Table):
                    self._table(block)
                else:
                    self._body(block, 40.0 if k + 1 < len(layout.appendix) else 0.0)

    def tobytes(self, title: str, day: dt.date, doc_id: str) -> bytes:
        objs: list[bytes] = []

        def add(body: bytes) -> int:
            objs.append(body)
            return len(objs)

        def stream(data: bytes, extra: str = "") -> bytes:
            return f"<< /Length {len(data)} /Filter /FlateDecode{extra} >>\nstream\n".encode() + data + b"\nendstream"

        used = sorted({s for pg in self.pages for s in pg.fonts}, key=STYLES.index)
        font_refs: dict[str, int] = {}
        for style in used:
            f = self.fonts[style]
            program = add(stream(f.program, f" /Length1 {f.program_length}"))
            desc = add(
                (
                    f"<< /Type /FontDescriptor /FontName /{f.name} /Flags {f.flags} "
                    f"/FontBBox [{' '.join(map(str, f.bbox))}] /ItalicAngle {f.italic_angle:g} "
                    f"/Ascent {f.ascent} /Descent {f.descent} /CapHeight {f.cap_height} "
                    f"/StemV 80 /FontFile2 {program} 0 R >>"
                ).encode()
            )
            cid = add(
                (
                    f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{f.name} "
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                    f"/FontDescriptor {desc} 0 R /CIDToGIDMap /Identity /DW 1000 /W [{f.w_array}] >>"
                ).encode()
            )
            tounicode = add(stream(f.to_unicode))
            font_refs[style] = add(
                (
                    f"<< /Type /Font /Subtype /Type0 /BaseFont /{f.name} /Encoding /Identity-H "
                    f"/DescendantFonts [{cid} 0 R] /ToUnicode {tounicode} 0 R >>"
                ).encode()
            )
        fonts = " ".join(f"/F{STYLES.index(s) + 1} {n} 0 R" for s, n in font_refs.items())
        pages_id = len(objs) + 1 + 2 * len(self.pages)
        kids = []
        for pg in self.pages:
            content = add(stream(zlib.compress("\n".join(pg.ops).encode("ascii"), 6)))
            kids.append(
                add(
                    (
                        f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                        f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>"
                    ).encode()
                )
            )
        add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode())
        catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
        stamp = f"D:{day:%Y%m%d}080000+07'00'"
        info = add(
            (
                f"<< /Title <{_utf16(title)}> /Producer (congvan corpus generator) /Creator (Microsoft Word) "
                f"/CreationDate ({stamp}) /ModDate ({stamp}) >>"
            ).encode()
        )
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for k, body in enumerate(objs, start=1):
            offsets.append(len(out))
            out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        file_id = hashlib.md5(doc_id.encode() + bytes(out[:64])).hexdigest()
        out += (
            f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R /Info {info} 0 R /ID [<{file_id}> <{file_id}>] >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        return bytes(out)


def _run(text: str, bold: bool) -> Run:
    return Run(text, bold=bold)


def _utf16(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


def write_pdf(layout: Layout, title: str, day: dt.date, doc_id: str) -> bytes:
    w = PdfWriter()
    w.render(layout)
    return w.tobytes(title, day, doc_id)
