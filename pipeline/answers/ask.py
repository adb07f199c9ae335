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
from pipeline.errors import QueryError


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
        summary=f"Chưa hiểu câu hỏi “{question.strip()}”.",
        message="Hãy hỏi theo một trong các mẫu sau (có dấu hay không dấu đều được):",
        examples=EXAMPLES,
    )


def ask(
    session: Session,
    question: str,
    today: dt.date | None = None,
    search: Callable[[str], list] | None = None,
) -> Answer:
    """Answer a clerk's question; never raises for a question it does not understand."""
    today = today or dt.date.today()
    try:
        intent = parse_question(question, today)
    except QueryError as e:  # a date it could not read: say so, like any other misunderstanding
        answer = not_understood(question)
        answer.summary += f" ({e})"
        return answer
    if intent.kind is Ask.REFS:
        report = refs(session, intent.reference or "")
        state = "có trong kho" if report.in_corpus else "chưa có trong kho"
        return Answer(Ask.REFS, True, f"Dẫn chiếu của văn bản {report.reference} ({state})", intent, refs=report)
    if intent.kind is Ask.MISSING:
        return Answer(
            Ask.MISSING,
            True,
            "Văn bản được dẫn chiếu nhưng chưa có trong kho",
            intent,
            missing=missing_citations(session),
        )
    if intent.kind is Ask.SEARCH:
        summary = f"Tìm văn bản về “{intent.query}”"
        if search is None:
            return Answer(Ask.SEARCH, True, summary, intent, message="Chức năng tìm kiếm toàn văn chưa sẵn sàng.")
        try:
            results = list(search(intent.query or ""))
        except Exception as e:  # the index is someone else's component: report it, do not crash the answer
            return Answer(Ask.SEARCH, True, summary, intent, message=f"Tìm kiếm bị lỗi: {e}")
        return Answer(Ask.SEARCH, True, summary, intent, results=results)
    if intent.kind in (Ask.OWE, Ask.OVERDUE) and intent.by is not None:
        report = owe(session, by=intent.by, start=intent.start, today=today, action=intent.action, unit=intent.unit)
        return Answer(intent.kind, True, _owe_summary(intent), intent, owe=report)
    return not_understood(question)
