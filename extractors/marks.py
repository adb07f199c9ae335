"""Độ khẩn and độ mật of a document, read from its marks (vocabulary in extractors.data.marks).

Nghị định 30/2020 prints them in capitals, alone, under the số, ký hiệu ("KHẨN", "THƯỢNG KHẨN",
"HỎA TỐC"; "MẬT", "TỐI MẬT", "TUYỆT MẬT"), or a portal or an e-office export gives them as a
field ("Độ khẩn: Khẩn"). Only those count: "khẩn trương triển khai" or "bí mật nhà nước" in the
body is prose, not a mark, so a mark is a whole cell of a header line (a line of the top, laid
out in columns by tabs or runs of spaces), never a word inside a sentence. A field wins over a
header mark, and the stronger of two header marks wins (both are printed when the sender set one
and the export kept the other). Pure: text in, a frozen ``Marks`` out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from extractors.data.marks import (
    HEADER_ENDS,
    HEADER_LINES,
    HEADER_PROSE,
    SECRECY_FIELDS,
    SECRECY_MARKS,
    SECRECY_NONE_VALUES,
    URGENCY_FIELDS,
    URGENCY_MARKS,
    URGENCY_NORMAL_VALUES,
)
from pipeline.status import Secrecy, Urgency
from pipeline.text import fold

_CELLS = re.compile(r"\t+|\s{2,}|\|")
_TRIM = " *_#()[]{}<>\"'“”‘’:.-–—"
_FIELD = re.compile(r"^\W*(?P<label>[^\W\d][^:]{1,24}?)\s*:\s*(?P<value>[^\n]*)$")
_URGENCY_ORDER = list(Urgency)
_SECRECY_ORDER = list(Secrecy)


@dataclass(frozen=True)
class Marks:
    """What the document marks; ``urgency`` is NORMAL when it was read and carries no mark."""

    urgency: Urgency
    secrecy: Secrecy | None
    rule: str  # "header", "field" or "none": where the marks were read


def _header_lines(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if fold(stripped).lstrip(_TRIM).startswith(HEADER_ENDS) or len(stripped) > HEADER_PROSE:
            break
        out.append(line)
        if len(out) >= HEADER_LINES:
            break
    return out


def _cells(line: str) -> list[str]:
    return [c.strip(_TRIM) for c in _CELLS.split(line) if c.strip(_TRIM)]


def _mark(cell: str, vocabulary: Mapping[str, str]) -> str | None:
    """The mark a header cell is, if it is one: in capitals, nothing else in the cell."""
    if cell != cell.upper():
        return None
    return vocabulary.get(" ".join(fold(cell).split()))


def _strongest(values: list[str], order: list) -> str | None:
    ranks = [m.value for m in order]
    return max(values, key=ranks.index) if values else None


def _from_header(text: str) -> tuple[str | None, str | None]:
    urgent: list[str] = []
    secret: list[str] = []
    for line in _header_lines(text):
        for cell in _cells(line):
            if (u := _mark(cell, URGENCY_MARKS)) is not None:
                urgent.append(u)
            elif (s := _mark(cell, SECRECY_MARKS)) is not None:
                secret.append(s)
    return _strongest(urgent, _URGENCY_ORDER), _strongest(secret, _SECRECY_ORDER)


def _field_value(value: str, marks: Mapping[str, str], none_values: frozenset[str]) -> str | None:
    """A field's value: a mark's value, "" for a stated ordinary document, None when unknown."""
    v = " ".join(fold(value).strip(_TRIM).split())
    if v in marks:
        return marks[v]
    return "" if v in none_values else None


def _from_fields(text: str, fields: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(urgency, secrecy) from "Độ khẩn:" / "Độ mật:" fields: the portal's block (``fields``,
    folded label -> value) and any field line of the text."""
    pairs = [(fold(k).strip(), v) for k, v in fields.items()]
    for line in text.splitlines():
        m = _FIELD.match(line.strip())
        if m:
            pairs.append((" ".join(fold(m["label"]).split()), m["value"]))
    urgency = secrecy = None
    for label, value in pairs:
        if urgency is None and label in URGENCY_FIELDS:
            urgency = _field_value(value, URGENCY_MARKS, URGENCY_NORMAL_VALUES)
        elif secrecy is None and label in SECRECY_FIELDS:
            secrecy = _field_value(value, SECRECY_MARKS, SECRECY_NONE_VALUES)
    return urgency, secrecy


def read_marks(text: str, fields: Mapping[str, str] | None = None) -> Marks:
    """The độ khẩn and độ mật of a document from its text (and a portal's metadata ``fields``)."""
    f_urgency, f_secrecy = _from_fields(text, fields or {})
    h_urgency, h_secrecy = _from_header(text)
    urgency = f_urgency if f_urgency is not None else h_urgency
    secrecy = f_secrecy if f_secrecy is not None else h_secrecy
    if f_urgency is not None or f_secrecy is not None:
        rule = "field"
    elif h_urgency or h_secrecy:
        rule = "header"
    else:
        rule = "none"
    return Marks(
        urgency=Urgency(urgency) if urgency else Urgency.NORMAL,
        secrecy=Secrecy(secrecy) if secrecy else None,
        rule=rule,
    )
