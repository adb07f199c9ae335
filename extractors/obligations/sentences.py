"""The sentences pass: dated clauses and the owner they name.

"Giao Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe cho học sinh, hoàn
thành trước ngày 31/5/2026." -> Sở Y tế (the unit after the directive, never the "phối hợp" one).
"Đề nghị các doanh nghiệp ... báo cáo tình hình dự trữ về Sở Công Thương trước ngày 25/3/2026." ->
the doanh nghiệp; Sở Công Thương is the recipient. A clause that names nobody falls to the
previous clause's owner, then its section's, then the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.base import Line, Span, TextView
from extractors.data.frame import ADDRESSEE
from extractors.data.grammar import ATTEND
from extractors.deadlines import Deadline, find_deadlines, period_rules, standalone_recurrences
from extractors.nlp import sentences
from extractors.obligations.clauses import action, is_frame, opens_with_action, recipient, split_clauses, without
from extractors.obligations.context import Context, Paragraph, Reading
from extractors.obligations.invitations import meetings
from extractors.obligations.owners import Owner, first_named, is_topic, owner_in
from extractors.obligations.rules import MEETING, Found, OwnerBy
from extractors.obligations.sections import undated_item
from pipeline.text import fold

_TASK_TIME = re.compile(
    r"^\W*(?:thời\s+gian\s+(?:hoàn\s+(?:thành|tất)|thực\s+hiện|kết\s+thúc)|thời\s+hạn(?:\s+hoàn\s+thành)?)\s*:\s*(?P<v>.+)",
    re.IGNORECASE,
)
# "(năm 2025, Sở X đã tổ chức ... trong năm 2025)": a period in a past-tense clause is no deadline.
_PAST_PERIODS = period_rules("year", "month", "quarter")


@dataclass
class _LineState:
    """What one line's earlier clauses said: "Giao Sở X chủ trì ...; hoàn thành trước ngày ..."."""

    running: Owner | None = None  # the owner the last naming clause named
    undated_added: bool = False  # a line gives its section one undated item at most
    addressee_line: bool = False  # the line is "Kính gửi: ..." (folded once per line, not per clause)


def read(ctx: Context, p: Paragraph) -> None:
    text = _task_text(p)
    if text is None:
        return
    state = _LineState(addressee_line=fold(p.line.text).lstrip(" *").startswith(ADDRESSEE))
    for sent in sentences(text):
        if is_frame(sent):
            _frame_owner(ctx, sent)
            continue
        for clause in split_clauses(sent):
            _clause(ctx, p, state, clause)


def _task_text(p: Paragraph) -> str | None:
    """The text that may hold tasks; None for a heading that only announces them
    ("3.1. Báo cáo định kỳ hàng tháng:")."""
    text = p.rest if p.kind else p.line.text
    if p.heading and is_topic(p.rest):
        text = p.rest.split(":", 1)[1] if ":" in p.rest else ""  # "Về X: giao Bộ Y ..." — the topic is no task
    if p.heading and text.rstrip().endswith(":") and len(text) < 120:
        return None
    return text


def _frame_owner(ctx: Context, sent: str) -> None:
    """ "Bộ X đề nghị UBND các tỉnh thực hiện một số nội dung sau:" before any heading: the tasks below
    fall to UBND các tỉnh."""
    found = owner_in(sent, addressees=ctx.reading.default_owners)
    if found and found.by is OwnerBy.DIRECTIVE and not ctx.sections:
        ctx.doc_owner = Owner(found.names, OwnerBy.DOCUMENT_FRAME)
        ctx.carried = None  # the frame names who takes the tasks below


def _clause(ctx: Context, p: Paragraph, state: _LineState, clause: str) -> None:
    reading = ctx.reading
    found = owner_in(clause, addressees=reading.default_owners)
    if found:
        state.running = found
        # a sentence that gives its unit something to do, not a header line or "Kính gửi: ..."
        if action(clause) and not state.addressee_line:
            ctx.carry(found)
    owner = first_named(state.running, ctx.section_owner(), ctx.carried_owner(), ctx.doc_owner)
    deadlines = _deadlines(reading, clause)
    span = _span(reading.view, p.line, clause)
    act = action(without(clause, owner.names if owner else ()))
    if owner is not None and owner.by is OwnerBy.EXECUTORS and _PASSIVE.search(clause):
        deadlines = []  # "Danh mục ... được cập nhật hằng năm", "100% hồ sơ được tiếp nhận": a rule, a target
    for d in deadlines:
        reading.col.add(
            owner,
            ATTEND if d.rule == MEETING and not act else act,
            d,
            clause,
            span,
            Found.SENTENCE,
            recipient=recipient(clause),
            unique=("b", p.line.block),
        )
    if not deadlines and not state.undated_added and found is None:
        state.undated_added = undated_item(ctx, p, clause, span)


