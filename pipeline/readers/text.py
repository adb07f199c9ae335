"""Plain-text reader: text exported from Word or PDF, or saved from a web portal.

Such text carries artefacts the reader undoes:
- lines wrapped mid-sentence (PDF export, portal wrapping at ~80 columns), some
  documents double-spaced so that every wrapped line is followed by a blank line;
- header columns flattened into lines, tabs where table cells were;
- footnote marks lost: the mark became a line break (the next line starts with
  ``;`` or ``,``) and the footnotes sit at the end, each starting with ``�``;
- markdown from portals: ``**bold**``, ``*italic*``, ``# title``, tables in
  ``| a | b |`` rows or one ``|`` per line between cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extractors.data.frame import (
    ADDRESSEE,
    DATE_LINE,
    DECORATION,
    MOTTO,
    NATIONAL_TITLE,
    PARTY_TITLE,
    RECIPIENTS,
)
from extractors.data.kinds import TITLE_KINDS
from pipeline.document import Block, BlockKind, NoteRef, RawDocument, Region
from pipeline.errors import LimitExceeded, ReadError
from pipeline.readers import ReadLimits, mb
from pipeline.readers.encoding import NotText, decode
from pipeline.readers.flat import unflatten
from pipeline.readers.layout import TableKind, TableSite, classify_table, merge_rows
from pipeline.readers.pages import join_pages
from pipeline.readers.portal import cut_page
from pipeline.readers.spacing import join_split_syllables
from pipeline.readers.textlayout import find_zones, split_line
from pipeline.text import fold, nfc

FOOTNOTE_MARK = "\ufffd"

# A line starting like this opens a new paragraph whatever came before it.
_OPENER = re.compile(
    r"""^(
        [-–+•▪◦*]\s                      # dash list
      | \(?\d{1,2}(\.\d{1,2}){0,3}[.)]\s   # 1.  1.2.  1)  (1)
      | \(\d{1,2}\)\.?\s
      | [a-zđ][).]\s                      # a)  b.
      | [IVXLC]{1,5}\.\s                  # I.  IV.
      | (Điều|Chương|Mục|Phần|PHỤ\sLỤC|Phụ\slục)\s
    )""",
    re.VERBOSE,
)
_SECTION_NUMBER_ONLY = re.compile(r"^\(?(\d{1,2}(\.\d{1,2}){0,3}\.?|[a-zđ][.)]|[IVXLC]{1,5}\.)\)?$")
# Lines that stand alone in an official document's frame.
_STANDALONE = re.compile(
    rf"^({ADDRESSEE}|{RECIPIENTS}|so\s*:|v/v\b|{NATIONAL_TITLE}|{MOTTO}\s*[-–]|{PARTY_TITLE}"
    r"|(kt|tm|tl|tuq)\s*\.)"
)
_TITLES = {fold(name) for name in TITLE_KINDS}
_MD_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
_NUMBER_LABEL = re.compile(r"^\s*Số\s*:?\s*$")
_NUMBER_START = re.compile(r"^\s*(?:\d{1,6}[a-z]?\s*[/-]|/)\s*\S")
# A numbered line shorter than this has not wrapped: portals wrap near 80 characters.
_SHORT_HEADING = 50
_UNWRAPPED_WIDTH = 200
_EMPTY_EMPHASIS = re.compile(r"^\s*\*[\s*]*\*\s*$")
# "**... cấp xã****Lịch tập huấn ...**": two bold runs with nothing between are two blocks of the
# page (a lead and a heading) that the export ran together; each is a line of its own.
_ADJACENT_BOLD = re.compile(r"(?<=\S)\*\*\*\*(?=\S)")
# A table row written over more lines than this is no row.
_MAX_ROW_LINES = 12
# A table cell this long, with several sentences, is running prose.
_BODY_CELL_CHARS = 600
_TERMINAL = re.compile(r"[.:;!?]$|\./\.$")


@dataclass
class _Para:
    lines: list[str] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)  # offsets of lost footnote marks

    @property
    def text(self) -> str:
        return " ".join(self.lines)


class TextReader:
    suffixes = (".txt", ".text", ".md")

    def read(self, path: Path, limits: ReadLimits | None = None) -> RawDocument:
        cap = (limits or ReadLimits()).max_text_bytes
        size = path.stat().st_size
        if size > cap:
            raise LimitExceeded(path, f"tệp văn bản quá lớn ({mb(size)} > {mb(cap)})")
        try:
            text, encoding, legacy = decode(path.read_bytes())
        except NotText as e:
            raise ReadError(path, str(e)) from e
        blocks, warnings, portal = _parse(text)
        if not any(b.text.strip() or b.rows for b in blocks):
            raise ReadError(path, "tệp không có nội dung")
        meta: dict = {"encoding": encoding}
        if portal:
            meta["portal"] = portal
        if legacy:
            meta["legacy_font"] = legacy
            warnings.append(f"legacy font {legacy} converted to Unicode")
        return RawDocument(
            source=str(path),
            format="txt",
            blocks=tuple(blocks),
            pages=1,
            metadata=meta,
            warnings=tuple(warnings),
        )


def _clean_markup(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = line.replace("**", "")
    line = re.sub(r"(?<=\S)\s+[-–—_]{3,}\s*$", "", line)  # "BỘ XÂY DỰNG -------": the rule under a name
    line = re.sub(r"(?<!\()\*(?!\))", "", line)  # italics; keep a "(*)" note mark
    return line.rstrip(" \u00a0")


def parse_text(text: str) -> tuple[list[Block], list[str]]:
    blocks, warnings, _ = _parse(text)
    return blocks, warnings


def _parse(text: str) -> tuple[list[Block], list[str], dict[str, str]]:
    """Blocks, warnings, and the metadata block of a page saved from a portal (empty otherwise)."""
    text = join_pages(nfc(text).replace("\r\n", "\n").replace("\r", "\n"))
    # a line of bare emphasis marks ("* *", "** **") is an empty formatted run, not a blank line:
    # a blank line would close the portal's table around it
    raw_lines = [
        join_split_syllables(_clean_markup(part))
        for line in text.split("\n")
        if not _EMPTY_EMPHASIS.match(line)
        for part in _ADJACENT_BOLD.split(line)
    ]
    warnings: list[str] = []
    cut = cut_page(raw_lines)
    portal = dict(cut.metadata.fields) if cut else {}
    if cut is not None:
        raw_lines = raw_lines[cut.start : cut.end]
        warnings.append(f"portal page: the document is lines {cut.start + 1}-{cut.end}")
    body_lines, notes = _split_footnotes(_join_number_lines(unflatten(raw_lines)))
    blocks: list[Block] = []
    note_ids = [str(i + 1) for i in range(len(notes))]
    note_cursor = [0]
    double = _is_double_spaced(body_lines)
    regions = {"header": (Region.HEADER_LEFT, Region.HEADER_RIGHT),
               "signature": (Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT)}  # fmt: skip
    pos = 0
    for zone in [*find_zones(body_lines), None]:
        stop = zone.start if zone else len(body_lines)
        for start, item in _segment(body_lines[pos:stop]):
            if isinstance(item, _Table):
                position = (pos + start) / max(1, len(body_lines))
                blocks.extend(_table_blocks(item.rows, position, note_ids, note_cursor, double))
            else:
                blocks.extend(_paragraph_blocks(item, Region.BODY, note_ids, note_cursor, double))
        if zone is None:
            break
        # a zone laid out in two columns: the left column's paragraphs, then the right column's
        halves = [split_line(line, zone.right_col) for line in body_lines[zone.start : zone.end]]
        left, right = regions[zone.kind]
        blocks.extend(_paragraph_blocks([h[0] for h in halves], left, note_ids, note_cursor, double))
        blocks.extend(_paragraph_blocks([h[1] for h in halves], right, note_ids, note_cursor, double))
        pos = zone.end
    for nid, note in zip(note_ids, notes, strict=True):
        blocks.append(Block(BlockKind.FOOTNOTE, text=note, note_id=nid))
    return blocks, warnings, portal


def _join_number_lines(lines: list[str]) -> list[str]:
    """ "Số:" alone, its number on the next line ("Số:" / "7360/KH-UBND"): one line, as written."""
    out: list[str] = []
    for line in lines:
        if out and _NUMBER_LABEL.match(out[-1]) and _NUMBER_START.match(line):
            out[-1] = f"{out[-1].strip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _split_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Footnotes exported from Word sit after the body, each opened by the lost mark."""
    first = next((i for i, line in enumerate(lines) if line.lstrip().startswith(FOOTNOTE_MARK)), None)
    if first is None:
        return lines, []
    notes: list[str] = []
    for line in lines[first:]:
        s = line.strip()
        if s.startswith(FOOTNOTE_MARK):
            notes.append(s.lstrip(FOOTNOTE_MARK).strip())
        elif s and notes:
            notes[-1] = f"{notes[-1]} {s}"
    return lines[:first], [re.sub(r"\s+", " ", n) for n in notes]


