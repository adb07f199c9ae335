"""Word 97-2003 .doc, .rtf and OpenDocument .odt: converted to .docx by LibreOffice, read as a .docx.

Offices still receive drafts saved by Word 97 (header and signature block as tables, text in
.VnTime), RTF exports of old systems and LibreOffice's own .odt. LibreOffice headless turns each
into a .docx that keeps the tables, and the DocxReader reads that like any .docx (its layout
tables, footnotes, list numbers, legacy TCVN3/VNI text, and its read limits). The RawDocument
then names the original: ``format`` is "doc", "rtf" or "odt", ``source`` the file received.

Each conversion has a private folder (the input copied in, LibreOffice's own profile, the output)
removed afterwards: two conversions at once (two inbox workers, the tests) never share a profile,
which LibreOffice locks. It runs in its own process group, killed whole when over its time.

What the suffix says is checked against the first bytes: a .docx or a PDF renamed .doc is read
by its own reader, an RTF or a web page saved as ".doc" (as Word offers) is converted as what it
is (``format`` "rtf", "html"), and anything else is refused before LibreOffice sees it
(LibreOffice opens almost anything as plain text).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

from pipeline.document import RawDocument
from pipeline.errors import ReadError, TimeLimitExceeded
from pipeline.readers import ReadLimits, mb, ole, one_line, registry

# What LibreOffice is called on Debian (libreoffice-writer-nogui) and elsewhere.
SOFFICE_COMMANDS = ("soffice", "libreoffice")
ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
_ZIP_MAGIC = b"PK\x03\x04"
_RTF_MAGIC = b"{\\rtf"
_UTF8_BOM = b"\xef\xbb\xbf"
_MANIFEST_BYTES = 1024 * 1024  # an .odt's manifest lists its parts: a few KB
# Kinds of OLE file a clerk may get with a .doc name, by the stream that gives them away.
_OLE_OTHERS = {
    "EncryptedPackage": "tệp Word .docx được mã hóa bằng mật khẩu",
    "Workbook": "tệp Excel (.xls) mang đuôi tài liệu Word",
    "Book": "tệp Excel (.xls) mang đuôi tài liệu Word",
    "PowerPoint Document": "tệp PowerPoint (.ppt) mang đuôi tài liệu Word",
}


class OfficeReader:
    suffixes = (".doc", ".rtf", ".odt")

    def read(self, path: Path, limits: ReadLimits | None = None) -> RawDocument:
        path = Path(path)
        limits = limits or ReadLimits()
        kind = sniff(path)
        if kind in ("docx", "pdf"):  # a file renamed: its own reader, which names its real format
            return registry()[f".{kind}"]().read(path, limits)
        return convert_and_read(path, kind, limits)


def sniff(path: Path) -> str:
    """What the file really is by its first bytes: "doc", "rtf", "odt", "html", "docx" or "pdf"; else ReadError."""
    claimed = path.suffix.lower()
    with open(path, "rb") as f:
        head = f.read(1024)
    if head.startswith(ole.MAGIC):
        _check_ole(path, claimed)
        return "doc"
    if head.removeprefix(_UTF8_BOM).startswith(_RTF_MAGIC):
        return "rtf"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path, claimed)
    if _is_html(head):
        return "html"
    raise ReadError(path, f"nội dung không phải tệp {claimed} (không phải Word, RTF hay OpenDocument)")


def _is_html(head: bytes) -> bool:
    """A web page: Word's "Save as Web Page" kept under a .doc name, as document systems still serve."""
    start = head.removeprefix(_UTF8_BOM).lstrip().lower()
    return start.startswith((b"<html", b"<!doctype html")) or (start.startswith(b"<?xml") and b"<html" in start)


def _check_ole(path: Path, claimed: str) -> None:
    """A Word 97 document, unlocked and whole; else the one reason the clerk needs."""
    # Word 97 format under another name (a .doc renamed .docx) is said so: the clerk sees the name
    what = f"tệp {claimed}" if claimed == ".doc" else f"tệp Word cũ (.doc, định dạng OLE) mang đuôi {claimed}"
    try:
        summary = ole.summarize(path.read_bytes())
    except ole.OleError as e:
        raise ReadError(path, f"{what} bị hỏng ({e})") from e
    if summary.encrypted:
        raise ReadError(path, f"{what} được mã hóa bằng mật khẩu")
    if not summary.word:
        other = next((why for name, why in _OLE_OTHERS.items() if name in summary.streams), None)
        raise ReadError(path, other or f"tệp OLE không chứa văn bản Word, không phải tệp {claimed}")


