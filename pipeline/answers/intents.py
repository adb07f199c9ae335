"""Questions in Vietnamese, read by rules into an Intent: what is asked (owe, overdue, refs, missing,
search), for which window, unit, action or reference.

The question is folded (lowercase, no diacritics) so "đơn vị nào phải báo cáo trước 31/7" and
"don vi nao phai bao cao truoc 31/7" read alike; names (units, references, search words) are cut
from the original text at the same positions, so "Sở KH&CN" keeps the capitals its expansion needs.
The phrase lists are data, below; an office adds its own ways of asking there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from extractors.data.grammar import ACTIONS
from extractors.data.units import UNIT_HEADS
from pipeline.answers.dates import month_range, parse_user_date
from pipeline.answers.phrases import (
    CITE_PHRASES,
    COUNT_WORDS,
    DEFAULT_HORIZON_DAYS,
    DOC_KINDS,
    DOC_WORDS,
    DONE_TOO_WORDS,
    GENERIC_ACTIONS,
    MISSING_PHRASES,
    OVERDUE_PHRASES,
    OWE_CUES,
    PENDING_WORDS,
    RECURRENCE_HORIZON_DAYS,
    RECURRENCE_WORDS,
    SEARCH_LINKS,
    SEARCH_OBJECTS,
    SEARCH_OPENERS,
    SHORTHAND,
    SIGNER_WORDS,
    SLIPS_AFTER,
    TASK_WORDS,
    UNIT_KINDS,
    WHO_WORDS,
)
from pipeline.text import fold, nfc

EXAMPLES: tuple[str, ...] = (
    "Đơn vị nào phải báo cáo trước 31/7?",
    "Việc nào của Sở KH&CN quá hạn?",
    "Sở Nội vụ phải làm gì trong tháng 8?",
    "Hạn chót tuần này / tuần sau / tháng này",
    "Văn bản nào dẫn chiếu 4664/KH-UBND?",
    "Văn bản nào được dẫn chiếu nhưng chưa có trong kho?",
    "Tìm văn bản về wifi công cộng",
)


_UNIT_HEADS_F = sorted({fold(h) for h in UNIT_HEADS}, key=len, reverse=True)
_ACTIONS_F = sorted(((fold(a), a) for a in ACTIONS), key=lambda p: -len(p[0]))

_REF = re.compile(r"(?<![\w/])\d{1,6}(?:\.\d{1,3})?(?:/\d{4})?[/-][a-z&][a-z0-9&]*(?:[/-][a-z0-9&]+)*")
_DATE = (
    r"\d{4}-\d{1,2}-\d{1,2}"  # 2025-07-31
    r"|\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?"  # 31/7, 31/7/2025, 15.7.2025
    r"|\d{1,2}\s+thang\s+\d{1,2}(?:\s+nam\s+\d{4})?"  # 31 tháng 7 (năm 2025)
)
_BY = re.compile(
    rf"\b(?:truoc|den|cham nhat(?:\s+la)?|han(?:\s+chot)?|toi|khong muon hon|den het)\s+(?:ngay\s+)?(?P<d>{_DATE})"
)
_FROM_TO = re.compile(rf"\btu\s+(?:ngay\s+)?(?P<a>{_DATE})\s+(?:den|toi)\s+(?:ngay\s+)?(?P<b>{_DATE})")
_MONTH = re.compile(r"\bthang\s+(?P<m>1[0-2]|0?[1-9])(?:\s*(?:/|-|nam)\s*(?P<y>\d{4}))?(?!\s*[/.\-]?\s*\d)")
_ANY_DATE = re.compile(rf"(?<![\w/])(?P<d>{_DATE})(?![\w/])")
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(r"\bquy\s+(?P<q>iv|iii|ii|i|[1-4])\b(?:\s*(?:/|-|nam)\s*(?P<y>\d{4}))?")
_YEAR = re.compile(r"\bnam\s+(?P<y>(?:19|20)\d\d)\b")
_IN_DAYS = re.compile(r"\b(?P<n>\d{1,3})\s+ngay\s+(?:toi|nua|sap toi)\b")
_UNIT_BEFORE = re.compile(r"^(?P<u>.+?)\s+(?:phai|can|co nhiem vu|duoc giao|co viec)\b")
_UNIT_AFTER = re.compile(
    r"\b(?:cua|giao cho|do)\s+(?P<u>.+?)(?=\s+(?:qua han|tre han|da het han|den han|phai|can|trong|truoc|den|tu"
    r"|tuan|thang|hom|ngay|con|chua|nao|co|sap|the nao|ra sao)\b|\s*[?.!]*$)"
)


class Ask(StrEnum):
    """What a question asks for."""

    OWE = "owe"  # who owes what in a window
    OVERDUE = "overdue"  # what is past due and still open
    REFS = "refs"  # a reference both ways
    MISSING = "missing"  # cited documents not in the corpus
    SEARCH = "search"  # full-text search
    DOCS = "docs"  # documents by issuer, signer, recipient, kind, period
    SIGNER = "signer"  # who signed a document
    TASKS = "tasks"  # what a document hands out, and how each task stands
    PENDING = "pending"  # who has not answered a document's task yet
    UNKNOWN = "unknown"  # no rule applies


@dataclass
class Intent:
    kind: Ask
    by: dt.date | None = None
    start: dt.date | None = None
    action: str | None = None
    unit: str | None = None
    reference: str | None = None
    query: str | None = None
    period: str | None = None  # how the time window reads, for the summary
    recurrence: str | None = None  # a pipeline.status.Recurrence: "báo cáo hằng tháng"
    unit_kind: str | None = None  # folded: "so" for "sở nào", "xa" for "xã nào"
    include_done: bool = False  # "kể cả việc đã xong"
    count: bool = False  # "có bao nhiêu ..."
    issuer: str | None = None
    signer: str | None = None
    recipient: str | None = None
    doc_kind: str | None = None  # a kind code: CV, KH, QĐ ...


def _fmt(d: dt.date) -> str:
    return f"{d:%d/%m/%Y}"


def _week(today: dt.date, offset: int) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
    return monday, monday + dt.timedelta(days=6)


def _month_after(today: dt.date, k: int) -> tuple[int, int]:
    y, m = divmod(today.month - 1 + k, 12)
    return today.year + y, m + 1


def _window(q: str, today: dt.date) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(start, by, how it reads) from the time words of a folded question; start None = from today."""
    if m := _FROM_TO.search(q):
        a, b = parse_user_date(m["a"], today), parse_user_date(m["b"], today)
        return a, b, f"từ {_fmt(a)} đến {_fmt(b)}"
    if m := _BY.search(q):
        by = parse_user_date(m["d"], today)
        return None, by, f"đến hết {_fmt(by)}"
    if re.search(r"\btuan (?:nay|hien tai)\b", q):
        return None, _week(today, 0)[1], "tuần này"
    if re.search(r"\btuan (?:sau|toi)\b", q):
        a, b = _week(today, 1)
        return a, b, f"tuần sau ({_fmt(a)}–{_fmt(b)})"
    if re.search(r"\bthang (?:nay|hien tai)\b", q):
        return None, month_range(today.year, today.month)[1], "tháng này"
    if re.search(r"\bthang (?:sau|toi)\b", q):
        a, b = month_range(*_month_after(today, 1))
        return a, b, f"tháng {a.month}/{a.year}"
    if re.search(r"\bhom nay\b", q):
        return None, today, "hôm nay"
    if re.search(r"\bngay mai\b", q):
        tomorrow = today + dt.timedelta(days=1)
        return tomorrow, tomorrow, f"ngày mai ({_fmt(tomorrow)})"
    if re.search(r"\bquy (?:nay|hien tai)\b", q):
        end_month = (today.month - 1) // 3 * 3 + 3
        return None, month_range(today.year, end_month)[1], "quý này"
    if re.search(r"\bnam (?:nay|hien tai)\b", q):
        return None, dt.date(today.year, 12, 31), f"năm {today.year}"
    if m := _QUARTER.search(q):
        year = int(m["y"]) if m["y"] else today.year
        n = _QUARTERS[m["q"]]
        a, b = month_range(year, 3 * n - 2)[0], month_range(year, 3 * n)[1]
        return a, b, f"quý {n}/{year}"
    if (m := _YEAR.search(q)) and not _MONTH.search(q):
        y = int(m["y"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), f"năm {y}"
    if m := _IN_DAYS.search(q):
        by = today + dt.timedelta(days=int(m["n"]))
        return None, by, f"{m['n']} ngày tới"
    if m := _MONTH.search(q):
        year = int(m["y"]) if m["y"] else today.year
        a, b = month_range(year, int(m["m"]))
        return a, b, f"tháng {a.month}/{a.year}"
    if m := _ANY_DATE.search(q):
        by = parse_user_date(m["d"], today)
        return None, by, f"đến hết {_fmt(by)}"
    return None, None, None


def _is_unit(phrase_f: str) -> bool:
    p = re.sub(r"^(?:cac|nhung)\s+", "", phrase_f)
    if p.endswith(" nao"):  # "sở nào", "xã nào": a kind of unit asked about, not a unit named
        return False
    return p not in WHO_WORDS and any(p == h or p.startswith(h + " ") for h in _UNIT_HEADS_F)


def _unit(q: str, orig: str) -> str | None:
    for rx in (_UNIT_BEFORE, _UNIT_AFTER):
        for m in rx.finditer(q):
            phrase = m["u"].strip(" ,")
            if _is_unit(phrase):
                return orig[m.start("u") : m.start("u") + len(phrase)]
    return None


def _action(q: str) -> str | None:
    for af, a in _ACTIONS_F:
        if af not in GENERIC_ACTIONS and re.search(rf"(?<!\w){re.escape(af)}(?!\w)", q):
            return a
    return None


def _has(q: str, phrases: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", q) for p in phrases)


def _normalize(q: str) -> str:
    """The folded question with clerks' shorthand and slips spelled out (phrases.SHORTHAND)."""
    words = q.split(" ")
    out = []
    for i, w in enumerate(words):
        after = SLIPS_AFTER.get(w)
        if after and i and words[i - 1] in after:
            out.append("han")
        else:
            out.append(w)
    q = " ".join(out)
    for short, full in SHORTHAND.items():
        q = re.sub(rf"(?<![\w&/-]){re.escape(short)}(?![\w&/-])", full, q)
    return q


def _recurrence(q: str) -> str | None:
    return next((code for rx, code in RECURRENCE_WORDS if re.search(rf"\b(?:{rx})\b", q)), None)


def _unit_kind(q: str) -> str | None:
    m = re.search(rf"\b(?P<k>{'|'.join(UNIT_KINDS)})\s+nao\b", q)
    return m["k"] if m else None


def _doc_kind(q: str) -> str | None:
    for name, code in DOC_KINDS:
        if re.search(rf"\b{re.escape(name)}\s+(?:nao|gi|cua|do|gui|duoc|da)\b|\bbao nhieu\s+{re.escape(name)}\b", q):
            return code
    return None


_DOC_QUESTION = re.compile(
    rf"\b{DOC_WORDS}\s+(?:nao|gi)\b|\b(?:bao nhieu|nhung|cac|may)\s+{DOC_WORDS}\b|\b{DOC_WORDS}\s+(?:cua|do|gui)\b"
    rf"|\bky\s+(?:nhung\s+|cac\s+)?{DOC_WORDS}\b|\bban hanh\b"
)
_SIGNED_BY = re.compile(
    rf"\b(?:do|duoc)\s+(?:(?:ong|ba|dong chi)\s+)?(?P<n>.+?)\s+ky\b"
    rf"|^(?:(?:ong|ba|dong chi)\s+)?(?P<m>.+?)\s+(?:da\s+)?ky\s+(?:nhung\s+|cac\s+)?{DOC_WORDS}"
)
_ISSUED_BY = re.compile(
    rf"\b{DOC_WORDS}\s+(?:nao\s+|gi\s+)?(?:cua|do)\s+(?P<u>.+?)"
    r"(?=\s+(?:ban hanh|gui|nam|thang|quy|ky|co|trong|tu|den)\b|\s*[?.!]*$)"
    rf"|^(?:(?:cac|nhung)\s+)?(?P<v>.+?)\s+(?:da\s+)?ban hanh\b"
)
_SENT_TO = re.compile(
    r"\bgui\s+(?:cho\s+|den\s+|toi\s+|ve\s+)?(?P<u>.+?)(?=\s+(?:nam|thang|quy|trong|tu|den|co|ve)\b|\s*[?.!]*$)"
)


def _cut(orig: str, m: re.Match, *groups: str) -> str | None:
    for g in groups:
        if m[g]:
            return orig[m.start(g) : m.end(g)].strip(" ,")
    return None


def _about_documents(q: str, orig: str, today: dt.date) -> Intent | None:
    """ "Văn bản nào của Tỉnh ủy", "công văn nào gửi UBND các xã", "ông X ký những văn bản nào",
    "có bao nhiêu văn bản năm 2025": documents, not tasks."""
    if not _DOC_QUESTION.search(q) or re.search(r"\b(?:phai|can|den han|qua han|han chot)\b", q):
        return None
    intent = Intent(Ask.DOCS, count=bool(re.search(COUNT_WORDS, q)), doc_kind=_doc_kind(q))
    if m := _SIGNED_BY.search(q):
        intent.signer = _cut(orig, m, "n", "m")
    if m := _SENT_TO.search(q):
        intent.recipient = _cut(orig, m, "u")
    if (m := _ISSUED_BY.search(q)) and not intent.signer:
        issuer = _cut(orig, m, "u", "v")
        if issuer and _is_unit(fold(issuer)):
            intent.issuer = issuer
    intent.start, intent.by, intent.period = _window(q, today)
    if intent.start is None and intent.by is not None:  # "trước 31/7": issued up to that day
        intent.start = dt.date(1900, 1, 1)
    return intent


def _about_reference(q: str, orig: str, m: re.Match) -> Intent:
    ref = orig[m.start() : m.end()]
    rest = q[: m.start()] + " " + q[m.end() :]
    if re.search(SIGNER_WORDS, rest):
        return Intent(Ask.SIGNER, reference=ref)
    if re.search(PENDING_WORDS, rest):
        return Intent(Ask.PENDING, reference=ref)
    if re.search(TASK_WORDS, rest) and not _has(rest, CITE_PHRASES):
        return Intent(Ask.TASKS, reference=ref)
    return Intent(Ask.REFS, reference=ref)


def parse_question(question: str, today: dt.date) -> Intent:
    """Read a question into an Intent by rules; kind "unknown" when no rule applies."""
    orig = " ".join(nfc(question).split())
    q = fold(orig)
    normal = _normalize(q)
    if len(q) != len(orig) or normal != q:  # names can no longer be cut at the same places
        orig = q = normal
    q_bare = q.rstrip(" ?.!")
    if not q_bare:
        return Intent(Ask.UNKNOWN)
    if m := _REF.search(q):
        return _about_reference(q, orig, m)
    if _has(q, CITE_PHRASES) and _has(q, MISSING_PHRASES):
        return Intent(Ask.MISSING)
    if m := re.match(rf"^{SEARCH_OPENERS}\s+(?:{SEARCH_OBJECTS}\s*)?(?:{SEARCH_LINKS}\s+)?(?P<q>.+?)[\s?.!]*$", q):
        return Intent(Ask.SEARCH, query=orig[m.start("q") : m.end("q")])
    if docs := _about_documents(q, orig, today):
        return docs
    return _about_tasks(q, q_bare, orig, today)


def _about_tasks(q: str, q_bare: str, orig: str, today: dt.date) -> Intent:
    unit = _unit(q, orig)
    unit_span = fold(unit) if unit else ""
    rest = q.replace(unit_span, " ") if unit_span else q
    filters = {
        "recurrence": _recurrence(rest),
        "unit_kind": _unit_kind(rest),
        "include_done": bool(re.search(DONE_TOO_WORDS, rest)),
        "count": bool(re.search(COUNT_WORDS, rest)),
    }
    if _has(rest, OVERDUE_PHRASES) or re.search(PENDING_WORDS, rest):
        return Intent(Ask.OVERDUE, by=today, unit=unit, action=_action(rest), period="quá hạn", **filters)
    start, by, period = _window(rest, today)
    action = _action(rest)
    asks_tasks = bool(unit or action or _has(rest, OWE_CUES) or filters["recurrence"] or filters["unit_kind"])
    # A bare time phrase ("tuần sau", "tháng này") asks for deadlines; a long sentence with only a
    # time word in it ("thời tiết hôm nay thế nào") is not about obligations.
    if not asks_tasks and (by is None or len(q_bare.split()) > 3):
        return Intent(Ask.UNKNOWN)
    if by is None:
        days = RECURRENCE_HORIZON_DAYS if filters["recurrence"] else DEFAULT_HORIZON_DAYS
        by, period = today + dt.timedelta(days=days), f"{days} ngày tới"
    return Intent(Ask.OWE, by=by, start=start, action=action, unit=unit, period=period, **filters)
