"""PdfReader on the bundled LibreOffice exports and on PDFs whose geometry the tests control."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from _pdfmaker import Page, make_pdf, text_width

from pipeline.document import BlockKind, Region
from pipeline.errors import NeedsOCR
from pipeline.readers import read
from pipeline.readers.pdf import PdfReader

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
LEFT, RIGHT = 85.0, 538.0  # text block of an A4 page, margins of Nghị định 30/2020
OFFICIAL = ["skhcn-wifi-cong-cong", "skhcn-de-xuat-cchc", "ubnd-tiep-tuc-02kh-bcdtw", "minh-long-ha-tang-so"]


@pytest.fixture(scope="module")
def minh_long():
    return read(SAMPLES / "minh-long-ha-tang-so.pdf")


@pytest.fixture(scope="module")
def wifi():
    return read(SAMPLES / "skhcn-wifi-cong-cong.pdf")


def texts(doc, region):
    return [b.text for b in doc.paragraphs() if b.region is region]


def squash(s: str) -> str:
    return " ".join(s.split())


# -- bundled samples ------------------------------------------------------------------------


def test_symbols_broken_at_line_end_are_joined(minh_long):
    text = minh_long.text
    assert "906/QĐ-UBND" in text  # "906/QĐ-" ends a line, "UBND" starts the next
    assert "163-KH/HU" in text
    assert "QĐ- UBND" not in text and "163- KH" not in text
    ubnd = read(SAMPLES / "ubnd-tiep-tuc-02kh-bcdtw.pdf")
    assert "Giai đoạn 1 của Kế hoạch số 02-KH/BCĐTW (nhiệm vụ" in ubnd.text


def test_appendix_table_spanning_pages(minh_long):
    (table,) = minh_long.tables()  # eight pages of table, one block
    rows = table.rows
    assert rows[0] == ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian")
    assert all(len(r) == 5 for r in rows)
    assert sum(1 for r in rows if r[1] == "Nhiệm vụ") == 1  # repeated header rows dropped
    assert all(r[0] for r in rows)  # no orphan continuation row
    task = next(r for r in rows if r[0] == "1.1")
    assert task[2] == "Phòng Văn hóa và Thông tin" and task[4] == "2025-2030"
    # row 2.1 is split by the page break after "thông tin di": joined back, cell by cell
    assert "sóng thông tin di (4G/5G/6G) trên phạm vi toàn huyện;" in next(r for r in rows if r[0] == "2.1")[1]
    # a list item inside a cell keeps its own line; wrapped lines are joined with a space
    assert "\n- Tiếp tục tổ chức thực hiện, sử dụng hiệu quả" in next(r for r in rows if r[0] == "2.2")[1]
    # a word too long for its narrow column, broken without a hyphen, is glued back
    assert next(r for r in rows if r[0] == "4.3")[2].startswith("Văn phòng HĐND&UBND huyện;")
    assert table.page == 16
    assert minh_long.pages == 16


def test_table_text_is_not_repeated_as_paragraphs(minh_long):
    only_in_table = ("Đơn vị phối hợp", "Điện lực Nghĩa Hành", "Thường xuyên hàng năm")
    assert not any(s in b.text for s in only_in_table for b in minh_long.paragraphs())


def test_table_matches_the_docx(minh_long):
    (pdf_table,) = minh_long.tables()
    (docx_table,) = read(SAMPLES / "minh-long-ha-tang-so.docx").tables()
    assert [[squash(c) for c in r] for r in pdf_table.rows] == [[squash(c) for c in r] for r in docx_table.rows]


def test_footnote_marks_become_note_refs(wifi):
    assert "phường1" not in wifi.text and "Thông2" not in wifi.text
    para = next(b for b in wifi.paragraphs() if b.text.startswith("- Ủy ban nhân dân các xã"))
    assert para.text == "- Ủy ban nhân dân các xã, phường;"
    assert [(n.offset, n.note_id) for n in para.notes] == [(len("- Ủy ban nhân dân các xã, phường"), "1")]
    assert sorted(n.note_id for b in wifi.paragraphs() for n in b.notes) == ["1", "2", "3", "4"]


def test_footnotes_at_the_end(wifi):
    notes = [b for b in wifi.blocks if b.kind is BlockKind.FOOTNOTE]
    assert wifi.blocks[-4:] == tuple(notes)
    assert [b.note_id for b in notes] == ["1", "2", "3", "4"]
    assert notes[0].text.startswith("Phường Kon Tum; Phường Đăk Cấm")
    assert len(notes[0].text.rstrip(".").split("; ")) == 40
    assert "566/SKHCN-CNCĐS ngày 22/04/2025" in notes[3].text  # joined across the wrap after "SKHCN-"
    assert not any(b.text.startswith("1 Phường") for b in wifi.paragraphs())


def test_header_columns(wifi):
    left, right = texts(wifi, Region.HEADER_LEFT), texts(wifi, Region.HEADER_RIGHT)
    assert "Số: /SKHCN-CN&CĐS" in left
    assert left[-1].startswith("V/v đề nghị") and left[-1].endswith("khu sinh hoạt cộng đồng của thôn, làng)")
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Ngãi, ngày tháng 7 năm 2025",
    ]
    assert not any("———" in b.text for b in wifi.blocks)


@pytest.mark.parametrize("name", OFFICIAL)
def test_layout_regions_match_the_docx(name):
    pdf, docx = read(SAMPLES / f"{name}.pdf"), read(SAMPLES / f"{name}.docx")
    for region in (Region.HEADER_LEFT, Region.HEADER_RIGHT, Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT):
        assert texts(pdf, region) == texts(docx, region), region
    assert pdf.footnotes() == docx.footnotes()


@pytest.mark.parametrize(
    "name", ["skhcn-wifi-cong-cong", "skhcn-de-xuat-cchc", "ubnd-tiep-tuc-02kh-bcdtw", "tin-quang-nam-wifi"]
)
def test_body_paragraphs_match_the_docx(name):
    # the PDF's lines are soft wraps: the paragraphs rebuilt from geometry are the docx's paragraphs
    pdf, docx = read(SAMPLES / f"{name}.pdf"), read(SAMPLES / f"{name}.docx")
    assert texts(pdf, Region.BODY) == texts(docx, Region.BODY)


def test_signature_block_continues_on_the_next_page():
    doc = read(SAMPLES / "ubnd-tiep-tuc-02kh-bcdtw.pdf")
    left = [b for b in doc.paragraphs() if b.region is Region.SIGNATURE_LEFT]
    assert left[-1].text == "- Lưu: VT, KGVX(t)." and left[-1].page == 3
    assert texts(doc, Region.SIGNATURE_RIGHT) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Sâm"]


def test_appendix_after_signature_is_body(minh_long):
    appendix = next(b for b in minh_long.blocks if b.text == "PHỤ LỤC")
    assert appendix.region is Region.BODY and appendix.page == 9
    assert texts(minh_long, Region.SIGNATURE_LEFT)[-1] == "- Lưu: VT."


def test_pages_and_metadata(minh_long):
    assert minh_long.format == "pdf"
    assert minh_long.metadata["author"] == "python-docx"
    assert minh_long.metadata["created"] == "2026-11-21T23:05:35+00:00"  # from "D:20261121230535Z'"


def test_scan_needs_ocr():
    with pytest.raises(NeedsOCR, match="OCR"):
        read(SAMPLES / "skhcn-de-xuat-cchc.scan.pdf")


def _body(page: Page, y: float, lines: list[str], indent: float = 28, size: float = 12) -> float:
    """A justified paragraph: every line but the last fills the measure, the first is indented."""
    for k, line in enumerate(lines):
        x = LEFT + (indent if k == 0 else 0)
        page.text(x, y, line, size, width=RIGHT - x if k < len(lines) - 1 else None)
        y += size * 1.3
    return y + size * 0.6


def _official_pdf(tmp_path: Path) -> Path:
    p = Page()
    for y, left, right in [
        (60, "UY BAN NHAN DAN", "CONG HOA XA HOI CHU NGHIA VIET NAM"),
        (75, "TINH QUANG NGAI", "Doc lap - Tu do - Hanh phuc"),
        (90, "So: 15/UBND-VX", "Quang Ngai, ngay 3 thang 7 nam 2025"),
        (105, "V/v thu nghiem doc van", None),
        (120, "ban hai cot", None),
    ]:
        p.text(100, y, left, 11)
        if right:
            p.text(320, y, right, 11)
    p.text(240, 170, "Kinh gui: So Noi vu", 12)
    y = _body(
        p,
        200,
        [
            "Thuc hien Quyet dinh so 906/QD-",
            "UBND ngay 11/7/2022 ve ke hoach chuyen doi so cua tinh va Ke hoach 163-",
            "KH/HU ngay 30/11/2023, UBND tinh de nghi nhu sau:",
        ],
    )
    y = _body(p, y, ["1. Cac so, ban, nganh trien khai thuc hien.", "- Bao cao ket qua truoc ngay 15/12/2025."])
    y += 20
    for dy, left, right in [
        (0, "Noi nhan:", "KT. CHU TICH"),
        (14, "- Nhu tren;", "PHO CHU TICH"),
        (28, "- Luu: VT.", None),
        (70, None, "Nguyen Van A"),
    ]:
        if left:
            p.text(LEFT, y + dy, left, 10)
        if right:
            p.text(380, y + dy, right, 11)
    p.text(295, 815, "1", 10)  # page number
    path = tmp_path / "official.pdf"
    path.write_bytes(make_pdf([p], info={"Title": "Cong van thu", "Author": "Van thu"}))
    return path


def test_built_header_body_signature(tmp_path):
    doc = PdfReader().read(_official_pdf(tmp_path))
    assert texts(doc, Region.HEADER_LEFT) == [
        "UY BAN NHAN DAN",
        "TINH QUANG NGAI",
        "So: 15/UBND-VX",
        "V/v thu nghiem doc van ban hai cot",
    ]
    assert texts(doc, Region.HEADER_RIGHT) == [
        "CONG HOA XA HOI CHU NGHIA VIET NAM",
        "Doc lap - Tu do - Hanh phuc",
        "Quang Ngai, ngay 3 thang 7 nam 2025",
    ]
    body = texts(doc, Region.BODY)
    assert body[0] == "Kinh gui: So Noi vu"
    assert body[1] == (
        "Thuc hien Quyet dinh so 906/QD-UBND ngay 11/7/2022 ve ke hoach chuyen doi so cua tinh "
        "va Ke hoach 163-KH/HU ngay 30/11/2023, UBND tinh de nghi nhu sau:"
    )
    assert body[2:] == [
        "1. Cac so, ban, nganh trien khai thuc hien.",
        "- Bao cao ket qua truoc ngay 15/12/2025.",
    ]
    assert texts(doc, Region.SIGNATURE_LEFT) == ["Noi nhan:", "- Nhu tren;", "- Luu: VT."]
    assert texts(doc, Region.SIGNATURE_RIGHT) == ["KT. CHU TICH", "PHO CHU TICH", "Nguyen Van A"]
    assert "1" not in [b.text for b in doc.blocks]  # the page number is dropped
    assert doc.metadata == {"title": "Cong van thu", "author": "Van thu"}
    assert doc.pages == 1


def _sup(page: Page, x: float, y: float, before: str, mark: str, size: float = 12) -> float:
    """Write ``before`` and a raised, smaller ``mark`` glued to it; returns x after the mark."""
    x = page.text(x, y, before, size)
    return page.text(x, y - size * 0.35, mark, size * 0.58)


def test_built_footnotes_with_marks_and_continuation(tmp_path):
    p1, p2 = Page(), Page()
    x = _sup(p1, LEFT + 28, 100, "Can cu Nghi dinh", "1")
    x = p1.text(x, 100, " va Thong tu", 12)
    x = _sup(p1, x, 100, "", "2")
    p1.text(x, 100, "; cac don vi thuc hien.", 12)
    p1.line(LEFT, 700, LEFT + 130, 700)  # footnote separator
    p1.text(LEFT, 715, "1 Nghi dinh so 30/2020/ND-CP ve cong tac van thu.", 10)
    p1.text(LEFT, 730, "2 Thong tu so 01/2011/TT-BNV huong dan the thuc, noi dung nay", 10)
    p2.text(LEFT + 28, 100, "Noi dung trang hai cua van ban.", 12)
    p2.line(LEFT, 740, LEFT + 130, 740)
    p2.text(LEFT, 755, "con tiep theo o trang sau.", 10)
    path = tmp_path / "notes.pdf"
    path.write_bytes(make_pdf([p1, p2]))

    doc = read(path)
    first = doc.paragraphs()[0]
    assert first.text == "Can cu Nghi dinh va Thong tu; cac don vi thuc hien."
    assert [(n.offset, n.note_id) for n in first.notes] == [
        (len("Can cu Nghi dinh"), "1"),
        (len("Can cu Nghi dinh va Thong tu"), "2"),
    ]
    assert doc.footnotes() == {
        "1": "Nghi dinh so 30/2020/ND-CP ve cong tac van thu.",
        "2": "Thong tu so 01/2011/TT-BNV huong dan the thuc, noi dung nay con tiep theo o trang sau.",
    }
    assert [b.text for b in doc.paragraphs()] == [first.text, "Noi dung trang hai cua van ban."]


def _grid(page: Page, top: float, rows: list[list[str]], widths=(40, 300, 111)) -> float:
    """A bordered table, one text line per cell row (two for cells holding a list of strings)."""
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    y = top
    for row in rows:
        height = 18 * max(len(c) if isinstance(c, list) else 1 for c in row) + 6
        page.line(xs[0], y, xs[-1], y)
        for k, cell in enumerate(row):
            for n, line in enumerate(cell if isinstance(cell, list) else [cell]):
                page.text(xs[k] + 4, y + 15 + 18 * n, line, 11)
        y += height
    page.line(xs[0], y, xs[-1], y)
    for x in xs:
        page.line(x, top, x, y)
    return y


def test_built_table_across_a_page_break(tmp_path):
    header = ["TT", "Noi dung", "Thoi gian"]
    p1, p2 = Page(), Page()
    p1.text(LEFT + 28, 80, "Phu luc phan cong nhiem vu:", 12)
    _grid(p1, 100, [header, ["1", "Xay dung ke hoach", "2025"], ["2", "Trien khai he thong thong tin", "2025-"]])
    y = _grid(p2, 60, [header, ["", "dung chung cua tinh", "2026"], ["3", ["Tap huan can bo", "- Cap xa"], "2026"]])
    p2.text(LEFT + 28, y + 30, "Giao Van phong tong hop ket qua.", 12)
    path = tmp_path / "table.pdf"
    path.write_bytes(make_pdf([p1, p2]))

    doc = read(path)
    (table,) = doc.tables()
    assert table.rows == (
        ("TT", "Noi dung", "Thoi gian"),
        ("1", "Xay dung ke hoach", "2025"),
        ("2", "Trien khai he thong thong tin dung chung cua tinh", "2025-2026"),
        ("3", "Tap huan can bo\n- Cap xa", "2026"),
    )
    paragraphs = [b.text for b in doc.paragraphs()]
    assert paragraphs == ["Phu luc phan cong nhiem vu:", "Giao Van phong tong hop ket qua."]
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.PARAGRAPH]


def test_built_pdf_without_text_needs_ocr(tmp_path):
    p = Page()
    p.rect(72, 72, 300, 300)
    path = tmp_path / "drawing.pdf"
    path.write_bytes(make_pdf([p, Page()]))
    with pytest.raises(NeedsOCR) as err:
        read(path)
    assert "drawing.pdf" in str(err.value)


def test_pdfmaker_measures_like_pdfium(tmp_path):
    # the synthetic tests rely on the helper's Helvetica widths matching what pdfium reports
    p = Page()
    end = p.text(100, 100, "Thuc hien Quyet dinh", 12)
    path = tmp_path / "w.pdf"
    path.write_bytes(make_pdf([p]))
    pdf = pdfium.PdfDocument(path)
    textpage = pdf[0].get_textpage()
    right = textpage.get_charbox(textpage.count_chars() - 1, loose=True)[2]
    assert abs(right - end) < 0.5
    assert abs(end - 100 - text_width("Thuc hien Quyet dinh", 12)) < 1e-9


def test_pdf_encrypted_without_user_password_is_read(tmp_path):
    # "protected" government PDFs often only restrict copying: the user password is empty
    page = Page()
    page.text(LEFT, 100, "Van ban chi han che sao chep.", 12)
    path = tmp_path / "restricted.pdf"
    path.write_bytes(make_pdf([page], user_password=""))
    assert [b.text for b in read(path).blocks] == ["Van ban chi han che sao chep."]
