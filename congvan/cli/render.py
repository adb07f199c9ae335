"""What every command prints the same way: one-line errors and warnings, and the rich tables of the
answers (owe, refs, missing citations, the month grid). Titles and lines come from congvan.present."""

from __future__ import annotations

import typer
from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from congvan.present import day, describe_result, owe_sections
from pipeline.answers.ask import Answer
from pipeline.answers.calendar import DayCell, MonthGrid
from pipeline.answers.intents import Ask
from pipeline.answers.owe import OweReport, OweRow
from pipeline.answers.refs import MissingRef, RefsReport
from pipeline.errors import CongvanError, describe
from pipeline.ingest.files import display_name
from pipeline.labels import stored_label

WEEKDAYS_VI = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def one_line(message: str) -> str:
    """One line, printable: a file name that is not UTF-8 shows U+FFFD, never an encoding error."""
    return " ".join(display_name(message).split())


def error_line(message: str) -> None:
    typer.echo(f"congvan: lỗi / error: {display_name(message)}", err=True)


def file_error(path: str, reason: str) -> None:
    """ "congvan: lỗi / error: FILE: REASON". ``extract``'s stderr is part of what the golden corpus
    compares byte for byte, so the error's code is not added here."""
    error_line(f"{path}: {reason}")


def fail(message: str | CongvanError) -> typer.Exit:
    """Print the error as one line on stderr; the caller raises what this returns (exit status 1)."""
    error_line(describe(message) if isinstance(message, CongvanError) else one_line(message))
    return typer.Exit(code=1)


def warn(message: str) -> None:
    typer.echo(f"congvan: cảnh báo / warning: {one_line(message)}", err=True)


def table(title: str, *columns: str, overflow: str = "fold") -> Table:
    """A titled table; the answers fold long cells, the inbox's status cuts them ("ellipsis")."""
    t = Table(title=title, title_justify="left")
    for c in columns:
        t.add_column(c, overflow=overflow)  # type: ignore[arg-type]
    return t


# --- owe ---------------------------------------------------------------------------------------


def _deadline_cell(r: OweRow) -> str:
    if r.deadline is None:
        return "chưa rõ ngày"
    text = day(r.deadline)
    if len(r.occurrences) > 1:
        text += f" (+{len(r.occurrences) - 1} lần)"
    if r.overdue:
        text += " [bold red]quá hạn[/]"
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
        t.add_row(*map(escape, cells), _deadline_cell(r), r.recurrence_vi or "—", escape(r.source), escape(status))
    return t


def render_owe(console: Console, report: OweReport, overdue_only: bool = False) -> None:
    sections = owe_sections(report, overdue_only=overdue_only)
    if not sections:
        console.print("Không có việc nào." if not overdue_only else "Không có việc nào quá hạn.")
        return
    for title, rows in sections:
        console.print(owe_table(f"{title} — {len(rows)} việc", rows))
        console.print()


# --- refs --------------------------------------------------------------------------------------


def _refs_head(console: Console, report: RefsReport) -> None:
    doc = report.document
    if doc is None:
        console.print(f"[bold]{escape(report.reference)}[/]: [yellow]chưa có trong kho[/]")
        return
    console.print(f"[bold]{escape(stored_label(doc))}[/] — {escape(doc.issuer or '?')}")
    if doc.subject:
        console.print(f"V/v {escape(doc.subject)}")
    if len(report.documents) > 1:
        console.print(f"(Có {len(report.documents)} văn bản cùng số, ký hiệu này trong kho.)")


def _cites(console: Console, report: RefsReport) -> None:
    if not report.cites:
        console.print("Văn bản này không dẫn chiếu văn bản nào.")
        return
    cited = table("Văn bản này dẫn chiếu", "Số, ký hiệu", "Trong kho", "Trích yếu")
    for c in report.cites:
        where = escape(stored_label(c.document)) if c.document else "[yellow]chưa có trong kho[/]"
        subject = (c.document.subject if c.document else c.subject) or ""
        cited.add_row(escape(c.reference), where, escape(subject))
    console.print(cited)


def _cited_by(console: Console, report: RefsReport) -> None:
    if not report.cited_by:
        console.print("Chưa có văn bản nào trong kho dẫn chiếu văn bản này.")
        return
    citing = table("Được dẫn chiếu bởi", "Văn bản", "Ngày", "Cơ quan ban hành", "Trích yếu")
    for r in report.cited_by:
        d = r.document
        citing.add_row(escape(d.reference or f"#{d.id}"), day(d.date), escape(d.issuer or ""), escape(d.subject or ""))
    console.print(citing)


def render_refs(console: Console, report: RefsReport, reminders: list | None = None) -> None:
    _refs_head(console, report)
    if report.document is not None:
        _cites(console, report)
    _cited_by(console, report)
    if reminders:
        console.print("Văn bản đôn đốc: " + escape("; ".join(stored_label(d) for d in reminders)))


def render_missing(console: Console, missing: list[MissingRef]) -> None:
    if not missing:
        console.print("Mọi văn bản được dẫn chiếu đều đã có trong kho.")
        return
    t = table(
        "Văn bản được dẫn chiếu nhưng chưa có trong kho", "Số, ký hiệu", "Số văn bản dẫn chiếu", "Dẫn chiếu trong"
    )
    for m in missing:
        t.add_row(escape(m.reference), str(m.count), escape("; ".join(d.reference or f"#{d.id}" for d in m.cited_by)))
    console.print(t)


# --- ask ---------------------------------------------------------------------------------------


def render_answer(console: Console, answer: Answer) -> None:
    console.print(f"[bold]{escape(answer.summary)}[/]")
    if answer.message:
        console.print(escape(answer.message))
    for example in answer.examples:
        console.print(f"  • {escape(example)}")
    if answer.owe is not None:
        render_owe(console, answer.owe, overdue_only=answer.kind is Ask.OVERDUE)
    if answer.refs is not None:
        render_refs(console, answer.refs)
    if answer.missing is not None:
        render_missing(console, answer.missing)
    if answer.results is not None:
        if not answer.results:
            console.print("Không tìm thấy văn bản nào.")
        for item in answer.results:
            console.print(f"  • {escape(describe_result(item))}")


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
        lines.append(Text(mark + _clip(f"{e.who}: {e.action}", entry_width), style=style))
    if len(cell.entries) > max_per_day:
        lines.append(Text(f"+{len(cell.entries) - max_per_day} việc khác", style="italic"))
    return Group(*lines)


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
