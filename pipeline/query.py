"""What a clerk types into a search, read by a small grammar of our own: words, "quoted phrases" and
document references ("4664/KH-UBND"). Nothing else is syntax: AND/OR/NOT, ``field:value``, ``*``,
``?``, ``~``, ``^`` and brackets are just characters, and a word without a letter or digit in it
("-", "...", "[/]") is dropped.

A query is bounded before any engine sees it: at most :data:`MAX_QUERY_CHARS` characters, at most
:data:`MAX_QUERY_TERMS` distinct terms, at most :data:`MAX_PHRASE_WORDS` words in one phrase; what
lies beyond is left out and :attr:`ParsedQuery.notice` says so in Vietnamese. Parsing never raises:
any string (control characters, NUL, bidi marks, emoji, 10 kB of text) gives a ParsedQuery, perhaps
an empty one.

The grammar:

* ``"quoted words"`` (straight or curly quotes) are a phrase; an unclosed quote runs to the end;
* a run that looks like a reference (a number, then "/" somewhere, and letters: "4664/KH-UBND",
  "02-KH/BCĐTW", "4664 / kh-ubnd") is a reference, inside quotes or not;
* anything else splits on white space into words; a word made of several tokens ("KH&CN",
  "25/12/2024", "e-mail") is matched by the engine as a phrase of its tokens.

A token is a run of word characters (:data:`TOKEN`) in the NFC text, as the index tokenises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.text import nfc

# Bounds on what one query may ask of the engine. A clerk's query is a few words or a pasted trích
# yếu; each term is a handful of Whoosh clauses, and a compound query of thousands of them recurses
# past Python's stack.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 24
MAX_PHRASE_WORDS = 16
# A name given as a filter or an answer's argument (an issuer, a unit, an action, a reference).
MAX_NAME_CHARS = 200

# One token, as the index's tokenizer cuts the text (index.analysis builds its pattern from this).
TOKEN = r"\w+"
_TOKEN = re.compile(TOKEN)

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‟": '"'})
# A number, then parts joined by "/" (spaces allowed around it: "4664 / KH-UBND") or "-".
_REF_LIKE = re.compile(r"(?<![\w/.&-])\d+(?:\.\d+)?(?:(?:\s*/\s*|-)[\w&]+)+")
_LETTER = re.compile(r"[^\W\d_]")
_SPACE = re.compile(r"\s+")


def looks_like_reference(text: str) -> bool:
    """A number, a "/" and letters: "4664/KH-UBND", "02-KH/BCĐTW" — not "25/12/2024"."""
    compact = _SPACE.sub("", text)
    return bool(_REF_LIKE.fullmatch(compact)) and "/" in compact and bool(_LETTER.search(compact))


def tokens(text: str) -> list[str]:
    """The tokens of ``text`` as the index cuts them (case and diacritics kept)."""
    return _TOKEN.findall(nfc(text))


def _is_noise(ch: str) -> bool:
    # Controls (NUL, ESC...), format characters (bidi marks, zero-width joiners), surrogates,
    # unassigned and private-use code points carry no word: they become spaces.
    return unicodedata.category(ch)[0] == "C"


def clean(text: object, max_chars: int = MAX_QUERY_CHARS) -> tuple[str, int]:
    """``(text, characters left out)``: NFC, invisible and control characters turned into spaces,
    cut to ``max_chars`` at a space when there is one. Anything not a string counts as empty."""
    if not isinstance(text, str):
        return "", 0
    dropped = 0
    if len(text) > 4 * max_chars:  # NFC of a huge string costs; it only ever shortens by little
        dropped, text = len(text) - 4 * max_chars, text[: 4 * max_chars]
    text = "".join(" " if _is_noise(ch) else ch for ch in nfc(text))
    if len(text) > max_chars:
        cut = text.rfind(" ", max_chars // 2, max_chars + 1)
        cut = cut if cut > 0 else max_chars
        dropped, text = dropped + len(text) - cut, text[:cut]
    return text, dropped


def bounded_name(text: str | None) -> str | None:
    """A name typed as a filter (``--unit``, ``--action``, ``--issuer``, a reference), cleaned like a
    query and cut to :data:`MAX_NAME_CHARS`; ``None`` stays ``None``. No name is that long, and the
    rules that read names (unit keys, abbreviations) need not be fast on pages of text."""
    return None if text is None else clean(text, MAX_NAME_CHARS)[0]


def clip(text: str, width: int = 80) -> str:
    """One line of at most ``width`` characters, "…" when cut: a query or question echoed back."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


