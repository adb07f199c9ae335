"""One table over all three formats: the same task table and signature table, written as text,
as .docx and as .pdf, come out of every reader as the same TABLE block and the same signature regions.

The PDF is written by ``_pdfmaker`` in WinAnsi, so the words are written without diacritics here in
every format; the frame vocabulary is matched on folded text, so "Noi nhan:" is "Nơi nhận:".
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from _pdfmaker import Page, make_pdf

from pipeline.document import BlockKind, RawDocument, Region
from pipeline.readers import read
from pipeline.readers.layout import TableKind, TableSite, classify_table

INTRO = "Uy ban nhan dan tinh giao cac so, ban, nganh thuc hien cac nhiem vu sau day:"
CLOSING = "De nghi cac don vi trien khai thuc hien nghiem tuc."
TASKS = [
    ["Nhiem vu", "Don vi chu tri", "Thoi gian hoan thanh"],
    ["Xay dung ke hoach chuyen doi so", "So Khoa hoc va Cong nghe", "Quy II/2026"],
    ["Tap huan ky nang so", "So Noi vu", "Nam 2026"],
    ["Ra soat thu tuc hanh chinh", "Van phong UBND tinh", "Hang nam"],
]
SIGNATURE = [
    ["Noi nhan:", "KT. CHU TICH"],
    ["- Nhu tren;", "PHO CHU TICH"],
    ["- Luu: VT.", "Nguyen Van A"],
]


def _text(path: Path) -> Path:
    def pipes(rows: list[list[str]]) -> list[str]:
        lines = [f"| {' | '.join(r)} |" for r in rows]
        return [lines[0], "|" + "---|" * len(rows[0]), *lines[1:]]

    lines = [INTRO, "", *pipes(TASKS), "", CLOSING, "", *pipes(SIGNATURE)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph(INTRO)
    for rows in (TASKS, None, SIGNATURE):
        if rows is None:
            d.add_paragraph(CLOSING)
            continue
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    d.save(path)
    return path


def _grid(page: Page, top: float, rows: list[list[str]], widths: tuple[float, ...]) -> float:
    """A bordered table, one line of 10-point text a cell."""
    xs = [85.0]
    for w in widths:
        xs.append(xs[-1] + w)
    y = top
    for row in rows:
        page.line(xs[0], y, xs[-1], y)
        for k, cell in enumerate(row):
            page.text(xs[k] + 4, y + 15, cell, 10)
        y += 22
    page.line(xs[0], y, xs[-1], y)
    for x in xs:
        page.line(x, top, x, y)
    return y


def _pdf(path: Path) -> Path:
    p = Page()
    p.text(113, 100, INTRO, 12)
    y = _grid(p, 120, TASKS, (190, 150, 113))
    p.text(113, y + 30, CLOSING, 12)
    _grid(p, y + 60, SIGNATURE, (200, 253))
    path.write_bytes(make_pdf([p]))
    return path


WRITERS = {".txt": _text, ".docx": _docx, ".pdf": _pdf}


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, RawDocument]:
    folder = tmp_path_factory.mktemp("one-table")
    return {suffix: read(write(folder / f"tables{suffix}")) for suffix, write in WRITERS.items()}


def test_the_classifier_tells_the_two_tables_apart_wherever_they_sit():
    after = TableSite(before_body=False, after_body=True)
    assert classify_table(TASKS, after) is TableKind.DATA
    assert classify_table(SIGNATURE, after) is TableKind.SIGNATURE
    assert classify_table(SIGNATURE, TableSite(before_body=True, after_body=False)) is TableKind.SIGNATURE


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_the_task_table_is_the_same_table_in_every_format(documents, suffix):
    doc = documents[suffix]
    (table,) = doc.tables()
    assert table.rows == tuple(tuple(r) for r in TASKS)
    assert [b.kind for b in doc.blocks if b.region is Region.BODY] == [
        BlockKind.PARAGRAPH,
        BlockKind.TABLE,
        BlockKind.PARAGRAPH,
    ]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_the_signature_table_is_the_same_regions_in_every_format(documents, suffix):
    doc = documents[suffix]
    left = [b.text for b in doc.paragraphs() if b.region is Region.SIGNATURE_LEFT]
    right = [b.text for b in doc.paragraphs() if b.region is Region.SIGNATURE_RIGHT]
    assert left == [r[0] for r in SIGNATURE]
    assert right == [r[1] for r in SIGNATURE]
