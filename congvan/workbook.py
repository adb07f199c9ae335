"""The sổ đăng ký văn bản đến as an Excel workbook, laid out as the form of Nghị định 30/2020
Phụ lục IV, ready to print: the office's name, the title, the year (or month) and the range of
numbers above the table; the form's column headers with their numbers (1)…(9), repeated at the
top of every printed page; one row per entry, wrapped, bordered; landscape A4, fitted to the
page's width. The command line writes it; a web page can hand out the same bytes.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.answers.register import COLUMNS, REGISTER_TITLE, RegisterBook, RegisterRow

# Widths in characters, as the printed form gives each column room (trích yếu the widest).
WIDTHS = (11, 7, 26, 16, 11, 46, 20, 10, 18)
HEADER_ROW = 6  # the column headers; the row of their numbers (1)…(9) below
FONT = "Times New Roman"  # the font Nghị định 30 sets for documents and their registers
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")


def row_cells(row: RegisterRow) -> list[object]:
    return [
        row.received_text,
        row.number,
        row.issuer or "",
        row.reference or "",
        row.date_shown,
        row.title,
        row.recipient or "",
        row.signed_for or "",
        row.remarks,
    ]


def _heading(ws: Worksheet, book: RegisterBook, office: str | None) -> None:
    last = get_column_letter(len(COLUMNS))
    lines = [
        (office.upper() if office else "", Font(name=FONT, bold=True, size=12), Alignment(horizontal="left")),
        (REGISTER_TITLE, Font(name=FONT, bold=True, size=16), Alignment(horizontal="center")),
        (f"Năm: {book.year}" if book.year else "", Font(name=FONT, size=12), Alignment(horizontal="center")),
        (_range_line(book), Font(name=FONT, italic=True, size=12), Alignment(horizontal="center")),
    ]
    for i, (text, font, align) in enumerate(lines, start=1):
        ws.merge_cells(f"A{i}:{last}{i}")
        cell = ws.cell(row=i, column=1, value=text or None)
        cell.font, cell.alignment = font, align


def _range_line(book: RegisterBook) -> str:
    if not book.rows:
        return "Chưa có văn bản nào"
    rows = book.rows
    period = f"{book.period}: " if book.month else ""
    return (
        f"{period}Từ ngày {rows[0].received_text} đến ngày {rows[-1].received_text}"
        f" — Từ số {rows[0].number} đến số {rows[-1].number}"
    )


def _table(ws: Worksheet, book: RegisterBook) -> None:
    bold = Font(name=FONT, bold=True, size=11)
    for col, title in enumerate(COLUMNS, start=1):
        head = ws.cell(row=HEADER_ROW, column=col, value=title)
        numbered = ws.cell(row=HEADER_ROW + 1, column=col, value=f"({col})")
        head.font, head.alignment, head.border = bold, _CENTER, _BORDER
        numbered.font, numbered.alignment, numbered.border = Font(name=FONT, italic=True, size=10), _CENTER, _BORDER
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    ws.row_dimensions[HEADER_ROW].height = 32
    body = Font(name=FONT, size=11)
    for r, row in enumerate(book.rows, start=HEADER_ROW + 2):
        for col, value in enumerate(row_cells(row), start=1):
            cell = ws.cell(row=r, column=col, value=value if value != "" else None)
            cell.font, cell.border = body, _BORDER
            cell.alignment = _CENTER if col in (1, 2, 5) else _WRAP


def _page(ws: Worksheet, book: RegisterBook) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the entries need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"  # the headers again on every page
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Trang &P / &N"
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 2, column=1)
    last_row = HEADER_ROW + 1 + len(book.rows)
    ws.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"


def register_workbook(book: RegisterBook, office: str | None = None) -> bytes:
    """The register ``book`` as the bytes of an .xlsx workbook (one sheet, the form)."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Sổ đến {book.year}" if book.year else "Sổ đến"
    _heading(ws, book, office)
    _table(ws, book)
    _page(ws, book)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def write_register(path: Path, book: RegisterBook, office: str | None = None) -> None:
    """Write the workbook to ``path`` whole: through a temporary file beside it, then renamed."""
    data = register_workbook(book, office)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
