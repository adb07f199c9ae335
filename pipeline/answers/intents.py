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

# --- phrase lists (folded) ----------------------------------------------------------------------

SEARCH_OPENERS = r"(?:hay\s+)?(?:tim kiem|tim giup|tim|tra cuu|tra)"
SEARCH_OBJECTS = r"(?:(?:cac|nhung)\s+)?(?:van ban|cong van|tai lieu|ke hoach|quyet dinh|thong bao|bao cao)"
SEARCH_LINKS = r"(?:ve|lien quan den|lien quan toi|lien quan|co noi dung|noi dung|nhac den|co chu)"
CITE_PHRASES: tuple[str, ...] = (
    "dan chieu",
    "trich dan",
    "vien dan",
    "can cu",
    "nhac den",
    "nhac toi",
    "tham chieu",
)
MISSING_PHRASES: tuple[str, ...] = (
    "chua co trong kho",
    "chua co trong du lieu",
    "khong co trong kho",
    "chua co",
    "con thieu",
    "bi thieu",
    "chua nhan",
)
OVERDUE_PHRASES: tuple[str, ...] = ("qua han", "tre han", "da het han", "tre hen", "cham tre", "no dong", "ton dong")
# Words that make a question about obligations even without a date.
OWE_CUES: tuple[str, ...] = ("phai", "can lam", "nhiem vu", "viec", "han chot", "den han", "thoi han", "han")
# "who" words: "đơn vị nào phải ..." asks for the owners, it does not name one.
WHO_WORDS: tuple[str, ...] = (
    "don vi nao",
    "nhung don vi nao",
    "cac don vi nao",
    "co quan nao",
    "nhung co quan nao",
    "ai",
    "nhung ai",
    "ben nao",
    "noi nao",
    "viec nao",
    "nhung viec nao",
    "nhiem vu nao",
)
# Verbs that ask "what must be done" rather than naming an action to filter on.
GENERIC_ACTIONS: tuple[str, ...] = ("hoan thanh", "thuc hien", "lam", "giai quyet", "xu ly")
# When a question has a subject but no time at all, look this far ahead.
DEFAULT_HORIZON_DAYS = 30

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


def parse_question(question: str, today: dt.date) -> Intent:
    """Read a question into an Intent by rules; kind "unknown" when no rule applies."""
    orig = " ".join(nfc(question).split())
    q = fold(orig)
    if len(q) != len(orig):  # a character whose fold changes length: cut names from the folded text
        orig = q
    q_bare = q.rstrip(" ?.!")
    if not q_bare:
        return Intent(Ask.UNKNOWN)
    if m := _REF.search(q):
        ref = orig[m.start() : m.end()]
        return Intent(Ask.REFS, reference=ref)
    if _has(q, CITE_PHRASES) and _has(q, MISSING_PHRASES):
        return Intent(Ask.MISSING)
    if m := re.match(rf"^{SEARCH_OPENERS}\s+(?:{SEARCH_OBJECTS}\s*)?(?:{SEARCH_LINKS}\s+)?(?P<q>.+?)[\s?.!]*$", q):
        return Intent(Ask.SEARCH, query=orig[m.start("q") : m.end("q")])
    unit = _unit(q, orig)
    unit_span = fold(unit) if unit else ""
    rest = q.replace(unit_span, " ") if unit_span else q
    if _has(rest, OVERDUE_PHRASES):
        return Intent(Ask.OVERDUE, by=today, unit=unit, action=_action(rest), period="quá hạn")
    start, by, period = _window(rest, today)
    action = _action(rest)
    asks_tasks = bool(unit or action or _has(rest, OWE_CUES))
    # A bare time phrase ("tuần sau", "tháng này") asks for deadlines; a long sentence with only a
    # time word in it ("thời tiết hôm nay thế nào") is not about obligations.
    if not asks_tasks and (by is None or len(q_bare.split()) > 3):
        return Intent(Ask.UNKNOWN)
    if by is None:
        by, period = today + dt.timedelta(days=DEFAULT_HORIZON_DAYS), f"{DEFAULT_HORIZON_DAYS} ngày tới"
    return Intent(Ask.OWE, by=by, start=start, action=action, unit=unit, period=period)
