"""Write small PDFs for tests: positioned Helvetica text, ruling lines, optional RC4 encryption.

No PDF-writing library is installed, and the reader's layout rules are best tested
on pages whose geometry the test controls. Text is WinAnsi (ASCII here): Vietnamese
markers are written without diacritics ("CONG HOA XA HOI ...", "Noi nhan:"), which
the reader's diacritic-insensitive matching accepts.

Coordinates are PDF points from the top-left corner: ``y`` is the baseline.
Encryption follows the standard security handler, revision 2 (RC4, 40-bit key),
ISO 32000-1 §7.6.3, algorithms 2-4.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

WIDTH, HEIGHT = 595.0, 842.0

# Helvetica advance widths (1/1000 em) for ASCII 32..126, from the standard AFM.
_HELVETICA = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]  # fmt: skip

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def text_width(text: str, size: float) -> float:
    return sum(_HELVETICA[ord(c) - 32] if 32 <= ord(c) < 127 else 556 for c in text) * size / 1000


@dataclass
class Page:
    ops: list[str] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, size: float = 12, width: float | None = None) -> float:
        """Draw text, baseline at y; with ``width``, stretch word spacing to fill it. Returns the end x."""
        spacing = 0.0
        if width is not None and text.count(" "):
            spacing = (width - text_width(text, size)) / text.count(" ")
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        self.ops.append(f"BT /F1 {size:g} Tf {spacing:.3f} Tw 1 0 0 1 {x:.2f} {HEIGHT - y:.2f} Tm ({escaped}) Tj ET")
        return x + text_width(text, size) + spacing * text.count(" ")

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.5) -> None:
        self.ops.append(f"{width:g} w {x0:.2f} {HEIGHT - y0:.2f} m {x1:.2f} {HEIGHT - y1:.2f} l S")

    def rect(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A cell grid's borders drawn as separate lines, the way office suites export tables."""
        self.line(x0, y0, x1, y0)
        self.line(x0, y1, x1, y1)
        self.line(x0, y0, x0, y1)
        self.line(x1, y0, x1, y1)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PAD)[:32]


def make_pdf(pages: list[Page], *, info: dict[str, str] | None = None, user_password: str | None = None) -> bytes:
    """Serialise pages into a complete PDF (with xref table); encrypt it when a user password is given."""
    file_id = hashlib.md5(b"congvan-test").digest()
    n_pages = len(pages)
    page_ids = [4 + 2 * k for k in range(n_pages)]
    objects: dict[int, bytes | tuple[bytes, bytes]] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids) + b"] /Count %d >>" % n_pages,
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for k, page in enumerate(pages):
        pid = page_ids[k]
        objects[pid] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (WIDTH, HEIGHT, pid + 1)
        )
        objects[pid + 1] = (b"", "\n".join(page.ops).encode("latin-1"))  # a stream: (dict extras, data)

    key = None
    trailer_extra = b""
    next_id = 4 + 2 * n_pages
    if info:
        body = b" ".join(b"/%s (%s)" % (k.encode(), v.encode("latin-1")) for k, v in info.items())
        objects[next_id] = b"<< " + body + b" >>"
        trailer_extra += b" /Info %d 0 R" % next_id
        next_id += 1
    if user_password is not None:
        permissions = -4
        owner_key = hashlib.md5(_padded("owner-" + user_password)).digest()[:5]
        o_value = _rc4(owner_key, _padded(user_password))
        key = hashlib.md5(
            _padded(user_password) + o_value + permissions.to_bytes(4, "little", signed=True) + file_id
        ).digest()[:5]
        u_value = _rc4(key, _PAD)
        objects[next_id] = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            o_value.hex().encode(),
            u_value.hex().encode(),
            permissions,
        )
        trailer_extra += b" /Encrypt %d 0 R" % next_id
        next_id += 1

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for oid in sorted(objects):
        offsets[oid] = len(out)
        value = objects[oid]
        if isinstance(value, tuple):
            data = value[1]
            if key is not None:
                data = _rc4(hashlib.md5(key + oid.to_bytes(3, "little") + b"\0\0").digest()[:10], data)
            out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (oid, len(data)) + data + b"\nendstream\nendobj\n"
        else:
            if key is not None and info and oid == 4 + 2 * n_pages:  # the Info dictionary's strings
                value = _encrypt_info(key, oid, info)
            out += b"%d 0 obj\n" % oid + value + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for oid in range(1, size):
        out += b"%010d 00000 n \n" % offsets[oid]
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (
        size,
        file_id.hex().encode(),
        file_id.hex().encode(),
    )
    out += trailer_extra + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _encrypt_info(key: bytes, oid: int, info: dict[str, str]) -> bytes:
    object_key = hashlib.md5(key + oid.to_bytes(3, "little") + b"\0\0").digest()[:10]
    body = b" ".join(
        b"/%s <%s>" % (k.encode(), _rc4(object_key, v.encode("latin-1")).hex().encode()) for k, v in info.items()
    )
    return b"<< " + body + b" >>"
