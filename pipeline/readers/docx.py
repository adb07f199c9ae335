"""Word .docx reader: body paragraphs and tables in document order, footnotes, layout regions.

python-docx gives the package and the XML; the walk over ``w:body`` is ours because
python-docx's ``Document.paragraphs``/``tables`` lose the interleaving, and it does
not read ``word/footnotes.xml`` at all.

An official document lays out its header (agency | quốc hiệu) and its signature
block (Nơi nhận | signer) as borderless two-column tables. Those are recognised by
content and emitted as paragraphs tagged with a region; every other table is a
TABLE block with one cell per grid column.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from extractors.data.frame import DECORATION
from pipeline.document import Block, BlockKind, NoteRef, RawDocument, Region
from pipeline.errors import LimitExceeded, ReadError
from pipeline.readers import ReadLimits, legacy, mb, one_line
from pipeline.readers.docxnumbering import W_NAMESPACE, ListNumbering
from pipeline.readers.layout import TableKind, TableSite, classify_table
from pipeline.text import nfc, squash_spaces

_W = W_NAMESPACE
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent")
T, TAB, BR, CR, FOOTNOTE_REF = _w("t"), _w("tab"), _w("br"), _w("cr"), _w("footnoteReference")
NO_BREAK_HYPHEN, SYM, VAL, ID, TYPE = _w("noBreakHyphen"), _w("sym"), _w("val"), _w("id"), _w("type")

# Inside a paragraph we descend into run containers; these subtrees carry no reading text:
# properties, deleted/moved-away text, field codes, and drawings (text boxes and their VML
# fallback would otherwise appear twice, glued into the middle of the paragraph).
_SKIP = {_w(t) for t in ("pPr", "rPr", "del", "moveFrom", "instrText", "delInstrText", "drawing", "pict", "object")} | {
    f"{{{_MC}}}AlternateContent"
}

# Private-use character standing for a footnote mark while the text is normalised,
# so that squashing spaces cannot make the recorded offset wrong.
_MARK = "\ue000"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip entry's local file header (zipfile's layout)
_CHUNK = 1024 * 1024  # inflated at most this much at a time while sizes are checked


class DocxReader:
    suffixes = (".docx",)

    def read(self, path: Path, limits: ReadLimits | None = None) -> RawDocument:
        path = Path(path)
        limits = limits or ReadLimits()
        with open(path, "rb") as f:
            head = f.read(8)
        if head.startswith(_OLE_MAGIC):
            # Word saves a password-protected .docx as an OLE container holding "EncryptedPackage".
            if "EncryptedPackage".encode("utf-16-le") in path.read_bytes():
                raise ReadError(path, "tệp .docx được mã hóa bằng mật khẩu")
            # a Word 97 .doc renamed .docx: Word opens it by its content, and so does congvan
            from pipeline.readers.office import OfficeReader

            return OfficeReader().read(path, limits)
        document = _open(path, limits)
        try:
            return _Builder(path, document).build()
        except etree.XMLSyntaxError as e:  # a part parsed lazily (footnotes, app.xml)
            raise ReadError(path, f"XML trong tệp .docx bị hỏng ({one_line(e)})") from e


def _open(path: Path, limits: ReadLimits):
    """Open with python-docx, turning each way a file can fail into a one-line ReadError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with open(path, "rb") as f:
        head = f.read(8)
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            infos = zf.infolist()
    except zipfile.BadZipFile as e:
        if head.startswith(b"PK\x03\x04"):  # a zip whose end (the central directory) is missing
            # zipfile's own words ("File is not a zip file") add nothing to this, and are English
            raise ReadError(path, "tệp .docx bị hỏng hoặc bị cắt cụt (thiếu mục lục của tệp nén zip)") from e
        raise ReadError(path, "không phải tệp .docx hợp lệ (không phải tệp nén zip)") from e
    check_inflated_sizes(path, infos, limits)  # python-docx inflates every part whole, in memory
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise ReadError(path, "tệp nén zip không chứa word/document.xml")
    try:
        return docx.Document(str(path))
    except PackageNotFoundError as e:
        raise ReadError(path, f"không phải tệp .docx hợp lệ ({one_line(e)})") from e
    except KeyError as e:
        raise ReadError(path, f"tệp .docx thiếu thành phần ({one_line(e)})") from e
    except etree.XMLSyntaxError as e:
        raise ReadError(path, f"XML trong tệp .docx bị hỏng ({one_line(e)})") from e
    except (zipfile.BadZipFile, zlib.error, EOFError) as e:
        raise ReadError(path, f"tệp .docx bị hỏng ({one_line(e)})") from e
    except ValueError as e:  # python-docx: "file ... is not a Word file, content type is ..."
        raise ReadError(path, f"không phải tệp Word ({one_line(e)})") from e


