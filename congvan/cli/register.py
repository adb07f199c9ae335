"""``congvan register``: the sổ đăng ký văn bản đến, printed (table, CSV, JSON) and written as an
Excel workbook laid out as the form of Nghị định 30/2020 Phụ lục IV (congvan.workbook)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from congvan.cli.formats import Format, FormatOption, emit_csv, emit_json
from congvan.cli.render import fail, shown, table
from congvan.wiring import Wiring
from pipeline.errors import CongvanError, os_reason


def _office(settings) -> str | None:
    """The office's name from the settings (CONGVAN_OFFICE), when they know who we are."""
    office = getattr(settings, "office", None)
    return getattr(office, "name", office) or None


def _row_record(row) -> dict:
    """A line as JSON: the form's columns under plain keys, and the marks apart."""
    return {
        "so_den": row.number,
        "ngay_den": row.received_at.isoformat(timespec="minutes"),
        "tac_gia": row.issuer,
        "so_ky_hieu": row.reference,
        "ngay_thang": row.date_shown or None,
        "ten_loai_trich_yeu": row.title or None,
        "don_vi_nguoi_nhan": row.recipient,
        "ky_nhan": row.signed_for,
        "ghi_chu": row.note,
        "do_khan": row.marks if row.urgency is None else _label(row.urgency, "urgency"),
        "do_mat": _label(row.secrecy, "secrecy"),
    }


def _label(value: str | None, which: str) -> str | None:
    from pipeline.status import Secrecy, Urgency

    if value is None:
        return None
    return (Urgency if which == "urgency" else Secrecy)(value).label


def _print(book, fmt: Format, office: str | None) -> None:
    from congvan.workbook import row_cells
    from pipeline.answers.register import COLUMNS, REGISTER_TITLE

    if fmt is Format.json:
        out = {"so": book.register, "nam": book.year, "thang": book.month, "co_quan": office,
               "van_ban": [_row_record(r) for r in book.rows]}  # fmt: skip
        emit_json(out)
        return
    if fmt is Format.csv:
        emit_csv(COLUMNS, (row_cells(r) for r in book.rows))
        return
    console = Console()
    title = " — ".join(p for p in (office, REGISTER_TITLE, book.period) if p)
    rows = [row_cells(r) for r in book.rows]
    # A screen is narrower than the printed form: the columns no line fills yet (Đơn vị hoặc
    # người nhận, Ký nhận before assignment) are left out here, never in the CSV or the workbook.
    keep = [i for i in range(len(COLUMNS)) if i < 6 or any(r[i] not in ("", None) for r in rows)]
    t = table(title, *(COLUMNS[i] for i in keep))
    for i, column in zip(keep, t.columns, strict=True):
        if i in (0, 1, 4):
            column.no_wrap = True
    for r in rows:
        t.add_row(*(shown(r[i]) for i in keep))
    console.print(t)
    console.print(f"{len(book.rows)} văn bản." if book.rows else "Chưa có văn bản nào trong sổ.")


def register_cmd(
    year: Annotated[int | None, typer.Option("--year", "-y", help="Năm của sổ, vd. 2025 (mặc định: năm nay)")] = None,
    month: Annotated[str | None, typer.Option("--month", "-m", help="Chỉ một tháng, vd. 2025-07")] = None,
    xlsx: Annotated[
        Path | None, typer.Option("--xlsx", help="Ghi sổ ra tệp Excel theo mẫu Phụ lục IV, sẵn để in")
    ] = None,
    fmt: FormatOption = Format.table,
    office: Annotated[str | None, typer.Option("--office", help="Tên cơ quan in ở đầu sổ")] = None,
) -> None:
    """Sổ đăng ký văn bản đến: số đến, ngày đến, tác giả, số ký hiệu, trích yếu... theo mẫu Nghị định 30/2020."""
    from congvan.workbook import write_register
    from models.schema import REGISTER_ZONE
    from pipeline.answers.dates import check_year, parse_user_month
    from pipeline.answers.register import register_book

    try:
        mon = None
        if month is not None:
            year, mon = parse_user_month(month)
        year = check_year(year) if year is not None else dt.datetime.now(REGISTER_ZONE).year
        wiring = Wiring.from_env()
        with wiring.session() as session:
            book = register_book(session, year=year, month=mon, deadline=wiring.deadline())
        office = office or _office(wiring.settings)
        if xlsx is not None:
            write_register(xlsx, book, office)
            typer.echo(f"Đã ghi sổ ({len(book.rows)} văn bản) vào {xlsx}.", err=True)
        else:
            _print(book, fmt, office)
    except CongvanError as e:
        raise fail(e) from None
    except OSError as e:
        raise fail(f"{xlsx}: không ghi được tệp ({os_reason(e)})") from None


def register(app: typer.Typer) -> None:
    app.command("register")(register_cmd)
