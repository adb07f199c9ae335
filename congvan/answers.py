"""The clerk's questions on the command line: owe, ask, calendar, refs, graph.

``register(app)`` adds the commands to the main ``congvan`` app. Each opens the database named by
congvan.config.settings() (migrated first, so a fresh CONGVAN_HOME works) and prints Vietnamese;
a domain error becomes one line on stderr and exit status 1.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.orm import Session

from congvan.config import settings
from pipeline.answers.ask import Answer, describe_result, owe_sections
from pipeline.answers.queries import MissingRef, OweReport, OweRow, RefsReport
from pipeline.errors import CongvanError

TodayOption = Annotated[
    str | None, typer.Option("--today", hidden=True, help="Coi ngày này là hôm nay (để xem lại, để thử)")
]
UnitOption = Annotated[str | None, typer.Option("--unit", "-u", help="Chỉ việc của đơn vị này (vd. “Sở KH&CN”)")]


class GraphFormat(StrEnum):
    dot = "dot"
    graphml = "graphml"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"congvan: lỗi / error: {message}", err=True)
    return typer.Exit(code=1)


@contextmanager
def open_session() -> Iterator[Session]:
    from models.db import session_scope, upgrade

    cfg = settings()
    cfg.home.mkdir(parents=True, exist_ok=True)
    upgrade(cfg.database_url)
    with session_scope(cfg.database_url) as session:
        yield session


def _today(text: str | None) -> dt.date:
    from pipeline.answers.queries import parse_user_date

    return parse_user_date(text) if text else dt.date.today()


def _date(d: dt.date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else "—"


# --- rendering ---------------------------------------------------------------------------------


def _deadline_cell(r: OweRow) -> str:
    if r.deadline is None:
        return "chưa rõ ngày"
    text = _date(r.deadline)
    if len(r.occurrences) > 1:
        text += f" (+{len(r.occurrences) - 1} lần)"
    if r.overdue:
        text += " [bold red]quá hạn[/]"
    return text


def owe_table(title: str, rows: list[OweRow]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    table.add_column("Đơn vị", overflow="fold")
    table.add_column("Việc", overflow="fold")
    table.add_column("Hạn", no_wrap=True)
    table.add_column("Lặp lại", no_wrap=True)
    table.add_column("Văn bản nguồn", overflow="fold")
    table.add_column("Tình trạng", overflow="fold")
    for r in rows:
        status = r.status_vi + (f" ({r.answered_by})" if r.answered_by else "")
        cells = ("; ".join(r.owners), r.action or "thực hiện")
        table.add_row(*map(escape, cells), _deadline_cell(r), r.recurrence_vi or "—", escape(r.source), escape(status))
    return table


def render_owe(console: Console, report: OweReport, overdue_only: bool = False) -> None:
    sections = owe_sections(report, overdue_only=overdue_only)
    if not sections:
        console.print("Không có việc nào." if not overdue_only else "Không có việc nào quá hạn.")
        return
    for title, rows in sections:
        console.print(owe_table(f"{title} — {len(rows)} việc", rows))
        console.print()


def render_refs(console: Console, report: RefsReport, reminders: list | None = None) -> None:
    doc = report.document
    if doc is not None:
        console.print(f"[bold]{escape(doc.label)}[/] — {escape(doc.issuer or '?')}")
        if doc.subject:
            console.print(f"V/v {escape(doc.subject)}")
        if len(report.documents) > 1:
            console.print(f"(Có {len(report.documents)} văn bản cùng số, ký hiệu này trong kho.)")
    else:
        console.print(f"[bold]{escape(report.reference)}[/]: [yellow]chưa có trong kho[/]")
    if doc is not None:
        if report.cites:
            cited = Table(title="Văn bản này dẫn chiếu", title_justify="left")
            for col in ("Số, ký hiệu", "Trong kho", "Trích yếu"):
                cited.add_column(col, overflow="fold")
            for c in report.cites:
                where = escape(c.document.label) if c.document else "[yellow]chưa có trong kho[/]"
                subject = (c.document.subject if c.document else c.citation.subject) or ""
                cited.add_row(escape(c.reference), where, escape(subject))
            console.print(cited)
        else:
            console.print("Văn bản này không dẫn chiếu văn bản nào.")
    if report.cited_by:
        citing = Table(title="Được dẫn chiếu bởi", title_justify="left")
        for col in ("Văn bản", "Ngày", "Cơ quan ban hành", "Trích yếu"):
            citing.add_column(col, overflow="fold")
        for r in report.cited_by:
            d = r.document
            citing.add_row(
                escape(d.reference or f"#{d.id}"), _date(d.date), escape(d.issuer or ""), escape(d.subject or "")
            )
        console.print(citing)
    else:
        console.print("Chưa có văn bản nào trong kho dẫn chiếu văn bản này.")
    if reminders:
        console.print("Văn bản đôn đốc: " + escape("; ".join(d.label for d in reminders)))


def render_missing(console: Console, missing: list[MissingRef]) -> None:
    if not missing:
        console.print("Mọi văn bản được dẫn chiếu đều đã có trong kho.")
        return
    table = Table(title="Văn bản được dẫn chiếu nhưng chưa có trong kho", title_justify="left")
    for col in ("Số, ký hiệu", "Số văn bản dẫn chiếu", "Dẫn chiếu trong"):
        table.add_column(col, overflow="fold")
    for m in missing:
        table.add_row(
            escape(m.reference), str(m.count), escape("; ".join(d.reference or f"#{d.id}" for d in m.cited_by))
        )
    console.print(table)


def render_answer(console: Console, answer: Answer) -> None:
    console.print(f"[bold]{escape(answer.summary)}[/]")
    if answer.message:
        console.print(escape(answer.message))
    for example in answer.examples:
        console.print(f"  • {escape(example)}")
    if answer.owe is not None:
        render_owe(console, answer.owe, overdue_only=answer.kind == "overdue")
    if answer.refs is not None:
        render_refs(console, answer.refs)
    if answer.missing is not None:
        render_missing(console, answer.missing)
    if answer.results is not None:
        if not answer.results:
            console.print("Không tìm thấy văn bản nào.")
        for item in answer.results:
            console.print(f"  • {escape(describe_result(item))}")


def find_search(session: Session) -> Callable[[str], list] | None:
    """congvan.search_glue.search_documents, looked up at call time: the index is built elsewhere."""
    try:
        module = importlib.import_module("congvan.search_glue")
    except ImportError:
        return None
    fn: Any = getattr(module, "search_documents", None)
    if not callable(fn):
        return None
    return lambda query: fn(session, query)


# --- commands ----------------------------------------------------------------------------------


def owe_cmd(
    by: Annotated[str, typer.Option("--by", help="Hạn đến ngày (31/7, 31/7/2025, 2025-07-31)")],
    start: Annotated[str | None, typer.Option("--from", help="Từ ngày; bỏ trống: từ hôm nay, kèm việc quá hạn")] = None,
    action: Annotated[str | None, typer.Option("--action", "-a", help="Chỉ việc có chữ này (vd. “báo cáo”)")] = None,
    unit: UnitOption = None,
    today: TodayOption = None,
) -> None:
    """Đơn vị nào phải làm gì trước ngày --by: việc một lần, việc định kỳ và việc đã quá hạn."""
    from pipeline.answers.queries import owe, parse_user_date

    try:
        now = _today(today)
        until = parse_user_date(by, now)
        since = parse_user_date(start, now) if start else None
        with open_session() as session:
            report = owe(session, by=until, start=since, today=now, action=action, unit=unit)
            console = Console()
            scope = [f"hạn từ {_date(report.start)} đến {_date(report.by)}"]
            if unit:
                scope.append(f"đơn vị: {unit}")
            if action:
                scope.append(f"việc: {action}")
            console.print(f"[bold]Việc phải làm[/] — {'; '.join(scope)}")
            render_owe(console, report)
    except CongvanError as e:
        raise _fail(str(e)) from None


def ask_cmd(
    question: Annotated[str, typer.Argument(help="Câu hỏi, vd. “đơn vị nào phải báo cáo trước 31/7”")],
    today: TodayOption = None,
) -> None:
    """Hỏi bằng tiếng Việt (có dấu hoặc không dấu) về hạn, việc quá hạn, dẫn chiếu, hoặc tìm văn bản."""
    from pipeline.answers.ask import ask

    try:
        now = _today(today)
        with open_session() as session:
            answer = ask(session, question, now, search=find_search(session))
            render_answer(Console(), answer)
    except CongvanError as e:
        raise _fail(str(e)) from None


def calendar_cmd(
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Ghi lịch hạn ra tệp .ics (Outlook, Google, Thunderbird)")
    ] = None,
    month: Annotated[str | None, typer.Option("--month", "-m", help="Xem một tháng trên màn hình, vd. 2025-07")] = None,
    unit: UnitOption = None,
    action: Annotated[str | None, typer.Option("--action", "-a", help="Chỉ việc có chữ này")] = None,
    alarm_days: Annotated[int, typer.Option("--alarm-days", help="Nhắc trước bao nhiêu ngày")] = 3,
    today: TodayOption = None,
) -> None:
    """Lịch hạn: xuất tệp .ics (mỗi hạn một sự kiện, có nhắc trước) hoặc xem lịch tháng trên màn hình."""
    from pipeline.answers.calendar import build_ics, month_view
    from pipeline.answers.queries import parse_user_month, select_obligations

    if ics is None and month is None:
        raise _fail("cần --ics TỆP hoặc --month 2025-07")
    try:
        now = _today(today)
        with open_session() as session:
            obligations = select_obligations(session, action=action, unit=unit)
            console = Console()
            if ics is not None:
                export = build_ics(obligations, alarm_days=alarm_days)
                ics.parent.mkdir(parents=True, exist_ok=True)
                ics.write_bytes(export.data)
                console.print(f"Đã ghi {export.events} hạn vào {ics}.")
                if export.skipped:
                    console.print(f"Bỏ qua {len(export.skipped)} việc chưa rõ ngày (không đặt được lên lịch).")
            if month is not None:
                year, mon = parse_user_month(month, now)
                console.print(month_view(obligations, year, mon, today=now))
    except CongvanError as e:
        raise _fail(str(e)) from None
    except OSError as e:
        raise _fail(f"{ics}: không ghi được tệp ({e.strerror or e})") from None


def refs_cmd(
    reference: Annotated[str | None, typer.Argument(help="Số, ký hiệu, vd. 4664/KH-UBND")] = None,
    missing: Annotated[
        bool, typer.Option("--missing", help="Liệt kê văn bản được dẫn chiếu mà chưa có trong kho")
    ] = False,
) -> None:
    """Dẫn chiếu của một văn bản: văn bản đó dẫn chiếu gì, văn bản nào dẫn chiếu nó, và nó có trong kho không."""
    from pipeline.answers.queries import missing_citations, refs, reminders_of

    if not reference and not missing:
        raise _fail("cần số, ký hiệu văn bản (vd. 4664/KH-UBND) hoặc --missing")
    try:
        with open_session() as session:
            console = Console()
            if reference:
                report = refs(session, reference)
                reminders = reminders_of(session, report.document) if report.document else []
                render_refs(console, report, reminders)
            if missing:
                render_missing(console, missing_citations(session))
    except CongvanError as e:
        raise _fail(str(e)) from None


def graph_cmd(
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", help="dot (Graphviz) hoặc graphml (yEd, Gephi)")] = (
        GraphFormat.dot
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Ghi ra tệp; bỏ trống: in ra màn hình")] = None,
) -> None:
    """Đồ thị dẫn chiếu giữa các văn bản (văn bản chưa có trong kho vẽ nét đứt)."""
    from pipeline.answers.graph import citation_graph, to_dot, to_graphml

    try:
        with open_session() as session:
            nodes, edges = citation_graph(session)
            text = to_dot(nodes, edges) if fmt is GraphFormat.dot else to_graphml(nodes, edges)
        if output is None:
            typer.echo(text, nl=False)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Đã ghi {len(nodes)} văn bản, {len(edges)} dẫn chiếu vào {output}.", err=True)
    except CongvanError as e:
        raise _fail(str(e)) from None
    except OSError as e:
        raise _fail(f"{output}: không ghi được tệp ({e.strerror or e})") from None


def register(app: typer.Typer) -> None:
    """Add owe, ask, calendar, refs and graph to the ``congvan`` command line."""
    app.command("owe")(owe_cmd)
    app.command("ask")(ask_cmd)
    app.command("calendar")(calendar_cmd)
    app.command("refs")(refs_cmd)
    app.command("graph")(graph_cmd)
