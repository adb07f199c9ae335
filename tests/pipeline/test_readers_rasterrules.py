"""Table borders drawn in a page's picture (a scan) become edges, and then a table; text does not."""

from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from pipeline.readers.pdf import _tables
from pipeline.readers.rasterrules import raster_edges

DPI = 200


def _page(tmp_path, draw_table: bool):
    w, h = int(8.27 * DPI), int(11.69 * DPI)
    image = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for i in range(12):  # lines of text, some bold-ish, with an underline under a title
        draw.text((200, 150 + i * 60), "Phân công thực hiện nhiệm vụ phát triển hạ tầng số" * 1, fill=0, font=font)
    draw.line((600, 140, 1000, 140), fill=0, width=2)
    if draw_table:  # 4 rows x 3 columns, thin grey borders, slanted by a pixel or two (a scan)
        x = [200, 700, 1100, 1450]
        y = [1000, 1150, 1400, 1700, 1900]
        for yy in y:
            draw.line((x[0], yy, x[-1], yy + 2), fill=90, width=2)
        for xx in x:
            draw.line((xx, y[0], xx + 2, y[-1]), fill=90, width=2)
    path = tmp_path / "page.pdf"
    image.save(path, resolution=DPI)
    return path


def _edges(path):
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    w, h = page.get_size()
    try:
        return (*raster_edges(page, w, h), w, h)
    finally:
        page.close()
        pdf.close()


def test_a_drawn_grid_becomes_a_table(tmp_path):
    h_edges, v_edges, w, h = _edges(_page(tmp_path, draw_table=True))
    tables = _tables(h_edges, v_edges, w, h)
    assert len(tables) == 1
    assert len(tables[0].rows) == 4 and all(len(r) == 3 for r in tables[0].rows)


def test_text_and_an_underline_make_no_table(tmp_path):
    h_edges, v_edges, w, h = _edges(_page(tmp_path, draw_table=False))
    assert v_edges == []
    assert len(h_edges) <= 1  # the title's underline is a rule, as in a digital PDF
    assert _tables(h_edges, v_edges, w, h) == []
