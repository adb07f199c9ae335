"""Text normalisation shared by every reader: NFC first, then whitespace and artefacts."""

from __future__ import annotations

import re
import unicodedata

# Characters that show up in exported official documents and carry no meaning.
_INVISIBLE: dict[int, str | None] = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_INVISIBLE[0xA0] = " "  # no-break spaces from Word ("V/v\u00a0đề xuất") are plain spaces to us
# Bullets drawn in the Symbol and Wingdings fonts arrive as private-use code points: a bullet.
for _pua in (0xF0B7, 0xF0A7, 0xF0D8, 0xF0FC, 0xF076, 0xF0A8, 0xF06E, 0xF071, 0xF0E0):
    _INVISIBLE[_pua] = "•"
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f]+")


def nfc(text: str) -> str:
    """Unicode NFC, with the zero-width and soft-hyphen characters dropped.

    Windows keyboards (Unikey in some modes) produce decomposed Vietnamese; every
    comparison downstream assumes composed text.
    """
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def squash_spaces(text: str) -> str:
    """Collapse runs of spaces and tabs (not newlines) into one space and trim each line."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def fold(text: str) -> str:
    """Lowercase and strip diacritics, đ→d: the key used for matching and search."""
    text = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")