@dataclass
class _Table:
    rows: list[list[str]]


def _segment(lines: list[str]) -> list[tuple[int, list[str] | _Table]]:
    """Split lines into runs of prose lines and tables (tab rows, pipe rows, one-pipe-per-line cells),
    each with the index of the line it starts at."""
    out: list[tuple[int, list[str] | _Table]] = []
    prose: list[str] = []
    prose_start = 0
    i = 0

    def flush() -> None:
        if prose:
            out.append((prose_start, list(prose)))
            prose.clear()

    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if s == "|" and i + 1 < len(lines) and lines[i + 1].strip():
            start = i
            rows, i = _vertical_pipe_table(lines, i)
            flush()
            out.append((start, _Table(rows)))
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        opens_row = s.startswith("|") and (s.count("|") >= 2 or _is_md_rule(nxt) or _logical_row(lines, i)[1] > i + 1)
        if opens_row or _is_md_rule(s):
            start = i
            rows, i = _markdown_table(lines, i)
            flush()
            out.append((start, _Table(rows)))
            continue
        if _bare_pipe_cells(s) >= 3 and _bare_pipe_cells(nxt) == _bare_pipe_cells(s):
            start = i
            rows, i = _bare_pipe_table(lines, i)
            flush()
            out.append((start, _Table(rows)))
            continue
        if line.count("\t") >= 3:
            start = i
            rows, i = _tab_table(lines, i)
            flush()
            out.append((start, _Table(rows)))
            continue
        if not prose:
            prose_start = i
        prose.append(line.replace("\t", " "))
        i += 1
    flush()
    return out


