"""Decode the bytes of a text file: UTF-8, UTF-16 with BOM, Windows-1258; detect legacy Vietnamese fonts.

Old documents typed with the TCVN3 (ABC) or VNI fonts read as mojibake in any
Unicode decoder ("Céng hßa x· héi" / "Coäng hoøa xaõ hoäi"); ``pipeline.readers.legacy``
detects and converts them.
"""

from __future__ import annotations

import codecs

from pipeline.readers import legacy

# Bytes that never occur in a text document but do in binaries (NUL aside, which
# UTF-16 without BOM would produce; that case is rejected too: we cannot tell it
# from a binary with confidence, and Word always writes the BOM).
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
            raise NotText("UTF-16 hỏng / broken UTF-16 text") from e
    else:
        sample = data[:65536]
        bad = sum(1 for b in sample if b in _CONTROL)
        if bad > max(2, len(sample) // 1000):
            raise NotText("tệp nhị phân, không phải văn bản / binary file, not text")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = data.decode("cp1258", errors="replace"), "cp1258"
    if _looks_binary(text):
        raise NotText("tệp nhị phân, không phải văn bản / binary file, not text")
    font = legacy.detect(text)
    if font:
        text = legacy.to_unicode(text, font)
    return text, enc, font


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    odd = sum(1 for c in sample if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f"))
    # A few U+FFFD are normal (footnote marks lost in export); a binary is full of them.
    return odd > 50 and odd / len(sample) > 0.05
