"""Số and ký hiệu: how documents are numbered and cited.

State documents (Nghị định 30/2020/NĐ-CP): ``4664/KH-UBND``, ``1260/UBND-KGVX``,
legal documents with a year ``22/2013/QĐ-TTg``, ``37/2021/QH15``, ``24/TTg``.
Party documents (Hướng dẫn 36-HD/VPTW): ``02-KH/BCĐTW``, ``13-NQ/TU``.
A draft or unregistered copy leaves the number blank: ``Số: /KH-UBND``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.data.kinds import kind_of_symbol

# One part of a ký hiệu: starts with a capital (or "&"), may hold digits, "&", and a few
# lowercase letters as in "TTg", "CTr", "QĐi". Typed and crawled text puts stray spaces around the
# hyphen ("QĐ- UBND", "3210/QĐ - UBND", "71/NQ -CP"): a spaced hyphen still joins the first part
# to a code in capitals after it (not "12/UBND-VP - UBND huyện", a list going on).
_PART = r"[A-ZĐÂĂÊÔƠƯ][A-Za-zĐđÂĂÊÔƠƯâăêôơư0-9&]*"
_CODE = r"[A-ZĐÂĂÊÔƠƯ&][A-ZĐÂĂÊÔƠƯ0-9&]+(?![a-zđâăêôơư])"
_SYMBOL = rf"{_PART}(?:\s-\s?(?={_CODE}){_PART})?(?:(?:-\s?|/)(?:{_PART}|\d+[A-Z]*))*"
# The number, with the letter an office adds to a number it reuses ("1249a/UBND-KT").
_NUMBER = r"\d{1,6}(?:\.\d{1,3}|[a-z](?=\s?/))?"

# number [/year] / symbol   (state)     e.g. 22/2013/QĐ-TTg, 4664/KH-UBND, 66.4/2025/NQ-CP
STATE_REF = re.compile(rf"(?<![\w/.\-])(?P<num>{_NUMBER})(?:/(?P<year>(?:19|20)\d\d))?\s?/(?P<sym>{_SYMBOL})(?![\w&])")
# number - kind / issuer  (party)      e.g. 02-KH/BCĐTW, 13-NQ/TU, 10-CTr/TU
PARTY_REF = re.compile(rf"(?<![\w/.\-])(?P<num>\d{{1,5}})\s?-\s?(?P<sym>{_PART}/{_PART}(?:-{_PART})*)(?![\w&])")
# In the header the number may be blank: "Số:     /UBND-KGVX", "Số: -KH/TU"
HEADER_NUMBER = re.compile(
    rf"\bSố\s*:?\s*(?P<num>{_NUMBER})?\s*(?P<year>/(?:19|20)\d\d)?\s*(?P<sep>[/-])\s*(?P<sym>{_SYMBOL})",
)


@dataclass(frozen=True)
class Reference:
    number: str | None
    symbol: str
    party: bool = False
    year: str | None = None

    @property
    def text(self) -> str:
        """How the document is cited: ``4664/KH-UBND``, ``13-NQ/TU``, ``/KH-UBND``."""
        num = self.number or ""
        if self.party:
            return f"{num}-{self.symbol}"
        year = f"/{self.year}" if self.year else ""
        return f"{num}{year}/{self.symbol}"

    @property
    def kind(self) -> str | None:
        return kind_of_symbol(self.symbol)


def clean_symbol(sym: str) -> str:
    return re.sub(r"\s*-\s*", "-", sym).strip("-/")


def key(ref: str) -> str:
    """Comparison key: spacing and case do not matter ("4664/kh-ubnd" == "4664 / KH-UBND")."""
    return re.sub(r"\s+", "", ref).upper().replace("Ð", "Đ")


def parse_header_number(line: str) -> tuple[Reference, tuple[int, int]] | None:
    m = HEADER_NUMBER.search(line)
    if not m:
        return None
    sym = clean_symbol(m["sym"])
    party = m["sep"] == "-" and "/" in sym
    year = m["year"].strip("/") if m["year"] else None
    return Reference(m["num"], sym, party=party, year=year), (m.start(), m.end())


def find_references(text: str):
    """Yield (start, end, Reference) for every numbered reference in ``text``."""
    taken: list[tuple[int, int]] = []
    for m in PARTY_REF.finditer(text):
        taken.append((m.start(), m.end()))
        yield m.start(), m.end(), Reference(m["num"], clean_symbol(m["sym"]), party=True)
    for m in STATE_REF.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        yield m.start(), m.end(), Reference(m["num"], clean_symbol(m["sym"]), year=m["year"])
