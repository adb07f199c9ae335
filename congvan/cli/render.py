"""What every command prints the same way: one-line errors and warnings, and the rich tables of the
answers (owe, refs, missing citations, the month grid, search hits). Titles and lines come from
congvan.present.

Everything that comes from a document or from the user (subjects, snippets, names, units, file
names, a query echoed back) is printed through :func:`shown`, and only through it: rich Text, never
read as markup ("[/]", "[bold]") or emoji codes (":x:"), control characters made visible. Our own
titles and labels may use markup; they never have a document's string formatted into them.
"""

from __future__ import annotations

import typer
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from congvan.cli import debug
from congvan.present import day, describe_result, owe_sections, visible
from index.backend import MARK_CLOSE, MARK_OPEN, SearchHit
from pipeline.answers.ask import Answer, PendingRow
from pipeline.answers.calendar import DayCell, MonthGrid
from pipeline.answers.intents import Ask
from pipeline.answers.listing import DocumentRow
from pipeline.answers.owe import OweReport, OweRow
from pipeline.answers.refs import MissingRef, RefsReport
from pipeline.answers.tracking import TaskState
from pipeline.answers.versions import DocumentHistory
from pipeline.errors import CongvanError, describe
from pipeline.ingest.files import display_name
from pipeline.labels import kind_label, stored_label
from pipeline.query import clip

WEEKDAYS_VI = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
NO_NUMBER = "(chưa có số)"  # a stored document without a số, ký hiệu: never its database id


def shown(value: object, style: str = "") -> Text:
    """A document's or a user's string as rich Text: printed as typed, never as markup or emoji,
    control characters made visible (congvan.present.visible). ``None`` is empty."""
    return Text(visible("" if value is None else str(value)), style=style)


def snippet_text(snippet: str, style: str = "dim") -> Text:
    """A search snippet as Text: its «matched words» in bold, the rest as :func:`shown`."""
    out = Text(style=style)
    rest = snippet
    while (start := rest.find(MARK_OPEN)) >= 0 and (end := rest.find(MARK_CLOSE, start)) >= 0:
        out.append_text(shown(rest[:start]))
        out.append_text(shown(rest[start : end + 1], "bold not dim"))
        rest = rest[end + 1 :]
    out.append_text(shown(rest))
    return out


def one_line(message: str) -> str:
    """One line, printable: a file name that is not UTF-8 shows U+FFFD, never an encoding error."""
    return " ".join(display_name(message).split())


def error_line(message: str) -> None:
    typer.echo(visible(f"congvan: lỗi: {display_name(message)}"), err=True)


def file_error(path: str, reason: str) -> None:
    """ "congvan: lỗi: FILE: REASON". ``extract``'s stderr is part of what the golden corpus
    compares byte for byte, so the error's code is not added here."""
    error_line(f"{path}: {reason}")


def fail(message: str | CongvanError) -> typer.Exit:
    """Print the error as one line on stderr; the caller raises what this returns (exit status 1)."""
    error_line(describe(message) if isinstance(message, CongvanError) else one_line(message))
    return typer.Exit(code=1)


def warn(message: str) -> None:
    typer.echo(visible(f"congvan: cảnh báo: {one_line(message)}"), err=True)


def table(title: str, *columns: str, overflow: str = "fold") -> Table:
    """A titled table; the answers fold long cells, the inbox's status cuts them ("ellipsis")."""
    t = Table(title=title, title_justify="left")
    for c in columns:
        t.add_column(c, overflow=overflow)  # type: ignore[arg-type]
    return t


# --- owe ---------------------------------------------------------------------------------------


def _deadline_cell(r: OweRow) -> Text:
    if r.deadline is None:
        return Text("chưa rõ ngày")
    text = Text(day(r.deadline))
    if len(r.occurrences) > 1:
        text.append(f" (+{len(r.occurrences) - 1} lần)")
    if r.overdue:
        text.append(" quá hạn", style="bold red")
    return text


def owe_table(title: str, rows: list[OweRow]) -> Table:
    t = Table(title=title, title_justify="left", show_lines=False, expand=False)
    t.add_column("Đơn vị", overflow="fold")
    t.add_column("Việc", overflow="fold")
    t.add_column("Hạn", no_wrap=True)
    t.add_column("Lặp lại", no_wrap=True)
    t.add_column("Văn bản nguồn", overflow="fold")
    t.add_column("Tình trạng", overflow="fold")
    for r in rows:
        status = r.status_vi + (f" ({r.answered_by})" if r.answered_by else "")
        cells = ("; ".join(r.owners), r.action or "thực hiện")
        source = f"{r.source}, việc {r.task_no}" if r.task_no else r.source  # "1234/...#2" names that task
        t.add_row(*map(shown, cells), _deadline_cell(r), r.recurrence_vi or "—", shown(source), shown(status))
    return t


