"""Small files that are expensive to read, written by the tests themselves.

Each maker writes a real file of the kind the red team dropped: a .docx whose XML inflates to
tens of megabytes, a .docx whose zip headers lie about the sizes, a PDF of thousands of pages, a
PDF page of a million text objects, a one-line text of ten megabytes.
"""

from __future__ import annotations

import struct
import threading
import time
import zipfile
import zlib
from pathlib import Path

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_PARAGRAPH = (
    "<w:p><w:r><w:t>Sở Tài chính chủ trì, phối hợp với các sở, ngành báo cáo kết quả trước ngày "
    "15/3/2025; Ủy ban nhân dân các huyện triển khai thực hiện.</w:t></w:r></w:p>"
)


def document_xml(size: int) -> bytes:
    """A Word body of paragraphs, ``size`` bytes or a little more."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
    tail = "</w:body></w:document>"
    para = _PARAGRAPH.encode()
    return head.encode() + para * (size // len(para) + 1) + tail.encode()


def xml_docx(path: Path, xml_bytes: int) -> Path:
    """A valid .docx whose word/document.xml is ``xml_bytes`` of paragraphs (deflated: a few hundred KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document_xml(xml_bytes))
    return path


def lying_docx(path: Path, inflated: int = 1024**3, claimed: int = 4096) -> Path:
    """A .docx whose word/document.xml inflates to ``inflated`` bytes while the central directory
    and the local header claim ``claimed`` (the CRC is that of the first ``claimed`` bytes, so
    zipfile's own checks pass on what it is told to read)."""
    body = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    head = document_xml(0)[: -len(b"</w:body></w:document>")]
    pad = b" " * (1024 * 1024)
    chunks = [body.compress(head)]
    written = len(head)
    while written < inflated:
        chunks.append(body.compress(pad))
        written += len(pad)
    chunks.append(body.flush())
    deflated = b"".join(chunks)
    crc = zlib.crc32((head + pad)[:claimed])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack_from("<L", data, end + 16)[0]
    entries, central = bytes(data[:cd_offset]), bytes(data[cd_offset:end])
    name = b"word/document.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(deflated), claimed, len(name), 0) + name
    offset = len(entries)
    record = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(deflated), claimed, len(name), 0, 0, 0, 0, 0,
        offset,
    ) + name  # fmt: skip
    new_cd = central + record
    cd_start = offset + len(local) + len(deflated)
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, len(new_cd), cd_start, 0)
    path.write_bytes(entries + local + deflated + new_cd + eocd)
    return path


def _pdf(objects: list[bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def pages_pdf(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` pages, each a line of text (one shared content stream)."""
    # 1 catalog, 2 pages tree, 3 font, 4 content, 5.. the pages
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        _FONT,
        _stream(b"BT /F1 12 Tf 72 770 Td (CONG HOA XA HOI CHU NGHIA VIET NAM - trang) Tj ET"),
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects += [page] * pages
    path.write_bytes(_pdf(objects, 1))
    return path


def text_objects_pdf(path: Path, count: int) -> Path:
    """One page of ``count`` text objects (each a BT ... ET with one glyph): a few hundred KB deflated."""
    content = b"".join(b"BT /F1 1 Tf %d %d Td (a) Tj ET\n" % (i % 500 + 20, i // 500 % 800 + 20) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        _FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        _stream(content),
    ]
    path.write_bytes(_pdf(objects, 1))
    return path


def one_line_text(path: Path, size: int) -> Path:
    """``size`` bytes of Vietnamese prose without a single line break."""
    sentence = "Sở Tài chính chủ trì, phối hợp báo cáo kết quả trước ngày 15/3/2025 về việc triển khai. ".encode()
    path.write_bytes((sentence * (size // len(sentence) + 1))[:size].rsplit(b" ", 1)[0])
    return path


# -- watching the processes that read them ----------------------------------------------------


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        except OSError:
            continue
        out += map(int, children)
        todo += map(int, children)
    return out


class PeakSampler(threading.Thread):
    """The highest resident memory (VmHWM) any process under ``pid`` reached, sampled every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.done = pid, 0.0, False

    def run(self) -> None:
        while not self.done:
            for child in descendants(self.pid):
                try:
                    for line in Path(f"/proc/{child}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_mb = max(self.peak_mb, int(line.split()[1]) / 1024)
                except OSError:
                    pass
            time.sleep(0.05)
