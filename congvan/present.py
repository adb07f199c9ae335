"""The answers as plain text: section titles, one line per task or hit, a whole answer for places
without rich (a chat reply, a log, a web page's text fallback). The terminal's tables
(congvan/cli/render.py) use the same titles and lines."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pipeline.answers.ask import Answer
from pipeline.answers.intents import Ask
from pipeline.answers.owe import OweReport, OweRow
from pipeline.answers.refs import RefsReport
from pipeline.labels import document_label, stored_label

# Control characters a document may hold (ESC of a terminal sequence, NUL, a C1 code from a bad
# conversion) shown as what they are instead of acting on the terminal: C0 as their Unicode
# "control pictures" (␀, ␛), DEL as ␡, C1 as U+FFFD. Newlines and tabs stay.
_CONTROLS = {c: 0x2400 + c for c in range(32) if chr(c) not in "\n\t"} | {0x7F: 0x2421}
_CONTROLS |= {c: 0xFFFD for c in range(0x80, 0xA0)}


_SURROGATE = re.compile("[\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with its control characters made visible (see _CONTROLS), and a file name's bytes
    that are not UTF-8 (lone surrogates, as os.fsdecode gives them) shown as U+FFFD; all else as is."""
    return _SURROGATE.sub("\ufffd", text.translate(_CONTROLS))


def day(d: dt.date | None) -> str:
    """ "31/07/2025", or "—" for no date."""
    return f"{d:%d/%m/%Y}" if d else "—"


def owe_sections(report: OweReport, overdue_only: bool = False) -> list[tuple[str, list[OweRow]]]:
    """The report's groups with their Vietnamese titles, empty ones left out."""
    if overdue_only:
        return [("Quá hạn", report.overdue)] if report.overdue else []
    sections = [
        ("Quá hạn (chưa xong)", report.overdue),
        (f"Việc một lần, hạn {day(report.start)}–{day(report.by)}", report.one_off),
        ("Việc định kỳ có hạn trong kỳ", report.recurring),
        ("Việc định kỳ chưa rõ ngày", report.undated),
    ]
    return [(t, rows) for t, rows in sections if rows]


def row_text(r: OweRow) -> str:
    when = day(r.deadline) if r.deadline else "chưa rõ ngày"
    if r.recurrence:
        when += f" ({r.recurrence_vi})"
    flag = " [quá hạn]" if r.overdue else ""
    source = f"{r.source}, việc {r.task_no}" if r.task_no else r.source
    return f"{'; '.join(r.owners)}: {r.action or 'thực hiện'} — hạn {when} — {source}{flag} — {r.status_vi}"


def describe_result(item: Any) -> str:
    """One line for a search hit, whatever shape the search component returns."""
    if isinstance(item, dict):
        head = item.get("label") or item.get("reference") or item.get("title") or item.get("id")
        tail = item.get("subject") or item.get("snippet") or ""
        return f"{head} — {tail}".strip(" —") if head else str(item)
    if isinstance(item, tuple) and item:
        return describe_result(item[0])
    label = getattr(item, "label", None) or getattr(item, "reference", None)
    subject = getattr(item, "subject", None)
    if not label and hasattr(item, "kind"):  # a search hit without a number: named as a clerk reads it
        label = document_label(item.kind, None, date=getattr(item, "date", None), doc_id=getattr(item, "id", 0))
    if label:
        return f"{label} — {subject}" if subject else str(label)
    return item if isinstance(item, str) else "(văn bản)"  # never an object's repr


def _owe_lines(report: OweReport, overdue_only: bool) -> list[str]:
    lines = []
    for title, rows in owe_sections(report, overdue_only=overdue_only):
        lines.append(f"{title}:")
        lines += [f"  - {row_text(r)}" for r in rows]
    if report.empty or (overdue_only and not report.overdue):
        lines.append("Không có việc nào.")
    return lines


def _refs_lines(r: RefsReport) -> list[str]:
    lines = [f"Văn bản: {stored_label(r.document) if r.document else 'chưa có trong kho'}"]
    lines += [f"  dẫn chiếu → {c.reference}" + ("" if c.in_corpus else " (chưa có trong kho)") for c in r.cites]
    lines += [f"  được dẫn chiếu bởi ← {stored_label(c.document)}" for c in r.cited_by]
    return lines


def answer_text(answer: Answer) -> str:
    """The whole answer as plain text."""
    lines = [answer.summary]
    if answer.message:
        lines.append(answer.message)
    lines += [f"  - {e}" for e in answer.examples]
    if answer.owe is not None:
        lines += _owe_lines(answer.owe, overdue_only=answer.kind is Ask.OVERDUE)
    if answer.documents is not None and answer.kind is not Ask.SIGNER:
        lines += [f"  - {d.label} ({day(d.date)}) — {d.subject or ''}" for d in answer.documents]
    if answer.pending is not None:
        lines += [f"  - {p.owner}: {p.address} — {p.state}" for p in answer.pending] or ["Mọi đơn vị đã trả lời."]
    elif answer.tasks is not None:
        lines += [
            f"  - {t.address}: {'; '.join(t.owners)} — {t.action or 'thực hiện'} — {t.state_vi}" for t in answer.tasks
        ]
    if answer.refs is not None:
        lines += _refs_lines(answer.refs)
    if answer.missing is not None:
        lines += [f"  - {m.reference}: {m.count} văn bản dẫn chiếu" for m in answer.missing]
    if answer.results is not None:
        lines += [f"  - {describe_result(x)}" for x in answer.results] or ["Không tìm thấy văn bản nào."]
    return visible("\n".join(lines))
