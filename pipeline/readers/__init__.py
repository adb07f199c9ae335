"""Readers: ``read(path) -> RawDocument`` for each supported format.

Each reader is a small class with ``suffixes`` and ``read(path)``; ``read`` here
picks one by suffix (and by magic bytes where the suffix lies), enforces the
size limit, and turns library exceptions into ``ReadError`` naming the file.
The suffixes the readers declare are the one list of what the project reads:
``SUFFIXES`` (what ``ingest`` walks in a folder) is built from them.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.document import RawDocument
from pipeline.errors import LimitExceeded, ReadError, UnsupportedFormat, os_reason

MiB = 1024 * 1024
# A clerk's documents are kilobytes to a few megabytes; a scan of a long plan is
# tens of megabytes. Anything larger is almost surely not a document.
MAX_BYTES = 100 * MiB
# The text of the longest plan or law is well under a megabyte; 8 MiB of text is no document.
MAX_TEXT_BYTES = 8 * MiB
# A .docx's XML is a few MB; its images are what makes it large. python-docx holds every part in
# memory, so each part and their sum are capped, counted while inflating (a zip's header can lie).
MAX_PART_BYTES = 50 * MiB
MAX_UNZIPPED_BYTES = 200 * MiB
# An official document is a few pages, a plan with its annexes a few hundred.
MAX_PAGES = 2000
# A dense A4 page holds about 5,000 characters and a few thousand objects; a map or a chart tens
# of thousands. Far beyond that is no page a clerk reads, and pdfium's objects cost time each.
MAX_PAGE_OBJECTS = 200_000
MAX_PAGE_CHARS = 100_000
# LibreOffice turns a .doc, .rtf or .odt into a .docx in one to two seconds (most of it starting
# up with a fresh profile); a minute is a file it will never finish.
CONVERT_SECONDS = 60.0


@dataclass(frozen=True)
class ReadLimits:
    """The content bounds a file is read within (the edge's Settings fill them in)."""

    max_bytes: int = MAX_BYTES
    max_text_bytes: int = MAX_TEXT_BYTES
    max_part_bytes: int = MAX_PART_BYTES
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES
    max_pages: int = MAX_PAGES
    max_page_objects: int = MAX_PAGE_OBJECTS
    max_page_chars: int = MAX_PAGE_CHARS
    convert_seconds: float = CONVERT_SECONDS  # one LibreOffice conversion (office.py), its process group killed after
    # Not a bound: what a signed PDF's certificate chains are checked against (CONGVAN_TRUST_ROOTS,
    # files or folders of root certificates). None is bundled: empty, a chain is not verified.
    trust_roots: tuple[str, ...] = ()


class Reader(Protocol):
    suffixes: tuple[str, ...]

    def read(self, path: Path, limits: ReadLimits | None = None) -> RawDocument: ...


# The readers, imported on first use; they load their libraries (python-docx, pypdfium2,
# pdfplumber, LibreOffice) only when a file is read, so learning their suffixes costs little.
_READERS = (
    ("pipeline.readers.text", "TextReader"),
    ("pipeline.readers.docx", "DocxReader"),
    ("pipeline.readers.pdf", "PdfReader"),
    ("pipeline.readers.image", "ImageReader"),
    ("pipeline.readers.sheet", "SheetReader"),  # .xlsx: an annex sent as a spreadsheet
    ("pipeline.readers.office", "OfficeReader"),  # .doc, .rtf, .odt through LibreOffice and the DocxReader
    ("pipeline.readers.edxml", "EdxmlReader"),
)


@functools.cache
def registry() -> dict[str, type[Reader]]:
    """Suffix (lower case, with its dot) -> the reader class that declares it."""
    out: dict[str, type[Reader]] = {}
    for module, name in _READERS:
        cls = getattr(importlib.import_module(module), name)
        for suffix in cls.suffixes:
            if suffix in out:
                raise RuntimeError(f"{suffix} is declared by both {out[suffix].__name__} and {name}")
            out[suffix] = cls
    return out


def __getattr__(name: str):
    if name == "SUFFIXES":  # built on first use, like the registry it comes from
        return tuple(registry())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reader_for(path: Path) -> Reader:
    suffix = path.suffix.lower()
    readers = registry()
    if suffix not in readers:
        raise UnsupportedFormat(path, f"định dạng không hỗ trợ ({suffix or 'không có đuôi'})")
    return readers[suffix]()


def one_line(e: BaseException) -> str:
    """A library's exception message on one line and short enough for a ReadError's reason."""
    return " ".join(str(e).split())[:200]


def mb(n: int) -> str:
    """A byte count for a clerk: "50 MB" (rounded, at least 1 when not zero)."""
    return f"{max(1, round(n / MiB)) if n else 0} MB"


def read(path: str | Path, limits: ReadLimits | None = None) -> RawDocument:
    """Read one file into a RawDocument, or raise ReadError with a one-line reason."""
    path = Path(path)
    limits = limits or ReadLimits()
    try:
        size = path.stat().st_size
    except FileNotFoundError as e:
        raise ReadError(path, "không tìm thấy tệp") from e
    except OSError as e:
        raise ReadError(path, f"không truy cập được tệp: {os_reason(e)}") from e
    if path.is_dir():
        raise ReadError(path, "là thư mục, không phải tệp")
    if size == 0:
        raise ReadError(path, "tệp rỗng")
    if size > limits.max_bytes:
        raise LimitExceeded(path, f"tệp quá lớn ({size // MiB} MB > {limits.max_bytes // MiB} MB)")
    reader = reader_for(path)
    try:
        return reader.read(path, limits)
    except ReadError:
        raise
    except PermissionError as e:
        raise ReadError(path, "không có quyền đọc tệp") from e
    except Exception as e:  # a library failing on malformed input must not crash a batch
        raise ReadError(path, f"không đọc được tệp ({type(e).__name__}: {e})") from e
