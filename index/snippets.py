"""Snippets: a few hundred characters of the stored text around the match, matched words in «».

Whoosh's highlighter does the marking. It re-analyzes the text with the field's own folding
analyzer, so the folded term "bao" of the query "bao cao" marks "báo" at its offsets in the
NFC text; the formatter turns fragments into one line of plain text for a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh import highlight
from whoosh import query as wq

from index.backend import MARK_CLOSE, MARK_OPEN
from pipeline.text import fold

# Whoosh's highlighter stops at 32k characters anyway; storing more would only grow the index.
SNIPPET_SOURCE_CHARS = 2**15
LEAD_CHARS = 160  # snippet when nothing in the text matched (a reference or issuer hit)
WINDOW_BEFORE, WINDOW_AFTER = 80, 320  # text handed to the highlighter around the first match


class PlainMarks(highlight.Formatter):
    """Plain text for a terminal: matches in «», whitespace runs (newlines) as one space."""

    between = " … "
    _space = re.compile(r"\s+")
    # Whoosh marks each token: "«báo» «cáo»", "«4664»/«KH»-«UBND»"; one mark per run reads better.
    _adjacent = re.compile(rf"{MARK_CLOSE}([\s/&.-]{{1,3}}){MARK_OPEN}")

    def _text(self, text: str) -> str:
        return self._space.sub(" ", text)

    def format_token(self, text, token, replace=False):
        return MARK_OPEN + self._text(highlight.get_text(text, token, replace)) + MARK_CLOSE

    def format_fragment(self, fragment, replace=False):
        return self._adjacent.sub(r"\1", super().format_fragment(fragment, replace))

    def format(self, fragments, replace=False):
        return super().format(fragments, replace).strip()


def highlighter() -> highlight.Highlighter:
    """Re-tokenising (not "pinpoint": that needs character offsets in the postings, a bigger
    index for what a few hundred characters of re-analysis give)."""
    fragmenter = highlight.ContextFragmenter(maxchars=200, surround=40, charlimit=SNIPPET_SOURCE_CHARS)
    return highlight.Highlighter(fragmenter=fragmenter, formatter=PlainMarks())


def lead(text: str) -> str:
    """The opening of the text on one line: the snippet when no word of the text matched."""
    text = " ".join(text.split())
    return text if len(text) <= LEAD_CHARS else text[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"


def _letter_variants() -> dict[str, str]:
    """Every Latin letter that folds to each base letter: "a" -> "aàáảãạăằ…ÀÁ…", "d" -> "dđĐD"."""
    variants: dict[str, set[str]] = {}
    for code in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = "d" if char in "ðÐ" else fold(char)  # as index.analysis.fold_token does
        if len(base) == 1 and base.isascii() and base.isalpha():
            variants.setdefault(base, set()).update((char, base))
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


_VARIANTS = _letter_variants()


def _accented(word: str) -> str:
    """Regex for a folded word in the unfolded text: "bao" finds "báo", "Bão", "BẢO"."""
    return "".join(f"[{_VARIANTS[c]}]" if c in _VARIANTS else re.escape(c) for c in word)


def _body_phrases(q) -> Iterator[list[str]]:
    if isinstance(q, wq.Phrase):
        if q.fieldname == "body":
            yield q.words
        return
    for child in q.children():
        yield from _body_phrases(child)


def locators(q) -> list[re.Pattern]:
    """Regexes for where the query matches the body, best first: its phrases, then any of its
    words. Empty when the query has no body terms (a listing by filters)."""
    if q is None:
        return []
    patterns = []
    phrases = {" ".join(words): words for words in _body_phrases(q)}
    if phrases:
        patterns.append("|".join(r"\W+".join(map(_accented, words)) for words in phrases.values()))
    words = sorted({text for field, text in q.iter_all_terms() if field == "body"}, key=len, reverse=True)
    if words:
        patterns.append("|".join(map(_accented, words)))
    return [re.compile(rf"(?<!\w)(?:{p})(?!\w)") for p in patterns]


def around_first_match(text: str, locators: list[re.Pattern]) -> str:
    """The stretch of ``text`` around the first place the query matches, cut at spaces.

    Whoosh's highlighter re-analyzes all the text it is given, token by token in Python: on
    the whole text that was most of a query's time on a small index. A regex search in C
    finds where to look; the highlighter then marks the words in a few hundred characters.
    """
    m = next(filter(None, (p.search(text) for p in locators)), None)
    if m is None:
        return ""
    start, end = max(0, m.start() - WINDOW_BEFORE), m.start() + WINDOW_AFTER
    if start:
        start = text.find(" ", start, m.start()) + 1 or start
    if end < len(text):
        cut = text.rfind(" ", m.end(), end)
        end = cut if cut > 0 else end
    return text[start:end]