def _vertical_pipe_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Cells separated by lines holding a lone "|"; two pipes in a row end a table row.

    A portal that lost the blank lines runs the frame's cells straight into the body
    ("| Kính gửi: | - Các bộ ... | Thực hiện ý kiến của Ban Tổ chức Trung ương ..."): a cell of
    running prose is the body, so the table ends before it and the body reads as paragraphs.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    cell_start = i = i + 1
    while i < len(lines):
        s = lines[i].strip()
        if s == "|":
            if cell and _ends_the_table(cell) and (rows or row):
                return [*rows, row] if row else rows, cell_start
            if cell:
                row.append("\n".join(cell))
                cell = []
            elif row:
                rows.append(row)
                row = []
            i += 1
            cell_start = i
            if i >= len(lines) or not lines[i].strip():  # a pipe followed by a blank line closes the table
                break
            continue
        if _starts_what_follows(s, cell, bool(rows or row)):
            break
        cell.append(lines[i].rstrip())
        i += 1
    if cell and (rows or row) and _ends_the_table(cell):
        i, cell = cell_start, []
    if cell:
        row.append("\n".join(cell))
    return [*rows, row] if row else rows, i


def _ends_the_table(cell: list[str]) -> bool:
    """A cell of running prose (the body) or an annex's heading: the frame's table is over before it."""
    return _is_body_prose(cell) or _opens_annex(cell)


def _starts_what_follows(line: str, cell: list[str], in_table: bool) -> bool:
    """A markdown row ("| STT | Nhiệm vụ | ...") or an annex's heading opening a cell."""
    markdown_row = line.startswith("|") and line.count("|") >= 2
    return markdown_row or (not cell and in_table and _opens_annex([line]))


def _opens_annex(cell: list[str]) -> bool:
    """A "PHỤ LỤC 1" or "BẢNG TIÊU CHÍ ... (Ban hành kèm theo Công văn số ...)" cell: an annex
    begins, not another cell of the frame."""
    head = fold(" ".join(cell[:4]))
    return bool(
        re.match(r"phu luc\b", fold(cell[0]).strip(" *#")) or re.search(r"\(\s*(?:ban hanh\s+)?kem theo\b", head)
    )


def _is_body_prose(cell: list[str]) -> bool:
    """Several sentences of running text: a document's body, never a cell of its frame or a task table."""
    text = " ".join(line.strip() for line in cell)
    return len(text) >= _BODY_CELL_CHARS and len(re.findall(r"[.;:]\s+\S", text)) >= 2