@dataclass(frozen=True)
class ParsedQuery:
    """The terms of a query, each one string: a word, a phrase, a reference, in the order typed."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    text: str = ""  # the query as kept (cleaned, cut)
    dropped_chars: int = 0
    dropped_terms: int = 0
    dropped_words: int = 0  # words cut from phrases over MAX_PHRASE_WORDS

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.references)

    @property
    def terms(self) -> int:
        return len(self.words) + len(self.phrases) + len(self.references)

    @property
    def notice(self) -> str | None:
        """One Vietnamese line saying what was left out, or None when nothing was."""
        parts = []
        if self.dropped_chars:
            parts.append(f"chỉ dùng {MAX_QUERY_CHARS} ký tự đầu (bỏ {self.dropped_chars} ký tự)")
        if self.dropped_terms:
            parts.append(f"chỉ dùng {MAX_QUERY_TERMS} từ đầu (bỏ {self.dropped_terms} từ)")
        if self.dropped_words:
            parts.append(f"mỗi cụm từ chỉ dùng {MAX_PHRASE_WORDS} từ đầu")
        return "câu tìm dài quá: " + "; ".join(parts) if parts else None


class _Terms:
    """Collects terms in order, distinct by their folded tokens, up to MAX_QUERY_TERMS."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, tuple[str, ...]]] = set()
        self.kept: list[tuple[str, str]] = []
        self.dropped = 0
        self.cut_words = 0

    def add(self, kind: str, text: str) -> None:
        toks = tokens(text)
        if not toks:
            return  # punctuation only: nothing to search for
        if len(toks) > MAX_PHRASE_WORDS:
            self.cut_words += len(toks) - MAX_PHRASE_WORDS
            toks = toks[:MAX_PHRASE_WORDS]
            text = " ".join(toks)
        k = (kind, tuple(t.lower() for t in toks))
        if k in self.seen:
            return
        if len(self.kept) >= MAX_QUERY_TERMS:
            self.dropped += 1
            return
        self.seen.add(k)
        self.kept.append((kind, text))


def _split_unquoted(part: str, out: _Terms) -> None:
    last = 0
    for m in _REF_LIKE.finditer(part):
        if looks_like_reference(m.group(0)):
            for w in part[last : m.start()].split():
                out.add("word", w)
            out.add("reference", m.group(0))
            last = m.end()
    for w in part[last:].split():
        out.add("word", w)


def parse_query(text: object) -> ParsedQuery:
    """Read a query; never raises (see the module's docstring for the grammar and the bounds)."""
    kept, dropped_chars = clean(text)
    out = _Terms()
    for i, part in enumerate(kept.translate(_QUOTES).split('"')):
        if i % 2:  # inside quotes (an unclosed quote's text included)
            if part.strip():
                out.add("reference" if looks_like_reference(part) else "phrase", part.strip())
        else:
            _split_unquoted(part, out)
    by_kind: dict[str, list[str]] = {"word": [], "phrase": [], "reference": []}
    for kind, term in out.kept:
        by_kind[kind].append(term)
    return ParsedQuery(
        words=tuple(by_kind["word"]),
        phrases=tuple(by_kind["phrase"]),
        references=tuple(by_kind["reference"]),
        text=kept,
        dropped_chars=dropped_chars,
        dropped_terms=out.dropped,
        dropped_words=out.cut_words,
    )
