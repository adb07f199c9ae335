"""The clerk's follow-through on the command line: assign (giao xử lý), done, reopen, the audit log,
and track (how each task of a document stands, member by member for a group owner).

A task is named as ``owe`` shows it: the document's số/ký hiệu and the task's number in it,
"1234/SKHCN-VP#2" (or ``--task 2``). Who acts is Settings.user (CONGVAN_USER, else the login).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from congvan.cli import debug as debugging
from congvan.cli import formats
from congvan.cli.formats import Format, FormatOption
from congvan.cli.render import fail, shown, table
from congvan.present import day
from congvan.wiring import Wiring
from pipeline.errors import CongvanError
from pipeline.status import TrackingState, label_of

Reference = Annotated[
    str,
    typer.Argument(help="Số, ký hiệu văn bản (vd. 1234/SKHCN-VP), hoặc một việc của nó: 1234/SKHCN-VP#2"),
]
TaskOption = Annotated[
    int | None, typer.Option("--task", "-t", help="Chỉ một việc: số thứ tự của việc trong văn bản (như owe in ra)")
]
NoteOption = Annotated[str | None, typer.Option("--note", "-n", help="Ghi chú, ý kiến chỉ đạo")]
TodayOption = Annotated[
    str | None, typer.Option("--today", hidden=True, help="Coi ngày này là hôm nay (để xem lại, để thử)")
]


def _today(text: str | None) -> dt.date:
    from pipeline.answers.dates import parse_user_date

    return parse_user_date(text) if text else dt.date.today()


def _date(text: str | None, today: dt.date) -> dt.date | None:
    from pipeline.answers.dates import parse_user_date

    return parse_user_date(text, today) if text else None


def assign_cmd(
    reference: Reference,
    to: Annotated[str, typer.Option("--to", help="Đơn vị được giao xử lý, vd. “Phòng Kế hoạch”")],
    person: Annotated[str | None, typer.Option("--person", "-p", help="Người được giao xử lý")] = None,
    due: Annotated[str | None, typer.Option("--due", help="Hạn xử lý, vd. 20/7/2025")] = None,
    note: NoteOption = None,
    task: TaskOption = None,
    today: TodayOption = None,
) -> None:
    """Giao văn bản (hoặc một việc của văn bản) cho một đơn vị, người xử lý, có hạn và ý kiến chỉ đạo."""
    from pipeline.answers.actions import assign
    from pipeline.answers.tracking import resolve

    try:
        now = _today(today)
        until = _date(due, now)
        wiring = Wiring.from_env()
        with wiring.session() as session:
            target = resolve(session, reference, task, deadline=wiring.deadline())
            row = assign(session, target, to=to, actor=wiring.settings.user, person=person, due=until, note=note)
            count = f" ({len(target.tasks)} việc)" if target.whole else ""
            line = Text.assemble("Đã giao ", shown(target.label, "bold"), count, " cho ", shown(row.assignee, "bold"))
            if row.person:
                line.append_text(Text.assemble(", người xử lý: ", shown(row.person)))
            if row.due:
                line.append(f", hạn {day(row.due)}")
            if debugging.on():
                line.append(f" [giao #{row.id}]")
            console = Console()
            console.print(line)
            if row.note:
                console.print(Text.assemble("Ý kiến chỉ đạo: ", shown(row.note)))
    except CongvanError as e:
        raise fail(e) from None


def _mark(reference: str, task: int | None, state, today: str | None, debug: bool, **request: Any) -> None:
    from pipeline.answers.actions import MarkRequest, mark
    from pipeline.answers.tracking import find_document, resolve

    try:
        now = _today(today)
        occurrence = _date(request.pop("occurrence", None), now)
        by_document = request.pop("by_document", None)
        wiring = Wiring.from_env()
        with wiring.session() as session:
            deadline = wiring.deadline()
            target = resolve(session, reference, task, deadline=deadline)
            answer = find_document(session, by_document, deadline) if by_document else None
            req = MarkRequest(state, wiring.settings.user, now, answer=answer, occurrence=occurrence, **request)
            marked = mark(session, target, req)
            _print_marked(Console(), target.label, marked, debug)
    except CongvanError as e:
        raise fail(e) from None


def _print_marked(console: Console, label: str, marked: list, debug: bool) -> None:
    if not marked:
        console.print(Text.assemble("Không có việc nào phải đánh dấu trong ", shown(label, "bold"), "."))
        return
    for m in marked:
        line = Text.assemble(shown(m.address, "bold"), ": ", (m.after.label, "bold"))
        if m.member:
            line.append_text(Text.assemble(" — đơn vị ", shown(m.member)))
        if m.occurrence:
            line.append(f" — lần hạn {day(m.occurrence)}")
        if m.answer:
            line.append_text(Text.assemble(" — văn bản trả lời ", shown(m.answer)))
        line.append(f" (trước đó: {m.before.label})")
        console.print(line)


def done_cmd(
    reference: Reference,
    by_document: Annotated[
        str | None, typer.Option("--by-document", "-d", help="Văn bản trả lời (số, ký hiệu), vd. 215/BC-SNV")
    ] = None,
    member: Annotated[
        str | None, typer.Option("--member", "-m", help="Chỉ cho một đơn vị thành viên, vd. “UBND xã Ia Chim”")
    ] = None,
    occurrence: Annotated[
        str | None, typer.Option("--occurrence", help="Việc định kỳ: lần có hạn ngày này (mặc định: lần sắp tới)")
    ] = None,
    note: NoteOption = None,
    task: TaskOption = None,
    today: TodayOption = None,
) -> None:
    """Đánh dấu đã xong một việc (hoặc mọi việc của văn bản), có thể kèm văn bản trả lời."""
    from pipeline.status import MarkState

    _mark(reference, task, MarkState.DONE, today, debugging.on(), by_document=by_document, member=member,
          occurrence=occurrence, note=note)  # fmt: skip


def reopen_cmd(
    reference: Reference,
    member: Annotated[str | None, typer.Option("--member", "-m", help="Chỉ cho một đơn vị thành viên")] = None,
    occurrence: Annotated[str | None, typer.Option("--occurrence", help="Việc định kỳ: lần có hạn ngày này")] = None,
    note: NoteOption = None,
    task: TaskOption = None,
    today: TodayOption = None,
) -> None:
    """Mở lại một việc đã đánh dấu xong (hoặc được coi là đã báo cáo)."""
    from pipeline.status import MarkState

    _mark(reference, task, MarkState.OPEN, today, debugging.on(), member=member, occurrence=occurrence, note=note)


def _json_text(value: dict[str, Any] | None) -> str:
    """Before/after of an audit row in words: a state, or an assignment."""
    if not value:
        return "—"
    parts = []
    if "state" in value:
        parts.append(label_of(TrackingState, value["state"]))
    if "to" in value:
        parts.append(f"giao {value['to']}")
    if value.get("person"):
        parts.append(f"người xử lý {value['person']}")
    if value.get("due"):
        parts.append(f"hạn {day(dt.date.fromisoformat(value['due']))}")
    if value.get("member"):
        parts.append(f"đơn vị {value['member']}")
    if value.get("occurrence"):
        parts.append(f"lần hạn {day(dt.date.fromisoformat(value['occurrence']))}")
    if value.get("by_document"):
        parts.append(f"văn bản trả lời {value['by_document']}")
    if value.get("note"):
        parts.append(f"ghi chú: {value['note']}")
    return "; ".join(parts)


def audit_cmd(
    since: Annotated[str | None, typer.Option("--since", "-s", help="Từ ngày, vd. 1/7/2025")] = None,
    fmt: FormatOption = Format.table,
    today: TodayOption = None,
) -> None:
    """Nhật ký thay đổi: ai giao, ai đánh dấu xong, mở lại việc gì, lúc nào, trước và sau."""
    from pipeline.answers.actions import audit_entries

    try:
        start = _date(since, _today(today))
        moment = dt.datetime.combine(start, dt.time()).astimezone() if start else None
        wiring = Wiring.from_env()
        with wiring.session() as session:
            rows = audit_entries(session, moment)
        if fmt is not Format.table:
            formats.emit_records(fmt, [formats.audit_record(r, _json_text) for r in rows], formats.AUDIT_KEYS)
            return
        console = Console()
        if not rows:
            console.print("Chưa có thay đổi nào" + (f" từ {day(start)}." if start else "."))
            return
        t = table(f"Nhật ký thay đổi — {len(rows)} mục", "Lúc", "Người", "Thao tác", "Đối tượng", "Trước", "Sau")
        for r in rows:
            label = r.object_label + (f" [{r.object_kind} #{r.object_id}]" if debugging.on() else "")
            when = f"{r.at.astimezone():%d/%m/%Y %H:%M}"
            t.add_row(when, shown(r.actor), r.action_vi, shown(label), shown(_json_text(r.before)),
                      shown(_json_text(r.after)))  # fmt: skip
        console.print(t)
    except CongvanError as e:
        raise fail(e) from None


def _print_groups(console: Console, groups, debug: bool) -> None:
    for g in groups:
        when = f", lần hạn {day(g.occurrence)}" if g.occurrence else ""
        title = f"{g.address} — {g.group}{when}: {len(g.answered)}/{len(g.members)} đơn vị đã trả lời"
        t = table(title, "Đơn vị", "Tình trạng", "Văn bản trả lời / người đánh dấu")
        for m in sorted(g.members, key=lambda m: (m.state.closed, m.name)):
            how = m.answered_by or (f"đánh dấu tay: {m.marked_by}" if m.marked_by else "")
            name = m.name + (f" [đơn vị #{m.unit_id}]" if debug else "")
            t.add_row(shown(name), m.state_vi, shown(how))
        console.print(t)


def track_cmd(reference: Reference, fmt: FormatOption = Format.table, today: TodayOption = None) -> None:
    """Theo dõi một văn bản: từng việc, tình trạng, nơi được giao; với nhóm đơn vị, ai đã trả lời, ai chưa."""
    from pipeline.answers.tracking import document_name, document_tracking, find_document
    from pipeline.ingest.followups import member_replies

    try:
        now = _today(today)
        wiring = Wiring.from_env()
        with wiring.session() as session:
            document = find_document(session, reference, wiring.deadline())
            tasks = document_tracking(session, document, now, lambda d, ob, ms: member_replies(session, d, ob, ms))
            if fmt is not Format.table:
                _emit_tracking(fmt, document, tasks)
                return
            console = Console()
            head = Text.assemble(shown(document_name(document), "bold"), " — ", shown(document.issuer or "?"))
            console.print(head)
            if not tasks:
                console.print("Văn bản này không giao việc nào.")
                return
            t = table(f"Các việc — {len(tasks)} việc", "Số", "Đơn vị", "Việc", "Hạn", "Tình trạng", "Giao cho")
            for task in tasks:
                given = "; ".join(x for x in (task.assignee, task.person) if x)
                if task.assigned_due:
                    given += f", hạn {day(task.assigned_due)}"
                status = task.state_vi + (f" ({task.answered_by})" if task.answered_by else "")
                t.add_row(str(task.number), shown("; ".join(task.owners)), shown(task.action or "thực hiện"),
                          day(task.due), shown(status), shown(given or "—"))  # fmt: skip
            console.print(t)
            for task in tasks:
                _print_groups(console, task.groups, debugging.on())
    except CongvanError as e:
        raise fail(e) from None


def _emit_tracking(fmt: Format, document, tasks: list) -> None:
    """``track`` as csv (one line per task) or json (the document and its tasks, members included)."""
    from pipeline.answers.tracking import document_name

    if fmt is Format.csv:
        formats.emit_csv(formats.TASK_KEYS, [formats.task_row(t) for t in tasks])
        return
    head = {"van_ban": document_name(document), "so_ky_hieu": document.reference, "co_quan_ban_hanh": document.issuer}
    formats.emit_json({**formats.with_id(head, "id", document.id), "viec": [formats.task_record(t) for t in tasks]})


def register(app: typer.Typer) -> None:
    """Add assign, done, reopen, audit and track to ``app``."""
    app.command("assign")(assign_cmd)
    app.command("done")(done_cmd)
    app.command("reopen")(reopen_cmd)
    app.command("audit")(audit_cmd)
    app.command("track")(track_cmd)