def _is_md_rule(s: str) -> bool:
    """ "|---|---|" under a markdown header row; a bare "-------" is a drawn rule, not a table."""
    return "|" in s and _MD_RULE.fullmatch(s) is not None


def _markdown_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """``| a | b |`` rows. A row may run over several lines ("| UBND TỈNH KHÁNH HÒA" / "SỞ KHOA HỌC
    VÀ CÔNG NGHỆ" / "------- | CỘNG HÒA XÃ HỘI ... |"), and ``<br>`` breaks a line inside a cell."""
    rows: list[list[str]] = []
    start = i
    while i < len(lines):
        s = lines[i].strip()
        if not s.startswith("|") and "|" not in s:
            break
        if _is_md_rule(s):
            i += 1
            continue
        row, i = _logical_row(lines, i)
        rows.append([_cell_lines(c) for c in row.strip("|").split("|")])
    return rows, max(i, start + 1)  # always move on: a reader must terminate on any input


def _logical_row(lines: list[str], i: int) -> tuple[str, int]:
    """One table row from line ``i``: the line itself, or, when it opens a row it does not close,
    the lines up to the one that closes it."""
    s = lines[i].strip()
    if not _opens_open_row(s):
        return s, i + 1
    for j in range(i + 1, min(len(lines), i + _MAX_ROW_LINES)):
        t = lines[j].strip()
        if not t:
            continue  # a blank line inside a cell: "PHÓ CHỦ TỊCH" / "" / "Dương Mah Tiệp |"
        if t.startswith("|"):
            break
        if t.endswith("|"):
            return "\n".join(x.strip() for x in lines[i : j + 1]), j + 1
    return s, i + 1


def _opens_open_row(s: str) -> bool:
    return s.startswith("|") and not s.endswith("|") and len(s) > 1


def _cell_lines(cell: str) -> str:
    parts = (p.strip() for p in re.split(r"<br\s*/?>|\n", cell, flags=re.IGNORECASE))
    return "\n".join(p for p in parts if p)


# the separator of such a row; a last empty cell leaves the row ending on " |"
_BARE_PIPE = re.compile(r"\s+\|(?:\s+|$)")


def _bare_pipe_cells(s: str) -> int:
    """Cells of a row written "STT | Nội dung | Đơn vị thực hiện | Thời hạn" (a Word table copied as
    text, no pipe at either end); 0 for anything else."""
    if s.startswith("|") or " | " not in s:
        return 0
    return len(_BARE_PIPE.split(s))


def _bare_pipe_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    """Rows of one width, as long as they run; a row a little short (an empty last cell dropped) counts."""
    width = _bare_pipe_cells(lines[i].strip())
    rows: list[list[str]] = []
    while i < len(lines):
        n = _bare_pipe_cells(lines[i].strip())
        if n < 2 or n > width:
            break
        cells = [c.strip() for c in _BARE_PIPE.split(lines[i].strip())]
        rows.append(cells + [""] * (width - len(cells)))
        i += 1
    return rows, i


def _tab_table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    rows: list[list[str]] = []
    while i < len(lines):
        line = lines[i]
        if line.count("\t") >= 3:
            rows.append([c.strip() for c in line.split("\t")])
            i += 1
        elif not line.strip() and i + 1 < len(lines) and lines[i + 1].count("\t") >= 3:
            i += 1  # a blank line between two pages of one table
        else:
            break
    return _merge_pages(rows), i


def _merge_pages(rows: list[list[str]]) -> list[list[str]]:
    """A tab table exported across pages repeats its header row where each page starts: cut it there."""
    if not rows:
        return rows
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = [fold(c) for c in rows[0]]
    pieces = [[rows[0]]]
    for row in rows[1:]:
        if [fold(c) for c in row] == header:
            pieces.append([])
        pieces[-1].append(row)
    return merge_rows(pieces, key=str, join=_join_split_cell)


def _join_split_cell(a: str, b: str) -> str:
    a, b = a.strip(), b.strip()
    if not a or not b:
        return a or b
    if b.startswith(("-", "–", "+")):
        return f"{a}\n{b}"
    return f"{a} {b}"


