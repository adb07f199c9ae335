"""Syllables split by OCR: "ỦY B AN NHÂN D Â N" → "ỦY BAN NHÂN DÂN", "thực hiệ n" → "thực hiện".

A scan's text layer (and a text copied from one) often breaks a syllable with a space. A piece that
is no Vietnamese syllable by itself ("B", "DÂ", "hiệ", "nh") is joined to its neighbour when the
two together make one; everything that is already a syllable, and everything that is not a word of
letters (numbers, "UBND", "V/v", "KH&CN", an English word), is left as it was. Only a single space
is closed: the wide gaps between a header's two columns carry the layout.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractors.data.kinds import TITLE_KINDS
from extractors.data.syllables import CODAS, NEEDS_CODA, NUCLEI, ONSETS

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_LETTERS = re.compile(r"^[^\W\d_]+$")
_TOKENS = re.compile(r"(\s+)")
_MAX_PIECES = 4  # "D Â N": a syllable is never split into more
# A kind's title alone on its line, split where both halves are syllables ("KẾ HO ẠCH"): known by
# its letters once the spaces are gone.
_TITLES_COMPACT = {re.sub(r"\s+", "", k.upper()): k.upper() for k in TITLE_KINDS}


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (letters only) is one Vietnamese syllable, whatever its tone and case."""
    bare = unicodedata.normalize(
        "NFC", "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in _TONES)
    )
    for onset in ONSETS:
        if not bare.startswith(onset):
            continue
        rest = bare[len(onset) :]
        for coda in CODAS:
            if coda and not rest.endswith(coda):
                continue
            nucleus = rest[: len(rest) - len(coda)]
            if nucleus in NUCLEI and (coda or nucleus not in NEEDS_CODA):
                return True
    return False


def _fragment(token: str) -> bool:
    return bool(_LETTERS.match(token)) and not is_syllable(token)


def _join_at(tokens: list[str], i: int) -> int:
    """Join the fragment at ``tokens[i]`` forward (then backward) into a syllable; the index reached."""
    for j in range(i + 2, min(len(tokens), i + 2 * _MAX_PIECES), 2):
        if tokens[j - 1] != " " or not _LETTERS.match(tokens[j]):
            break
        joined = "".join(tokens[i : j + 1 : 2])
        if is_syllable(joined):
            tokens[i : j + 1] = [joined]
            return i
    if i >= 2 and tokens[i - 1] == " " and _LETTERS.match(tokens[i - 2]):
        joined = tokens[i - 2] + tokens[i]
        if is_syllable(joined):
            tokens[i - 2 : i + 1] = [joined]
            return i - 2
    return i


def join_split_syllables(line: str) -> str:
    """``line`` with OCR-split syllables joined (see the module's docstring)."""
    compact = re.sub(r"\s+", "", line)
    if compact in _TITLES_COMPACT and " " in line.strip():
        return line[: len(line) - len(line.lstrip())] + _TITLES_COMPACT[compact]
    tokens = _TOKENS.split(line)
    if not any(_fragment(t) and len(t) <= 3 for t in tokens[::2]):
        return line  # the common case: nothing to mend
    i = 0
    while i < len(tokens):
        if _fragment(tokens[i]) and len(tokens[i]) <= 3:
            i = _join_at(tokens, i)
        i += 2
    return "".join(tokens)
