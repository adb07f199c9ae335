"""The invitations pass: a meeting obliges the invited units to attend on its day.

A giấy mời: "Sở Xây dựng trân trọng kính mời:" then a dashed list of invitees (or "Thành phần: Sở X;
Sở Y"), then "Thời gian: 08 giờ 00, ngày 12/3/2026": each invitee, and the addressees, must attend
that day. In running text: "... trân trọng mời đại diện lãnh đạo Sở Y dự họp vào lúc 14 giờ 00, ngày
12/3/2026": a meeting day read as the clause's deadline.
"""

from __future__ import annotations

import datetime as dt
import re

from extractors.data.grammar import ATTEND, MEETING_LABELS, MEETING_TIME_LABELS, MEMBER_LABELS
from extractors.dates import find_full_dates
from extractors.deadlines import Deadline
from extractors.obligations.clauses import label
from extractors.obligations.context import Context, Invitation, Paragraph
from extractors.obligations.owners import DELEGATE, Owner, unit_phrase, unit_within
from extractors.obligations.rules import MEETING, Found, OwnerBy
from extractors.units import starts_with_unit
from pipeline.text import fold

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
    r"(?:kính\s+)?mời\b|triệu\s+tập|giấy\s+mời|tổ\s+chức\s+(?:\d{1,2}\s+|các\s+)?(?:hội\s+nghị|cuộc\s+họp|họp)",
    re.IGNORECASE,
)
# The verb of an invitation, not "mời" in "Bên mời thầu": "trân trọng (kính) mời", "kính mời", "mời:" closing a line.
_INVITE = re.compile(r"(?:trân\s+trọng\s+(?:kính\s+)?mời|kính\s+mời)\b|\bmời\s*:\s*$", re.IGNORECASE)


def meetings(clause: str, ref: dt.date) -> list[Deadline]:
    """The days of the meetings a clause names ("dự họp vào ngày 12/3/2026")."""
    out = []
    for m in _MEETING.finditer(clause):
        day = _date_of(m, ref)
        if day:
            out.append(Deadline(day, None, m.start("d"), m.end(), MEETING))
    return out


def take(ctx: Context, p: Paragraph) -> bool:
    """Read the invitation's lines: invitees, "Thành phần:", "Thời gian:". True when the line is an
    invitee or the line announcing them."""
    inv = ctx.invitation
    if inv.collecting and p.kind == "dash" and not label(p.rest, MEETING_LABELS):
        found = unit_phrase(DELEGATE.sub("", p.rest, count=1))
        inv.invitees.extend(found[0] if found else [p.rest.strip(" ;.")])
        return True
    inv.collecting = False  # "- Thời gian: ...", "- Địa điểm: ...": the details, not an invitee
    text = p.line.text
    if _INVITE.search(text) and text.rstrip().endswith(":"):
        inv.collecting = True
        return True
    _members(inv, p.rest)
    _meeting_day(ctx, p)
    _session(ctx, p)
    return False


def emit(ctx: Context) -> None:
    """The task of an invitation: attend each session on its day; the addressees are invited too."""
    inv, reading = ctx.invitation, ctx.reading
    names = tuple(dict.fromkeys([*inv.invitees, *reading.default_owners]))
    owner = Owner(names, OwnerBy.INVITEES if inv.invitees else OwnerBy.DOCUMENT_DEFAULT)
    sessions = [] if inv.meetings else [(day, ln, _session_owner(inv, ln.text)) for day, ln in inv.sessions]
    for day, ln, who in [(day, ln, owner) for day, ln in inv.meetings] + sessions:
        reading.col.add(
            who,
            ATTEND,
            Deadline(day, None, 0, 0, MEETING),
            ln.text,
            reading.view.span(ln.offset, ln.offset + len(ln.text)),
            Found.INVITATION,
            unique=("meeting", day, ln.block),
            distinct=len(inv.meetings) > 1 or len(sessions) > 1,
        )


