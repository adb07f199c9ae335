"""``congvan ingest``: files into the store and the database, then the index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from congvan.cli import debug
from congvan.cli.render import file_error, shown, warn
from congvan.wiring import Wiring
from pipeline.readers.signatures import TAMPERED
from pipeline.status import IngestStatus


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(metavar="TỆP_HOẶC_THƯ_MỤC", help="Tệp hoặc thư mục văn bản")],
    strict: Annotated[bool, typer.Option("--strict", help="Dừng ở lỗi đầu tiên")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Không in từng tệp")] = False,
    wait: Annotated[
        float | None,
        typer.Option("--wait", min=0.0, help="Chờ cơ sở dữ liệu đang bị khóa hoặc mất kết nối tối đa N giây mỗi tệp"),
    ] = None,
) -> None:
    """Nhập văn bản vào kho: lưu bản gốc, trích xuất, lập chỉ mục. Cùng nội dung nhập hai lần không thêm gì."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from pipeline.ingest.ingestor import DATABASE_WAIT, ingest_paths, iter_files

    console = Console(stderr=True)
    skipped: list[tuple[Path, str]] = []
    files = iter_files(paths, skipped)
    skipped = list(dict(skipped).items())  # a path named twice (itself, and in its folder) is said once
    for path, kind in skipped:  # never followed nor opened: said once, the rest goes on
        warn(f"bỏ qua: {path}: {kind}")
    wiring = Wiring.from_env(writes=True)
    hooks, after_commit = wiring.ingest_hooks()
    counts: dict[str, int] = {}
    with Progress(
        TextColumn("[bold]Nhập văn bản"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=quiet,
    ) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=len(files))

        def report(r) -> None:
            counts[r.status] = counts.get(r.status, 0) + 1
            bar.advance(task)
            if r.status == IngestStatus.FAILED:
                file_error(r.path, r.reason or "")
            elif not quiet or (r.reason or "").startswith(TAMPERED):  # a file changed after signing, always
                extra = f" — {debug.hide_ids(r.reason)}" if r.reason else ""  # a warning, an edXML package's check
                bar.console.print(shown(f"{IngestStatus(r.status).label}: {r.path}{extra}"))

        with wiring.reader as reader:  # each file read within the time and memory limits
            results = ingest_paths(
                files, wiring.session_factory, wiring.store, hooks, after_commit, report, strict, reader,
                wait=DATABASE_WAIT if wait is None else wait, waiting=warn,
            )  # fmt: skip
    after_commit.close()  # a rebuild of the index started meanwhile finishes before we exit
    summary = ", ".join(f"{IngestStatus(k).label} {v}" for k, v in sorted(counts.items()))
    console.print(f"Xong {len(results)} tệp: {summary}" + (f"; bỏ qua {len(skipped)}" if skipped else ""))
    if counts.get(IngestStatus.FAILED):
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
