"""Hostile queries: what a careless or malicious user can type into ``search`` or ``ask``.

Each is ``(id, text)``. They are shared by the grammar's tests (pipeline.query), the index's and the
command line's, so that one table says what every layer must survive.
"""

from __future__ import annotations

import unicodedata

from corpus import SAMPLES_DIR

# A clerk pasting a whole page: the first 10 kB of a real plan, as typed text.
_PAGE = (SAMPLES_DIR / "minh-long-ha-tang-so.txt").read_text(encoding="utf-8")
PASTED_PAGE = _PAGE[: 10_000 // 2]  # Vietnamese is ~2 bytes a character in UTF-8
while len(PASTED_PAGE.encode()) < 10_000:
    PASTED_PAGE += _PAGE[len(PASTED_PAGE) : len(PASTED_PAGE) + 200]

HOSTILE: list[tuple[str, str]] = [
    ("10kB-pasted-page", PASTED_PAGE),
    ("10kB-one-token", "a" * 10_000),
    ("10kB-references", "4664/KH-UBND " * 770),
    ("1000-repeated-words", " ".join(["báo"] * 1000)),
    ("1000-repeated-phrase", " ".join(["báo cáo"] * 500)),
    ("5000-distinct-words", " ".join(f"tu{i}" for i in range(5000))),
    ("long-hyphenated-word", "-".join(f"x{i}" for i in range(2000))),
    ("long-reference-like", "1/" + "-".join(["KH"] * 3000)),
    ("unbalanced-quote", '"báo cáo'),
    ("odd-quotes", 'a"b"c"d'),
    ("only-quotes", '"""""'),
    ("curly-unclosed", "“wifi công cộng"),
    ("open-paren", "(báo cáo"),
    ("close-brackets", ")]}>"),
    ("open-bracket", "[wifi"),
    ("star", "*"),
    ("question", "?"),
    ("tilde", "~"),
    ("caret", "^"),
    ("wildcards", "bao* wi?i *cao"),
    ("fuzzy-boost", "wifi~2 báo^3 cáo~"),
    ("boolean-soup", "AND OR NOT AND ( OR NOT ) NOT NOT AND"),
    ("boolean-words", "wifi AND NOT cao OR báo"),
    ("field-kind", "kind:KH"),
    ("field-range", "title:[a TO b]"),
    ("field-soup", "subject:wifi body:* id:1 date:{20200101 TO *}"),
    ("lone-dot", "."),
    ("lone-dash", "-"),
    ("lone-slash", "/"),
    ("punctuation-run", "!@#$%^&*()_+-=[]{};':\",./<>?\\|`~"),
    ("empty", ""),
    ("blanks", " \t \n "),
    ("control-chars", "báo\x01\x02\x1b[31mcáo\x7f"),
    ("nul", "wifi\x00công cộng"),
    ("rtl-marks", "\u202ewifi\u202c \u200fcông\u200e cộng\u2067"),
    ("zero-width", "wi\u200bfi\ufeff"),
    ("emoji", "📄 wifi 🙂 👍🏽 :x:"),
    ("markup-in-query", "[/] [bold]wifi[/bold] :x:"),
    ("nfd", unicodedata.normalize("NFD", "báo cáo Đăk Hà")),
    ("lone-surrogate", "wifi \udcff\udc80"),  # what Python makes of argv bytes that are not UTF-8
    ("private-use", "\ue000\uf8ff wifi"),
]
