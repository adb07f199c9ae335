"""Broken text layers for tests: a Vietnamese text as an English OCR or a wrongly mapped font gives it,
written as a PDF in Helvetica (WinAnsi), visible or invisible (render mode 3, as OCR layers are).

- ``fold``: the diacritics dropped ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do"), what
  an English OCR makes of the marks it does not know;
- ``tcvn3``: the TCVN3 (.VnTime) bytes read as Latin-1 ("Céng hßa x· héi"), convertible;
- ``garble``: the letters with a diacritic mapped to wrong code points, by a fixed table that no
  legacy font has (a font whose ToUnicode map is wrong), not convertible.
"""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

from pipeline.readers import legacy
from tests.pipeline._pdfmaker import Page, make_pdf

_ASCII_PUNCT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"})


def fold(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").translate(_ASCII_PUNCT)


def tcvn3(text: str) -> str:
    return legacy.from_unicode(text.translate(_ASCII_PUNCT), "TCVN3")


def garble(text: str) -> str:
    # every non-ASCII letter to one of Latin-1's letters and signs, by its code point
    wrong = "ÇßÜÑ·¸µ¶§¤¥þÞÐðæÆøØ¿¡"
    return "".join(
        c if c.isascii() else wrong[ord(c) % len(wrong)] for c in unicodedata.normalize("NFC", text)
    ).translate(_ASCII_PUNCT)


def write_pdf(path: Path, text: str, *, invisible: bool = False, annex: list[Page] | None = None) -> Path:
    """``text`` (Latin-1) laid out in lines of 11-point Helvetica, 50 lines a page; then ``annex``."""
    lines = [piece for line in text.splitlines() for piece in (textwrap.wrap(line, 95) or [""])]
    out = []
    for start in range(0, len(lines), 50):
        page = Page()
        for k, line in enumerate(lines[start : start + 50]):
            if line:
                page.text(70, 60 + 15 * k, line, 11)
        if invisible:
            page.ops = [op.replace("BT ", "BT 3 Tr ", 1) for op in page.ops]
        out.append(page)
    path.write_bytes(make_pdf(out + list(annex or [])))
    return path
