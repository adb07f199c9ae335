"""``congvan watch`` and ``congvan status``: the inbox on the command line.

The watcher prints one line per file taken (stdout, for journald) and warnings on stderr; a problem
that stops it (the inbox missing or read-only, another watcher holding it, the database unreachable)
is one line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from congvan.cli import debug
from congvan.cli.render import fail, one_line, shown, table, warn
from congvan.present import visible
from congvan.wiring import Wiring
from pipeline.labels import stored_label
from pipeline.status import IngestStatus, JournalState, OcrState, label_of

if TYPE_CHECKING:  # imported when a command runs: the rest of the CLI does not pay for the pipeline
    from rich.console import Console
    from rich.table import Table

    from pipeline.inbox import journal
    from pipeline.inbox.processor import Inbox, Outcome

DUPLICATE_LABEL = IngestStatus.DUPLICATE.label


def _open_database(*, writes: bool) -> Wiring:
    """The database, store and ingest hooks exactly as ``congvan ingest`` opens them."""
    wiring = Wiring.from_env(writes=writes)
    try:
        with wiring.session_factory() as session:  # connect now: an unreachable server is a one-line error here
            session.connection()
        return wiring
    except Exception as e:
        raise fail(f"không mở được cơ sở dữ liệu{debug.detail(e)}") from e


def _rel(inbox: Inbox, path: Path | str) -> str:
    """The path below the inbox as a clerk reads it (a name that is not UTF-8 shows U+FFFD)."""
    from pipeline.ingest.files import display_name

    try:
        return display_name(Path(path).relative_to(inbox.root))
    except ValueError:
        return display_name(path)


def _status_label(status: str | None, otherwise: str) -> str:
    return label_of(IngestStatus, status) if status in set(IngestStatus) else otherwise


def _reporter(box: Inbox) -> Callable[[Outcome], None]:
    def report(o: Outcome) -> None:
        label = _status_label(o.status, label_of(JournalState, o.state) or "?")
        line = f"{label}: {_rel(box, o.path)} → {_rel(box, o.dest) if o.dest else '?'}"
        if o.document_id and o.state != JournalState.FAILED and debug.on():
            line += f" (#{o.document_id})"
        if o.reason and o.status != IngestStatus.DUPLICATE:  # an added file's only reason is a warning
            line += f" — {debug.hide_ids(one_line(o.reason))}"
        if o.revised:
            line += " [phiên bản mới, thay bản đã nhận]"
        if o.recovered:
            line += " [hoàn tất sau khi khởi động lại]"
        typer.echo(visible(line))  # a file name's control characters shown, not sent to the terminal

    return report


def _background_ocr(wiring: Wiring, indexer):
    """The OCR worker beside the inbox, or None (said once) when OCR is not installed here."""
    from congvan.cli.ocr import BackgroundOcr, outcome_line
    from pipeline.ocr.engine import unavailable

    why = unavailable()
    if why:
        warn(f"bản quét được lưu và chờ OCR, nhưng máy này chưa OCR được: {why}")
        return None

    def report(o) -> None:
        if o.state == OcrState.DONE:
            typer.echo(visible(outcome_line(o)))
        else:
            again = " (sẽ thử lại)" if o.state == OcrState.QUEUED else ""
            warn(f"OCR không được: {o.name}: {o.reason}{again}")

    return BackgroundOcr(wiring, report, on_done=lambda: indexer.mark_dirty())


def watch_cmd(
    inbox: Annotated[Path, typer.Argument(metavar="HỘP_THƯ", help="Thư mục hộp thư, nơi văn thư thả văn bản đến")],
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
        raise fail(str(e)) from e
    wiring = _open_database(writes=True)
    hooks, after_commit = wiring.ingest_hooks(warn=warn, tell=typer.echo)
    processor = Processor(
        box, wiring.session_factory, wiring.store, hooks, after_commit, warn=warn, reader=wiring.reader
    )
    try:
        closed, dropped = processor.reconcile()
    except Exception as e:
        raise fail(f"không đọc được nhật ký nhập{debug.detail(e)}") from e
    if closed or dropped:
        typer.echo(f"Khôi phục sau lần dừng trước: {closed} mục đã xong, {dropped} mục bỏ dở")
    report = _reporter(box)
    ocr = None if once else _background_ocr(wiring, after_commit)
    if ocr is not None:
        plain = report

        def report(o: Outcome) -> None:
            plain(o)
            if o.status == IngestStatus.NEEDS_OCR:
                ocr.wake()  # the scan is stored: the OCR worker takes it now, the inbox goes on

    watcher = Watcher(box, processor, stable=stable, rescan=rescan, poll=poll, report=report, warn=warn)
    if ocr is not None:
        ocr.on_done = lambda: (after_commit.mark_dirty(), watcher.wake())
        ocr.start()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: watcher.stop())
    if not once:
        mode = f"quét mỗi {poll:g} giây" if poll else "theo sự kiện"
        typer.echo(f"Đang theo dõi {box.root} ({mode}, quét lại mỗi {rescan:g} giây). Dừng: Ctrl+C.")
    wiring.reader.start()  # the reading worker warms up now, not when the first file arrives
    try:
        summary = watcher.run(once=once)
    finally:
        wiring.reader.close()
        if ocr is not None:
            ocr.stop()  # a scan being OCR'd now is taken again at the next start
            ocr.join(timeout=2.0)
    after_commit.close()  # a running index rebuild finishes, what is behind is fed to it
    box.unlock()
    if once:
        done = ", ".join(f"{label_of(JournalState, k)} {v}" for k, v in sorted(summary.done.items()))
        left = f"; còn lại {len(summary.left)} tệp chưa nhận được" if summary.left else ""
        typer.echo(f"Xong: {done or 'không có tệp nào'}{left}")
        if summary.done.get("failed") or summary.left:
            raise typer.Exit(code=1)


# --- status ------------------------------------------------------------------------------------


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
        return one_line(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return "?"


# One line of "processed today": when, file, result, document.
Done = tuple[dt.datetime | None, str, str, str]


class _Status:
    """What ``congvan status`` reads (the journal, and the inbox's folders when one is given)."""

    def __init__(self, box: Inbox | None, wiring: Wiring) -> None:
        self.box = box
        self.factory = wiring.session_factory
        self.index_dir = wiring.settings.index_dir
        self.prefix = box.prefix if box else None
        self.midnight = _local_midnight_utc()

    def name_of(self, entry: journal.Entry) -> str:
        p = self.prefix
        return entry.name[len(p) :] if p and entry.name.startswith(p) else entry.name

    def waiting(self, open_rows: list[journal.Entry]) -> tuple[Table, int]:
        """Files in the inbox not (yet) claimed, stable or still being written."""
        from pipeline.inbox import journal

        assert self.box is not None
        busy = {e.name for e in open_rows}
        self.skipped: list[tuple[Path, str]] = []  # symlinks, FIFOs...: never taken, so not waiting
        waiting = [
            p for p in self.box.scan(on_special=lambda p, k: self.skipped.append((p, k)))
            if journal.journal_name(p) not in busy
        ]  # fmt: skip
        t = table(f"Đang chờ ({len(waiting)})", "Tệp", "Kích thước", "Sửa lúc", overflow="ellipsis")
        for p in waiting[:200]:
            with contextlib.suppress(OSError):
                t.add_row(shown(_rel(self.box, p)), f"{p.stat().st_size:,} B", f"{_mtime(p):%d/%m %H:%M:%S}")
        return t, len(waiting)

    def in_progress(self, in_progress: list[journal.Entry]) -> Table:
        t = table(
            f"Đang xử lý ({len(in_progress)})",
            "Tệp",
            "Bắt đầu",
            "Lần thử",
            "Tiến trình",
            overflow="ellipsis",
        )
        for e in in_progress:
            holder = f"{e.owner.host} pid {e.owner.pid}" if e.owner else ""
            t.add_row(shown(self.name_of(e)), _local(e.started_at, "%d/%m %H:%M:%S"), str(e.attempts), holder)
        return t

    def _from_journal(self) -> list[Done]:
        from models.schema import Document
        from pipeline.inbox import journal

        # With an inbox, the same bytes dropped again have no row of their own (one row per distinct
        # file): its duplicates/ notes of today stand for them instead.
        states = (JournalState.PROCESSED,) if self.box is not None else (JournalState.PROCESSED, JournalState.DUPLICATE)
        rows = [
            e
            for e in journal.finished_since(self.factory, self.midnight, states)
            if self.prefix is None or e.name.startswith(self.prefix)
        ]
        with self.factory() as session:
            ids = [e.document_id for e in rows if e.document_id]
            docs = {d.id: d for d in session.query(Document).filter(Document.id.in_(ids))} if ids else {}
        done: list[Done] = []
        for e in rows:
            status = IngestStatus.DUPLICATE if e.state == JournalState.DUPLICATE else (e.result or "")
            doc = docs.get(e.document_id or -1)
            what = stored_label(doc) if doc else ""
            if doc and debug.on():
                what = f"#{doc.id} {what}"
            done.append((e.finished_at, self.name_of(e), _status_label(status, status), what))
        return done

    def _from_duplicates(self) -> list[Done]:
        from pipeline.inbox.processor import DUPLICATES_DIR, NOTE_SUFFIX

        assert self.box is not None
        done: list[Done] = []
        for p, note in _notes(self.box.folder(DUPLICATES_DIR), NOTE_SUFFIX):
            when = _mtime(note)
            if when is not None and when >= self.midnight:
                text = _read_note(note).partition(": ")[2]
                text = debug.hide_ids(text)  # the note names the stored document by its id too
                done.append((when, str(p.relative_to(self.box.root)), DUPLICATE_LABEL, text[:80]))
        return done

    def processed_today(self) -> tuple[Table, list[Done]]:
        done = self._from_journal() + (self._from_duplicates() if self.box is not None else [])
        done.sort(key=lambda r: r[0] or self.midnight)
        t = table(f"Đã xử lý hôm nay ({len(done)})", "Giờ", "Tệp", "Kết quả", "Văn bản", overflow="ellipsis")
        for when, name, result, what in done:
            t.add_row(_local(when), shown(name), result, shown(what))
        return t, done

    def index_lines(self) -> list[str]:
        """Whether search sees everything stored: the documents behind and since when, a rebuild running."""
        from index.keeper import index_state

        state = index_state(self.index_dir, self.factory)
        lines = [
            f"Chỉ mục tìm kiếm: đang dựng lại từ cơ sở dữ liệu (tiến trình {r.pid}, từ "
            f"{_local(r.since, '%d/%m %H:%M:%S')})"
            for r in state.rebuilds
        ]
        b = state.backlog
        if b.behind:
            lines.append(
                f"Chỉ mục tìm kiếm: chậm {b.behind} văn bản chưa tìm được (từ {_local(b.since, '%d/%m %H:%M:%S')})"
            )
        elif not state.rebuilds:
            lines.append("Chỉ mục tìm kiếm: đầy đủ")
        return lines

    def ocr_lines(self) -> list[str]:
        """The OCR queue: scans waiting, being read, failed for good (with why)."""
        from pipeline.ingest.ocr import counts, failed_jobs

        with self.factory() as session:
            c = counts(session)
            failures = failed_jobs(session, limit=10) if c.failed else []
        if not (c.queued or c.running or c.failed or c.done):
            return []
        line = (
            f"OCR: {OcrState.QUEUED.label} {c.queued} · {OcrState.RUNNING.label} {c.running} · "
            f"{OcrState.DONE.label} {c.done} · {OcrState.FAILED.label} {c.failed}"
        )
        label = OcrState.FAILED.label
        return [line] + [f"  {label}: {name} ({_local(at, '%d/%m %H:%M')}): {why}" for name, why, at in failures]

    def failed(self) -> tuple[Table, int]:
        """What waits for the clerk: the files in failed/ with their reasons, else the journal's failures."""
        from pipeline.inbox import journal
        from pipeline.inbox.processor import FAILED_DIR, REASON_SUFFIX

        if self.box is not None:
            failed = _notes(self.box.folder(FAILED_DIR), REASON_SUFFIX)
            t = table(f"Lỗi ({len(failed)})", "Tệp", "Lúc", "Lý do", overflow="ellipsis")
            for p, reason in failed[:100]:
                when = _mtime(reason) or _mtime(p)
                at = f"{when:%d/%m %H:%M}" if when else ""
                t.add_row(shown(str(p.relative_to(self.box.root))), at, shown(_read_note(reason)))
            return t, len(failed)
        failures = journal.recent_failures(self.factory)
        t = table(f"Lỗi ({len(failures)})", "Tệp", "Lúc", "Lý do", overflow="ellipsis")
        for e in failures:
            at = _local(e.finished_at or e.started_at, "%d/%m %H:%M")
            t.add_row(shown(self.name_of(e)), at, shown(e.reason or ""))
        return t, len(failures)


def _print_status(console: Console, status: _Status) -> None:
    from pipeline.inbox import journal

    open_rows = journal.open_entries(status.factory, status.prefix)
    in_progress = [e for e in open_rows if e.state == JournalState.PENDING]
    counts = []
    if status.box is not None:
        waiting, n_waiting = status.waiting(open_rows)
        console.print(waiting)
        counts.append(f"đang chờ {n_waiting}")
        for path, kind in status.skipped:
            console.print(f"Bỏ qua: {_rel(status.box, path)} ({kind})", markup=False)
        if status.skipped:
            counts.append(f"bỏ qua {len(status.skipped)}")
    console.print(status.in_progress(in_progress))
    processed, done = status.processed_today()
    console.print(processed)
    failed, n_failed = status.failed()
    console.print(failed)
    dups = sum(1 for r in done if r[2] == DUPLICATE_LABEL)
    counts += [f"đang xử lý {len(in_progress)}", f"đã xử lý hôm nay {len(done)} (trùng {dups})", f"lỗi {n_failed}"]
    line = " · ".join(counts)
    console.print(line[0].upper() + line[1:])
    for index_line in status.index_lines():
        console.print(index_line, markup=False)
    for ocr_line in status.ocr_lines():
        console.print(ocr_line, markup=False)


def status_cmd(
    inbox: Annotated[
        Path | None, typer.Argument(metavar="HỘP_THƯ", help="Thư mục hộp thư (bỏ trống: chỉ xem nhật ký)")
    ] = None,
) -> None:
    """Hàng đợi của hộp thư: tệp đang chờ, đang xử lý, đã xử lý hôm nay, lỗi kèm lý do."""
    from rich.console import Console

    from pipeline.inbox.processor import Inbox, InboxError

    box = Inbox(inbox) if inbox is not None else None
    if box is not None:
        try:
            box.check()
        except InboxError as e:
            raise fail(str(e)) from e
    _print_status(Console(), _Status(box, _open_database(writes=False)))


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cmd)
    app.command("status")(status_cmd)
