"""The last look at a PDF's text layer before layout: legacy fonts converted, then judged readable.

A PDF printed from a .doc typed in .VnTime or VNI-Times, its font embedded without a Unicode map,
gives pdfium the font's bytes as Latin-1 letters: "Céng hßa x· héi chñ nghÜa" is TCVN3 for "Cộng
hòa xã hội chủ nghĩa". Such a layer is converted (``pipeline.readers.legacy``, as for a .txt) and
then judged as converted. What stays unreadable after that (an English OCR layer, glyphs mapped to
wrong code points) is a scan as far as a clerk is concerned: ``NeedsOCR``, never a document of
garbage (``pipeline.readers.textquality`` says when).
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import NeedsOCR
from pipeline.readers import legacy
from pipeline.readers.pdfwords import PageData
from pipeline.readers.spacing import is_syllable
from pipeline.readers.textquality import judge

REASON = (
    "lớp văn bản của PDF không phải tiếng Việt đọc được ({detail}: có thể là lớp OCR tiếng Anh"
    " hoặc phông chữ sai mã), cần OCR"
)


def vet_text_layer(path: Path, pages: list[PageData], strict: bool = True) -> str | None:
    """Convert a legacy-font layer in place and return its font ("TCVN3", "VNI"), or None.

    Raises NeedsOCR when the layer, converted or not, is no readable Vietnamese, unless not
    ``strict`` (a layer OCR has just made is what there is to read).
    """
    words = [w for p in pages for w in p.words]
    texts = [w.text for w in words]
    font = legacy.detect(" ".join(texts))
    if font:
        converted = [_unicode(t, font) for t in texts]
        if judge(converted).readable:
            for w, t in zip(words, converted, strict=True):
                w.text = t
            return font
        # A false alarm: tesseract's English OCR ("Céng", "dé") looks like TCVN3 to the detector;
        # the layer is judged as it is.
    verdict = judge(texts)
    if strict and not verdict.readable:
        raise NeedsOCR(path, REASON.format(detail=verdict.reason))
    return None


# TCVN3 keeps "ư" at byte 0xAD, the soft hyphen, and pdfium gives every soft hyphen as "-": "Lưu"
# comes out "L-u", "được" "®-îc". A hyphen glued to letters is put back as "ư" where that makes one
# syllable ("L-u" -> "Lưu", "-u" -> "ưu"); a real hyphen joins words that stay apart ("KH-UBND").
_GLUED_HYPHEN = re.compile(r"[^\W\d_]*-[^\W\d_]*")


def _unicode(text: str, font: str) -> str:
    text = legacy.to_unicode(text, font)
    if font != "TCVN3" or "-" not in text:
        return text

    def mend(m: re.Match[str]) -> str:
        word = m.group()
        mended = word.replace("-", "ư")
        return mended if len(word) > 1 and is_syllable(mended) else word

    return _GLUED_HYPHEN.sub(mend, text)
