"""Paragraph shading is no table: backgrounds behind a PDF's paragraphs leave its blocks as they were.

Word exports "Tô nền đoạn văn" as white or near-white filled rectangles behind each paragraph, many
of them zero-width at the margins, zero-height between paragraphs, or as wide as the page. Here
those rectangles are drawn (with pdfium) behind every line of bundled samples, one of which has a
real annex table: the reader must give the same blocks and the same citations as from the file
without shading. A table drawn Word's way (thin filled bars) and one drawn with strokes stay tables.
"""

from __future__ import annotations

import ctypes
from dataclasses import asdict
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from pipeline.document import BlockKind
from pipeline.extract import extract, to_contract
from pipeline.readers import read
from tests.pipeline._pdfmaker import HEIGHT, Page, make_pdf

SAMPLES = Path(__file__).resolve().parents[3] / "corpus" / "samples"
WHITE, NEAR_WHITE, HIGHLIGHT = (255, 255, 255), (242, 242, 242), (255, 255, 0)


def _shade(src: Path, dst: Path, rgb: tuple[int, int, int]) -> Path:
    """``src`` with Word-like paragraph shading behind every text line, written to ``dst``."""
    pdf = pdfium.PdfDocument(src)
    for i in range(len(pdf)):
        page = pdf[i]
        width, _ = page.get_size()
        textpage = page.get_textpage()
        boxes = []
        for k in range(raw.FPDFText_CountRects(textpage.raw, 0, -1)):
            sides = [ctypes.c_double() for _ in range(4)]
            raw.FPDFText_GetRect(textpage.raw, k, *(ctypes.byref(v) for v in sides))
            boxes.append(tuple(v.value for v in sides))  # left, top, right, bottom (PDF y up)
        textpage.close()
        for _, top, _, bottom in boxes:
            y, h = bottom - 2, top - bottom + 4
            for x, w, hh in (
                (0, width, h),  # as wide as the page
                (56, width - 112, h),  # margin to margin
                (56, 0, h),  # zero-width at both margins
                (width - 56, 0, h),
                (56, width - 112, 0),  # zero-height above the line
            ):
                obj = raw.FPDFPageObj_CreateNewRect(x, y if hh else top + 2, w, hh)
                raw.FPDFPageObj_SetFillColor(obj, *rgb, 255)
                raw.FPDFPath_SetDrawMode(obj, raw.FPDF_FILLMODE_WINDING, 0)
                raw.FPDFPage_InsertObjectAtIndex(page.raw, obj, 0)  # behind the text
        assert raw.FPDFPage_GenerateContent(page.raw)
        page.close()
    pdf.save(dst)
    pdf.close()
    return dst


def _blocks(path: Path) -> list[dict]:
    return [asdict(b) for b in read(path).blocks]


@pytest.fixture(scope="module")
def originals():
    names = ("minh-long-ha-tang-so", "ubnd-tiep-tuc-02kh-bcdtw")
    return {n: (_blocks(SAMPLES / f"{n}.pdf"), to_contract(extract(read(SAMPLES / f"{n}.pdf")))) for n in names}


@pytest.mark.parametrize("rgb", [WHITE, NEAR_WHITE, HIGHLIGHT], ids=["white", "near-white", "highlight"])
@pytest.mark.parametrize("name", ["minh-long-ha-tang-so", "ubnd-tiep-tuc-02kh-bcdtw"])
def test_shading_behind_every_line_changes_nothing(tmp_path, originals, name, rgb):
    shaded = _shade(SAMPLES / f"{name}.pdf", tmp_path / f"{name}.pdf", rgb)
    blocks, contract = originals[name]
    assert _blocks(shaded) == blocks
    got = to_contract(extract(read(shaded)))
    assert got["citations"] == contract["citations"] and got["obligations"] == contract["obligations"]
    assert len(got["citations"]) == {"minh-long-ha-tang-so": 5, "ubnd-tiep-tuc-02kh-bcdtw": 3}[name]
    tables = [b for b in blocks if b["kind"] == BlockKind.TABLE]
    assert len(tables) == (1 if name == "minh-long-ha-tang-so" else 0)  # the annex table is still one


ROWS = [["Nhiem vu", "Don vi chu tri", "Thoi han"], ["Ra soat van ban", "So Tu phap", "Quy III/2026"]]
BODY = [
    "Can cu Nghi dinh so 30/2020/ND-CP ngay 05/3/2020 cua Chinh phu ve cong tac van thu;",
    "Thuc hien Ke hoach so 252/KH-UBND ngay 31/12/2024 cua Uy ban nhan dan tinh;",
]


def _word_table(page: Page, top: float, bar) -> float:
    """A 2x3 grid under the body, its borders drawn by ``bar(x0, y0, x1, y1)``; returns its bottom."""
    xs, y = (85.0, 245.0, 405.0, 538.0), top
    for row in ROWS:
        bar(xs[0], y, xs[-1], y)
        for k, cell in enumerate(row):
            page.text(xs[k] + 4, y + 15, cell, 10)
        y += 22
    bar(xs[0], y, xs[-1], y)
    for x in xs:
        bar(x, top, x, y)
    return y


def _filled_bar(page: Page, gray: float):
    def bar(x0: float, y0: float, x1: float, y1: float) -> None:
        # Word's border: a 0.5-point filled rectangle, no stroke
        w, h = max(x1 - x0, 0.5), max(y1 - y0, 0.5)
        page.ops.append(f"{gray:g} g {x0:.2f} {HEIGHT - y0 - h:.2f} {w:.2f} {h:.2f} re f 0 g")

    return bar


def _stroked(page: Page, gray: float):
    def bar(x0: float, y0: float, x1: float, y1: float) -> None:
        page.ops.append(f"{gray:g} G 0.5 w {x0:.2f} {HEIGHT - y0:.2f} m {x1:.2f} {HEIGHT - y1:.2f} l S 0 G")

    return bar


def _page_with_table(draw, gray: float) -> Page:
    page = Page()
    y = 120.0
    for line in BODY:
        # shading behind the paragraph: page-wide, margin to margin, zero-width at the margins
        for x, w, h in ((0, 595, 18), (85, 453, 18), (85, 0, 18), (538, 0, 18)):
            page.ops.append(f"1 g {x} {HEIGHT - y - 5:.2f} {w} {h} re f 0 g")
        page.text(85, y, line, 12)
        y += 18
    _word_table(page, y + 10, draw(page, gray))
    return page


@pytest.mark.parametrize(
    ("draw", "gray", "is_table"),
    [
        (_filled_bar, 0, True),  # black filled bars: Word's table borders
        (_filled_bar, 0.5, True),  # grey borders are borders too
        (_stroked, 0, True),  # LibreOffice's stroked lines
        (_filled_bar, 1, False),  # white bars: nothing on the paper
        (_stroked, 0.97, False),  # a near-white stroke is not seen either
    ],
    ids=["filled-black", "filled-grey", "stroked", "filled-white", "stroked-near-white"],
)
def test_table_borders_are_visible_ink(tmp_path, draw, gray, is_table):
    path = tmp_path / "table.pdf"
    path.write_bytes(make_pdf([_page_with_table(draw, gray)]))
    doc = read(path)
    assert doc.paragraphs()[0].text == " ".join(BODY)  # the shaded lines: one paragraph, no table row
    tables = doc.tables()
    if is_table:
        (table,) = tables
        assert [list(r) for r in table.rows] == ROWS
    else:
        assert tables == []
