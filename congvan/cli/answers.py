"""The clerk's questions on the command line: owe, ask, calendar, refs, graph.

Each opens the database of the home named by the environment (migrated first if it is not at the
latest schema, so a fresh CONGVAN_HOME works) and prints Vietnamese; a domain error becomes one line
on stderr and exit status 1.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from congvan.cli import formats
from congvan.cli.commands import QueryCommand
from congvan.cli.formats import Format, FormatOption
from congvan.cli.render import (
    SHOWN_ROWS,
    fail,
    month_table,
    render_answer,
    render_history,
    render_missing,
    render_owe,
    render_refs,
    shown,
    warn,
)
from congvan.present import day
from congvan.wiring import SearchHook, Wiring
from pipeline.deadline import Deadline
from pipeline.errors import CongvanError, os_reason

TodayOption = Annotated[
    str | None, typer.Option("--today", hidden=True, help="Coi ngày này là hôm nay (để xem lại, để thử)")
]
UnitOption = Annotated[str | None, typer.Option("--unit", "-u", help="Chỉ việc của đơn vị này (vd. “Sở KH&CN”)")]
AllOption = Annotated[bool, typer.Option("--all", help="In hết, không rút gọn câu trả lời dài")]

# ``register(app)`` without a search hook: ``ask`` searches the index of the home it opened.
FROM_INDEX = object()


class GraphFormat(StrEnum):
    dot = "dot"
    graphml = "graphml"


def _today(text: str | None) -> dt.date:
    from pipeline.answers.dates import parse_user_date

    return parse_user_date(text) if text else dt.date.today()


def owe_cmd(
    by: Annotated[str, typer.Option("--by", help="Hạn đến ngày (31/7, 31/7/2025, 2025-07-31)")],
    start: Annotated[str | None, typer.Option("--from", help="Từ ngày; bỏ trống: từ hôm nay, kèm việc quá hạn")] = None,
    action: Annotated[str | None, typer.Option("--action", "-a", help="Chỉ việc có chữ này (vd. “báo cáo”)")] = None,
    unit: UnitOption = None,
    done: Annotated[bool, typer.Option("--done", help="Kể cả việc đã xong, đã báo cáo")] = False,
    every: AllOption = False,
    fmt: FormatOption = Format.table,
    today: TodayOption = None,
) -> None:
    """Đơn vị nào phải làm gì trước ngày --by: việc một lần, việc định kỳ và việc đã quá hạn.

    Ngày --by đã qua: các việc có hạn đến ngày đó mà chưa xong."""
    from pipeline.answers.dates import parse_user_date
    from pipeline.answers.owe import owe

    try:
        now = _today(today)
        until = parse_user_date(by, now)
        since = parse_user_date(start, now) if start else None
        wiring = Wiring.from_env()
        with wiring.session() as session:
            report = owe(
                session, by=until, start=since, today=now, action=action, unit=unit, deadline=wiring.deadline(),
                include_done=done,
            )  # fmt: skip
            if fmt is not Format.table:
                formats.emit_records(fmt, formats.owe_records(report), formats.OWE_KEYS)
                return
            console = Console()
            scope = [f"hạn từ {day(report.start)} đến {day(report.by)}"]
            if report.past:
                scope = [f"{day(report.by)} đã qua: việc có hạn đến ngày đó mà chưa xong"]
            if report.unit:
                scope.append(f"đơn vị: {report.unit}")
            if report.action:
                scope.append(f"việc: {report.action}")
            console.print(Text.assemble(("Việc phải làm", "bold"), " — ", shown("; ".join(scope))))
            render_owe(console, report, limit=None if every else SHOWN_ROWS)
    except CongvanError as e:
        raise fail(e) from None


def _ask_cmd(search: SearchHook | object | None):
    def ask_cmd(
        question: Annotated[
            str, typer.Argument(metavar="CÂU_HỎI", help="Câu hỏi, vd. “đơn vị nào phải báo cáo trước 31/7”")
        ],
        every: AllOption = False,
        fmt: FormatOption = Format.table,
        today: TodayOption = None,
    ) -> None:
        """Hỏi bằng tiếng Việt (có dấu hoặc không dấu) về hạn, việc quá hạn, dẫn chiếu, hoặc tìm văn bản.

        Cũng hỏi được: ai chưa báo cáo, văn bản của cơ quan nào, gửi ai, ai ký, có bao nhiêu văn bản."""
        from pipeline.answers.ask import ask
        from pipeline.ingest.followups import member_replies

        try:
            now = _today(today)
            wiring = Wiring.from_env()
            deadline = wiring.deadline()
            hook = search
            if search is FROM_INDEX:

                def hook(query: str) -> list:
                    return wiring.search(query, deadline=deadline)

            with wiring.session() as session:
                answer = ask(
                    session, question, now, search=hook, deadline=deadline,  # type: ignore[arg-type]
                    replies_of=lambda d, ob, ms: member_replies(session, d, ob, ms),
                )  # fmt: skip
                _print_answer(answer, fmt, limit=None if every else SHOWN_ROWS)
        except CongvanError as e:
            raise fail(e) from None

    return ask_cmd


def _print_answer(answer, fmt: Format, limit: int | None = SHOWN_ROWS) -> None:
    if fmt is Format.table:
        render_answer(Console(), answer, limit=limit)
        return
    if answer.notice:  # on stderr: the data on stdout stays data
        warn(answer.notice)
    if fmt is Format.json:
        formats.emit_json(formats.answer_record(answer))
    else:
        formats.emit_csv(*formats.answer_rows(answer))


def _write_ics(console: Console, obligations: list, ics: Path, alarm_days: int, deadline: Deadline) -> None:
    from pipeline.answers.calendar import build_ics

    export = build_ics(obligations, alarm_days=alarm_days, deadline=deadline)
    ics.parent.mkdir(parents=True, exist_ok=True)
    ics.write_bytes(export.data)
    console.print(Text.assemble(f"Đã ghi {export.events} hạn vào ", shown(ics), "."))
    if export.skipped:
        console.print(f"Bỏ qua {len(export.skipped)} việc chưa rõ ngày (không đặt được lên lịch).")


def calendar_cmd(
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Ghi lịch hạn ra tệp .ics (Outlook, Google, Thunderbird)")
    ] = None,
    month: Annotated[str | None, typer.Option("--month", "-m", help="Xem một tháng trên màn hình, vd. 2025-07")] = None,
    unit: UnitOption = None,
    action: Annotated[str | None, typer.Option("--action", "-a", help="Chỉ việc có chữ này")] = None,
    alarm_days: Annotated[int, typer.Option("--alarm-days", help="Nhắc trước bao nhiêu ngày")] = 3,
    fmt: FormatOption = Format.table,
    today: TodayOption = None,
) -> None:
    """Lịch hạn: xuất tệp .ics (mỗi hạn một sự kiện, có nhắc trước) hoặc xem lịch tháng trên màn hình."""
    from pipeline.answers.calendar import month_grid
    from pipeline.answers.dates import parse_user_month
    from pipeline.answers.owe import select_obligations
    from pipeline.answers.tracking import load_tracking

    if ics is None and month is None:
        raise fail("cần --ics TỆP hoặc --month 2025-07")
    try:
        now = _today(today)
        year, mon = parse_user_month(month, now) if month is not None else (None, None)
        wiring = Wiring.from_env()
        deadline = wiring.deadline()
        with wiring.session() as session:
            obligations = select_obligations(session, action=action, unit=unit, deadline=deadline)
            # With csv/json on stdout, what the .ics export says goes to stderr.
            console = Console(stderr=fmt is not Format.table)
            if ics is not None:
                _write_ics(console, obligations, ics, alarm_days, deadline)
            if year is not None and mon is not None:
                tracking = load_tracking(session, obligations, now)  # the clerk's marks show on the grid
                grid = month_grid(obligations, year, mon, today=now, deadline=deadline, tracking=tracking)
                if fmt is Format.table:
                    console.print(month_table(grid))
                else:
                    formats.emit_records(fmt, formats.month_records(grid), formats.MONTH_KEYS)
    except CongvanError as e:
        raise fail(e) from None
    except OSError as e:
        raise fail(f"{ics}: không ghi được tệp ({os_reason(e)})") from None


def refs_cmd(
    reference: Annotated[str | None, typer.Argument(metavar="SỐ_KÝ_HIỆU", help="Số, ký hiệu, vd. 4664/KH-UBND")] = None,
    missing: Annotated[
        bool, typer.Option("--missing", help="Liệt kê văn bản được dẫn chiếu mà chưa có trong kho")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Dẫn chiếu của một văn bản: văn bản đó dẫn chiếu gì, văn bản nào dẫn chiếu nó, và nó có trong kho không."""
    from models.schema import Document
    from pipeline.answers.refs import missing_citations, refs
    from pipeline.answers.versions import history
    from pipeline.ingest.followups import reminders_of

    if not reference and not missing:
        raise fail("cần số, ký hiệu văn bản (vd. 4664/KH-UBND) hoặc --missing")
    try:
        wiring = Wiring.from_env()
        deadline = wiring.deadline()
        with wiring.session() as session:
            if fmt is not Format.table:
                _print_refs(session, reference, missing, fmt, deadline)
                return
            console = Console()
            if reference:
                report = refs(session, reference, deadline=deadline)
                stored = session.get(Document, report.document.id) if report.document else None
                reminders = reminders_of(session, stored) if stored else []
                render_refs(console, report, reminders)
                render_history(console, history(session, stored.id) if stored else None)
            if missing:
                render_missing(console, missing_citations(session, deadline=deadline))
    except CongvanError as e:
        raise fail(e) from None


