"""``congvan demo``: the main job on the bundled samples, in a scratch home of its own."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from congvan.cli import debug
from congvan.cli.render import shown
from congvan.config import Settings
from congvan.wiring import Wiring
from pipeline.labels import kind_label, partial_date
from pipeline.status import DocumentStatus, IngestStatus, label_of


def _documents_table(session) -> Table:
    from sqlalchemy import select

    from models.schema import Document

    docs = Table(title="Văn bản trong kho")
    for col in ("STT", "Loại", "Số, ký hiệu", "Cơ quan ban hành", "Ngày", "Tệp", "Dẫn chiếu", "Nhiệm vụ"):
        docs.add_column(col)
    for n, d in enumerate(session.scalars(select(Document).order_by(Document.id)), 1):
        kind = kind_label(d.kind) or label_of(DocumentStatus, d.status)  # a scan waiting for OCR has no kind yet
        when = partial_date(d.date, d.date_text) if d.date else "-"
        docs.add_row(
            f"{n}" + (f" (#{d.id})" if debug.on() else ""), shown(kind), shown(d.reference or "-"),
            shown(d.issuer or "-"), when, str(len(d.files)), str(len(d.citations)), str(len(d.obligations)),
        )  # fmt: skip
    return docs


def _questions(console: Console, session) -> None:
    from congvan.cli.render import owe_table
    from pipeline.answers.owe import owe
    from pipeline.answers.refs import refs
    from pipeline.labels import stored_label

    console.rule('2. congvan owe --from 1/7/2025 --by 31/7/2025 --action "báo cáo"')
    report = owe(session, by=dt.date(2025, 7, 31), start=dt.date(2025, 7, 1), action="báo cáo")
    console.print(owe_table("Việc một lần", report.one_off))
    console.rule("3. congvan refs 02-KH/BCĐTW")
    r = refs(session, "02-KH/BCĐTW")
    for c in r.cited_by:
        console.print(shown(f"  được dẫn chiếu bởi: {stored_label(c.document)} — {c.document.issuer}"))
    console.print("  có trong kho: " + ("có" if r.in_corpus else "chưa có trong kho"))


def _ocr(console: Console, wiring: Wiring) -> None:
    """The scan among the samples, read by OCR as the watcher's worker would (when OCR is installed)."""
    from congvan.cli.ocr import outcome_line, run_worker
    from pipeline.ocr.engine import unavailable

    console.rule("1b. congvan ocr")
    why = unavailable()
    if why:
        console.print(shown(f"  bỏ qua OCR: {why}"))
        return
    for o in run_worker(wiring, wiring.settings.ocr_jobs, report=lambda o: None):
        console.print(shown(f"  {outcome_line(o) if o.result else o.reason}"))
        if o.result is not None and o.result.document_id:
            wiring.indexer([o.result.document_id])


def demo_cmd(
    home: Annotated[
        Path | None, typer.Option("--home", help="Giữ kho thử ở thư mục này (mặc định: thư mục tạm)")
    ] = None,
) -> None:
    """Chạy thử trên các văn bản mẫu kèm theo: nhập kho, rồi hỏi việc phải báo cáo, tìm kiếm và dẫn chiếu."""
    from corpus import SAMPLES_DIR
    from pipeline.ingest.ingestor import ingest_paths

    # A demo never writes into the clerk's real data folder, whatever CONGVAN_HOME says.
    wiring = Wiring(
        Settings.for_home((home or Path(tempfile.mkdtemp(prefix="congvan-demo-"))).expanduser()), writes=True
    )
    console = Console()
    console.rule("1. Nhập kho các văn bản mẫu (.txt, .docx, .pdf, một bản scan)")
    hooks, after_commit = wiring.ingest_hooks()
    with wiring.reader as reader:
        results = ingest_paths([SAMPLES_DIR], wiring.session_factory, wiring.store, hooks, after_commit, reader=reader)
    for r in results:
        console.print(shown(f"  {IngestStatus(r.status).label:<30} {Path(r.path).name}"))
    _ocr(console, wiring)
    with wiring.session_factory() as session:
        console.print(_documents_table(session))
        _questions(console, session)
    console.rule('4. congvan search "bao cao wifi"')
    for i, h in enumerate(wiring.search("bao cao wifi", limit=3), 1):
        head = " ".join(x for x in (kind_label(h.kind), h.reference, h.issuer) if x)
        console.print(shown(f"  {i}. {head} — {h.subject or ''}"))
    console.print(shown(f"\nKho thử: {wiring.settings.home}"))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_cmd)