def _deadlines(reading: Reading, clause: str) -> list[Deadline]:
    """The clause's deadlines and meeting days; a date before the document's own is a past event."""
    # "Thời gian hoàn tất: Quý IV/2026" under a step or task: the value is a time cell (a meeting's
    # bare "Thời gian:" is the invitations pass's)
    when = _TASK_TIME.match(clause)
    dated = find_deadlines(when["v"], reading.ref, cell=True) if when else find_deadlines(clause, reading.ref)
    found = [d for d in dated + meetings(clause, reading.ref) if not (_past(clause, d) or _not_a_deadline(clause, d))]
    found += standalone_recurrences(clause, found)
    doc_date = reading.doc_date
    return [d for d in found if not (doc_date and d.due and not d.recurrence and d.due < doc_date)]


_PASSIVE = re.compile(r"\bđược\b", re.IGNORECASE)
# "Luật ... có hiệu lực thi hành từ ngày 01/01/2026": a law taking effect is no task.
_EFFECTIVE = re.compile(r"\bcó\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+(?:kể\s+)?từ)?(?:\s+ngày)?\s*$", re.IGNORECASE)
# "Đối với các nhiệm vụ triển khai trong năm 2025, các sở ... chủ động ...": the year names the tasks
# the clause is about, it is not when they are due.
_TOPIC = re.compile(r"^\W*(?:riêng\s+)?đối\s+với\b[^,;:]{0,200},", re.IGNORECASE)


# "Căn cứ Quyết định số 3012/QĐ-UBND ... (trong đó giao các sở, ngành báo cáo ... trước ngày 15/11/2026);",
# "Thực hiện Công văn số 802/UBND-VX ... (thời hạn trình trước ngày 31/3/2026),": the cited document's task,
# recalled in the basis, not one this document assigns
_BASIS = re.compile(r"^\W*(?:căn\s+cứ|thực\s+hiện|theo|triển\s+khai)\s+[^,;]{0,80}?\bsố\b", re.IGNORECASE)


def _in_basis(clause: str, d: Deadline) -> bool:
    if not _BASIS.match(clause):
        return False
    if re.match(r"^\W*căn\s+cứ\b", clause, re.IGNORECASE):
        return True  # a "Căn cứ" paragraph is the basis whole
    return clause[: d.start].count("(") > clause[: d.start].count(")")  # inside the cited document's description


# "(ii) ... trong đó phân loại: đã xử lý xong; tiếp tục được xử lý trong năm 2025": a passive verb's period
# describes things, it sets nobody a deadline
_PASSIVE_PERIOD = re.compile(r"\bđược\s+(?:[\wđ]+\s+){1,2}(?:trong|vào)\s+$", re.IGNORECASE)


def _not_a_deadline(clause: str, d: Deadline) -> bool:
    if _EFFECTIVE.search(clause[max(0, d.start - 60) : d.start]) or _in_basis(clause, d):
        return True
    if d.rule in _PAST_PERIODS and _PASSIVE_PERIOD.search(clause[max(0, d.start - 40) : d.start]):
        return True
    topic = _TOPIC.match(clause)
    return bool(topic) and d.end <= topic.end()


def _past(clause: str, d: Deadline) -> bool:
    """ "Sở đã tổ chức ... trong tháng 10/2025": a report of what was done. A "đã" after the task's
    verb qualifies a noun ("bố trí điểm tập kết chất thải đã phân loại ... trong tháng 10/2025")."""
    if d.rule not in _PAST_PERIODS:
        return False
    m = re.search(r"\bđã\b", clause[: d.start], re.IGNORECASE)
    # an item opening with its verb is a task whatever "đã" qualifies later
    return m is not None and not opens_with_action(clause[: m.start()])


def _span(view: TextView, ln: Line, clause: str) -> Span | None:
    start = max(ln.text.find(clause.strip()[:30]), 0)
    return view.span(ln.offset + start, ln.offset + start + len(clause.strip()))
