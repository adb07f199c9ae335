"""PDF reader: words and ruling lines from the text layer, then layout analysis.

Characters, their boxes and font sizes, and the page's ruling lines come from
pypdfium2. pdfplumber's own page parsing (pdfminer) would give the same data about
forty times slower than pdfium extracts plain text, so it is not used to parse
pages; its table finder (the "lines" strategy: edges -> intersections -> cells ->
tables) is used as is, fed with the edges pdfium found.

Everything about reading order, header and signature columns, footnotes and
paragraphs lives in ``pipeline.readers.pdflayout``, which only sees words.
"""

from __future__ import annotations

import ctypes
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pipeline.document import RawDocument
from pipeline.errors import LimitExceeded, NeedsOCR, ReadError
from pipeline.readers import ReadLimits, one_line
from pipeline.readers.pdfink import draws_rule
from pipeline.readers.pdflayout import layout
from pipeline.readers.pdfquality import vet_text_layer
from pipeline.readers.pdfstamps import strip_stamps
from pipeline.readers.pdfwidgets import field_words, open_forms
from pipeline.readers.pdfwords import PageData, TableGrid, Word
from pipeline.readers.signatures import read_signatures, unreadable
from pipeline.text import nfc

_MIN_RULE = 3.0  # points: shorter strokes are dots, not ruling lines
_THIN = 2.5  # points: a path this thin is a line, whatever way it was drawn


class PdfReader:
    suffixes = (".pdf",)

    def __init__(self, raster_rules: bool = False) -> None:
        # True for a page that is a picture with a text layer (what OCR makes of a scan): its table
        # borders are pixels, not paths (pipeline.readers.rasterrules)
        self.raster_rules = raster_rules

    def read(self, path: Path, limits: ReadLimits | None = None, *, check_text_layer: bool = True) -> RawDocument:
        """The PDF as a RawDocument; NeedsOCR for a scan or an unreadable text layer, unless not
        ``check_text_layer`` (the OCR step reading the PDF it has just made)."""
        path = Path(path)
        limits = limits or ReadLimits()
        pdf = _open(path)
        try:
            open_forms(pdf)  # before any page is loaded: registration fields (số, ngày) are form fields
            # Refused, not cut short: a document read up to page N would be stored and searched as
            # if it were whole, and its obligations after page N silently missing.
            if len(pdf) > limits.max_pages:
                raise LimitExceeded(
                    path,
                    f"PDF có {len(pdf)} trang, vượt quá giới hạn {limits.max_pages} trang",
                )
            pages = [_page_data(path, pdf, i, limits, self.raster_rules) for i in range(len(pdf))]
            metadata = _metadata(pdf)
        except ReadError:
            raise
        except Exception as e:  # pdfium raising mid-document: the file is damaged past the header
            raise ReadError(path, f"PDF bị hỏng ({_pdfium_reason(e)})") from e
        finally:
            pdf.close()
        stamps = strip_stamps(pages)  # a signing stamp is not the document, nor text that makes a scan digital
        signatures = read_signatures(path, limits.trust_roots)
        if check_text_layer and (not any(p.words for p in pages) or _looks_scanned(pages)):
            raise unreadable(path, signatures)
        try:
            font = vet_text_layer(path, pages, strict=check_text_layer)
        except NeedsOCR as e:  # a garbage layer: OCR'd like a scan, its signatures kept with it
            raise NeedsOCR(path, e.reason, signatures) from e
        for p in pages:
            p.words += p.fields
        blocks, warnings = layout(pages)
        if font:
            metadata["legacy_font"] = font
            warnings.append(f"legacy font {font} converted to Unicode")
        return RawDocument(
            source=str(path),
            format="pdf",
            blocks=tuple(blocks),
            pages=len(pages),
            metadata={**metadata, **stamps},
            warnings=tuple(warnings),
            signatures=signatures,
        )


# pdfium's error codes (FPDF_ERR_*), which it words in English ("Data format error").
_PDFIUM_REASONS = {
    1: "lỗi không rõ của pdfium",
    2: "không truy cập được tệp",
    3: "sai định dạng dữ liệu",
    4: "sai mật khẩu",
    5: "cách bảo mật không hỗ trợ",
    6: "không tìm thấy trang hoặc nội dung trang hỏng",
}


def _pdfium_reason(e: Exception) -> str:
    code = getattr(e, "err_code", None)
    if code in _PDFIUM_REASONS:
        return _PDFIUM_REASONS[code]
    return f"{type(e).__name__}: {one_line(e)}"  # not pdfium's: a library's own words, as they are


