"""A clerk's question answered: the Intent read from it (pipeline.answers.intents) run against the
stored corpus, returned as an Answer holding plain data; how it prints is the edge's job (congvan/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from pipeline.answers.intents import EXAMPLES, Ask, Intent, parse_question
from pipeline.answers.listing import DocumentFilter, DocumentRow, list_documents, row_of
from pipeline.answers.owe import OweReport, owe
from pipeline.answers.refs import MissingRef, RefsReport, find_documents, missing_citations, refs
from pipeline.answers.register import kind_name
from pipeline.answers.tracking import RepliesOf, TaskState, document_tracking
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.errors import AnswerTimeout, QueryError
from pipeline.query import MAX_QUERY_CHARS, clean, clip, parse_query
from pipeline.status import Recurrence, label_of


@dataclass
class Answer:
    kind: Ask
    understood: bool
    summary: str  # how the question was read, in Vietnamese
    intent: Intent | None = None
    owe: OweReport | None = None
    refs: RefsReport | None = None
    missing: list[MissingRef] | None = None
    results: list[Any] | None = None
    message: str | None = None
    examples: tuple[str, ...] = field(default=())
    notice: str | None = None  # what was left out of an over-long question (pipeline.query bounds)
    documents: list[DocumentRow] | None = None  # documents found (by issuer, signer, ...; a signer asked)
    tasks: list[TaskState] | None = None  # a document's tasks and how each stands
    pending: list[PendingRow] | None = None  # who has not answered a document's tasks
    count: int | None = None  # "có bao nhiêu": the number, the list beside it


@dataclass(frozen=True)
class PendingRow:
    address: str  # the task: "1260/UBND-KGVX#1"
    owner: str  # the owner, or the member of a group owner
    group: str | None  # the group the member belongs to, as the document writes it
    action: str | None
    due: dt.date | None
    state: str  # its label: "chưa xử lý", "quá hạn"


_KIND_OF_UNIT = {"so": "sở", "xa": "xã", "phuong": "phường", "thi tran": "thị trấn", "huyen": "huyện",
                 "phong": "phòng", "truong": "trường", "doanh nghiep": "doanh nghiệp", "ban": "ban"}  # fmt: skip


def _owe_summary(intent: Intent, report: OweReport) -> str:
    who = f"của {intent.unit}" if intent.unit else "của mọi đơn vị"
    if intent.unit_kind:
        who = f"của các {_KIND_OF_UNIT.get(intent.unit_kind, intent.unit_kind)}"
    what = f"Việc “{intent.action}”" if intent.action else "Các việc"
    if intent.recurrence:
        what += f" {label_of(Recurrence, intent.recurrence)}"
    if intent.kind is Ask.OVERDUE:
        text = f"{what} {who} đã quá hạn mà chưa xong"
    elif report.past:
        text = f"{report.by:%d/%m/%Y} đã qua: {what.lower()} {who} có hạn đến ngày đó mà chưa xong (quá hạn)"
    else:
        text = f"{what} {who} có hạn {intent.period}"
    if intent.include_done:
        text += ", kể cả việc đã xong"
    if intent.count:
        n = len(report.overdue) if intent.kind is Ask.OVERDUE else len(report.rows)
        text = f"Có {n} việc. " + text
    return text


def _documents_summary(intent: Intent, n: int) -> str:
    parts = [f"của {intent.issuer}" if intent.issuer else "", f"do {intent.signer} ký" if intent.signer else "",
             f"gửi {intent.recipient}" if intent.recipient else "", intent.period or ""]  # fmt: skip
    kind = (kind_name(intent.doc_kind) or "văn bản").lower()
    what = " ".join(p for p in (kind, *parts) if p)
    return f"Có {n} {what}" if intent.count else f"Các {what}: {n} văn bản"


def not_understood(question: str) -> Answer:
    return Answer(
        kind=Ask.UNKNOWN,
        understood=False,
        summary=f"Chưa hiểu câu hỏi “{clip(question)}”.",
        message="Hãy hỏi theo một trong các mẫu sau (có dấu hay không dấu đều được):",
        examples=EXAMPLES,
    )


def ask(
    session: Session,
    question: str,
    today: dt.date | None = None,
    search: Callable[[str], list] | None = None,
    deadline: Deadline = NO_DEADLINE,
    replies_of: RepliesOf | None = None,
) -> Answer:
    """Answer a clerk's question; never raises for a question it does not understand, however
    long or strange (it is cut to ``pipeline.query.MAX_QUERY_CHARS`` first). Running past
    ``deadline`` raises :class:`pipeline.errors.AnswerTimeout`."""
    today = today or dt.date.today()
    question, dropped = clean(question)
    answer = _answer(session, question, today, search, deadline, replies_of)
    if dropped:
        cut = f"câu hỏi dài quá: chỉ đọc {MAX_QUERY_CHARS} ký tự đầu (bỏ {dropped} ký tự)"
        answer.notice = f"{cut}; {answer.notice}" if answer.notice else cut
    return answer


def _search(intent: Intent, search: Callable[[str], list] | None) -> Answer:
    parsed = parse_query(intent.query)
    summary = f"Tìm văn bản về “{clip(parsed.text)}”"
    if search is None:
        return Answer(Ask.SEARCH, True, summary, intent, message="Chức năng tìm kiếm toàn văn chưa sẵn sàng.")
    try:
        results = list(search(parsed.text))
    except AnswerTimeout:
        raise
    except Exception as e:  # the index is someone else's component: report it, do not crash the answer
        return Answer(Ask.SEARCH, True, summary, intent, message=f"Tìm kiếm bị lỗi: {e}")
    return Answer(Ask.SEARCH, True, summary, intent, results=results, notice=parsed.notice)


def _answer(
    session: Session,
    question: str,
    today: dt.date,
    search: Callable[[str], list] | None,
    deadline: Deadline,
    replies_of: RepliesOf | None = None,
) -> Answer:
    try:
        intent = parse_question(question, today)
    except QueryError as e:  # a date it could not read: say so, like any other misunderstanding
        answer = not_understood(question)
        answer.summary += f" ({e})"
        return answer
    deadline.check()
    if intent.kind is Ask.REFS:
        report = refs(session, intent.reference or "", deadline=deadline)
        state = "có trong kho" if report.in_corpus else "chưa có trong kho"
        return Answer(Ask.REFS, True, f"Dẫn chiếu của văn bản {report.reference} ({state})", intent, refs=report)
    if intent.kind is Ask.MISSING:
        return Answer(
            Ask.MISSING,
            True,
            "Văn bản được dẫn chiếu nhưng chưa có trong kho",
            intent,
            missing=missing_citations(session, deadline=deadline),
        )
    if intent.kind is Ask.SEARCH:
        return _search(intent, search)
    if intent.kind is Ask.DOCS:
        want = DocumentFilter(intent.issuer, intent.signer, intent.recipient, intent.doc_kind, intent.start, intent.by)
        rows = list_documents(session, want, deadline=deadline)
        summary = _documents_summary(intent, len(rows))
        return Answer(Ask.DOCS, True, summary, intent, documents=rows, count=len(rows) if intent.count else None)
    if intent.kind in (Ask.SIGNER, Ask.TASKS, Ask.PENDING):
        return _about_document(session, intent, today, replies_of, deadline)
    if intent.kind in (Ask.OWE, Ask.OVERDUE) and intent.by is not None:
        report = owe(
            session,
            by=intent.by,
            start=intent.start,
            today=today,
            action=intent.action,
            unit=intent.unit,
            deadline=deadline,
            include_done=intent.include_done,
            recurrence=intent.recurrence,
            unit_kind=intent.unit_kind,
        )
        count = (len(report.overdue) if intent.kind is Ask.OVERDUE else len(report.rows)) if intent.count else None
        return Answer(intent.kind, True, _owe_summary(intent, report), intent, owe=report, count=count)
    return not_understood(question)


def _pending_rows(tasks: list[TaskState]) -> list[PendingRow]:
    """Each owner (or, for a group owner, each member) that has not answered its task."""
    out = []
    for t in tasks:
        if t.groups:
            out += [PendingRow(t.address, m.name, g.group, t.action, t.due, m.state_vi)
                    for g in t.groups for m in g.pending]  # fmt: skip
        elif not t.state.closed:
            out += [PendingRow(t.address, owner, None, t.action, t.due, t.state_vi) for owner in t.owners]
    return out


def _about_document(
    session: Session, intent: Intent, today: dt.date, replies_of: RepliesOf | None, deadline: Deadline
) -> Answer:
    """Who signed a document, what tasks it hands out, who has not answered them."""
    docs = find_documents(session, intent.reference or "", deadline=deadline)
    if not docs:
        return Answer(intent.kind, True, f"Văn bản {intent.reference} chưa có trong kho", intent)
    if intent.kind is Ask.SIGNER:
        rows = [row_of(d) for d in docs]
        who = "; ".join(f"{r.label}: {r.signer or 'chưa đọc được người ký'}" for r in rows)
        return Answer(Ask.SIGNER, True, f"Người ký — {who}", intent, documents=rows)
    doc = docs[0]
    tasks = document_tracking(session, doc, today, replies_of or (lambda d, ob, ms: {}))
    label = row_of(doc).label
    if intent.kind is Ask.TASKS:
        return Answer(Ask.TASKS, True, f"Các việc {label} giao: {len(tasks)} việc", intent, tasks=tasks)
    pending = _pending_rows(tasks)
    summary = f"Chưa trả lời {label}: {len(pending)} đơn vị" if tasks else f"{label} không giao việc nào"
    return Answer(Ask.PENDING, True, summary, intent, tasks=tasks, pending=pending)
