"""Decode the bytes of a text file: UTF-8, UTF-16 with BOM, Windows-1258; detect legacy Vietnamese fonts.

Old documents typed with the TCVN3 (ABC) or VNI fonts read as mojibake in any
Unicode decoder ("Céng hßa x· héi" / "Coäng hoøa xaõ hoäi"); ``pipeline.readers.legacy``
detects and converts them.
"""

from __future__ import annotations

import codecs

from pipeline.readers import legacy

# Bytes that never occur in a text document but do in binaries (NUL aside, which UTF-16
# without BOM produces: that case is recognised first, by where its NULs fall).
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


class NotText(ValueError):
    """The bytes are not a text document."""


def decode(data: bytes) -> tuple[str, str, str | None]:
    """Return (text, encoding, legacy_font) for the bytes of a .txt file.

    ``legacy_font`` is "TCVN3" or "VNI" when the text was typed in a legacy
    font and has been converted to Unicode, else None.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, enc = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, enc = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise NotText("văn bản UTF-16 hỏng") from e
    elif (enc16 := utf16_without_bom(data)) is not None:
        try:
            text, enc = data.decode(enc16), enc16
        except UnicodeDecodeError as e:
            raise NotText("văn bản UTF-16 hỏng") from e
    else:
        sample = data[:65536]
        bad = sum(1 for b in sample if b in _CONTROL)
        if bad > max(2, len(sample) // 1000):
            raise NotText("tệp nhị phân, không phải văn bản")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = data.decode("cp1258", errors="replace"), "cp1258"
    if _looks_binary(text):
        raise NotText("tệp nhị phân, không phải văn bản")
    font = legacy.detect(text)
    if font:
        text = legacy.to_unicode(text, font)
    return text, enc, font


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark, else None.

    Vietnamese text is mostly ASCII letters, spaces and Latin-1 vowels (U+0000-U+00FF), whose
    high byte is NUL: in UTF-16-LE every other byte, at odd offsets, is NUL and almost none at
    even ones (UTF-16-BE the other way round). Binaries put their NULs anywhere; UTF-32 puts them
    at both; 8-bit text has none.
    """
    sample = data[: 65536 & ~1]
    if len(data) % 2 or len(sample) < 4:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.01 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.01 * half:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    # A few U+FFFD are normal (footnote marks lost in export); a binary is full of them.
    return odd > 50 and odd / len(sample) > 0.05
