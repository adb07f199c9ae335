"""``congvan search`` (full-text, diacritics or not) and ``congvan reindex`` (the index rebuilt from the database)."""

from __future__ import annotations

from typing import Annotated

import typer

from congvan.cli import formats
from congvan.cli.commands import QueryCommand
from congvan.cli.formats import Format, FormatOption
from congvan.cli.render import fail, render_hits, warn
from congvan.wiring import Wiring
from index.backend import SearchIndexError
from pipeline.errors import CongvanError


def search_cmd(
    query: Annotated[
        str, typer.Argument(metavar="TỪ_KHÓA", help='Từ khóa có dấu hoặc không dấu, "cụm từ", hoặc số/ký hiệu')
    ],
    kind: Annotated[str | None, typer.Option("--kind", help="Loại văn bản: KH, CV, QĐ, ...")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Từ ngày")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Đến ngày")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="Cơ quan ban hành")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Đơn vị được nhắc đến")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Nhiều nhất bao nhiêu văn bản")] = 20,
    fmt: FormatOption = Format.table,
) -> None:
    """Tìm văn bản theo nội dung (không phân biệt dấu), xếp theo mức độ phù hợp."""
    from rich.console import Console

    from index import SearchFilters
    from pipeline.answers.dates import parse_user_date
    from pipeline.query import parse_query

    try:
        filters = SearchFilters(
            kind=kind,
            issuer=issuer,
            unit=unit,
            date_from=parse_user_date(date_from) if date_from else None,
            date_to=parse_user_date(date_to) if date_to else None,
        )
        parsed = parse_query(query)
        if parsed.notice:
            warn(parsed.notice)
        hits = Wiring.from_env().search(parsed, filters, limit=limit, warn=warn)
    except SearchIndexError as e:  # not even a rebuild from the database helped
        raise fail(f"không tìm được: chỉ mục tìm kiếm hỏng và chưa dựng lại được: {e}") from e
    except CongvanError as e:
        raise fail(e) from None
    if fmt is Format.table:
        render_hits(Console(highlight=False), parsed.text, hits)
    else:
        formats.emit_records(fmt, [formats.hit_record(h) for h in hits], formats.HIT_KEYS)


def reindex_cmd() -> None:
    """Dựng lại chỉ mục tìm kiếm từ cơ sở dữ liệu (chỉ mục là dữ liệu dẫn xuất)."""
    n = Wiring.from_env(writes=True).reindex()
    typer.echo(f"Đã dựng lại chỉ mục: {n} văn bản.")


def register(app: typer.Typer) -> None:
    app.command("search", cls=QueryCommand)(search_cmd)  # "-wifi" is a query, not an option
    app.command("reindex")(reindex_cmd)
