"""``congvan watch`` and ``congvan status``: the inbox on the command line.

``register(app)`` adds both commands to the main app. The watcher prints one line per file taken
(stdout, for journald) and warnings on stderr; a problem that stops it (the inbox missing or
read-only, another watcher holding it, the database unreachable) is one line on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:  # imported when a command runs: the rest of the CLI does not pay for the pipeline
    from pipeline.inbox.processor import Inbox, Outcome

STATUS_VI = {
    "added": "đã thêm",
    "merged": "cùng văn bản, thêm định dạng",
    "suspected-duplicate": "nghi trùng số",
    "needs-ocr": "cần OCR",
    "duplicate": "đã có, trùng",
    "failed": "lỗi",
}


def _fail(message: str) -> typer.Exit:
    typer.echo(f"congvan: lỗi / error: {' '.join(message.split())}", err=True)
    return typer.Exit(code=1)


def _warn(message: str) -> None:
    typer.echo(f"congvan: cảnh báo / warning: {' '.join(message.split())}", err=True)


def _open_database():
    """The database, store and ingest hooks exactly as ``congvan ingest`` opens them."""
    from congvan.runtime import content_store, ingest_hooks, session_factory

    try:
        factory = session_factory()
        with factory() as session:  # connect now: an unreachable server is a one-line error here
            session.connection()
        hooks, after_commit = ingest_hooks()
        return factory, content_store(), hooks, after_commit
    except Exception as e:
        raise _fail(f"không mở được cơ sở dữ liệu / cannot open the database: {type(e).__name__}: {e}") from e


def _rel(inbox: Inbox, path: Path | str) -> str:
    try:
        return str(Path(path).relative_to(inbox.root))
    except ValueError:
        return str(path)


def watch_cmd(
    inbox: Annotated[Path, typer.Argument(help="Thư mục hộp thư, nơi văn thư thả văn bản đến")],
    poll: Annotated[
        float | None,
        typer.Option("--poll", min=0.1, help="Quét thư mục mỗi N giây thay vì chờ sự kiện (thư mục chia sẻ qua mạng)"),
    ] = None,
    stable: Annotated[
        float, typer.Option("--stable", min=0.0, help="Chỉ nhận tệp không đổi kích thước, giờ sửa trong N giây")
    ] = 5.0,
    rescan: Annotated[
        float, typer.Option("--rescan", min=1.0, help="Quét lại toàn bộ hộp thư mỗi N giây (sự kiện có thể bị mất)")
    ] = 300.0,
    once: Annotated[
        bool,
        typer.Option("--once", help="Nhận các tệp đang có rồi thoát (cho cron, để thử); mã thoát 1 nếu có tệp lỗi"),
    ] = False,
) -> None:
    """Theo dõi hộp thư: mỗi tệp thả vào được nhập đúng một lần, rồi chuyển vào processed/, failed/ hoặc duplicates/."""
    from pipeline.inbox.processor import Inbox, InboxError, Processor
    from pipeline.inbox.watch import Watcher

    box = Inbox(inbox)
    try:
        box.prepare()
        box.lock()
    except InboxError as e:
        raise _fail(str(e)) from e
    factory, store, hooks, after_commit = _open_database()
    processor = Processor(box, factory, store, hooks, after_commit, warn=_warn)

    def report(o: Outcome) -> None:
        label = STATUS_VI.get(o.status or "", o.state or "?")
        line = f"{label}: {_rel(box, o.path)} → {_rel(box, o.dest) if o.dest else '?'}"
        if o.document_id and o.state != "failed":
            line += f" (#{o.document_id})"
        if o.reason and o.status not in ("added", "duplicate"):
            line += f" — {' '.join(o.reason.split())}"
        if o.recovered:
            line += " [hoàn tất sau khi khởi động lại / completed after restart]"
        typer.echo(line)

    try:
        closed, dropped = processor.reconcile()
    except Exception as e:
        raise _fail(f"không đọc được nhật ký nhập / cannot read the ingest journal: {type(e).__name__}: {e}") from e
    if closed or dropped:
        typer.echo(f"Khôi phục sau lần dừng trước / recovered: {closed} mục đã xong, {dropped} mục bỏ dở")
    watcher = Watcher(box, processor, stable=stable, rescan=rescan, poll=poll, report=report, warn=_warn)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: watcher.stop())
    if not once:
        mode = f"quét mỗi {poll:g} giây" if poll else "theo sự kiện"
        typer.echo(f"Đang theo dõi {box.root} ({mode}, quét lại mỗi {rescan:g} giây). Dừng: Ctrl+C.")
    summary = watcher.run(once=once)
    box.unlock()
    if once:
        done = ", ".join(f"{k} {v}" for k, v in sorted(summary.done.items())) or "không có tệp / nothing"
        typer.echo(f"Xong / done: {done}" + (f"; còn lại / left {len(summary.left)}" if summary.left else ""))
        if summary.done.get("failed") or summary.left:
            raise typer.Exit(code=1)


def _local_midnight_utc() -> dt.datetime:
    today = dt.datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return today.astimezone(dt.UTC)


def _local(value: dt.datetime | None, fmt: str = "%H:%M:%S") -> str:
    return value.astimezone().strftime(fmt) if value else ""


def _mtime(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None


def _notes(folder: Path, suffix: str) -> list[tuple[Path, Path]]:
    """(file, its note) under ``folder``, newest note first: the note is written when the file
    is moved there (the moved file keeps the mtime the clerk's copy had)."""
    if not folder.is_dir():
        return []
    pairs = [
        (p, p.with_name(p.name + suffix)) for p in folder.rglob("*") if p.is_file() and not p.name.endswith(suffix)
    ]
    pairs = [(p, n) for p, n in pairs if not p.name.endswith((".note.txt", ".reason.txt"))]
    return sorted(pairs, key=lambda pn: _mtime(pn[1]) or _mtime(pn[0]) or dt.datetime.min.astimezone(), reverse=True)


def _read_note(path: Path) -> str:
    try:
        return " ".join(path.read_text(encoding="utf-8", errors="replace").split())
    except OSError:
        return "?"


def status_cmd(
    inbox: Annotated[Path | None, typer.Argument(help="Thư mục hộp thư (bỏ trống: chỉ xem nhật ký)")] = None,
) -> None:
    """Hàng đợi của hộp thư: tệp đang chờ, đang xử lý, đã xử lý hôm nay, lỗi kèm lý do."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from models.schema import Document
    from pipeline.inbox import journal
    from pipeline.inbox.processor import DUPLICATES_DIR, FAILED_DIR, NOTE_SUFFIX, REASON_SUFFIX, Inbox, InboxError
    from pipeline.status import JournalState

    box = Inbox(inbox) if inbox is not None else None
    if box is not None:
        try:
            box.check()
        except InboxError as e:
            raise _fail(str(e)) from e
    factory, *_ = _open_database()
    prefix = box.prefix if box else None
    midnight = _local_midnight_utc()

    def name_of(entry: journal.Entry) -> str:
        return entry.name[len(prefix) :] if prefix and entry.name.startswith(prefix) else entry.name

    def table(title: str, *columns: str) -> Table:
        t = Table(title=title, title_justify="left")
        for c in columns:
            t.add_column(c)
        return t

    console = Console()
    open_rows = journal.open_entries(factory, prefix)
    in_progress = [e for e in open_rows if e.state == JournalState.PENDING]

    waiting: list[Path] = []
    if box is not None:  # files in the inbox not (yet) claimed, stable or still being written
        busy = {e.name for e in open_rows}
        waiting = [p for p in box.scan() if journal.journal_name(p) not in busy]
        t = table(f"Đang chờ / waiting ({len(waiting)})", "Tệp", "Kích thước", "Sửa lúc")
        for p in waiting[:200]:
            with contextlib.suppress(OSError):
                t.add_row(escape(_rel(box, p)), f"{p.stat().st_size:,} B", f"{_mtime(p):%d/%m %H:%M:%S}")
        console.print(t)

    t = table(f"Đang xử lý / in progress ({len(in_progress)})", "Tệp", "Bắt đầu", "Lần thử", "Tiến trình")
    for e in in_progress:
        owner = e.owner
        holder = f"{owner.host} pid {owner.pid}" if owner else ""
        t.add_row(escape(name_of(e)), _local(e.started_at, "%d/%m %H:%M:%S"), str(e.attempts), holder)
    console.print(t)

    # Processed today: the journal's rows; the same bytes dropped again have no row of their own
    # (one row per distinct file), so with an inbox its duplicates/ notes of today are added.
    states = (JournalState.PROCESSED,) if box is not None else (JournalState.PROCESSED, JournalState.DUPLICATE)
    rows = [e for e in journal.finished_since(factory, midnight, states) if prefix is None or e.name.startswith(prefix)]
    done: list[tuple[dt.datetime | None, str, str, str]] = []
    with factory() as session:
        ids = [e.document_id for e in rows if e.document_id]
        docs = {d.id: d for d in session.query(Document).filter(Document.id.in_(ids))} if ids else {}
    for e in rows:
        status = "duplicate" if e.state == JournalState.DUPLICATE else (e.result or "")
        doc = docs.get(e.document_id or -1)
        what = f"#{doc.id} {doc.kind or ''} {doc.reference or ''}".strip() if doc else ""
        done.append((e.finished_at, name_of(e), STATUS_VI.get(status, status), what))
    if box is not None:
        for p, note in _notes(box.folder(DUPLICATES_DIR), NOTE_SUFFIX):
            when = _mtime(note)
            if when is not None and when >= midnight:
                text = _read_note(note).partition(": ")[2]
                done.append((when, str(p.relative_to(box.root)), STATUS_VI["duplicate"], text[:80]))
    done.sort(key=lambda r: r[0] or midnight)
    dups = sum(1 for r in done if r[2] == STATUS_VI["duplicate"])
    t = table(f"Đã xử lý hôm nay / processed today ({len(done)})", "Giờ", "Tệp", "Kết quả", "Văn bản")
    for when, name, result, what in done:
        t.add_row(_local(when), escape(name), result, escape(what))
    console.print(t)

    if box is not None:  # what waits for the clerk: the files in failed/, with their reasons
        failed = _notes(box.folder(FAILED_DIR), REASON_SUFFIX)
        t = table(f"Lỗi / failed ({len(failed)})", "Tệp", "Lúc", "Lý do")
        for p, reason in failed[:100]:
            when = _mtime(reason) or _mtime(p)
            t.add_row(
                escape(str(p.relative_to(box.root))), f"{when:%d/%m %H:%M}" if when else "", escape(_read_note(reason))
            )
        n_failed = len(failed)
    else:
        failures = journal.recent_failures(factory)
        t = table(f"Lỗi / failed ({len(failures)})", "Tệp", "Lúc", "Lý do")
        for e in failures:
            t.add_row(escape(name_of(e)), _local(e.finished_at or e.started_at, "%d/%m %H:%M"), escape(e.reason or ""))
        n_failed = len(failures)
    console.print(t)
    counts = [f"đang chờ {len(waiting)}"] if box is not None else []
    counts += [f"đang xử lý {len(in_progress)}", f"đã xử lý hôm nay {len(done)} (trùng {dups})", f"lỗi {n_failed}"]
    line = " · ".join(counts)
    console.print(line[0].upper() + line[1:])


def register(app: typer.Typer) -> None:
    """Add ``watch`` and ``status`` to the ``congvan`` command line."""
    app.command("watch")(watch_cmd)
    app.command("status")(status_cmd)
