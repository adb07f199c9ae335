"""A clerk's question answered: the Intent read from it (pipeline.answers.intents) run against the
stored corpus, returned as an Answer holding plain data; how it prints is the edge's job (congvan/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from pipeline.answers.intents import EXAMPLES, Ask, Intent, parse_question
from pipeline.answers.owe import OweReport, owe
from pipeline.answers.refs import MissingRef, RefsReport, missing_citations, refs
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.errors import AnswerTimeout, QueryError
from pipeline.query import MAX_QUERY_CHARS, clean, clip, parse_query


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


def _owe_summary(intent: Intent) -> str:
    who = f"của {intent.unit}" if intent.unit else "của mọi đơn vị"
    what = f"Việc “{intent.action}”" if intent.action else "Các việc"
    if intent.kind is Ask.OVERDUE:
        return f"{what} {who} đã quá hạn mà chưa xong"
    return f"{what} {who} có hạn {intent.period}"


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
) -> Answer:
    """Answer a clerk's question; never raises for a question it does not understand, however
    long or strange (it is cut to ``pipeline.query.MAX_QUERY_CHARS`` first). Running past
    ``deadline`` raises :class:`pipeline.errors.AnswerTimeout`."""
    today = today or dt.date.today()
    question, dropped = clean(question)
    answer = _answer(session, question, today, search, deadline)
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
    session: Session, question: str, today: dt.date, search: Callable[[str], list] | None, deadline: Deadline
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
    if intent.kind in (Ask.OWE, Ask.OVERDUE) and intent.by is not None:
        report = owe(
            session,
            by=intent.by,
            start=intent.start,
            today=today,
            action=intent.action,
            unit=intent.unit,
            deadline=deadline,
        )
        return Answer(intent.kind, True, _owe_summary(intent), intent, owe=report)
    return not_understood(question)
