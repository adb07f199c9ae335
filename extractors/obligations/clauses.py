"""The pieces of a paragraph the passes read: its numbering, its clauses, a "Label: value", its verb."""

from __future__ import annotations

import re

from extractors.data.grammar import ACTIONS, FRAME_ENDINGS, VERBS
from extractors.units import starts_with_unit
from pipeline.text import fold

_ACTIONS_F = [(fold(a), a) for a in ACTIONS]
# lowercase, not folded: folded, "Năm 2024" would open with the verb "nắm"
_VERBS_L = sorted({v.lower() for v in (*VERBS, *ACTIONS)}, key=len, reverse=True)

_NUMBERING = (
    ("article", re.compile(r"^Điều\s+(?P<n>\d{1,3})\s*[.:]\s+")),  # a quyết định's "Điều 2. ..."
    ("roman", re.compile(r"^(?P<n>[IVXLC]{1,5})\.\s+")),
    ("num3", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+")),
    ("num2", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2})\.?\s+")),
    ("num", re.compile(r"^(?P<n>\d{1,2})[.)]\s+")),
    ("paren", re.compile(r"^\((?P<n>\d{1,2})\)\.?\s+")),
    # staged steps: "Bước 1: Các cơ quan ... tự kiểm kê" / "Thời gian hoàn tất: trước ngày 31/7/2026"
    ("step", re.compile(r"^Bước\s+(?P<n>\d{1,2})\s*[:.]\s+")),
    ("letter", re.compile(r"^(?P<n>[a-zđ])[).]\s+")),
    ("dash", re.compile(r"^[-–+•]\s*")),
)
# How deep a numbering nests: a "2." closes the "1.1." sections before it, a dash nests in everything.
RANK = {"article": 0, "roman": 0, "num": 1, "num2": 2, "num3": 3, "step": 4, "paren": 4, "letter": 5, "dash": 6}


def numbering(text: str) -> tuple[str | None, str]:
    """The numbering a line opens with and the rest: "1.2. Sở X" -> ("num2", "Sở X")."""
    for name, rx in _NUMBERING:
        m = rx.match(text)
        if m:
            return name, text[m.end() :]
    return None, text


def split_clauses(sentence: str) -> list[str]:
    """Split on ";" outside parentheses."""
    out, depth, cur = [], 0, []
    for ch in sentence:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == ";" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [c for c in out if c.strip()]


def is_frame(text: str) -> bool:
    """A line that sets the frame of the list under it: "... thực hiện một số nội dung như sau:"."""
    t = fold(text.strip()).rstrip()
    return any(t.endswith(fold(e)) for e in FRAME_ENDINGS)


def label(text: str, labels: tuple[str, ...], unless: tuple[str, ...] = ()) -> str | None:
    """The value of "Label: value" when the label holds one of ``labels`` and none of ``unless``:
    "Cơ quan chủ trì: Sở Tư pháp" is an owner label, "Cơ quan chủ trì phối hợp: ..." is not."""
    m = re.match(r"^\s*([^:]{3,40}):\s*(?P<v>.+)$", text)
    if not m:
        return None
    f = fold(m.group(1))
    if any(fold(lbl) in f for lbl in labels) and not any(fold(u) in f for u in unless):
        return m["v"].strip()
    return None


def action(clause: str) -> str | None:
    """The most telling action verb anywhere in the clause."""
    f = fold(clause)
    for af, a in _ACTIONS_F:
        if re.search(rf"(?<![\w]){re.escape(af)}(?![\w])", f):
            return a
    return None


def opens_with_action(text: str) -> bool:
    """Whether ``text`` opens with an action verb, as a task item does ("Phối hợp với ...", "Tổ chức ...")."""
    f = text.strip().lstrip("-–+•").strip().lower()
    return any(f.startswith(v + " ") or f == v for v in _VERBS_L)


def first_verb(text: str) -> str | None:
    """The action a task item opens with: an action verb, else its first two words ("Hướng dẫn các ...")."""
    f = fold(text.strip().lstrip("-–+•abcdđe)."))
    for af, a in _ACTIONS_F:
        if f.startswith(af):
            return a
    words = text.strip().split()
    return (
        " ".join(words[:2]).lower().strip(",:;.")
        if words and words[0][:1].isupper() and not starts_with_unit(text)
        else None
    )


def without(clause: str, owners: tuple[str, ...]) -> str:
    """The clause with its owners' names cut out, so that "Sở Xây dựng khẩn trương hoàn thành" has the
    action "hoàn thành", not "xây dựng"."""
    for o in sorted(owners, key=len, reverse=True):
        clause = re.sub(re.escape(o), " ", clause, flags=re.IGNORECASE)
    return re.sub(r"\b(?:Sở|Bộ|Ban|Phòng)\s+(?:[A-ZĐ][\wđ]*\s*)+", " ", clause)


def recipient(clause: str) -> str | None:
    """The unit a report goes to: "báo cáo kết quả về Sở Nội vụ trước ngày 15/6" -> "Sở Nội vụ"."""
    m = re.search(
        r"\b(?:về|cho|qua)\s+(?P<u>(?:Sở|Bộ|Ủy ban|UBND|Văn phòng|Phòng|Ban|Trung tâm)[^,;.()]{2,60}?)"
        r"(?=\s+(?:trước|chậm|để|trong|theo|về|kết quả|tình hình)\b|[,;.()]|$)",
        clause,
    )
    return m["u"].strip() if m else None