# A long answer shows this many rows of each section, the most urgent first, and says how many more.
SHOWN_ROWS = 15


def more_line(console: Console, hidden: int, what: str = "việc") -> None:
    if hidden > 0:
        console.print(Text(f"… và {hidden} {what} nữa (thêm --all để xem hết).", style="italic"))


def render_owe(console: Console, report: OweReport, overdue_only: bool = False, limit: int | None = SHOWN_ROWS) -> None:
    sections = owe_sections(report, overdue_only=overdue_only)
    if not sections:
        console.print("Không có việc nào." if not overdue_only else "Không có việc nào quá hạn.")
        return
    for title, rows in sections:
        console.print(owe_table(f"{title} — {len(rows)} việc", rows[:limit]))
        more_line(console, len(rows) - len(rows[:limit]))
        console.print()


# --- refs --------------------------------------------------------------------------------------


def _refs_head(console: Console, report: RefsReport) -> None:
    doc = report.document
    if doc is None:
        console.print(Text.assemble(shown(report.reference, "bold"), ": ", ("chưa có trong kho", "yellow")))
        return
    console.print(Text.assemble(shown(stored_label(doc), "bold"), " — ", shown(doc.issuer or "?")))
    if doc.subject:
        console.print(Text.assemble("V/v ", shown(doc.subject)))
    if len(report.documents) > 1:
        console.print(f"(Có {len(report.documents)} văn bản cùng số, ký hiệu này trong kho.)")


def _cites(console: Console, report: RefsReport) -> None:
    if not report.cites:
        console.print("Văn bản này không dẫn chiếu văn bản nào.")
        return
    cited = table("Văn bản này dẫn chiếu", "Số, ký hiệu", "Trong kho", "Trích yếu")
    for c in report.cites:
        where = shown(stored_label(c.document)) if c.document else Text("chưa có trong kho", style="yellow")
        subject = (c.document.subject if c.document else c.subject) or ""
        cited.add_row(shown(c.reference), where, shown(subject))
    console.print(cited)


def _cited_by(console: Console, report: RefsReport) -> None:
    if not report.cited_by:
        console.print("Chưa có văn bản nào trong kho dẫn chiếu văn bản này.")
        return
    citing = table("Được dẫn chiếu bởi", "Văn bản", "Ngày", "Cơ quan ban hành", "Trích yếu")
    for r in report.cited_by:
        d = r.document
        citing.add_row(shown(d.reference or NO_NUMBER), day(d.date), shown(d.issuer), shown(d.subject))
    console.print(citing)


def render_refs(console: Console, report: RefsReport, reminders: list | None = None) -> None:
    _refs_head(console, report)
    if report.document is not None:
        _cites(console, report)
    _cited_by(console, report)
    if reminders:
        console.print(Text.assemble("Văn bản đôn đốc: ", shown("; ".join(stored_label(d) for d in reminders))))


def render_history(console: Console, h: DocumentHistory | None) -> None:
    """A document's versions (the current one marked) and what it replaces, amends or corrects, and
    what later documents do to it."""
    if h is None:
        return
    if h.superseded_by is not None:
        console.print(
            Text.assemble(("Không còn hiệu lực", "yellow"), ": thay bằng ", shown(stored_label(h.superseded_by)))
        )
    if h.versions:
        t = table("Các phiên bản", "Bản", "Văn bản", "Nhận ngày", "Hiện hành")
        for v in h.versions:
            t.add_row(str(v.version_no), shown(stored_label(v.document)), day(v.received_on), "có" if v.current else "")
        console.print(t)
    for r in h.relations:
        other = shown(stored_label(r.other)) if r.other else Text.assemble(shown(r.reference), " (chưa có trong kho)")
        console.print(Text.assemble("Văn bản này ", r.label, " ", other))


def render_missing(console: Console, missing: list[MissingRef]) -> None:
    if not missing:
        console.print("Mọi văn bản được dẫn chiếu đều đã có trong kho.")
        return
    t = table(
        "Văn bản được dẫn chiếu nhưng chưa có trong kho", "Số, ký hiệu", "Số văn bản dẫn chiếu", "Dẫn chiếu trong"
    )
    for m in missing:
        t.add_row(shown(m.reference), str(m.count), shown("; ".join(d.reference or NO_NUMBER for d in m.cited_by)))
    console.print(t)


# --- documents, a document's tasks, who has not answered ----------------------------------------


def render_documents(console: Console, rows: list[DocumentRow], limit: int | None = SHOWN_ROWS) -> None:
    if not rows:
        console.print("Không có văn bản nào.")
        return
    t = table("Văn bản", "Văn bản", "Ngày", "Cơ quan ban hành", "Trích yếu", "Người ký")
    for r in rows[:limit]:
        t.add_row(shown(r.label), day(r.date), shown(r.issuer), shown(r.subject), shown(r.signer or "—"))
    console.print(t)
    more_line(console, len(rows) - len(rows[:limit]), "văn bản")