def _table_blocks(rows, position, note_ids, note_cursor, double) -> list[Block]:
    rows = [[c for c in r] for r in rows if any(c.strip() for c in r)]
    # a text file shows no page: a table in its first third is where a header is, past half a signature
    kind = classify_table(rows, TableSite(before_body=position < 0.35, after_body=position > 0.5))
    if kind is TableKind.DATA:
        cells = tuple(tuple(_join_cell(c) for c in r) for r in rows)
        return [Block(BlockKind.TABLE, rows=cells)]
    # a portal's frame table may end with the "Kính gửi:" row: that row is the body's addressees
    tail = next((k for k, r in enumerate(rows) if k and fold(r[0]).strip().startswith(ADDRESSEE)), None)
    if kind is TableKind.HEADER and tail is not None:
        blocks = _table_blocks(rows[:tail], position, note_ids, note_cursor, double)
        lines = [ln for r in rows[tail:] for c in r if c.strip() for ln in _split_inline_list(c)]
        return blocks + _paragraph_blocks(lines, Region.BODY, note_ids, note_cursor, double)
    blocks: list[Block] = []
    for col, region in _column_regions(rows, kind):
        for r in rows:
            if col < len(r) and r[col].strip():
                blocks.extend(_paragraph_blocks(_split_inline_list(r[col]), region, note_ids, note_cursor, double))
    return blocks


def _column_regions(rows: list[list[str]], kind: TableKind) -> list[tuple[int, Region]]:
    """The region each column of a layout table reads into: left, then right."""
    ncols = max(len(r) for r in rows)
    left, right = {
        TableKind.HEADER: (Region.HEADER_LEFT, Region.HEADER_RIGHT),
        TableKind.SIGNATURE: (Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT),
        TableKind.ADDRESSEE: (Region.BODY, Region.BODY),
    }[kind]
    if kind is TableKind.SIGNATURE and ncols == 1 and RECIPIENTS not in fold(rows[0][0]):
        return [(0, right)]  # a signer boxed alone is the signature's right-hand column
    return [(col, left if col == 0 else right) for col in range(ncols)]


def _split_inline_list(cell: str) -> list[str]:
    """A portal flattens a cell's lines into one ("Nơi nhận: - Như trên; - Bộ X; ..."): split them again."""
    out: list[str] = []
    for line in cell.split("\n"):
        listy = fold(line).startswith(("noi nhan", "- ", "kinh gui"))
        pattern = r"\s+(?=[-–]\s)|\s+(?=V/v[: ])" if listy else r"\s+(?=V/v[: ])"
        parts = re.split(pattern, line)
        out.extend(p for p in parts if p.strip())
    return out


def _join_cell(cell: str) -> str:
    paras = _paragraphs([ln for ln in cell.split("\n")], double=False)
    return "\n".join(p.text for p in paras)