def _zip_kind(path: Path, claimed: str) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            # read a few bytes, never a whole part: the sizes a zip declares may lie (a zip bomb)
            mimetype = _head(zf, "mimetype", 100).decode("ascii", "replace").strip() if "mimetype" in names else ""
            manifest = _head(zf, "META-INF/manifest.xml", _MANIFEST_BYTES) if "META-INF/manifest.xml" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as e:
        raise ReadError(path, f"tệp {claimed} bị hỏng hoặc bị cắt cụt (tệp nén zip hỏng)") from e
    if "word/document.xml" in names:
        return "docx"
    if mimetype in ODT_MIMETYPES:
        # a password-protected .odt keeps its mimetype and manifest in the clear; the manifest
        # gives each encrypted part its <manifest:encryption-data>
        if b"encryption-data" in manifest:
            raise ReadError(path, f"tệp {claimed} được mã hóa bằng mật khẩu")
        return "odt"
    if mimetype:
        raise ReadError(path, f"tệp OpenDocument không phải văn bản ({mimetype}), không phải tệp {claimed}")
    raise ReadError(path, f"tệp nén zip không phải Word hay OpenDocument, không phải tệp {claimed}")


def _head(zf: zipfile.ZipFile, name: str, n: int) -> bytes:
    with zf.open(name) as f:
        return f.read(n)


def soffice() -> str | None:
    """The LibreOffice command on PATH, or None."""
    return next((found for name in SOFFICE_COMMANDS if (found := shutil.which(name))), None)


def convert_and_read(path: Path, kind: str, limits: ReadLimits) -> RawDocument:
    """Convert ``path`` (a ``kind`` file) to .docx in a private folder, read it, remove the folder."""
    from pipeline.readers.docx import DocxReader

    work = Path(tempfile.mkdtemp(prefix="congvan-office-"))
    try:
        docx = _convert(path, kind, work, limits)
        size = docx.stat().st_size
        if size > limits.max_bytes:  # the original was under the cap; what it became is checked too
            raise ReadError(path, f"tệp .docx chuyển từ tệp .{kind} quá lớn ({mb(size)})")
        try:
            raw = DocxReader().read(docx, limits)
        except ReadError as e:  # the reason is the converted file's; the clerk knows the original
            raise type(e)(path, f"tệp .{kind} sau khi chuyển sang .docx: {e.reason}") from e
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if not any(b.text.strip() or any(any(c.strip() for c in row) for row in b.rows) for b in raw.blocks):
        raise ReadError(path, "tệp không có nội dung")
    return dataclasses.replace(raw, source=str(path), format=kind)


def _convert(path: Path, kind: str, work: Path, limits: ReadLimits) -> Path:
    """Run LibreOffice on a copy of ``path`` in ``work``; the .docx it wrote, or ReadError."""
    failed = f"không chuyển được tệp .{kind} sang .docx"
    command = soffice()
    if command is None:
        raise ReadError(path, f"{failed}: không tìm thấy LibreOffice (lệnh soffice; gói libreoffice-writer-nogui)")
    # A copy under a plain name: the received name may hold spaces, a leading "-" or a second
    # suffix ("cv.2025.doc"), and the file may change in the inbox while LibreOffice reads it.
    source = work / f"input.{kind}"
    shutil.copyfile(path, source)
    out = work / "out"
    args = [
        command,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        # a web page opens in Writer/Web unless told otherwise, and Writer/Web cannot save a .docx
        *(["--infilter=HTML (StarWriter)"] if kind == "html" else []),
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    seconds = limits.convert_seconds
    try:
        proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=work,
            start_new_session=True,  # its own process group: soffice, oosplash and soffice.bin die together
        )
    except OSError as e:
        raise ReadError(path, f"{failed}: không chạy được LibreOffice ({one_line(e)})") from e
    try:
        code = proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        raise TimeLimitExceeded(path, f"{failed}: LibreOffice chạy quá {seconds:g} giây") from None
    finally:
        _kill_group(proc)
    result = out / "input.docx"
    if code != 0:
        raise ReadError(path, f"{failed}: LibreOffice dừng với mã lỗi {code}")
    if not result.is_file():  # LibreOffice says "source file could not be loaded" and exits 0
        raise ReadError(path, f"{failed}: LibreOffice không mở được tệp (tệp hỏng hoặc không đúng định dạng .{kind})")
    return result


def _kill_group(proc: subprocess.Popen) -> None:
    """End whatever is left of the conversion's process group (all of it, on a timeout)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)