def tasks_table(tasks: list[TaskState]) -> Table:
    """A document's tasks as ``track`` and ``ask`` show them: number, owners, state, handed to."""
    t = table(f"Các việc — {len(tasks)} việc", "Số", "Đơn vị", "Việc", "Hạn", "Tình trạng", "Giao cho")
    for task in tasks:
        given = "; ".join(x for x in (task.assignee, task.person) if x)
        if task.assigned_due:
            given += f", hạn {day(task.assigned_due)}"
        status = task.state_vi + (f" ({task.answered_by})" if task.answered_by else "")
        t.add_row(str(task.number), shown("; ".join(task.owners)), shown(task.action or "thực hiện"),
                  day(task.due), shown(status), shown(given or "—"))  # fmt: skip
    return t


def render_pending(console: Console, rows: list[PendingRow]) -> None:
    if not rows:
        console.print("Mọi đơn vị đã trả lời.")
        return
    t = table("Chưa trả lời", "Việc", "Đơn vị", "Thuộc nhóm", "Hạn", "Tình trạng")
    for r in rows:
        t.add_row(shown(r.address), shown(r.owner), shown(r.group or "—"), day(r.due), shown(r.state))
    console.print(t)


# --- ask ---------------------------------------------------------------------------------------


def render_answer(console: Console, answer: Answer, limit: int | None = SHOWN_ROWS) -> None:
    console.print(shown(answer.summary, "bold"))
    if answer.notice:
        warn(answer.notice)
    if answer.message:
        console.print(shown(answer.message))
    for example in answer.examples:
        console.print(Text.assemble("  • ", shown(example)))
    if answer.owe is not None:
        render_owe(console, answer.owe, overdue_only=answer.kind is Ask.OVERDUE, limit=limit)
    if answer.documents is not None and answer.kind is not Ask.SIGNER:
        render_documents(console, answer.documents, limit=limit)
    if answer.pending is not None:
        render_pending(console, answer.pending)
    elif answer.tasks is not None:
        console.print(tasks_table(answer.tasks) if answer.tasks else "Văn bản này không giao việc nào.")
    if answer.refs is not None:
        render_refs(console, answer.refs)
    if answer.missing is not None:
        render_missing(console, answer.missing)
    if answer.results is not None:
        if not answer.results:
            console.print("Không tìm thấy văn bản nào.")
        for item in answer.results:
            console.print(Text.assemble("  • ", shown(describe_result(item))))


# --- search ------------------------------------------------------------------------------------


def render_hits(console: Console, query: str, hits: list[SearchHit]) -> None:
    if not hits:
        console.print(Text.assemble("Không tìm thấy văn bản nào cho «", shown(clip(query)), "»."))
        return
    for i, h in enumerate(hits, 1):
        when = h.date.strftime("%d/%m/%Y") if h.date else ""
        head = " ".join(x for x in (kind_label(h.kind), h.reference, when, h.issuer) if x)
        internals = f"  (#{h.id}, điểm {h.score:.2f})" if debug.on() else ""  # ids and scores: --debug only
        console.print(Text.assemble((f"{i}. ", "bold"), shown(head, "bold"), internals))
        if h.subject:
            console.print(Text.assemble("   ", shown(h.subject)))
        if h.snippet:
            console.print(Text.assemble("   ", snippet_text(f"…{h.snippet}…")))


# --- the month grid ----------------------------------------------------------------------------


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def _day_cell(cell: DayCell, max_per_day: int, entry_width: int) -> Text | Group:
    if not cell.in_month:
        return Text(str(cell.day.day), style="dim")
    lines = [Text(str(cell.day.day), style="bold reverse" if cell.today else "bold")]
    for e in cell.entries[:max_per_day]:
        style = "red" if e.late else ("green" if e.done else "")
        mark = "↻ " if e.recurring else "• "
        lines.append(shown(mark + _clip(f"{e.who}: {e.action}", entry_width), style))
    if len(cell.entries) > max_per_day:
        lines.append(Text(f"+{len(cell.entries) - max_per_day} việc khác", style="italic"))
    return Group(*lines)  # Text throughout: a name or an action is never read as markup


def month_table(grid: MonthGrid, *, max_per_day: int = 4, entry_width: int = 28) -> Table:
    """The month as a grid (Monday first), each day with its deadlines as "owner: action"."""
    caption = f"{grid.total} hạn trong tháng"
    if grid.undated:
        caption += f"; {grid.undated} việc chưa rõ ngày không hiện trên lịch"
    t = Table(title=f"Tháng {grid.month}/{grid.year}", caption=caption, show_lines=True, expand=True)
    for name in WEEKDAYS_VI:
        t.add_column(name, ratio=1, vertical="top", overflow="fold")
    for week in grid.weeks:
        t.add_row(*(_day_cell(cell, max_per_day, entry_width) for cell in week))
    return t