def _print_refs(session, reference: str | None, missing: bool, fmt: Format, deadline: Deadline) -> None:
    """``refs`` as csv/json: the report's citations, the missing ones, or both (JSON: one object)."""
    from pipeline.answers.refs import missing_citations, refs

    report = refs(session, reference, deadline=deadline) if reference else None
    absent = [formats.missing_record(m) for m in missing_citations(session, deadline=deadline)] if missing else None
    if fmt is Format.json:
        if report is not None and absent is not None:
            formats.emit_json({"dan_chieu": formats.refs_record(report), "chua_co_trong_kho": absent})
        else:
            formats.emit_json(formats.refs_record(report) if report is not None else absent)
    elif report is not None:  # a CSV is one table: the document's citations first, when asked
        formats.emit_records(fmt, formats.refs_rows(report), formats.REF_KEYS)
    if fmt is Format.csv and absent is not None:
        formats.emit_records(fmt, absent, formats.MISSING_KEYS)


def graph_cmd(
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", help="dot (Graphviz) hoặc graphml (yEd, Gephi)")] = (
        GraphFormat.dot
    ),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Ghi ra tệp; bỏ trống: in ra màn hình")] = None,
) -> None:
    """Đồ thị dẫn chiếu giữa các văn bản (văn bản chưa có trong kho vẽ nét đứt)."""
    from pipeline.answers.graph import citation_graph, to_dot, to_graphml

    try:
        wiring = Wiring.from_env()
        with wiring.session() as session:
            nodes, edges = citation_graph(session, deadline=wiring.deadline())
            text = to_dot(nodes, edges) if fmt is GraphFormat.dot else to_graphml(nodes, edges)
        if output is None:
            typer.echo(text, nl=False)
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Đã ghi {len(nodes)} văn bản, {len(edges)} dẫn chiếu vào {output}.", err=True)
    except CongvanError as e:
        raise fail(e) from None
    except OSError as e:
        raise fail(f"{output}: không ghi được tệp ({os_reason(e)})") from None


def register(app: typer.Typer, *, search: SearchHook | object | None = FROM_INDEX) -> None:
    """Add owe, ask, calendar, refs and graph to ``app``. ``search`` is what ``ask`` searches with:
    the home's index by default, ``None`` for no full-text search."""
    app.command("owe")(owe_cmd)
    app.command("ask", cls=QueryCommand)(_ask_cmd(search))  # a question may start with "-"
    app.command("calendar")(calendar_cmd)
    app.command("refs")(refs_cmd)
    app.command("graph")(graph_cmd)
