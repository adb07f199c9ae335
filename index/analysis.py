"""Vietnamese analyzers for Whoosh: one folds diacritics, one keeps them.

Both start with ``pipeline.text.nfc``: Word and web exports mix composed and decomposed
(NFD) Vietnamese, and ``\\w`` only matches a decomposed letter's base, not its combining
marks, so tokenising before NFC would cut "báo" into "ba" + "o".

* :func:`folding_analyzer` — what every query word is matched on: NFC, word tokens,
  lowercase, then :func:`pipeline.text.fold` (diacritics stripped, đ→d). "bao cao" finds
  "báo cáo", "Đăk" finds "dak".
* :func:`exact_analyzer` — a second copy of the text with diacritics kept (NFC +
  lowercase), so that a query typed with accents ranks "bản" above "bán"/"ban". Its only
  normalisation beyond lowercase is the tone-mark placement of "oa", "oe", "uy" ("hoà" and
  "hòa", "uỷ" and "ủy" are the same word written in two accepted styles).

Tokens are runs of word characters: one Vietnamese syllable, a number, or a Latin word.
"KH&CN" and "4664/KH-UBND" become several tokens; the search layer queries a multi-token
word as a phrase, and references have a field of their own. There are no stop words and no
minimum length: "y" (y tế) and "ý" (ý kiến) are words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import Analyzer, Filter, LowercaseFilter, Token, Tokenizer

from pipeline.query import TOKEN
from pipeline.text import fold, nfc

# Joins the values of a multi-valued text field (the units a document names, the issuer and
# its expanded form). The tokenizer leaves a gap in positions there, so a phrase never
# matches across two values: "Ia Chim; Sở Y tế" must not match the phrase "chim sở".
VALUE_SEPARATOR = "\x1e"
_POSITION_GAP = 100

_WORDS = re.compile(TOKEN + "|" + VALUE_SEPARATOR)


class VietnameseTokenizer(Tokenizer):
    """NFC, then runs of word characters; positions jump by a gap at :data:`VALUE_SEPARATOR`."""

    def __eq__(self, other: object) -> bool:
        return self.__class__ is other.__class__

    def __hash__(self) -> int:
        return hash(self.__class__)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs,
    ):
        # Character offsets are into the NFC text. The index stores its snippet source as
        # NFC, so offsets found by the highlighter line up with the stored text.
        value = nfc(value)
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in _WORDS.finditer(value):
            text = match.group(0)
            if text == VALUE_SEPARATOR:
                pos += _POSITION_GAP
                continue
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + match.start()
                t.endchar = start_char + match.end()
            pos += 1
            yield t


# The same few thousand syllables come back millions of times; folding through
# unicodedata each time would dominate indexing. Numbers and codes make the vocabulary
# open-ended, hence a bounded cache.
@lru_cache(maxsize=200_000)
def fold_token(text: str) -> str:
    """Folded form of one lowercase token: diacritics stripped, đ→d (ð, Icelandic eth, the
    lookalike some converters leave for Đ, too)."""
    return fold(text.replace("ð", "đ"))


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
# Open syllable ending in oa/oe/uy with the tone on the second vowel ("hoà", "khoẻ", "thuỷ"),
# in NFD. A circumflex or breve between the vowel and the tone ("thuế") keeps it from matching;
# after q the u is part of the consonant and "quý", "quà" have a single spelling.
_TONE_ON_SECOND = re.compile(rf"(?<!q)(o(?=[ae])|u(?=y))([aey])([{_TONES}])$")


@lru_cache(maxsize=200_000)
def exact_token(text: str) -> str:
    """Exact form of one lowercase token: diacritics kept, tone placed on the first vowel of a
    final oa/oe/uy ("hoà"→"hòa", "uỷ"→"ủy", "khoẻ"→"khỏe"), so both spelling styles match."""
    text = text.replace("ð", "đ")
    decomposed = unicodedata.normalize("NFD", text)
    moved = _TONE_ON_SECOND.sub(r"\1\3\2", decomposed)
    return text if moved == decomposed else unicodedata.normalize("NFC", moved)


class FoldFilter(Filter):
    """Diacritics stripped and đ→d (:func:`pipeline.text.fold`), after lowercasing."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold_token(t.text)
            yield t


class ToneStyleFilter(Filter):
    """One tone-mark placement for "oa", "oe", "uy" (see :func:`exact_token`)."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = exact_token(t.text)
            yield t


def folding_analyzer() -> Analyzer:
    """NFC → word tokens → lowercase → fold. For the searchable copies of every text field."""
    return VietnameseTokenizer() | LowercaseFilter() | FoldFilter()


def exact_analyzer() -> Analyzer:
    """NFC → word tokens → lowercase → one tone style. For the accent-preserving copies."""
    return VietnameseTokenizer() | LowercaseFilter() | ToneStyleFilter()


def terms(analyzer: Analyzer, text: str) -> list[str]:
    """The tokens ``analyzer`` makes of ``text`` in query mode (how queries are built)."""
    return [t.text for t in analyzer(text, mode="query")]


def has_diacritics(text: str) -> bool:
    """True when ``text`` carries a Vietnamese diacritic or đ (folding would change it)."""
    low = nfc(text).lower()
    return fold(low) != low
