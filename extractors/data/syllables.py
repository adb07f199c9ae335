"""The shape of a Vietnamese syllable: onset + nucleus + coda, tone marks aside.

Used to tell a fragment left by OCR ("ỦY B AN NHÂN D Â N", "thực hiệ n") from a word: a fragment is
no syllable ("B", "DÂ", "hiệ"), and joined to its neighbour it becomes one ("BAN", "DÂN", "hiện").
Written lowercase, without tone marks; vowel qualities (â ă ê ô ơ ư) are kept.
"""

from __future__ import annotations

ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
# Nuclei, with the glides that end an open syllable ("ai", "iêu", "ươi").
NUCLEI = frozenset(
    [
        "a",
        "ă",
        "â",
        "e",
        "ê",
        "i",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "y",
        "ai",
        "ao",
        "au",
        "âu",
        "ay",
        "ây",
        "eo",
        "êu",
        "ia",
        "iê",
        "iu",
        "oa",
        "oă",
        "oe",
        "oi",
        "ôi",
        "ơi",
        "oo",
        "ua",
        "uâ",
        "uê",
        "ui",
        "uô",
        "uơ",
        "ưa",
        "ưi",
        "ươ",
        "ưu",
        "uy",
        "ya",
        "yê",
        "iêu",
        "oai",
        "oay",
        "oao",
        "oeo",
        "uôi",
        "ươi",
        "ươu",
        "uya",
        "uyê",
        "uyu",
        "yêu",
        "uây",
    ]
)
# Nuclei that never end a syllable: "dâ", "hiê", "muô" are fragments, "dân", "hiện", "muốn" words.
NEEDS_CODA = frozenset(["ă", "â", "iê", "yê", "uô", "ươ", "uâ", "oă", "uyê"])
