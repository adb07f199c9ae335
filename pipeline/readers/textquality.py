"""Is a text layer readable Vietnamese? A verdict over a document's words, with its reason.

A PDF can carry a text layer that is no text: a scanner's English OCR of a Vietnamese page
("CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tw do - Hanh phic", "nhiém vu": diacritics
lost or wrong), or a font whose glyphs map to the wrong code points ("Çéng hßa x· héi", "Coäng
hoøa"). Read as it is, such a layer gives a document of garbage; sent through OCR, it gives the
document. Vietnamese running text is syllables, and the measures here say whether it is there:

- the share of words shaped like one Vietnamese syllable (onset + rhyme, any tone:
  ``pipeline.readers.spacing.is_syllable``; "nhiem" and "hei" are not, "nhiệm" and "hội" are);
- among those syllables, the share carrying a diacritic (a tone or ă â ê ô ơ ư đ): about 85-90%
  in real prose, none in an ASCII text layer, 12-18% in tesseract's English OCR of a công văn,
  which keeps the few Latin-1 letters it knows ("dé", "Céng");
- the share of broken words: letters that are not ASCII yet make no Vietnamese syllable ("héi",
  "chñ", "nghÜa"), or letters glued to symbols and private-use glyphs ("x·", "th¸ng").

Only clear cases are condemned, because a digital document sent to OCR loses its exact text: a
layer is unreadable when its words are mostly Vietnamese syllables with almost no diacritics
(Vietnamese without its marks), or when a large share of them are broken. English (an annex, a
foreign partner's letter: few words are syllables), tables of numbers and pages of codes (no
words at all) and short texts (under ``MIN_WORDS`` words: too little to judge) pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.readers.spacing import is_syllable

# Too little to judge: a short giấy mời has some 150 words, 100 of them distinct; a page header
# repeated on every page ("CONG HOA XA HOI CHU NGHIA VIET NAM - trang") is many words, few distinct.
MIN_WORDS = 120
MIN_DISTINCT = 60
SYLLABLE_SHARE = 0.6  # Vietnamese prose 0.93-0.98, English OCR of it 0.73-0.77, English prose ~0.25
MARKED_SHARE = 0.35  # Vietnamese prose 0.87-0.90, English OCR of it 0.12-0.18, ASCII 0
BROKEN_SHARE = 0.25  # Vietnamese prose under 0.03; TCVN3 or VNI bytes read as Latin-1 0.4-0.7

# Stripped around a word: "(Sở", "hành;", "“Bình".
_EDGES = "\"'()[]{}<>«»“”‘’.,;:!?…-–—/\\|*•+=_#%&@~^`"
# What a broken layer glues into words: symbols and marks pdfium gives for glyphs with a wrong
# or missing code ("x·", "th¸ng", "§éc", U+FFFD, private use, control characters); not ° ² ³ ¹,
# which real text glues to letters ("25°C", "m²").
_JUNK = re.compile(r"[\u00a1-\u00af\u00b1\u00b4-\u00b8\u00ba-\u00bf\u00d7\u00f7\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class Verdict:
    """Whether a text layer reads as Vietnamese; ``reason`` (Vietnamese) says why not."""

    readable: bool
    reason: str | None
    words: int  # words weighed: letters-only words and broken tokens
    distinct: int  # of them, distinct (case aside)
    syllable_share: float
    marked_share: float
    broken_share: float


def judge(tokens: Iterable[str]) -> Verdict:
    """The verdict on a document's running text, given as its whitespace-separated tokens."""
    words = syllables = marked = broken = 0
    seen: set[str] = set()
    for token in tokens:
        core = token.strip(_EDGES)
        if not core:
            continue
        if not core.isascii():
            core = unicodedata.normalize("NFC", core)  # "ộ" as o + two marks is no letter to isalpha
        if core.isalpha():
            words += 1
            seen.add(core.lower())
            if is_syllable(core):
                syllables += 1
                marked += not core.isascii()
            elif not core.isascii():
                broken += 1  # "héi", "nghÜa": letters no Vietnamese syllable is made of
        elif _JUNK.search(core) and any(c.isalpha() for c in core):
            words += 1
            broken += 1
            seen.add(core.lower())
    syllable_share = syllables / words if words else 0.0
    marked_share = marked / syllables if syllables else 0.0
    broken_share = broken / words if words else 0.0
    reason = None
    if words >= MIN_WORDS and len(seen) >= MIN_DISTINCT:
        if syllable_share >= SYLLABLE_SHARE and marked_share < MARKED_SHARE:
            reason = f"chỉ {marked_share:.0%} âm tiết có dấu"
        elif broken_share >= BROKEN_SHARE:
            reason = f"{broken_share:.0%} từ không đọc được"
    return Verdict(reason is None, reason, words, len(seen), syllable_share, marked_share, broken_share)