def _open(path: Path):
    import pypdfium2 as pdfium

    with open(path, "rb") as f:
        head = f.read(1024)
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 2048))
        tail = f.read()
    if b"%PDF-" not in head:
        if head.startswith(b"PK\x03\x04"):
            raise ReadError(path, "không phải PDF (là tệp zip/.docx)")
        raise ReadError(path, "không phải tệp PDF (thiếu phần đầu %PDF)")
    # pdfium repairs a broken cross-reference table silently and would hand back the
    # pages it could salvage: a download cut short must be reported, not half-read.
    if b"%%EOF" not in tail:
        raise ReadError(path, "PDF bị cắt cụt (thiếu dấu kết thúc %%EOF)")
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        message = str(e)
        if "password" in message.lower():
            raise ReadError(path, "PDF được mã hóa (cần mật khẩu)") from e
        if "security" in message.lower():
            raise ReadError(path, "PDF được mã hóa theo cách không hỗ trợ") from e
        raise ReadError(path, f"PDF bị hỏng ({_pdfium_reason(e)})") from e


def _page_data(path: Path, pdf, index: int, limits: ReadLimits, raster_rules: bool = False) -> PageData:
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        objects = raw.FPDFPage_CountObjects(page.raw)
        if objects > limits.max_page_objects:  # each costs time in pdfium's text pass and in _paths
            raise LimitExceeded(
                path,
                f"trang {index + 1} của PDF có {objects} đối tượng, vượt quá giới hạn {limits.max_page_objects}",
            )
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            chars = raw.FPDFText_CountChars(textpage.raw)
            if chars > limits.max_page_chars:
                raise LimitExceeded(
                    path,
                    f"trang {index + 1} của PDF có {chars} ký tự, vượt quá giới hạn {limits.max_page_chars}",
                )
            words = _words(textpage, height)
            fields = field_words(pdf, page, height, words)
        finally:
            textpage.close()
        h_edges, v_edges, images = _paths(page, height)
        if raster_rules and images:
            from pipeline.readers.rasterrules import raster_edges

            drawn_h, drawn_v = raster_edges(page, width, height)
            h_edges, v_edges = h_edges + drawn_h, v_edges + drawn_v
    finally:
        page.close()
    tables = _tables(h_edges, v_edges, width, height)
    rules = [(x0, x1, y) for x0, x1, y in h_edges if not any(t.contains(x0, y) for t in tables)]
    return PageData(
        number=index + 1,
        width=width,
        height=height,
        words=words,
        rules=rules,
        tables=tables,
        images=images,
        fields=fields,
    )


_RUN = re.compile(r"[^\s\x00-\x1f\ufffe]+[\x02\ufffe]?|[\x02\ufffe]")


def _words(textpage, height: float) -> list[Word]:
    """The page's words, from pdfium's text with a box per run of non-space characters.

    pdfium already separates words with spaces (real or generated from gaps) and lines
    with "\r\n", so asking for the box of each character would cost most of the time
    for nothing: a run's first and last characters give its extent. Only a run whose
    ends differ in font size (a superscript footnote mark glued to the word before it,
    "phường¹") is looked at character by character and split where the size changes.
    A hyphen pdfium reports as a line-end hyphen (U+FFFE) ends a run: the text goes on
    at the start of the next line.
    """
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    text = textpage.get_text_range()
    textpage = textpage.raw  # the bare handle: the wrapper costs a property lookup per call
    if len(text) != count:  # surrogate pairs: fall back to one code point per index
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 32) for i in range(count))
    normal = nfc(text) == text  # usually true: then words need no normalising one by one
    rect = raw.FS_RECTF()
    prect = ctypes.byref(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pox, poy = ctypes.byref(ox), ctypes.byref(oy)
    get_box, get_size, get_origin = (
        raw.FPDFText_GetLooseCharBox,
        raw.FPDFText_GetFontSize,
        raw.FPDFText_GetCharOrigin,
    )

    words: list[Word] = []
    append = words.append
    prev_end = -1
    prev: Word | None = None
    for m in _RUN.finditer(text):
        start, end = m.span()
        between = text[prev_end:start] if prev_end >= 0 else " "
        prev_end = end
        size = get_size(textpage, start) or 1.0
        pieces = ((start, end, size),)
        if end - start > 1:
            size1 = get_size(textpage, end - 1) or 1.0
            if abs(size - size1) > 0.15 * max(size, size1):
                pieces = _split_by_size(textpage, get_size, start, end)
        for a, b, size in pieces:
            get_box(textpage, a, prect)
            x0, x1, top = rect.left, rect.right, height - rect.top
            if b - 1 != a:
                get_box(textpage, b - 1, prect)
                x1 = rect.right
            get_origin(textpage, a, pox, poy)
            base = height - oy.value
            # a real space separates words; pdfium's "\r\n" does not always mean a new line
            # (it also follows a raised footnote mark), so the position decides there
            space = (
                " " in between
                or prev is None
                or abs(base - prev.base) > 0.5 * size
                or x0 - prev.x1 > 0.15 * size
                or x0 < prev.x0
            )
            chunk = text[a:b]
            if chunk[-1] in "\ufffe\x02":
                chunk = chunk[:-1] + "-"
            prev = Word(chunk if normal else nfc(chunk), x0, x1, top, base, size, space)
            append(prev)
            between = ""
    return words


def _split_by_size(textpage, get_size, start: int, end: int) -> list[tuple[int, int, float]]:
    pieces: list[tuple[int, int, float]] = []
    a, size = start, get_size(textpage, start) or 1.0
    for i in range(start + 1, end):
        s = get_size(textpage, i) or 1.0
        if abs(s - size) > 0.15 * max(s, size):
            pieces.append((a, i, size))
            a, size = i, s
    pieces.append((a, end, size))
    return pieces


def _paths(page, height: float):
    """Horizontal and vertical ruling lines of the page, and whether it has images."""
    import pypdfium2.raw as raw

    h_edges: list[tuple[float, float, float]] = []
    v_edges: list[tuple[float, float, float]] = []
    images = 0
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for k in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, k)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(obj, *refs):
            continue
        x0, x1 = left.value, right.value
        y0, y1 = height - top.value, height - bottom.value
        w, h = x1 - x0, y1 - y0
        line = (h <= _THIN and w >= _MIN_RULE) or (w <= _THIN and h >= _MIN_RULE)
        if not (line or raw.FPDFPath_CountSegments(obj) <= 6) or not draws_rule(obj, w, h):
            continue  # a curve, a glyph outline, or a background (paragraph shading): no border
        if h <= _THIN and w >= _MIN_RULE:
            h_edges.append((x0, x1, (y0 + y1) / 2))
        elif w <= _THIN and h >= _MIN_RULE:
            v_edges.append(((x0 + x1) / 2, y0, y1))
        else:
            # a rectangle drawn as one path (cell borders, boxes): its four sides
            h_edges += [(x0, x1, y0), (x0, x1, y1)]
            v_edges += [(x0, y0, y1), (x1, y0, y1)]
    return h_edges, v_edges, images


