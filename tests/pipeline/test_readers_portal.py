"""Pages saved whole from a legal portal: the document is found inside the site's text."""

from __future__ import annotations

import pytest

from pipeline.extract import extract, to_contract
from pipeline.readers.portal import cut_page
from pipeline.readers.text import TextReader, parse_text

# A page as a portal crawl saves it: its metadata block (one cell a line, between lone pipes),
# the document's frame, and site text after the signature. Written for this test.
PAGE = """\
|
Đang tải văn bản...
#
**Số hiệu:**
|
812/SNN-KHTC
|
|
**Loại văn bản:**
|
Công văn
|
**Nơi ban hành:**
|
Sở Nông nghiệp và Môi trường tỉnh Gia Lai
|
**Người ký:**
|
Lê Văn Bình
|
**Ngày ban hành:**
|
04/12/2026
|
|
**Tình trạng:**
|
Đã biết
|
|
**UBND TỈNH GIA LAI**
**SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 812/SNN-KHTC
*V/v báo cáo kết quả trồng rừng năm 2026*
|
*Gia Lai, ngày 04 tháng 12 năm 2026*
|
|
**Kính gửi:**
|
Ủy ban nhân dân các xã, phường.
|
Thực hiện Kế hoạch số 55/KH-UBND ngày 10/3/2026 của Ủy ban nhân dân tỉnh về trồng rừng năm 2026, để
có cơ sở tổng hợp, báo cáo Ủy ban nhân dân tỉnh, Sở Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân
các xã, phường rà soát diện tích rừng trồng mới, diện tích rừng trồng bị thiệt hại do thiên tai trên
địa bàn. Đề nghị các địa phương tổng hợp số liệu theo biểu mẫu gửi kèm và báo cáo về Sở Nông nghiệp và
Môi trường trước ngày 20/12/2026 để tổng hợp. Trường hợp có khó khăn, vướng mắc, đề nghị phản ánh về
Sở (qua Phòng Kế hoạch - Tài chính) để được hướng dẫn. Sở trân trọng đề nghị các địa phương quan tâm
phối hợp thực hiện./.
|
*Nơi
nhận:*
- Như trên;
- UBND tỉnh (b/c);
- Lưu: VT, KHTC.
|
**KT. GIÁM ĐỐC**
PHÓ GIÁM ĐỐC
**Lê Văn
Bình**
|
Công văn 812/SNN-KHTC năm 2026 báo cáo kết quả trồng rừng do Sở Nông nghiệp và Môi trường ban hành
## Văn bản liên quan
Ban hành:
10/03/2026
Hiệu lực: Đã biết
**Kính gửi:** Quý khách hàng,
Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân yêu cầu xác nhận sự đồng ý của Quý khách.
|
"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_the_document_lies_between_the_metadata_block_and_the_site_text():
    lines = _lines(PAGE)
    cut = cut_page(lines)
    assert cut is not None
    kept = lines[cut.start : cut.end]
    assert any("SỞ NÔNG NGHIỆP" in ln for ln in kept[:4])
    assert "Bình**" in kept[-1] or "Bình" in " ".join(kept[-3:])
    assert not any("Quý khách" in ln or "Văn bản liên quan" in ln or "Loại văn bản" in ln for ln in kept)
    assert cut.metadata.fields["so hieu"] == "812/SNN-KHTC"
    assert cut.metadata.fields["nguoi ky"] == "Lê Văn Bình"


def test_a_portal_page_reads_as_the_document(tmp_path):
    path = tmp_path / "trang.txt"
    path.write_text(PAGE, encoding="utf-8")
    record = to_contract(extract(TextReader().read(path)), source=str(path))
    assert record["doc_type"] == "CV"
    assert record["reference"] == "812/SNN-KHTC"
    assert record["date"] == "2026-12-04"
    assert record["signer"]["name"] == "Lê Văn Bình"
    assert record["signer"]["authority"] == "KT"
    assert [c["reference"] for c in record["citations"]] == ["55/KH-UBND"]  # not the site's Nghị định 13
    assert any(o["due"] == "2026-12-20" for o in record["obligations"])


def test_the_portal_metadata_fills_a_lost_header(tmp_path):
    # the page lost the document's header: the frame opens at "Kính gửi"
    start = PAGE.index("**Kính gửi:**\n|\nỦy")
    page = PAGE[: PAGE.index("**UBND TỈNH GIA LAI**")] + PAGE[start:]
    path = tmp_path / "mat-dau.txt"
    path.write_text(page, encoding="utf-8")
    record = to_contract(extract(TextReader().read(path)), source=str(path))
    assert record["reference"] == "812/SNN-KHTC"
    assert record["doc_type"] == "CV"
    assert record["issuer"] == "Sở Nông nghiệp và Môi trường tỉnh Gia Lai"
    assert record["date"] == "2026-12-04"
    assert record["issuer"] != "Kt. Giám đốc phó giám đốc"


@pytest.mark.parametrize(
    "text",
    [
        # a document that names a portal's labels in its body is no portal page
        "ỦY BAN NHÂN DÂN TỈNH A\nSố: 12/UBND-VP\nĐề nghị ghi rõ Số hiệu: và Người ký: trên phiếu.\nNơi nhận:\n- Lưu: VT.",
        # labels only at the end (a list of related documents) do not open a page
        "\n".join(
            ["Nội dung văn bản."] * 20 + ["Số hiệu:", "1/QĐ", "Loại văn bản:", "Quyết định", "Tình trạng:", "Hết"]
        ),
        "Căn cứ Luật Ban hành văn bản; Số hiệu: 1/QĐ; Ngày ban hành: 02/01/2026",
    ],
)
def test_no_portal_page_no_cut(text):
    assert cut_page(_lines(text)) is None


def test_a_body_run_into_the_frame_cells_reads_as_paragraphs():
    frame = PAGE[PAGE.index("|\n**UBND TỈNH GIA LAI**") : PAGE.index("Công văn 812/SNN-KHTC năm")]
    blocks, _ = parse_text(frame)
    body = [b for b in blocks if b.text.startswith("Thực hiện Kế hoạch số 55/KH-UBND")]
    assert body and not body[0].rows  # a paragraph, not a table cell


def test_an_annex_cell_ends_the_signature_table():
    text = "|\nNơi nhận:\n- Lưu: VT.\n|\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn Bình\n|\nPHỤ LỤC 1\n(Kèm theo Công văn số 812/SNN-KHTC)\n|\nSTT\n|\nNội dung\n|\n|\n"
    blocks, _ = parse_text(text)
    assert any(b.text.startswith("PHỤ LỤC 1") for b in blocks)
    assert any(b.text.strip() == "Lê Văn Bình" for b in blocks)


def test_a_kinh_gui_row_of_the_frame_table_is_the_body(tmp_path):
    frame = (
        "|\n**BỘ NỘI VỤ**\n--------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n|\n|\n"
        "Số: 10/BNV-TCBC\n|\nHà Nội, ngày 21 tháng 11 năm 2026\n|\n|\n**Kính gửi:**\n|\n"
        "- Các bộ, cơ quan ngang bộ;\n- Ủy ban nhân dân các tỉnh.\n|\n|\n\n"
        "Bộ Nội vụ đề nghị các bộ, địa phương gửi đề xuất trước ngày 30/11/2026.\n"
    )
    path = tmp_path / "khung.txt"
    path.write_text(frame, encoding="utf-8")
    record = to_contract(extract(TextReader().read(path)), source=str(path))
    assert record["addressees"] == ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh"]


def test_the_portal_names_the_header_issuer_more_fully_by_its_parent(tmp_path):
    path = tmp_path / "trang.txt"
    path.write_text(PAGE, encoding="utf-8")
    record = to_contract(extract(TextReader().read(path)), source=str(path))
    assert record["issuer"] == "Sở Nông nghiệp và Môi trường tỉnh Gia Lai"


@pytest.mark.parametrize(
    "portal_issuer",
    [
        "Ủy ban nhân dân tỉnh Gia Lai",  # another agency: the document's own header wins
        "Sở Nông nghiệp và Môi trường tỉnh Kon Tum",  # a place that is not the header's parent
    ],
)
def test_a_portal_issuer_that_is_not_the_header_one_more_fully_is_ignored(tmp_path, portal_issuer):
    path = tmp_path / "trang.txt"
    path.write_text(PAGE.replace("Sở Nông nghiệp và Môi trường tỉnh Gia Lai", portal_issuer), encoding="utf-8")
    record = to_contract(extract(TextReader().read(path)), source=str(path))
    assert record["issuer"] == "Sở Nông nghiệp và Môi trường"


LEAD = (
    "## Rà soát rừng trồng năm 2026\n"
    "**Ngày 04/12/2026, Sở Nông nghiệp và Môi trường đã ban hành Công văn 812/SNN-KHTC về việc báo cáo"
    " kết quả trồng rừng năm 2026****Các địa phương báo cáo trước ngày 20/12**\n"
)


@pytest.mark.parametrize(
    ("lead", "subject"),
    [
        (LEAD, "báo cáo kết quả trồng rừng năm 2026"),
        # the summary names another document "về việc ...": not this one's trích yếu
        (LEAD.replace("Công văn 812/SNN-KHTC", "Kế hoạch 55/KH-UBND"), None),
        # no "về việc" right after the number
        (LEAD.replace("812/SNN-KHTC về việc", "812/SNN-KHTC để"), None),
    ],
)
def test_a_lost_header_takes_its_subject_from_the_portal_summary(tmp_path, lead, subject):
    start = PAGE.index("**Kính gửi:**\n|\nỦy")
    page = PAGE[: PAGE.index("**UBND TỈNH GIA LAI**")] + lead + PAGE[start:]
    path = tmp_path / "mat-dau.txt"
    path.write_text(page, encoding="utf-8")
    record = to_contract(extract(TextReader().read(path)), source=str(path))
    assert record["subject"] == subject
    assert record["reference"] == "812/SNN-KHTC"