def check_inflated_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: ReadLimits, kind: str = ".docx") -> None:
    """Inflate every part in chunks and count what comes out, before anything parses it.

    The central directory's sizes are not trusted: zipfile reads a part whole with one inflate
    call bounded only by 2 GiB, so a header claiming a few bytes over data that inflates to
    gigabytes would fill memory before its size is ever compared. A part over its cap, over the
    size it declares, or the parts together over the total cap, refuse the file.
    """
    total = 0
    with open(path, "rb") as f:
        for info in infos:
            cap = min(limits.max_part_bytes, info.file_size)
            try:
                size = _inflated_size(path, f, info, cap)
            except zlib.error as e:
                raise ReadError(path, f"tệp {kind} bị hỏng ({info.filename}: {one_line(e)})") from e
            if size > info.file_size:
                raise ReadError(
                    path,
                    f"tệp {kind} khai báo sai kích thước phần {info.filename} (giải nén ra hơn {info.file_size} byte "
                    "đã khai báo; có thể là bom zip)",
                )
            if size > limits.max_part_bytes:
                raise LimitExceeded(
                    path,
                    f"phần {info.filename} của tệp {kind} giải nén quá lớn "
                    f"(trên {mb(limits.max_part_bytes)}, có thể là bom zip)",
                )
            total += size
            if total > limits.max_unzipped_bytes:
                raise LimitExceeded(
                    path,
                    f"tệp {kind} giải nén quá lớn (trên {mb(limits.max_unzipped_bytes)}, có thể là bom zip)",
                )


def _inflated_size(path: Path, f, info: zipfile.ZipInfo, cap: int) -> int:
    """How many bytes the part really inflates to, counted up to just past ``cap``."""
    f.seek(info.header_offset)
    header = f.read(_LOCAL_HEADER.size)
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise ReadError(path, f"tệp .docx bị hỏng (phần đầu cục bộ của {info.filename} sai)")
    fields = _LOCAL_HEADER.unpack(header)
    f.seek(info.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1])  # past the name and extra
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size
    if info.compress_type != zipfile.ZIP_DEFLATED:  # Word writes only these two
        raise ReadError(path, f"tệp .docx nén theo cách không hỗ trợ (phần {info.filename})")
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    left, out = info.compress_size, 0
    while left > 0 and out <= cap and not inflate.eof:
        data = f.read(min(left, _CHUNK))
        if not data:
            break
        left -= len(data)
        while data and out <= cap:
            out += len(inflate.decompress(data, _CHUNK))
            data = inflate.unconsumed_tail
    return out