class _EdgePage:
    """The two attributes pdfplumber's TableFinder reads from a page, filled from pdfium."""

    def __init__(self, edges: list[dict], width: float, height: float) -> None:
        self.edges = edges
        self.bbox = (0, 0, width, height)


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "doctop": top,
        "orientation": orientation,
        "object_type": "line",
    }


def _tables(h_edges, v_edges, width: float, height: float) -> list[TableGrid]:
    if len(h_edges) < 2 or len(v_edges) < 2:
        return []  # no grid possible: skip the finder entirely (most pages)
    from pdfplumber.table import TableFinder

    edges = [_edge(x0, y, x1, y, "h") for x0, x1, y in h_edges]
    edges += [_edge(x, y0, x, y1, "v") for x, y0, y1 in v_edges]
    finder = TableFinder(
        _EdgePage(edges, width, height), {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
    )
    grids = []
    for table in finder.tables:
        rows = [list(row.cells) for row in table.rows]
        if len(rows) >= 1 and max(len(r) for r in rows) >= 2:
            grids.append(TableGrid(bbox=table.bbox, rows=rows))
    return grids


def _looks_scanned(pages: list[PageData]) -> bool:
    """A scan with a stray text object (a stamp, a page number): every page nearly empty, images present."""
    return all(sum(len(w.text) for w in p.words) < 20 for p in pages) and any(p.images for p in pages)


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?)?")


def _metadata(pdf) -> dict[str, str]:
    try:
        raw_meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:  # metadata is a nicety; a damaged Info dictionary must not stop reading
        return {}
    meta: dict[str, str] = {}
    for src, dst in (("Title", "title"), ("Author", "author")):
        value = (raw_meta.get(src) or "").strip()
        if value:
            meta[dst] = nfc(value)
    created = (raw_meta.get("CreationDate") or "").strip()
    if created:
        meta["created"] = _iso_date(created)
    return meta


def _iso_date(value: str) -> str:
    """PDF date "D:20261121230528Z'" (ISO 32000 §7.9.4) as ISO 8601; anything unparsable as it is."""
    m = _PDF_DATE.match(value)
    if not m:
        return value
    groups = m.groups()
    parts = [int(p) if p else d for p, d in zip(groups[:6], (0, 1, 1, 0, 0, 0), strict=True)]
    sign, tz_h, tz_m = groups[6:]
    tz = None
    if sign:
        offset = timedelta(hours=int(tz_h or 0), minutes=int(tz_m or 0))
        tz = timezone(-offset if sign == "-" else offset)
    try:
        return datetime(*parts, tzinfo=tz).isoformat()
    except ValueError:
        return value
