"""Just enough of the OLE2 compound file format ([MS-CFB]) to tell what a .doc holds, before LibreOffice.

A Word 97-2003 .doc is a small file system inside one file: 512-byte (or 4096-byte) sectors, a
FAT chaining them, and a directory naming the streams. What the clerk must be told before a
conversion is tried lives in two places: the stream names (``WordDocument`` is a Word document,
``Workbook`` an Excel sheet renamed .doc, ``EncryptedPackage`` a password-protected .docx) and
the first bytes of ``WordDocument``, its File Information Block, whose flags say whether the
document is encrypted with a password ([MS-DOC] 2.5.2, fEncrypted and fObfuscated).

LibreOffice opens a file of random bytes after the OLE magic as plain text and a password-protected
.doc not at all, saying nothing (exit 0, no output): so the structure is checked here, and a
stream whose sectors run past the end of the file is a truncated download, refused as such.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEADER = 512
_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_MAX_REGULAR = 0xFFFFFFFA  # sector numbers above this are markers, not sectors
_DIR_ENTRY = 128
_STREAM = 2  # a directory entry's object type: 1 storage, 2 stream, 5 root
_WORD_IDENT = 0xA5EC  # the FIB's wIdent: "this stream is a Word binary document"
_F_ENCRYPTED, _F_OBFUSCATED = 0x0100, 0x8000  # FibBase flags at offset 0x0A


class OleError(ValueError):
    """The compound file's structure is broken; the message is the clerk's reason, in Vietnamese."""


@dataclass(frozen=True)
class OleSummary:
    """What a compound file holds: its stream names, and for a Word document whether it is locked."""

    streams: frozenset[str]
    word: bool  # a WordDocument stream with a valid File Information Block
    encrypted: bool  # the FIB says password-protected (encrypted or XOR-obfuscated)


def summarize(data: bytes) -> OleSummary:
    """Read the header, FAT and directory of ``data`` (a whole .doc); raise OleError when broken."""
    if not data.startswith(MAGIC) or len(data) < _HEADER:
        raise OleError("không phải tệp OLE")
    (sector_shift,) = struct.unpack_from("<H", data, 0x1E)
    if sector_shift not in (9, 12):  # 512-byte sectors (version 3) or 4096 (version 4)
        raise OleError("phần đầu tệp OLE sai (kích thước sector)")
    size = 1 << sector_shift
    fat = _fat(data, size)
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    directory = _chain_bytes(data, fat, first_dir, size, "thư mục")
    streams: dict[str, tuple[int, int]] = {}
    for off in range(0, len(directory) - _DIR_ENTRY + 1, _DIR_ENTRY):
        name_len, kind = struct.unpack_from("<HB", directory, off + 0x40)
        if kind != _STREAM or not 2 <= name_len <= 64:
            continue
        name = directory[off : off + name_len - 2].decode("utf-16-le", errors="replace")
        start, length = struct.unpack_from("<IQ", directory, off + 0x74)
        streams[name] = (start, length)
    word, encrypted = False, False
    if "WordDocument" in streams:
        start, length = streams["WordDocument"]
        # WordDocument is never under the 4096-byte mini stream cutoff (its FIB alone is ~1 KB
        # plus the text): it lives in regular sectors, whose chain must lie inside the file.
        stream = _chain_bytes(data, fat, start, size, "WordDocument")
        if length > len(stream) or length < 0x20:
            raise OleError("tệp bị cắt cụt (dòng WordDocument ngắn hơn kích thước khai báo)")
        (ident,) = struct.unpack_from("<H", stream, 0)
        (flags,) = struct.unpack_from("<H", stream, 0x0A)
        word = ident == _WORD_IDENT
        encrypted = word and bool(flags & (_F_ENCRYPTED | _F_OBFUSCATED))
    return OleSummary(frozenset(streams), word, encrypted)


def _sector(data: bytes, n: int, size: int) -> bytes:
    start = (n + 1) * size  # sector 0 follows the header, which fills one sector
    if n > _MAX_REGULAR or start + size > len(data):
        raise OleError("tệp bị cắt cụt hoặc hỏng (sector nằm ngoài tệp)")
    return data[start : start + size]


def _fat(data: bytes, size: int) -> list[int]:
    """The FAT: the header's 109 DIFAT entries, then the DIFAT chain for large files."""
    (n_fat,) = struct.unpack_from("<I", data, 0x2C)
    difat_next, n_difat = struct.unpack_from("<II", data, 0x44)
    locations = [n for n in struct.unpack_from("<109I", data, 0x4C) if n <= _MAX_REGULAR]
    per_sector = size // 4
    seen = 0
    while difat_next <= _MAX_REGULAR and seen <= n_difat:
        entries = struct.unpack(f"<{per_sector}I", _sector(data, difat_next, size))
        locations += [n for n in entries[:-1] if n <= _MAX_REGULAR]
        difat_next, seen = entries[-1], seen + 1
    if not locations or len(locations) < min(n_fat, 109):
        raise OleError("bảng FAT của tệp OLE thiếu hoặc hỏng")
    fat: list[int] = []
    for n in locations[:n_fat]:
        fat += struct.unpack(f"<{per_sector}I", _sector(data, n, size))
    return fat


def _chain_bytes(data: bytes, fat: list[int], start: int, size: int, what: str) -> bytes:
    """The sectors of one chain, joined; a loop or a sector past the file's end is an OleError."""
    out: list[bytes] = []
    n, limit = start, len(data) // size + 1
    while n != _END_OF_CHAIN:
        if n == _FREE or n >= len(fat) or len(out) > limit:
            raise OleError(f"chuỗi sector của {what} bị hỏng hoặc bị cắt cụt")
        out.append(_sector(data, n, size))
        n = fat[n]
    return b"".join(out)