def _split_lines(text: str, notes: tuple[NoteRef, ...]) -> list[tuple[str, tuple[NoteRef, ...]]]:
    out: list[tuple[str, tuple[NoteRef, ...]]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        mine = tuple(NoteRef(n.offset - start, n.note_id) for n in notes if start <= n.offset <= end)
        out.append((line.strip(), mine))
        start = end + 1
    return out


def _paragraph_text(p, font: str | None = None) -> tuple[str, tuple[NoteRef, ...]]:
    """The paragraph's text (NFC, spaces squashed, hard breaks as \\n) and its footnote marks.

    ``font`` ("TCVN3", "VNI") is the legacy font the document was typed in: its text is turned
    into Unicode before the marks are counted, since a VNI letter is two characters until then.
    """
    pieces: list[str] = []
    ids: list[str] = []
    _collect(p, pieces, ids)
    joined = "".join(pieces)
    if font:
        joined = legacy.to_unicode(joined, font)
    text = squash_spaces(nfc(joined)).strip("\n")
    if not ids:
        return text, ()
    out: list[str] = []
    notes: list[NoteRef] = []
    for ch in text:
        if ch == _MARK:
            notes.append(NoteRef(offset=len("".join(out)), note_id=ids[len(notes)]))
        else:
            out.append(ch)
    text = "".join(out)
    if "  " in text:  # a mark between two spaces left a double space behind
        text, notes = _drop_double_spaces(text, notes)
    return text.strip(), tuple(notes)


def _drop_double_spaces(text: str, notes: list[NoteRef]) -> tuple[str, list[NoteRef]]:
    out: list[str] = []
    shift_at: list[int] = []
    for i, ch in enumerate(text):
        if ch == " " and out and out[-1] == " ":
            shift_at.append(i)
            continue
        out.append(ch)
    moved = [NoteRef(n.offset - sum(1 for s in shift_at if s < n.offset), n.note_id) for n in notes]
    return "".join(out), moved


def _collect(el, pieces: list[str], ids: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == T:
            pieces.append(child.text or "")
        elif tag == TAB:
            pieces.append("\t")
        elif tag in (BR, CR):
            pieces.append("\n")
        elif tag == NO_BREAK_HYPHEN:
            pieces.append("-")
        elif tag == SYM:
            code = child.get(_w("char"), "")  # a Symbol-font glyph: keep its code point
            if code and all(c in "0123456789abcdefABCDEF" for c in code):
                pieces.append(chr(int(code, 16)))
        elif tag == FOOTNOTE_REF:
            pieces.append(_MARK)
            ids.append(child.get(ID, ""))
        elif tag == P:
            # a nested paragraph (text box content that was not skipped): keep it on its own line
            pieces.append("\n")
            _collect(child, pieces, ids)
        else:
            _collect(child, pieces, ids)


def _text_sample(body, limit: int = 50_000) -> str:
    """The body's first ``limit`` characters or so of text, a line per paragraph (enough to tell a font)."""
    out: list[str] = []
    total = 0
    for p in body.iter(P):
        line = "".join(t.text or "" for t in p.iter(T))
        out.append(line)
        total += len(line) + 1
        if total > limit:
            break
    return "\n".join(out)


def _block_children(el):
    """Paragraphs and tables of a body or cell, looking through content controls."""
    for child in el:
        if child.tag in (P, TBL):
            yield child
        elif child.tag in (SDT, SDT_CONTENT, _w("customXml")):
            yield from _block_children(child)


def _is_decoration(text: str) -> bool:
    return bool(DECORATION.match(text))


class _Builder:
    def __init__(self, path: Path, document) -> None:
        self.path = path
        self.document = document
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.body_paragraphs = 0  # paragraphs of substance seen so far (decides what a "header" table is)
        self.numbering = ListNumbering(document)
        # A Word 97 draft typed in .VnTime or VNI-Times reads "Céng hßa x· héi" until converted;
        # the font is decided once for the whole document, as for a .txt (pipeline.readers.encoding).
        self.font = legacy.detect(_text_sample(document.element.body))
        if self.font:
            self.warnings.append(f"văn bản gõ bằng phông chữ cũ {self.font}, đã chuyển sang Unicode")

    def build(self) -> RawDocument:
        body = self.document.element.body
        for child in _block_children(body):
            if child.tag == P:
                self._paragraph(child)
            else:
                self._table(child)
        notes = self._footnotes()
        self._check_note_refs(notes)
        self.blocks.extend(notes)
        return RawDocument(
            source=str(self.path),
            format="docx",
            blocks=tuple(self.blocks),
            pages=self._pages(),
            metadata=self._metadata(),
            warnings=tuple(self.warnings),
        )

    # -- body ------------------------------------------------------------------------

    def _numbered(self, p) -> tuple[str, tuple[NoteRef, ...]]:
        """The paragraph's text with its automatic list label put back in front ("1. ...", "- ...")."""
        text, notes = _paragraph_text(p, self.font)
        label = self.numbering.label(p) if text else None
        if not label:
            return text, notes
        shift = len(label) + 1
        return f"{label} {text}", tuple(NoteRef(n.offset + shift, n.note_id) for n in notes)

    def _paragraph(self, p) -> None:
        text, notes = self._numbered(p)
        if not text or _is_decoration(text):
            return
        self.blocks.append(Block(BlockKind.PARAGRAPH, text=text, notes=notes))
        if len(text) >= 30:
            self.body_paragraphs += 1

    def _table(self, tbl) -> None:
        grid = self._grid(tbl)
        if not grid:
            return
        ncols = max(len(r) for r in grid)
        # a header table comes before any paragraph of substance, a signature table after some
        site = TableSite(before_body=self.body_paragraphs == 0, after_body=self.body_paragraphs > 0)
        kind = classify_table(_cell_texts(grid), site)
        if kind is TableKind.ADDRESSEE:
            # "Kính gửi:" | "- Sở A;\n- Sở B." laid out as a borderless table: it reads as lines of text
            for row in grid:
                for cell in row:
                    for text, notes in cell:
                        for line, line_notes in _split_lines(text, notes):
                            if line:
                                self.blocks.append(Block(BlockKind.PARAGRAPH, text=line, notes=line_notes))
        elif kind is TableKind.DATA:
            self._data_table(grid, ncols)
        else:
            left, right = (
                (Region.HEADER_LEFT, Region.HEADER_RIGHT)
                if kind is TableKind.HEADER
                else (Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT)
            )
            self._layout_table(grid, ncols, left, right)

    def _layout_table(self, grid, ncols: int, left: Region, right: Region) -> None:
        # Left column blocks first, then right: the two columns are read one after the other.
        # A middle column (rare three-column headers) goes with the side it is closer to.
        sides: dict[Region, list[Block]] = {left: [], right: []}
        for row in grid:
            for col, cell in enumerate(row):
                region = left if col < ncols / 2 or col == 0 else right
                for text, notes in cell:
                    # a cell typed with Shift+Enter holds its lines in one paragraph: one line each
                    for line, line_notes in _split_lines(text, notes):
                        if line and not _is_decoration(line):
                            sides[region].append(Block(BlockKind.PARAGRAPH, text=line, region=region, notes=line_notes))
        self.blocks.extend(sides[left])
        self.blocks.extend(sides[right])

    def _data_table(self, grid, ncols: int) -> None:
        rows = [(*cells, *[""] * (ncols - len(cells))) for cells in _cell_texts(grid)]
        dropped_marks = sum(len(n) for row in grid for cell in row for _, n in cell)
        if dropped_marks:
            # Block.notes has no way to say which cell a mark was in; the footnote text is kept.
            self.warnings.append(f"{dropped_marks} dấu chú thích trong bảng bị bỏ")
        self.blocks.append(Block(BlockKind.TABLE, rows=tuple(rows)))

    def _grid(self, tbl) -> list[list[list[tuple[str, tuple[NoteRef, ...]]]]]:
        """Rows of grid cells; each cell is a list of (paragraph text, notes).

        A cell spanning several grid columns (gridSpan) keeps its text in the first and
        leaves the others empty; a vertically merged continuation (vMerge without
        "restart") is empty, the text staying in the row where the merge starts. So each
        row has one entry per grid column and columns keep their meaning.
        """
        ncols = len(tbl.findall(f"{_w('tblGrid')}/{_w('gridCol')}"))
        grid = []
        for tr in _rows(tbl):
            row: list[list[tuple[str, tuple[NoteRef, ...]]]] = []
            trpr = tr.find(_w("trPr"))
            row.extend([] for _ in range(_int_val(trpr, "gridBefore")))
            for tc in _cells(tr):
                tcpr = tc.find(_w("tcPr"))
                span = max(1, _int_val(tcpr, "gridSpan") or 1)
                vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                continued = vmerge is not None and vmerge.get(VAL, "continue") != "restart"
                row.append([] if continued else self._cell(tc))
                row.extend([] for _ in range(span - 1))
            row.extend([] for _ in range(_int_val(trpr, "gridAfter")))
            grid.append(row)
        width = max([ncols, *(len(r) for r in grid)]) if grid else 0
        for row in grid:
            row.extend([] for _ in range(width - len(row)))
        # drop rows with no text at all (spacing rows in layout tables)
        return [row for row in grid if any(t for cell in row for t, _ in cell)] or []

    def _cell(self, tc) -> list[tuple[str, tuple[NoteRef, ...]]]:
        out = []
        for child in _block_children(tc):
            if child.tag == P:
                out.append(self._numbered(child))
            else:  # a table nested in a cell: its rows become lines of the cell
                for row in self._grid(child):
                    texts = [" ".join(t for t, _ in cell if t) for cell in row]
                    out.append((" | ".join(t for t in texts if t), ()))
        return out

    # -- footnotes, pages, metadata -------------------------------------------------------

    def _footnotes(self) -> list[Block]:
        part = _related_part(self.document.part.rels, _RT_FOOTNOTES)
        if part is None:
            return []
        root = etree.fromstring(part.blob)
        blocks = []
        for note in root.iter(_w("footnote")):
            note_id = note.get(ID, "")
            # separator (-1) and continuation separator (0) are drawing rules, not notes
            if note.get(TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            if note_id in ("-1", "0"):
                continue
            texts = [_paragraph_text(p, self.font)[0] for p in _block_children(note) if p.tag == P]
            text = "\n".join(t for t in texts if t).strip()
            if text:
                blocks.append(Block(BlockKind.FOOTNOTE, text=text, note_id=note_id))
        return blocks

    def _check_note_refs(self, notes: list[Block]) -> None:
        known = {b.note_id for b in notes}
        missing = sorted({n.note_id for b in self.blocks for n in b.notes} - known)
        if missing:
            self.warnings.append(f"dấu chú thích không có nội dung: {', '.join(missing)}")

    def _pages(self) -> int:
        part = _related_part(self.document.part.package.rels, _RT_APP)
        if part is None:
            return 1
        try:
            root = etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            return 1
        for el in root:
            if isinstance(el.tag, str) and etree.QName(el).localname == "Pages":
                try:
                    return max(1, int((el.text or "").strip()))
                except ValueError:
                    return 1
        return 1

    def _metadata(self) -> dict[str, str]:
        meta: dict[str, str] = {"legacy_font": self.font} if self.font else {}
        try:
            props = self.document.core_properties
            title, author, created = props.title, props.author, props.created
        except (ValueError, KeyError, etree.XMLSyntaxError):
            return meta  # broken docProps/core.xml: the body is still worth reading
        if title and title.strip():
            meta["title"] = nfc(legacy.to_unicode(title.strip(), self.font) if self.font else title.strip())
        if author and author.strip():
            meta["author"] = nfc(author.strip())
        if created is not None:
            meta["created"] = created.isoformat()
        return meta


def _cell_texts(grid) -> list[list[str]]:
    """Each grid cell's text: its paragraphs joined by \\n, empty ones left out."""
    return [["\n".join(t for t, _ in cell if t) for cell in row] for row in grid]


def _rows(tbl):
    for child in tbl:
        if child.tag == TR:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, _w("customXml")):
            yield from _rows(child)


def _cells(tr):
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, _w("customXml")):
            yield from _cells(child)


def _int_val(props, tag: str) -> int:
    if props is None:
        return 0
    el = props.find(_w(tag))
    if el is None:
        return 0
    try:
        return int(el.get(VAL, "0"))
    except ValueError:
        return 0


def _related_part(rels, reltype: str):
    for rel in rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None
