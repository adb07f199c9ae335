"""``congvan show REF``: one document by its số, ký hiệu: header, files and where the originals are
kept, the files' digital signatures, its line in the register, its tasks with how they stand, what
it cites and what cites it. A file modified after signing is said first, in red."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from congvan.cli import debug
from congvan.cli.render import fail, render_history, shown, table
from congvan.present import day
from congvan.wiring import Wiring
from pipeline.errors import CongvanError, QueryError
from pipeline.labels import stored_label

_PICK = re.compile(r"^\s*(\d{1,6})\s*(?:/\s*(\d{4}))?\s*$")


def _pick(text: str | None) -> tuple[int, int | None] | None:
    if text is None:
        return None
    m = _PICK.match(text)
    if not m:
        raise QueryError(f"không hiểu số đến {text!r}: hãy viết như 12 hoặc 12/2025", "CV-Q06")
    return int(m[1]), int(m[2]) if m[2] else None


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} byte"


def _header(console: Console, v, debug: bool) -> None:
    name = v.kind_name or "Văn bản"
    title = Text.assemble((f"{name} ", "bold"), shown(v.reference or "(chưa có số)", "bold"))
    if v.date:
        title.append(f" {v.dated}")
    if debug:
        title.append(f"  [#{v.id}, {v.kind or '?'}]", style="dim")
    console.print(title)
    for label, value in (
        ("Cơ quan ban hành", " — ".join(p for p in (v.issuer, v.issuer_parent) if p)),
        ("Nơi ban hành", v.place),
        ("Trích yếu", v.subject),
        ("Người ký", v.signer),
        ("Tình trạng đọc", v.status),
    ):
        if value:
            console.print(Text.assemble(f"  {label}: ", shown(value)))


def _entry(console: Console, v) -> None:
    e = v.entry
    if e is None:
        console.print("Sổ văn bản đến: chưa vào sổ.")
        return
    from pipeline.answers.register import UNREAD
    from pipeline.status import Secrecy, Urgency

    urgency = Urgency(e.urgency).label if e.urgency else UNREAD
    secrecy = Secrecy(e.secrecy).label if e.secrecy else ("không" if e.urgency else UNREAD)
    console.print(
        Text.assemble(
            ("Sổ văn bản đến: ", "bold"), f"số đến {e.number}/{e.received_at.year}, ",
            f"ngày đến {e.received_at:%d/%m/%Y %H:%M}; độ khẩn: {urgency}; độ mật: {secrecy}",
        )
    )  # fmt: skip
    if e.recipient:
        console.print(Text.assemble("  Đơn vị hoặc người nhận: ", shown(e.recipient)))
    if e.note:
        console.print(Text.assemble("  Ghi chú: ", shown(e.note)))


def _files(console: Console, v, store: Path) -> None:
    t = table(f"Tệp ({len(v.files)})", "Tên tệp", "Định dạng", "Cỡ", "Nhận lúc", "Bản gốc lưu tại")
    for f in v.files:
        t.add_row(
            shown(f.name), f.format, _size(f.size), f"{f.received_at:%d/%m/%Y %H:%M}", shown(store / f.stored_path)
        )
    console.print(t)


def _warnings(console: Console, v) -> None:
    """A file that is not what was signed, said before anything else is believed of it."""
    for f in v.files:
        for w in dict.fromkeys(s.warning for s in f.signatures if s.warning):
            console.print(Text.assemble((w, "bold red"), " — tệp ", shown(f.name)))


def _signatures(console: Console, v) -> None:
    signed = [(f, s) for f in v.files for s in f.signatures]
    if not signed:
        return
    t = table(f"Chữ ký số ({len(signed)})", "Tệp", "Người ký", "Cơ quan", "Ký lúc", "Kiểm tra")
    for f, s in signed:
        when = f"{s.signed_at:%d/%m/%Y %H:%M:%S}" if s.signed_at else "không rõ"
        check = s.summary.split(": ", 1)[1] if ": " in s.summary else s.summary
        style = "bold red" if s.warning else ""
        t.add_row(shown(f.name), shown(s.signer or "không rõ"), shown(s.organisation or ""), when, shown(check, style))
    console.print(t)


def _tasks(console: Console, v, debug: bool) -> None:
    if not v.tasks:
        console.print("Văn bản này không giao việc nào.")
        return
    handed = any(task.assignee for task in v.tasks)
    columns = ["Việc số", "Đơn vị", "Việc", "Hạn", "Tình trạng"] + (["Giao cho"] if handed else [])
    t = table(f"Việc văn bản giao ({len(v.tasks)})", *columns, *(["Quy tắc"] if debug else []))
    for task in v.tasks:
        due = day(task.due) if task.due else "chưa rõ ngày"
        if task.recurrence:
            due = f"{due} ({task.recurrence})"
        status = task.status
        if task.answered_by:
            status = f"{status}: {stored_label(task.answered_by)}"
        cells = [str(task.number), shown("; ".join(task.owners)), shown(task.text), due, shown(status)]
        if handed:
            cells.append(shown(task.assignee or ""))
        t.add_row(*cells, *([shown(f"#{task.id} {task.rule or ''}")] if debug else []))
    console.print(t)
    address = f"{v.reference}#1" if v.reference else "SỐ/KÝ-HIỆU#1"
    console.print(
        Text.assemble(
            "Giao, đánh dấu xong, xem từng đơn vị đã báo cáo chưa: ",
            shown(f'congvan assign "{address}" --to ...'), ", ", shown(f'congvan done "{address}"'), ", ",
            shown(f'congvan track "{v.reference or address}"'),
        ),
        style="dim",
    )  # fmt: skip


def _citations(console: Console, v) -> None:
    if v.cites:
        t = table("Văn bản này dẫn chiếu", "Số, ký hiệu", "Trong kho", "Trích yếu")
        for c in v.cites:
            where = shown(stored_label(c.document)) if c.document else Text("chưa có trong kho", style="yellow")
            t.add_row(shown(c.reference), where, shown((c.document.subject if c.document else c.subject) or ""))
        console.print(t)
    else:
        console.print("Văn bản này không dẫn chiếu văn bản nào.")
    if v.cited_by:
        t = table("Được dẫn chiếu bởi", "Văn bản", "Cơ quan ban hành", "Trích yếu")
        for r in v.cited_by:
            t.add_row(shown(stored_label(r.document)), shown(r.document.issuer), shown(r.document.subject))
        console.print(t)
    else:
        console.print("Chưa có văn bản nào trong kho dẫn chiếu văn bản này.")


def _choices(console: Console, report) -> None:
    console.print(
        Text.assemble(f"Có {len(report.documents)} văn bản mang số, ký hiệu ", shown(report.reference, "bold"), ":")
    )
    t = table("", "Số đến", "Ngày đến", "Cơ quan ban hành", "Ngày", "Trích yếu")
    for v in report.documents:
        e = v.entry
        t.add_row(f"{e.number}/{e.received_at.year}" if e else "—", e.received_text if e else "",
                  shown(v.issuer), v.date_shown, shown(v.subject))  # fmt: skip
    console.print(t)
    first = report.documents[0].entry
    example = f"{first.number}/{first.received_at.year}" if first else "12"
    console.print(
        Text.assemble(
            "Chọn một văn bản theo số đến, vd. ", shown(f'congvan show "{report.reference}" --number {example}')
        )
    )


def show_cmd(
    reference: Annotated[str, typer.Argument(help="Số, ký hiệu văn bản, vd. 1260/UBND-KGVX")],
    number: Annotated[
        str | None,
        typer.Option("--number", "-n", help="Số đến trong sổ, khi nhiều văn bản cùng số (vd. 12 hoặc 12/2025)"),
    ] = None,
) -> None:
    """Xem một văn bản: thông tin chung, tệp gốc, số đến trong sổ, việc phải làm, dẫn chiếu."""
    from pipeline.answers.document import show

    try:
        pick = _pick(number)
        wiring = Wiring.from_env()
        with wiring.session() as session:
            report = show(session, reference, pick=pick, deadline=wiring.deadline())
        console = Console()
        if not report.documents:
            console.print(Text.assemble(shown(report.reference, "bold"), ": ", ("chưa có trong kho", "yellow")))
            raise typer.Exit(code=1)
        if len(report.documents) > 1:
            _choices(console, report)
            return
        v = report.documents[0]
        internals = debug.on()
        _warnings(console, v)
        _header(console, v, internals)
        _entry(console, v)
        _files(console, v, wiring.settings.store_dir)
        _signatures(console, v)
        _tasks(console, v, internals)
        _citations(console, v)
        render_history(console, v.history)
    except CongvanError as e:
        raise fail(e) from None


def register(app: typer.Typer) -> None:
    app.command("show")(show_cmd)
