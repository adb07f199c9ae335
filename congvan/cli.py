"""The ``congvan`` command line. Domain errors become one-line messages here, and only here."""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pipeline.errors import CongvanError

app = typer.Typer(
    name="congvan",
    help="congvan: đọc, lưu và tra cứu công văn, kế hoạch, quyết định... (Vietnamese official documents)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


@app.callback()
def _root() -> None:
    """congvan: đọc, lưu và tra cứu văn bản hành chính."""


def _fail(path: str, reason: str) -> None:
    typer.echo(f"congvan: lỗi / error: {path}: {reason}", err=True)


@app.command("extract")
def extract_cmd(
    files: Annotated[list[Path], typer.Argument(help="Tệp .txt, .docx, .pdf cần đọc")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (đẹp) hoặc jsonl (mỗi dòng một tệp)")
    ] = OutputFormat.json,
    trace: Annotated[bool, typer.Option("--trace", help="Kèm quy tắc và vị trí của từng giá trị")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Dừng ở lỗi đầu tiên")] = False,
) -> None:
    """Trích xuất số/ký hiệu, cơ quan ban hành, trích yếu, dẫn chiếu và nhiệm vụ của từng văn bản."""
    from pipeline.extract import extract, to_contract
    from pipeline.readers import read

    failed = 0
    for path in files:
        try:
            record = to_contract(extract(read(path)), source=str(path), trace=trace)
        except CongvanError as e:
            if strict:
                raise
            failed += 1
            _fail(str(path), getattr(e, "reason", str(e)))
            continue
        except Exception as e:  # an extractor bug must not lose the rest of the batch
            if strict:
                raise
            failed += 1
            _fail(str(path), f"lỗi trích xuất / extraction failed ({type(e).__name__}: {e})")
            continue
        if fmt is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()
    if failed:
        raise typer.Exit(code=1)


_STATUS_VI = {
    "added": "đã thêm",
    "merged": "cùng văn bản, thêm định dạng",
    "duplicate": "đã có",
    "suspected-duplicate": "nghi trùng số",
    "needs-ocr": "cần OCR",
    "failed": "lỗi",
}


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Tệp hoặc thư mục văn bản")],
    strict: Annotated[bool, typer.Option("--strict", help="Dừng ở lỗi đầu tiên")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Không in từng tệp")] = False,
) -> None:
    """Nhập văn bản vào kho: lưu bản gốc, trích xuất, lập chỉ mục. Cùng nội dung nhập hai lần không thêm gì."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from congvan.runtime import content_store, ingest_hooks, session_factory
    from pipeline.ingest.ingestor import ingest_paths, iter_files

    console = Console(stderr=True)
    files = iter_files(paths)
    factory = session_factory()
    hooks, after_commit = ingest_hooks()
    counts: dict[str, int] = {}
    with Progress(
        TextColumn("[bold]Nhập văn bản"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=quiet,
    ) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=len(files))

        def report(r) -> None:
            counts[r.status] = counts.get(r.status, 0) + 1
            bar.advance(task)
            if r.status == "failed":
                _fail(r.path, r.reason or "")
            elif not quiet:
                extra = f" — {r.reason}" if r.reason and r.status != "added" else ""
                bar.console.print(f"{_STATUS_VI[r.status]}: {r.path}{extra}")

        results = ingest_paths(files, factory, content_store(), hooks, after_commit, report, strict)
    summary = ", ".join(f"{_STATUS_VI[k]} {v}" for k, v in sorted(counts.items()))
    console.print(f"Xong {len(results)} tệp: {summary}")
    if counts.get("failed"):
        raise typer.Exit(code=1)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='Từ khóa có dấu hoặc không dấu, "cụm từ", hoặc số/ký hiệu')],
    kind: Annotated[str | None, typer.Option("--kind", help="Loại văn bản: KH, CV, QĐ, ...")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Từ ngày")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Đến ngày")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="Cơ quan ban hành")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Đơn vị được nhắc đến")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n")] = 20,
) -> None:
    """Tìm văn bản theo nội dung (không phân biệt dấu), xếp theo mức độ phù hợp."""
    from rich.console import Console

    from congvan.search_glue import search_documents
    from index import SearchFilters
    from pipeline.answers.queries import parse_user_date

    filters = SearchFilters(
        kind=kind,
        issuer=issuer,
        unit=unit,
        date_from=parse_user_date(date_from) if date_from else None,
        date_to=parse_user_date(date_to) if date_to else None,
    )
    hits = search_documents(None, query, filters, limit=limit)
    console = Console(highlight=False)
    if not hits:
        console.print(f"Không tìm thấy văn bản nào cho «{query}».")
        return
    for i, h in enumerate(hits, 1):
        when = h.date.strftime("%d/%m/%Y") if h.date else ""
        head = " ".join(x for x in (h.kind, h.reference, when, h.issuer) if x)
        console.print(f"[bold]{i}. {head}[/bold]  (điểm {h.score:.2f})")
        if h.subject:
            console.print(f"   {h.subject}")
        if h.snippet:
            console.print(f"   [dim]…{h.snippet}…[/dim]")


@app.command("reindex")
def reindex_cmd() -> None:
    """Dựng lại chỉ mục tìm kiếm từ cơ sở dữ liệu (chỉ mục là dữ liệu dẫn xuất)."""
    from congvan.search_glue import reindex

    n = reindex()
    typer.echo(f"Đã dựng lại chỉ mục: {n} văn bản.")


@app.command("demo")
def demo_cmd(
    home: Annotated[
        Path | None, typer.Option("--home", help="Giữ kho thử ở thư mục này (mặc định: thư mục tạm)")
    ] = None,
) -> None:
    """Chạy thử trên các văn bản mẫu kèm theo: nhập kho, rồi hỏi việc phải báo cáo, tìm kiếm và dẫn chiếu."""
    import os
    import tempfile

    from rich.console import Console
    from rich.table import Table

    from corpus import SAMPLES_DIR

    # A demo never writes into the clerk's real data folder.
    os.environ["CONGVAN_HOME"] = str(home or Path(tempfile.mkdtemp(prefix="congvan-demo-")))
    os.environ.pop("CONGVAN_DATABASE_URL", None)
    from sqlalchemy import select

    from congvan.answers import owe_table
    from congvan.runtime import content_store, ingest_hooks, session_factory
    from congvan.search_glue import search_documents
    from models.schema import Document
    from pipeline.answers.queries import owe, refs
    from pipeline.ingest.ingestor import ingest_paths

    console = Console()
    console.rule("1. Nhập kho các văn bản mẫu (.txt, .docx, .pdf, một bản scan)")
    factory = session_factory()
    hooks, after_commit = ingest_hooks()
    results = ingest_paths([SAMPLES_DIR], factory, content_store(), hooks, after_commit)
    for r in results:
        console.print(f"  {_STATUS_VI[r.status]:<30} {Path(r.path).name}")
    docs = Table(title="Văn bản trong kho")
    for col in ("#", "Loại", "Số, ký hiệu", "Cơ quan ban hành", "Ngày", "Tệp", "Dẫn chiếu", "Nhiệm vụ"):
        docs.add_column(col)
    with factory() as session:
        for d in session.scalars(select(Document).order_by(Document.id)):
            docs.add_row(
                str(d.id), d.kind or d.status, d.reference or "-", d.issuer or "-", d.date_text or "-",
                str(len(d.files)), str(len(d.citations)), str(len(d.obligations)),
            )  # fmt: skip
        console.print(docs)
        console.rule('2. congvan owe --from 1/7/2025 --by 31/7/2025 --action "báo cáo"')
        report = owe(session, by=dt.date(2025, 7, 31), start=dt.date(2025, 7, 1), action="báo cáo")
        console.print(owe_table("Việc một lần", report.one_off))
        console.rule("3. congvan refs 02-KH/BCĐTW")
        r = refs(session, "02-KH/BCĐTW")
        for c in r.cited_by:
            console.print(f"  được dẫn chiếu bởi: {c.document.label} — {c.document.issuer}")
        console.print("  có trong kho: " + ("có" if r.in_corpus else "chưa có trong kho"))
    console.rule('4. congvan search "bao cao wifi"')
    for i, h in enumerate(search_documents(None, "bao cao wifi", limit=3), 1):
        console.print(f"  {i}. {h.kind} {h.reference or ''} {h.issuer or ''} — {h.subject or ''}")
    console.print(f"\nKho thử: {os.environ['CONGVAN_HOME']}")


def _register_answers() -> None:
    from congvan.answers import register

    register(app)


_register_answers()

from congvan.inbox_cli import register as _register_inbox  # noqa: E402

_register_inbox(app)


def main() -> None:
    try:
        app()
    except CongvanError as e:
        typer.echo(f"congvan: lỗi / error: {e}", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