def _is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _is_double_spaced(lines: list[str]) -> bool:
    """True when (nearly) every line is followed by a blank line, so blank lines carry no meaning."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 8:
        return False
    followed = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip())
    unfinished = sum(1 for i in nonblank if not _TERMINAL.search(lines[i].strip()))
    return followed / len(nonblank) > 0.85 and unfinished / len(nonblank) > 0.5


def _starts_paragraph(s: str) -> bool:
    f = fold(s)
    # "Căn cứ Luật ..." in capitals opens a legal basis of its own, even after a trích yếu with no stop
    return bool(_OPENER.match(s) or _STANDALONE.match(f) or DATE_LINE.match(f) or s.startswith("Căn cứ "))


def _ends_paragraph(s: str) -> bool:
    f = fold(s)
    if _SECTION_NUMBER_ONLY.match(s):
        return False
    stripped = s.rstrip(" )\"”'*")
    return bool(_TERMINAL.search(stripped) or (_STANDALONE.match(f) and f.endswith(":")))


def _paragraphs(lines: list[str], double: bool) -> list[_Para]:
    paras: list[_Para] = []
    cur: _Para | None = None
    blank = False
    # a paragraph on one line of 200 characters: this text was never wrapped, so a numbered line ends where
    # it ends ("2. Giám đốc Sở Nông nghiệp và Môi trường các tỉnh, thành phố nêu trên" / "Rà soát ...")
    unwrapped = max((len(ln) for ln in lines), default=0) > _UNWRAPPED_WIDTH
    for raw in lines:
        s = raw.strip()
        if not s or DECORATION.match(s):
            blank = blank or not s
            continue
        if cur is None:
            cur = _Para([s])
            blank = False
            continue
        prev = cur.lines[-1]
        join = _should_join(prev, s, blank and not double, unwrapped)
        if join == "note":
            cur.notes.append(len(cur.text))
            cur.lines[-1] = prev + s  # the mark's line break: glue ";" back without a space
        elif join:
            cur.lines.append(s)
        else:
            paras.append(cur)
            cur = _Para([s])
        blank = False
    if cur is not None:
        paras.append(cur)
    return paras


def _should_join(prev: str, nxt: str, blank_between: bool, unwrapped: bool = False) -> bool | str:
    if nxt[0] in ";,.:)" and not _OPENER.match(nxt):
        return "note"
    if _continues_addressees(prev, nxt):
        return True
    opens = _starts_paragraph(nxt) or (_STANDALONE.match(fold(prev)) and not prev.lower().startswith("v/v"))
    if opens and not _SECTION_NUMBER_ONLY.match(prev):
        return False
    if _SECTION_NUMBER_ONLY.match(prev):
        return True
    if nxt[0].islower() and prev.rstrip()[-1:] in ",;" and not _is_upper_line(prev):
        return True  # a list item wrapped after a comma or semicolon
    if _ends_paragraph(prev):
        return False
    if _hangs(prev, nxt):
        return True  # "... trong Quý" / "IV/2025.": a line never ends on a word that needs what follows
    if _is_upper_line(prev) and _is_upper_line(nxt):
        # Header lines ("UBND TỈNH X" / "SỞ Y") and titles stay apart, extractors know their
        # grammar; a wrapped numbered heading ("II. NHIỆM VỤ, GIẢI PHÁP" / "TRỌNG TÂM") is joined.
        return not blank_between and bool(_OPENER.match(prev))
    if _is_upper_line(prev) != _is_upper_line(nxt):
        # "KẾ HOẠCH" / "học tập, quán triệt ...": a kind's title stands alone above its trích yếu
        return nxt[0].islower() and not _is_upper_line(nxt) and fold(prev).strip(" *") not in _TITLES
    first = nxt[0]
    if first.islower() or first.isdigit() or first in "(\"“'":
        return True
    if _heading_stands_alone(prev, unwrapped):
        return False  # "1. Báo cáo tuần" / "Các cơ quan, đơn vị gửi ...": the heading stands alone
    return not blank_between


def _continues_addressees(prev: str, nxt: str) -> bool:
    """ "Kính gửi: Ủy ban nhân dân các tỉnh," / "thành phố trực thuộc Trung ương.": one line wrapped;
    never an item of the body ("a) Sở Y tế: ...") nor a line after the closing period."""
    return (
        fold(prev).startswith(ADDRESSEE) and nxt[0].islower() and not _OPENER.match(nxt) and not _ends_paragraph(prev)
    )


_HANGING_WORD = re.compile(r"\s(?:trong|trước|của|tại|cho|với|từ|đến)$", re.IGNORECASE)
# "... trong Quý" / "IV/2025.": a period word waiting for its number ("1. Báo cáo tháng" is a heading)
_HANGING_PERIOD = re.compile(r"\s(?:quý|quí|tháng)$", re.IGNORECASE)


def _hangs(prev: str, nxt: str) -> bool:
    """``prev`` ends on a word that needs what follows: a preposition, or a period word before its number."""
    return bool(_HANGING_WORD.search(prev) or (_HANGING_PERIOD.search(prev) and re.match(r"(?:[IVX]+|\d)", nxt)))


def _heading_stands_alone(line: str, unwrapped: bool) -> bool:
    return _is_short_heading(line) or (unwrapped and bool(_OPENER.match(line)))


def _is_short_heading(line: str) -> bool:
    """A numbered heading too short to have wrapped ("1. Báo cáo tuần", "2. Sở Y tế"); one ending in a
    word that goes on ("1. Bộ Nông nghiệp và", "b) Ủy ban nhân dân") may still continue."""
    if not _OPENER.match(line) or len(line) > _SHORT_HEADING or line.lstrip().startswith(("-", "+", "•", "*")):
        return False
    return not re.search(r"(?:\s(?:và|của|các|với|về|tại|cho)|[-–&,])$", line.rstrip(), re.IGNORECASE)


def _paragraph_blocks(lines: list[str], region: Region, note_ids, note_cursor, double) -> list[Block]:
    blocks: list[Block] = []
    for p in _paragraphs(lines, double):
        notes = []
        for off in p.notes:
            if note_cursor[0] < len(note_ids):
                notes.append(NoteRef(off, note_ids[note_cursor[0]]))
                note_cursor[0] += 1
        blocks.append(Block(BlockKind.PARAGRAPH, text=p.text, region=region, notes=tuple(notes)))
    return blocks
