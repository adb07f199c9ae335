"""Documents a document cites: ``Kế hoạch số 4664/KH-UBND ngày 25/12/2024 của UBND tỉnh về ...``.

Each cited document is reported once, with its kind (from the word before it or its
ký hiệu), its date, issuer and subject where the sentence gives them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractors.base import Extracted, TextView
from extractors.data.kinds import KINDS, kind_of_symbol
from extractors.dates import NUMERIC, WORDS, valid
from extractors.references import Reference, find_references, key
from extractors.units import expand
from pipeline.text import fold

_KIND_WORDS = "|".join(sorted((re.escape(n) for n, _ in KINDS), key=len, reverse=True))
# "Kế hoạch số", "Luật Đấu thầu số", "Văn bản", "QĐ số": the kind within a few words before the number.
_KIND_BEFORE = re.compile(
    rf"(?P<kind>{_KIND_WORDS}|QĐ|NĐ|CV|KH|TB|TT)(?P<name>(?:\s+[\wđ\-]+){{0,8}}?)\s*(?:số|:)?\s*(?:số)?\s*$",
    re.IGNORECASE,
)
# A bare number cited with its kind: "Công văn số 2264" (no ký hiệu given).
_BARE = re.compile(rf"\b(?P<kind>{_KIND_WORDS})\s+số\s+(?P<num>\d{{1,6}})(?![\d/\-.,]\d|[/\-]\w)", re.IGNORECASE)
_DATE_AFTER = re.compile(r"^\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày|ngay)\s+")
_ISSUER_AFTER = re.compile(
    r"^\s*(?:của|do)\s+(?P<issuer>[^,;.()]{3,80}?)(?=\s+(?:về|v/v|quy định|hướng dẫn|ban hành)\b|[,;.()]|$)"
)
_SUBJECT_AFTER = re.compile(r"^\s*(?:về việc|về|v/v)\s+(?P<subject>[^;()]{3,200}?)(?=[;(]|\.\s|\.$|$)", re.IGNORECASE)
# A form or table template is numbered like a document ("Mẫu 03/KBS/GSQL", "Biểu số 02/BC").
_FORM_CODE = re.compile(r"\b(?:mau|bieu|bieu mau|mau bieu|phu bieu)(?:\s+so)?\s*:?\s*$")
_ATTACHED = re.compile(r"\(?\s*(?:ban hành\s+)?kèm theo\s+(?:[\wđ]+\s+){0,3}(?:số\s*:?\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    reference: str
    doc_type: str
    date: dt.date | None = None
    issuer: str | None = None
    subject: str | None = None


def _kind_name_to_abbr(word: str) -> str | None:
    low = word.lower()
    for name, abbr in KINDS:
        if low == name:
            return abbr
    return {"qđ": "QĐ", "nđ": "NĐ", "cv": "CV", "kh": "KH", "tb": "TB", "tt": "TT"}.get(low)


def _date_after(text: str, pos: int) -> dt.date | None:
    m = _DATE_AFTER.match(text[pos : pos + 80])
    if not m:
        return None
    rest = text[pos + m.end() : pos + m.end() + 40]
    for rx in (WORDS, NUMERIC):
        d = rx.match(rest)
        if d:
            return valid(int(d["y"]), int(d["m"]), int(d["d"]))
    return None


def _kind_for(ref: Reference | None, before: str) -> tuple[str, str]:
    """Kind and rule: the ký hiệu's kind when it names one, else the word before, else công văn."""
    sym_kind = kind_of_symbol(ref.symbol) if ref else None
    m = _KIND_BEFORE.search(before[-80:])
    word_kind = _kind_name_to_abbr(m["kind"]) if m else None
    if sym_kind:
        return sym_kind, "citation:kind-symbol"
    if word_kind:
        return word_kind, "citation:kind-word"
    return "CV", "citation:kind-default"


def extract_citations(view: TextView, own_reference: str | None = None) -> list[Extracted[Citation]]:
    text = view.text
    own = key(own_reference) if own_reference and re.match(r"\d", own_reference) else None
    found: dict[str, Extracted[Citation]] = {}
    spans: list[tuple[int, int]] = []
    for s, e, ref in sorted(find_references(text), key=lambda t: t[0]):
        spans.append((s, e))
        k = key(ref.text)
        before = text[max(0, s - 120) : s]
        if k == own or _ATTACHED.search(before[-60:]):
            continue  # the document's own number, e.g. in "(Kèm theo Kế hoạch số 617/KH-UBND ...)"
        if _FORM_CODE.search(fold(before[-30:])):
            continue  # a form's code, not a document: "theo Mẫu 03/KBS", "Biểu số 02/BC-SNV"
        kind, rule = _kind_for(ref, before)
        _add(found, view, k, ref.text, kind, s, e, rule)
    for m in _BARE.finditer(text):
        if any(a <= m.start("num") < b for a, b in spans):
            continue
        kind = _kind_name_to_abbr(m["kind"]) or "CV"
        _add(found, view, key(m["num"]), m["num"], kind, m.start(), m.end(), "citation:bare-number")
    return sorted(found.values(), key=lambda c: (c.span.block if c.span else 0, c.span.start if c.span else 0))


def _add(found, view: TextView, k: str, ref_text: str, kind: str, s: int, e: int, rule: str) -> None:
    text = view.text
    date = _date_after(text, e)
    after = text[e : e + 300]
    dm = _DATE_AFTER.match(after)
    tail = after
    if dm:
        d = WORDS.match(after[dm.end() :]) or NUMERIC.match(after[dm.end() :])
        tail = after[dm.end() + (d.end() if d else 0) :]
    im = _ISSUER_AFTER.match(tail)
    issuer = expand(im["issuer"].strip()) if im else None
    sm = _SUBJECT_AFTER.match(tail[im.end() :] if im else tail)
    subject = sm["subject"].strip() if sm else None
    prev = found.get(k)
    if prev:
        c = prev.value
        if (c.date is None and date) or (c.issuer is None and issuer) or (c.subject is None and subject):
            found[k] = Extracted(
                Citation(c.reference, c.doc_type, c.date or date, c.issuer or issuer, c.subject or subject),
                prev.span,
                prev.rule,
            )
        return
    found[k] = Extracted(Citation(ref_text, kind, date, issuer, subject), view.span(s, e), rule)
