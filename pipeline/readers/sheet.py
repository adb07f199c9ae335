"""Excel workbooks (.xlsx): an annex sent as a spreadsheet, read as its titles and its tables.

A kế hoạch's phân công nhiệm vụ or a báo cáo's số liệu often travels as an Excel file beside the
document ("Phụ lục.xlsx" in an edXML package, or dropped in the inbox with it). Its first rows
are the annex's titles, one cell each ("PHỤ LỤC", "(Kèm theo Kế hoạch số 123/KH-UBND ngày
15/7/2025 của UBND tỉnh)"): they become paragraphs, so that the annex is known for what it is
and attached to the document it names (pipeline.ingest.annexes). The rest of each sheet is one
table, empty rows and columns dropped, every value as the sheet shows it (a date as 15/07/2025).
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from pipeline.document import Block, BlockKind, RawDocument
from pipeline.errors import LimitExceeded, ReadError
from pipeline.readers import ReadLimits, one_line
from pipeline.readers.docx import check_inflated_sizes
from pipeline.text import nfc

MAX_CELLS = 500_000  # a phân công table is a few hundred cells; a sheet of data, tens of thousands


class SheetReader:
    suffixes = (".xlsx",)

    def read(self, path: Path, limits: ReadLimits | None = None) -> RawDocument:
        limits = limits or ReadLimits()
        book = _open(path, limits)
        blocks: list[Block] = []
        cells = 0
        try:
            for number, sheet in enumerate(book.worksheets, 1):
                rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
                cells += sum(len(r) for r in rows)
                if cells > MAX_CELLS:
                    raise LimitExceeded(path, f"bảng tính có hơn {MAX_CELLS} ô")
                blocks += _sheet_blocks(rows, number)
        except ReadError:
            raise
        except Exception as e:  # openpyxl on a damaged sheet
            raise ReadError(path, f"tệp .xlsx bị hỏng ({type(e).__name__}: {one_line(e)})") from e
        finally:
            book.close()
        if not blocks:
            raise ReadError(path, "bảng tính không có nội dung")
        return RawDocument(source=str(path), format="xlsx", blocks=tuple(blocks), pages=len(book.worksheets))


def _open(path: Path, limits: ReadLimits):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
    except zipfile.BadZipFile as e:
        with open(path, "rb") as f:
            if f.read(4) == b"PK\x03\x04":  # a zip whose end (its central directory) is missing
                raise ReadError(path, "tệp .xlsx bị hỏng hoặc bị cắt cụt (thiếu mục lục của tệp nén zip)") from e
        raise ReadError(path, "không phải tệp .xlsx hợp lệ (không phải tệp nén zip)") from e
    if "xl/workbook.xml" not in names:
        raise ReadError(path, "tệp nén zip không chứa bảng tính (xl/workbook.xml)")
    check_inflated_sizes(path, infos, limits, kind=".xlsx")  # openpyxl inflates parts whole
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as e:
        raise ReadError(path, f"tệp .xlsx bị hỏng ({type(e).__name__}: {one_line(e)})") from e


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time() else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(" ".join(str(value).split()))


def _sheet_blocks(rows: list[list[str]], page: int) -> list[Block]:
    """A sheet's leading one-cell rows as paragraphs (its titles), the rest as one table."""
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    used = [j for j in range(max(len(r) for r in rows)) if any(j < len(r) and r[j] for r in rows)]
    rows = [[r[j] if j < len(r) else "" for j in used] for r in rows]
    blocks: list[Block] = []
    k = 0
    while k < len(rows) and sum(1 for c in rows[k] if c) == 1:
        blocks.append(Block(BlockKind.PARAGRAPH, next(c for c in rows[k] if c), page=page))
        k += 1
    table = rows[k:]
    if table:
        blocks.append(Block(BlockKind.TABLE, rows=tuple(tuple(r) for r in table), page=page))
    return blocks