# "1. Buổi sáng, thứ Ba, ngày 14/10/2025 (từ 08 giờ 00): ...": a numbered item that opens with its day
_SESSION = re.compile(
    r"^(?:buổi\s+(?:sáng|chiều|tối)\s*,?\s*)?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"(?P<d>[0-3]?\d)\s*(?:/|\s+tháng\s+)\s*(?P<m>[01]?\d)(?:\s*(?:/|\s+năm\s+)\s*(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE,
)


def _session(ctx: Context, p: Paragraph) -> None:
    """A schedule of sessions after the invitees: each numbered item opening with a day is one."""
    inv = ctx.invitation
    if not inv.invitees or p.kind is None:
        return
    m = _SESSION.match(p.rest.strip())
    day = _date_of(m, ctx.reading.ref) if m else None
    if day:
        inv.sessions.append((day, p.line))


def _session_owner(inv: Invitation, text: str) -> Owner:
    """The invitees a session names ("Đoàn giám sát làm việc với Sở Y tế": Giám đốc Sở Y tế), else all."""
    f = fold(text)
    named = [i for i in inv.invitees if _unit_named_in(i, f)]
    return Owner(tuple(named or inv.invitees), OwnerBy.INVITEES)


def _unit_named_in(invitee: str, folded: str) -> bool:
    """Whether the unit of an invitee ("Đồng chí Giám đốc Sở Y tế": "Sở Y tế") stands in ``folded``."""
    words = invitee.strip(" ;.").split()
    tails = (" ".join(words[k:]) for k in range(len(words) - 1))
    return any(starts_with_unit(t) and re.search(rf"\b{re.escape(fold(t))}\b", folded) for t in tails)


def _members(inv: Invitation, text: str) -> None:
    """ "Thành phần: Sở X; Sở Y; đại diện lãnh đạo UBND các xã", unless a list of invitees came first."""
    members = label(text, MEMBER_LABELS)
    if not members or inv.invitees:
        return
    for part in re.split(r"\s*;\s*", members):
        found = unit_within(part.strip(" .-"))  # "Đồng chí bí thư hoặc phó bí thư các đảng ủy ..."
        inv.invitees.extend(found or [])


def _meeting_day(ctx: Context, p: Paragraph) -> None:
    """ "Thời gian: 01 buổi, bắt đầu từ 14 giờ 00, ngày 18 tháng 3 năm 2026": the first day named, in a
    document that calls a meeting; a task block's "Thời gian thực hiện" is no meeting."""
    inv = ctx.invitation
    when = label(p.rest, MEETING_TIME_LABELS)
    if not when or ctx.in_block():
        return
    m = _WHEN.match(when)
    day = _date_of(m, ctx.reading.ref) if m else next((d for _, _, d in find_full_dates(when)), None)
    if not day or not (_INVITED.search(ctx.reading.view.text) or inv.invitees or _under_a_meeting(ctx)):
        return
    # a later "Thời gian:" is another session only when the first was a dated session of its own
    # ("Hội nghị 2: ... Thời gian: 01 buổi chiều, ngày 26/11/2025"), never the first one's repeat
    if not inv.meetings or (m is None and all(p.line.block != ln.block for _, ln in inv.meetings)):
        inv.meetings.append((day, p.line))


# "1. Hội nghị triển khai Kế hoạch" / "- Thời gian: ..." / "- Thành phần: ...": a plan that calls a meeting
_MEETING_HEADING = re.compile(
    r"^(?:hội\s+nghị|cuộc\s+họp|họp|hội\s+thảo|tọa\s+đàm|lễ|vòng\s+(?:chung\s+kết|sơ\s+khảo|thi))\b", re.IGNORECASE
)


def _under_a_meeting(ctx: Context) -> bool:
    return bool(ctx.sections) and bool(_MEETING_HEADING.match(ctx.sections[-1].title.strip()))


def _date_of(m: re.Match[str], ref: dt.date) -> dt.date | None:
    try:
        return dt.date(int(m["y"]) if m["y"] else ref.year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
