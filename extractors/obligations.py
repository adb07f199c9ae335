"""Obligations: who must do what, by when, how often.

A document assigns tasks in a few shapes, all read here:
- numbered sections whose heading names the owner ("1. Ủy ban nhân dân cấp xã" and dashes under it);
- sentences that name the owner ("Giao Sở X chủ trì ...", "Đề nghị các doanh nghiệp ... báo cáo ...",
  "UBND tỉnh Thanh Hóa khẩn trương báo cáo ... trước ngày 01 tháng 12 năm 2025");
- "Cơ quan chủ trì: ... / Thời gian thực hiện: ..." blocks under a numbered task;
- task tables (Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian).
The owner is never a "phối hợp" unit nor a unit after a preposition (báo cáo *về* Sở X).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from extractors.base import Extracted, Line, Span, TextView
from extractors.data.grammar import (
    ACTIONS,
    DIRECTIVES,
    FRAME_ENDINGS,
    OWNER_LABELS,
    PARTNER_LABELS,
    TASK_LABELS,
    TIME_LABELS,
    VERBS,
)
from extractors.data.kinds import kind_of_name
from extractors.dates import find_full_dates
from extractors.deadlines import Deadline, find_deadlines, standalone_recurrences
from extractors.nlp import sentences
from extractors.units import distribute, head_length, starts_with_unit
from pipeline.document import BlockKind, Region
from pipeline.text import fold

# Verbs compare on lowercase NFC, not folded: folding makes "tài" (Tài chính) the preposition "tại".
_VERBS_L = sorted({v.lower() for v in VERBS}, key=len, reverse=True)
_DIRECTIVES_L = sorted({d.lower() for d in DIRECTIVES}, key=len, reverse=True)
_ACTIONS_F = [(fold(a), a) for a in ACTIONS]

_NUMBERING = (
    ("article", re.compile(r"^Điều\s+(?P<n>\d{1,3})\s*[.:]\s+")),  # a quyết định's "Điều 2. ..."
    ("roman", re.compile(r"^(?P<n>[IVXLC]{1,5})\.\s+")),
    ("num3", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+")),
    ("num2", re.compile(r"^(?P<n>\d{1,2}\.\d{1,2})\.?\s+")),
    ("num", re.compile(r"^(?P<n>\d{1,2})[.)]\s+")),
    ("paren", re.compile(r"^\((?P<n>\d{1,2})\)\.?\s+")),
    ("letter", re.compile(r"^(?P<n>[a-zđ])[).]\s+")),
    ("dash", re.compile(r"^[-–+•]\s*")),
)
_RANK = {"article": 0, "roman": 0, "num": 1, "num2": 2, "num3": 3, "paren": 4, "letter": 5, "dash": 6}
_TIME_OF_DAY = r"(?:(?:lúc\s+)?\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút|')?)?(?:\s+(?:sáng|chiều|trưa|tối))?\s*,?\s*)"
_MEETING = re.compile(
    r"(họp|hội nghị|hội thảo|cuộc họp|làm việc với|dự lễ|tọa đàm|tập huấn)[^.;]{0,160}?\b(?:vào|lúc|từ|buổi\s+\w+)\b\s*"
    rf"{_TIME_OF_DAY}?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"(?P<d>[0-3]?\d)\s*(?:/|\s+tháng\s+)\s*(?P<m>[01]?\d)(?:\s*(?:/|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
# "Thời gian: 08 giờ 00, ngày 12/3/2026" in an invitation
_WHEN = re.compile(
    rf"^{_TIME_OF_DAY}?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"(?P<d>[0-3]?\d)\s*(?:/|\s+tháng\s+)\s*(?P<m>[01]?\d)"
    r"(?:\s*(?:/|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
# A document that calls a meeting: its "Thời gian:" line is the day the invitees must attend.
_INVITED = re.compile(
    r"(?:kính\s+)?mời\b|triệu\s+tập|giấy\s+mời|tổ\s+chức\s+(?:hội\s+nghị|cuộc\s+họp|họp)", re.IGNORECASE
)
# The verb of an invitation, not "mời" in "Bên mời thầu": "trân trọng (kính) mời", "kính mời", "mời:" closing a line.
_INVITE = re.compile(r"(?:trân\s+trọng\s+(?:kính\s+)?mời|kính\s+mời)\b|\bmời\s*:\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Obligation:
    owners: tuple[str, ...]
    action: str | None
    due: dt.date | None
    recurrence: str | None
    text: str
    recipient: str | None = None
    partners: tuple[str, ...] = ()


@dataclass
class _Section:
    rank: int
    owners: tuple[str, ...] | None
    labels: dict[str, tuple[str, Line]]
    title: str
    line: Line


def _numbering(text: str) -> tuple[str | None, str]:
    for name, rx in _NUMBERING:
        m = rx.match(text)
        if m:
            return name, text[m.end() :]
    return None, text


def _starts_with_any(f: str, words_f: list[str]) -> str | None:
    for w in words_f:
        if f.startswith(w) and (len(f) == len(w) or not f[len(w)].isalnum()):
            return w
    return None


def unit_phrase(text: str) -> tuple[tuple[str, ...], int] | None:
    """The unit phrase opening ``text`` and where it ends: "Sở X chủ trì ..." -> (("Sở X",), 4)."""
    if not starts_with_unit(text):
        return None
    words = re.finditer(r"\S+", text)
    end = 0
    head_end = head_length(text)  # "Đoàn kiểm tra": the head's own words are no verbs
    for w in words:
        rest_l = text[w.start() :].lower()
        # A capitalised word continues a proper name: "Bộ Xây dựng", "Sở Tài chính" are no verbs;
        # after a comma in a list of units "tổ chức" is the noun ("các cơ quan, tổ chức").
        noun = rest_l.startswith("tổ chức") and text[: w.start()].rstrip().endswith(",")
        if w.start() >= head_end and not w.group(0)[:1].isupper() and not noun and _starts_with_any(rest_l, _VERBS_L):
            break
        token = w.group(0)
        if token.startswith("("):
            break
        end = w.end()
        if token.endswith(":"):
            # "các Tập đoàn: A, B" lists the members of a group; any other colon ends the phrase.
            if re.match(r"(?i)^\s*(?:các|những)\s+\S+(?:\s+\S+)?:$", text[: w.end()]):
                continue
            break
        if w.start() > 160:
            break
    phrase = text[:end].strip(" ,;:.")
    if not phrase:
        return None
    return tuple(o for o in distribute(phrase) if o), end


def _after_prefix(clause: str) -> str:
    """Drop what precedes the subject: "Để ..., ", "Trên cơ sở ..., ", "Đối với ..., ", a label "Báo cáo tháng: "."""
    c = clause.strip()
    c = re.sub(r"^(?:đồng thời|ngoài ra|bên cạnh đó|mặt khác)\s*,?\s*", "", c, flags=re.IGNORECASE)
    # a leading time adverbial: "Định kỳ 6 tháng, X báo cáo", "Hằng tuần, X tổng hợp"
    c = re.sub(r"^(?:định kỳ|hằng|hàng|mỗi|trước ngày|chậm nhất)\b[^,:;]{0,40},\s*", "", c, flags=re.IGNORECASE)
    m = re.match(
        r"^(?:để|trên cơ sở|đối với|căn cứ|nhằm|với vai trò|trong quá trình|trường hợp|sau khi)\b[^,:]{0,200},\s*",
        c,
        re.IGNORECASE,
    )
    if m:
        c = c[m.end() :]
    m = re.match(r"^[^:]{2,60}:\s*", c)
    if m and (starts_with_unit(c[m.end() :]) or _starts_with_any(c[m.end() :].lower(), _DIRECTIVES_L)):
        c = c[m.end() :]
    return c


_DELEGATE = re.compile(r"^(?:đại\s+diện\s+)?(?:lãnh\s+đạo\s+)?(?:đại\s+diện\s+)?", re.IGNORECASE)


def owner_in(
    clause: str, before: int | None = None, addressees: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], str] | None:
    """The owner a clause names: the unit after a directive ("giao Sở X", "mời đại diện Sở Y"), else its subject.

    "đề nghị Quý Sở ..." names the addressee of the công văn.
    """
    text = clause if before is None else clause[:before]
    best: tuple[tuple[str, ...], str] | None = None
    for m in re.finditer(
        r"(?:^|[\s,:;])(?P<d>" + "|".join(re.escape(d) for d in DIRECTIVES) + r")\s+(?:cho\s+)?",
        text,
        re.IGNORECASE,
    ):
        lead = fold(text[max(0, m.start() - 8) : m.start("d")])
        if lead.endswith(("duoc ", "da ", "duoc", "nhiem vu ")):
            continue  # "được giao": passive, not a directive
        after = _DELEGATE.sub("", text[m.end() :].lstrip(": "), count=1)
        if addressees and re.match(r"^quý\s+\w+", after, re.IGNORECASE):
            best = (addressees, "owner:addressee")
            continue
        found = unit_phrase(after)
        if found:
            best = (found[0], "owner:directive")
    if best:
        return best
    subject = _after_prefix(text)
    found = unit_phrase(subject)
    if found:
        return found[0], "owner:subject"
    return None


def _action(clause: str) -> str | None:
    f = fold(clause)
    for af, a in _ACTIONS_F:
        if re.search(rf"(?<![\w]){re.escape(af)}(?![\w])", f):
            return a
    return None


def _recipient(clause: str) -> str | None:
    m = re.search(
        r"\b(?:về|cho|qua)\s+(?P<u>(?:Sở|Bộ|Ủy ban|UBND|Văn phòng|Phòng|Ban|Trung tâm)[^,;.()]{2,60}?)"
        r"(?=\s+(?:trước|chậm|để|trong|theo|về|kết quả|tình hình)\b|[,;.()]|$)",
        clause,
    )
    return m["u"].strip() if m else None


def _is_frame(text: str) -> bool:
    t = fold(text.strip()).rstrip()
    return any(t.endswith(fold(e)) for e in FRAME_ENDINGS)


def _split_clauses(sentence: str) -> list[str]:
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


def _meetings(clause: str, ref: dt.date) -> list[Deadline]:
    out = []
    for m in _MEETING.finditer(clause):
        day = _date_of(m, ref)
        if day:
            out.append(Deadline(day, None, m.start("d"), m.end(), "deadline:meeting"))
    return out


class _Collector:
    def __init__(self, view: TextView) -> None:
        self.view = view
        self.items: list[Extracted[Obligation]] = []
        self.keys: set[tuple] = set()

    def add(
        self,
        owners,
        action,
        deadline: Deadline | None,
        text: str,
        span: Span | None,
        rule: str,
        recipient=None,
        partners=(),
        unique=None,
    ) -> None:
        if not owners:
            return
        due = deadline.due if deadline else None
        rec = deadline.recurrence if deadline else None
        k = (tuple(fold(o) for o in owners), due, rec, unique if unique is not None else fold(text)[:80])
        if k in self.keys or self._repeated(owners, due, rec, text):
            return
        self.keys.add(k)
        ob = Obligation(tuple(owners), action, due, rec, re.sub(r"\s+", " ", text).strip(), recipient, tuple(partners))
        self.items.append(Extracted(ob, span, f"{rule}+{deadline.rule}" if deadline else rule))

    def _repeated(self, owners, due, rec, text: str) -> bool:
        """The same task said again in other words: a news article repeats its lead ("UBND tỉnh Quảng
        Nam thống nhất tổ chức họp ... vào ngày 18/6" / "UBND tỉnh còn thống nhất tổ chức họp ...")."""
        if due is None and rec is None:
            return False
        keys = [fold(o) for o in owners]
        for item in self.items:
            ob = item.value
            if ob.due != due or ob.recurrence != rec:
                continue
            theirs = [fold(o) for o in ob.owners]
            related = any(a.startswith(b) or b.startswith(a) for a in keys for b in theirs)
            if related and SequenceMatcher(None, fold(ob.text), fold(text)).ratio() >= 0.6:
                return True
        return False


def extract_obligations(
    view: TextView, ref_date: dt.date, default_owners: tuple[str, ...] = (), doc_date: dt.date | None = None
) -> list[Extracted[Obligation]]:
    """``doc_date`` (the document's own date, when known) drops one-off dates before it: a báo cáo
    recounting what was done "trong Quý IV năm 2025" assigns nothing."""
    col = _Collector(view)
    _from_paragraphs(view, col, ref_date, default_owners, doc_date)
    _from_tables(view, col, ref_date)
    return col.items


_MEETING_LABELS = ("thời gian", "địa điểm", "thành phần", "nội dung", "chủ trì", "chuẩn bị", "trang phục")
_RESUME = re.compile(r"^(phu luc\b|[IVX]+\.\s|dieu\s+\d)")


def _body_lines(view: TextView) -> list[Line]:
    """Paragraphs of the body, without the Nơi nhận list and the signature; a plan or regulation
    issued with a quyết định follows the signature ("KẾ HOẠCH ... (Ban hành kèm theo ...)") and counts."""
    out = []
    skipping = False
    for ln in view.lines:
        if ln.kind is not BlockKind.PARAGRAPH or ln.region is not Region.BODY:
            continue
        f = fold(ln.text).strip()
        if f.startswith("noi nhan"):
            skipping = True
            continue
        if skipping:
            title = ln.text.strip().isupper() and kind_of_name(ln.text.strip()) is not None
            if not (title or _RESUME.match(f if f.startswith(("phu", "dieu")) else ln.text.strip())):
                continue
            skipping = False
        out.append(ln)
    return out


def _label(text: str, labels: tuple[str, ...]) -> str | None:
    m = re.match(r"^\s*([^:]{3,40}):\s*(?P<v>.+)$", text)
    if not m:
        return None
    f = fold(m.group(1))
    if any(fold(lbl) in f for lbl in labels) and not (
        labels is OWNER_LABELS and any(fold(p) in f for p in PARTNER_LABELS)
    ):
        return m["v"].strip()
    return None


def _from_paragraphs(
    view: TextView, col: _Collector, ref: dt.date, default_owners: tuple[str, ...], doc_date: dt.date | None
) -> None:
    stack: list[_Section] = []
    doc_owner = default_owners

    def close(section: _Section) -> None:
        owner = section.labels.get("owner")
        if not owner:
            return
        owners = tuple(distribute(owner[0])) or ()
        time = section.labels.get("time")
        deadlines = find_deadlines(time[0], ref, cell=True)[:1] if time else []
        title = re.sub(r"[:.]\s*$", "", section.title)
        ln = section.line
        span = view.span(ln.offset, ln.offset + len(ln.text))
        for d in deadlines or [None]:
            col.add(
                owners,
                _action(title[:40]) or _first_verb(title),
                d,
                title,
                span,
                "obligation:chu-tri-block",
                unique=("block", ln.block),
            )

    invitees: list[str] = []  # a giấy mời: "... trân trọng kính mời:" then a dashed list
    collecting = False
    meeting: tuple[dt.date, Line] | None = None
    for ln in _body_lines(view):
        kind, rest = _numbering(ln.text.strip())
        if collecting and kind == "dash" and _label(rest, _MEETING_LABELS):
            collecting = False  # "- Thời gian: ...", "- Địa điểm: ...": the details, not an invitee
        if collecting and kind == "dash":
            found = unit_phrase(_DELEGATE.sub("", rest, count=1))
            invitees.extend(found[0] if found else [rest.strip(" ;.")])
            continue
        collecting = False
        if _INVITE.search(ln.text) and ln.text.rstrip().endswith(":"):
            collecting = True
            continue
        members = _label(rest if kind else ln.text.strip(), ("thành phần",))
        if members and not invitees:  # "Thành phần: Sở X; Sở Y; đại diện lãnh đạo UBND các xã"
            for part in re.split(r"\s*;\s*", members):
                found = _unit_within(part.strip(" .-"))  # "Đồng chí bí thư hoặc phó bí thư các đảng ủy ..."
                invitees.extend(found or [])
        when = _label(rest if kind else ln.text.strip(), ("thời gian",))
        if when and not (stack and "owner" in stack[-1].labels) and not meeting:
            # "Thời gian: 01 buổi, bắt đầu từ 14 giờ 00, ngày 18 tháng 3 năm 2026": the first day named
            m = _WHEN.match(when)
            day = _date_of(m, ref) if m else next((d for _, _, d in find_full_dates(when)), None)
            if day and (_INVITED.search(view.text) or invitees):
                meeting = (day, ln)
        if kind is not None and kind != "dash":
            rank = _RANK[kind]
            while stack and stack[-1].rank >= rank:
                close(stack.pop())
            stack.append(_Section(rank, _heading_owner(rest), {}, rest, ln))
        # "Cơ quan chủ trì: ..." / "Thời gian thực hiện: ..." under a numbered task
        if kind == "dash" and stack:
            v = _label(rest, OWNER_LABELS)
            if v:
                stack[-1].labels["owner"] = (v, ln)
                continue
            v = _label(rest, TIME_LABELS)
            if v and "owner" in stack[-1].labels:
                stack[-1].labels["time"] = (v, ln)
                continue
            if _label(rest, PARTNER_LABELS) or _label(rest, ("sản phẩm", "kết quả")):
                continue
        section_owner = next((s.owners for s in reversed(stack) if s.owners), None)
        text = rest if kind else ln.text
        if kind and kind != "dash" and fold(rest).startswith("ve "):
            text = rest.split(":", 1)[1] if ":" in rest else ""  # "Về X: giao Bộ Y ..." — the topic is no task
        running: tuple[str, ...] | None = None
        undated_added = False
        if kind and kind != "dash" and text.rstrip().endswith(":") and len(text) < 120:
            continue  # a heading ("3.1. Báo cáo định kỳ hàng tháng:") announces tasks, it is none
        for sent in sentences(text):
            if _is_frame(sent):
                found = owner_in(sent, addressees=default_owners)
                if found and found[1] == "owner:directive" and not stack:
                    doc_owner = found[0]  # "Bộ X đề nghị UBND các tỉnh thực hiện một số nội dung sau:"
                continue
            for clause in _split_clauses(sent):
                found = owner_in(clause, addressees=default_owners)
                if found:
                    running = found[0]
                owners = running or section_owner or doc_owner
                deadlines = [d for d in find_deadlines(clause, ref) + _meetings(clause, ref) if not _past(clause, d)]
                deadlines += standalone_recurrences(clause, deadlines)
                deadlines = [d for d in deadlines if not (doc_date and d.due and not d.recurrence and d.due < doc_date)]
                start = ln.text.find(clause.strip()[:30])
                span = view.span(ln.offset + max(start, 0), ln.offset + max(start, 0) + len(clause.strip()))
                act = _action(_without(clause, owners or ()))
                for d in deadlines:
                    col.add(
                        owners,
                        "tham dự" if d.rule == "deadline:meeting" and not act else act,
                        d,
                        clause,
                        span,
                        "obligation:sentence",
                        recipient=_recipient(clause),
                        unique=("b", ln.block),
                    )
                if not deadlines and not undated_added and kind in ("dash", "letter") and section_owner and not found:
                    verb = _first_verb(clause)
                    if verb:
                        undated_added = True
                        col.add(
                            section_owner,
                            verb,
                            None,
                            clause,
                            span,
                            "obligation:section-item",
                            recipient=_recipient(clause),
                        )
    while stack:
        close(stack.pop())
    if meeting:
        owners = tuple(dict.fromkeys([*invitees, *default_owners]))  # the addressees are invited too
        day, ln = meeting
        span = view.span(ln.offset, ln.offset + len(ln.text))
        col.add(
            owners,
            "tham dự",
            Deadline(day, None, 0, 0, "deadline:meeting"),
            ln.text,
            span,
            "obligation:invitation",
            unique=("meeting", day),
        )


def _without(clause: str, owners: tuple[str, ...]) -> str:
    """The clause with its owners' names cut out, so that "Sở Xây dựng khẩn trương hoàn thành" has the
    action "hoàn thành", not "xây dựng"."""
    for o in sorted(owners, key=len, reverse=True):
        clause = re.sub(re.escape(o), " ", clause, flags=re.IGNORECASE)
    return re.sub(r"\b(?:Sở|Bộ|Ban|Phòng)\s+(?:[A-ZĐ][\wđ]*\s*)+", " ", clause)


def _unit_within(text: str) -> tuple[str, ...] | None:
    """The first unit phrase inside ``text``, after the people it names ("lãnh đạo các ban ...")."""
    for m in re.finditer(r"(?:^|\s)(?=\S)", text):
        found = unit_phrase(text[m.end() :])
        if found:
            return found[0]
    return None


def _date_of(m: re.Match[str], ref: dt.date) -> dt.date | None:
    try:
        return dt.date(int(m["y"]) if m["y"] else ref.year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None


def _past(clause: str, d: Deadline) -> bool:
    """ "(năm 2025, Sở X đã tổ chức ... ban hành trong năm 2025)": a period in a past-tense clause is no deadline."""
    return d.rule in ("deadline:year", "deadline:month", "deadline:quarter") and bool(
        re.search(r"\bđã\b", clause[: d.start])
    )


def _heading_owner(rest: str) -> tuple[str, ...] | None:
    """The owner a numbered heading names: "Ủy ban nhân dân cấp xã", "Giao Sở X:", "Đề nghị: Hội Y"."""
    t = rest.strip()
    if fold(t).startswith("ve "):
        return None
    # "Nhiệm vụ của Tổ công tác", "Trách nhiệm của các sở, ngành": the unit after "của"
    duty = r"^(?:nhiệm\s+vụ|trách\s+nhiệm|nhiệm\s+vụ\s+và\s+quyền\s+hạn)\s+(?:của|cho)\s+"
    t = re.sub(duty, "", t, flags=re.IGNORECASE)
    d = _starts_with_any(t.lower(), _DIRECTIVES_L)
    if d:
        t = t[len(d) :].lstrip(" :")
    found = unit_phrase(t)
    return found[0] if found else None


def _first_verb(text: str) -> str | None:
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


def _columns(header: tuple[str, ...]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        f = fold(cell)
        if any(fold(p) in f for p in PARTNER_LABELS):
            cols.setdefault("partner", i)
        elif any(fold(lbl) in f for lbl in OWNER_LABELS):
            cols.setdefault("owner", i)
        elif any(fold(lbl) in f for lbl in TIME_LABELS):
            cols.setdefault("time", i)
        elif any(fold(lbl) in f for lbl in TASK_LABELS):
            cols.setdefault("task", i)
    return cols


def _from_tables(view: TextView, col: _Collector, ref: dt.date) -> None:
    for bi, block in enumerate(view.raw.blocks):
        if block.kind is not BlockKind.TABLE or len(block.rows) < 2:
            continue
        cols = _columns(block.rows[0])
        if "owner" not in cols or "task" not in cols:
            continue
        carried_owner = carried_time = ""
        for ri, row in enumerate(block.rows[1:], start=1):

            def cell(name: str, row=row, cols=cols) -> str:
                i = cols.get(name)
                return row[i].strip() if i is not None and i < len(row) else ""

            owner, task, time = cell("owner"), cell("task"), cell("time")
            if not owner and not time and not task:
                continue
            if not owner and not time and not cell("partner"):
                carried_owner = carried_time = ""  # a group row ("II. HOÀN THIỆN CƠ CHẾ") ends a merged run
                continue
            # A merged "Đơn vị chủ trì" (or "Thời gian") cell keeps its text in the first row only.
            owner, time = owner or carried_owner, time or carried_time
            carried_owner, carried_time = owner, time
            m = re.search(r"chủ\s+trì\s*:\s*(?P<o>[^;\n]+?)(?=\s*(?:;|\n|phối\s+hợp|$))", owner, re.IGNORECASE)
            if m:  # "Chủ trì: Sở Tư pháp; phối hợp: Công an tỉnh" in one cell
                owner = m["o"]
            if not owner or not task:
                continue
            owners = tuple(distribute(owner))
            partners = tuple(distribute(cell("partner"))) if cell("partner") else ()
            deadlines = find_deadlines(time, ref, cell=True)[:1] if time else []
            span = Span(bi, 0, len(task), row=ri, col=cols["task"])
            for d in deadlines or [None]:
                col.add(
                    owners,
                    _first_verb(task),
                    d,
                    task,
                    span,
                    "obligation:table-row",
                    partners=partners,
                    unique=("row", bi, ri),
                )
