"""A file read as the documents it holds: ``read_parts(path) -> (RawDocument, ...)``.

``pipeline.readers.split`` finds where each document of a batch begins. A PDF's layout analysis
places the header and signature columns on a file's first page only (``pdflayout``): the second
letter of a batch comes out with its two header columns run together ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ
HỘI CHỦ NGHĨA TỈNH QUẢNG NGÃI VIỆT NAM"). So each part of a PDF is read again from its own pages,
copied into a PDF of their own, and is laid out as the document it is; its blocks keep the file's
page numbers.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from pipeline.document import RawDocument
from pipeline.readers import ReadLimits, read
from pipeline.readers.split import split


def read_parts(path: Path, limits: ReadLimits | None = None) -> tuple[RawDocument, ...]:
    """The documents the file at ``path`` holds, in order (one, most often)."""
    raw = read(path, limits)
    parts = split(raw)
    if len(parts) == 1 or raw.format != "pdf":
        return parts
    return tuple(_reread(path, part, limits) for part in parts)


def _reread(path: Path, part: RawDocument, limits: ReadLimits | None) -> RawDocument:
    first, last = (int(p) for p in part.metadata["pages"].split("-"))
    with tempfile.TemporaryDirectory(prefix="congvan-part-") as tmp:
        pages = Path(tmp) / "part.pdf"
        _copy_pages(path, pages, first, last)
        again = read(pages, limits)
    shifted = tuple(dataclasses.replace(b, page=b.page + first - 1) if b.page is not None else b for b in again.blocks)
    return dataclasses.replace(part, blocks=shifted, warnings=again.warnings or part.warnings)


def _copy_pages(source: Path, target: Path, first: int, last: int) -> None:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(src, list(range(first - 1, last)))
        out.save(str(target))
    finally:
        out.close()
        src.close()
