"""The text reader: artefacts of exports undone, and termination on any input."""

from __future__ import annotations

import random

import pytest

from pipeline.document import BlockKind, Region
from pipeline.readers.text import parse_text

RULE_LINES = [
    "-------",
    "---------------                           -------",
    "UBND TỈNH X\n-------\nSố: 12/UBND-VX",
    "| a | b |\n|---|---|\n| c | d |\n-----\nKính gửi: Sở Y",
    "----\n----\n----",
    "|\n|\n|",
    "|",
    "| --- |",
]


@pytest.mark.parametrize("text", RULE_LINES)
def test_rule_lines_and_stray_pipes_terminate(text):
    blocks, _ = parse_text(text)
    assert all(b.kind in (BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.FOOTNOTE) for b in blocks)


def test_random_lines_of_markup_characters_always_terminate():
    rng = random.Random(7)
    alphabet = ["|", "-", "*", "\t", " ", "a", "Ă", "\n", ":", "�", "1.", "#"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        parse_text(text)


def test_markdown_table_still_read():
    blocks, _ = parse_text("| STT | Nhiệm vụ | Đơn vị chủ trì |\n|---|---|---|\n| 1 | Lập kế hoạch | Sở Y tế |")
    tables = [b for b in blocks if b.kind is BlockKind.TABLE]
    assert tables and tables[0].rows[1] == ("1", "Lập kế hoạch", "Sở Y tế")


def test_lost_footnote_mark_becomes_a_note_ref():
    text = "Kính gửi:\n- Ủy ban nhân dân các xã\n;\n- Sở Tài chính.\nNội dung.\n\n\ufffd Xã A; Xã B; Xã C.\n"
    blocks, _ = parse_text(text)
    para = next(b for b in blocks if b.text.startswith("- Ủy ban"))
    assert para.text == "- Ủy ban nhân dân các xã;"
    assert para.notes and para.notes[0].note_id == "1"
    notes = [b for b in blocks if b.kind is BlockKind.FOOTNOTE]
    assert notes[0].text.startswith("Xã A")
    assert all(b.region is Region.BODY for b in blocks if b.kind is BlockKind.PARAGRAPH)


def test_a_markdown_row_may_run_over_several_lines():
    text = (
        "| UBND TỈNH HÀ NAM\n**SỞ TÀI CHÍNH**\n------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
        "**Độc lập - Tự do - Hạnh phúc** |\n| Số: 15/STC-NS | *Hà Nam, ngày 02 tháng 3 năm 2026* |\n"
        "Kính gửi: Các sở, ban, ngành.\nThực hiện chỉ đạo của UBND tỉnh, Sở Tài chính đề nghị các đơn vị báo cáo.\n"
    )
    blocks, _ = parse_text(text)
    left = [b.text for b in blocks if b.region is Region.HEADER_LEFT]
    right = [b.text for b in blocks if b.region is Region.HEADER_RIGHT]
    assert left[:2] == ["UBND TỈNH HÀ NAM", "SỞ TÀI CHÍNH"]
    assert right[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_br_breaks_a_line_inside_a_markdown_cell():
    text = (
        "| **UBND TỈNH HÀ NAM** <br> **SỞ TÀI CHÍNH** <br> ------- | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** <br>"
        " Độc lập - Tự do - Hạnh phúc |\n| Số: 15/STC-NS | Hà Nam, ngày 02 tháng 3 năm 2026 |\n"
        "Kính gửi: Các sở, ban, ngành.\nSở Tài chính đề nghị các đơn vị báo cáo trước ngày 10/3/2026.\n"
    )
    blocks, _ = parse_text(text)
    left = [b.text for b in blocks if b.region is Region.HEADER_LEFT]
    assert left[:2] == ["UBND TỈNH HÀ NAM", "SỞ TÀI CHÍNH"]
    assert not any("<br" in b.text for b in blocks)


def test_a_signer_boxed_alone_at_the_end_is_the_signature():
    text = (
        "Kính gửi: Các sở.\n"
        + "Đề nghị các sở báo cáo trước ngày 10/3/2026.\n" * 12
        + "|\n|\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Nam\n|\n"
    )
    blocks, _ = parse_text(text)
    assert [b.text for b in blocks if b.region is Region.SIGNATURE_RIGHT][-1] == "Hoàng Văn Nam"


def test_empty_emphasis_does_not_close_a_portal_table():
    text = (
        "Nội dung.\n" * 12
        + "|\n* *\n*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n|\n**KT. GIÁM ĐỐC**\nPHÓ GIÁM ĐỐC\nLê Văn An\n|\n"
    )
    blocks, _ = parse_text(text)
    assert "Lê Văn An" in [b.text for b in blocks if b.region is Region.SIGNATURE_RIGHT]
    assert "Nơi nhận:" in [b.text for b in blocks if b.region is Region.SIGNATURE_LEFT]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        # a short numbered heading stands alone above a sentence opened by a capital
        ("1. Báo cáo tuần\nCác cơ quan, đơn vị gửi báo cáo.", ["1. Báo cáo tuần", "Các cơ quan, đơn vị gửi báo cáo."]),
        ("2. Sở Y tế\nGửi báo cáo trước ngày 22.", ["2. Sở Y tế", "Gửi báo cáo trước ngày 22."]),
        # a wrapped heading still joins: lowercase, or a name going on after "và"
        ("1. Báo cáo kết quả\nthực hiện nhiệm vụ.", ["1. Báo cáo kết quả thực hiện nhiệm vụ."]),
        (
            "4. Bộ trưởng Bộ Nông nghiệp và\nMôi trường hướng dẫn.",
            ["4. Bộ trưởng Bộ Nông nghiệp và Môi trường hướng dẫn."],
        ),
    ],
)
def test_short_numbered_headings(text, paragraphs):
    blocks, _ = parse_text(text)
    assert [b.text for b in blocks] == paragraphs


def test_a_wrapped_kinh_gui_line_is_one_paragraph():
    blocks, _ = parse_text("Kính gửi: Ủy ban nhân dân các tỉnh,\nthành phố trực thuộc Trung ương.\nThực hiện Kết luận.")
    assert blocks[0].text == "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."


@pytest.mark.parametrize(
    "text",
    [
        "Kính gửi: Các sở, ban, ngành tỉnh.\na) Sở Y tế: chỉ đạo các cơ sở y tế.",  # an item opens the body
        "Kính gửi: Các sở, ban, ngành tỉnh.\nthực hiện Kế hoạch số 12/KH-UBND.",  # the line ended
    ],
)
def test_the_kinh_gui_line_does_not_run_into_the_body(text):
    blocks, _ = parse_text(text)
    assert blocks[0].text == "Kính gửi: Các sở, ban, ngành tỉnh."


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("- Xây dựng mô hình trong Quý\nIV/2026.", "- Xây dựng mô hình trong Quý IV/2026."),
        ("- Hoàn thành trong tháng\n12/2026.", "- Hoàn thành trong tháng 12/2026."),
        ("- Gửi báo cáo về Sở trước\nNgày 15/12/2026.", "- Gửi báo cáo về Sở trước Ngày 15/12/2026."),
        ("1. Báo cáo tháng\nCác cơ quan gửi báo cáo.", "1. Báo cáo tháng"),  # a heading stays
    ],
)
def test_a_line_ending_on_a_word_that_needs_more_runs_on(text, first):
    blocks, _ = parse_text(text)
    assert blocks[0].text.replace("\n", " ") == first


def test_in_unwrapped_text_a_numbered_line_ends_where_it_ends():
    # a paragraph of 200 characters on one line: nothing was wrapped, the owner heading stands alone
    long = "Theo dõi chặt chẽ diễn biến mưa lũ, " * 8
    text = (
        f"1. Chủ tịch Ủy ban nhân dân các tỉnh\n{long}\n"
        "2. Giám đốc Sở Nông nghiệp và Môi trường các tỉnh, thành phố nêu trên\n"
        "Rà soát các khu vực có nguy cơ cao xảy ra lũ quét; báo cáo trước ngày 29/10/2025.\n"
    )
    texts = [b.text for b in parse_text(text)[0]]
    assert "2. Giám đốc Sở Nông nghiệp và Môi trường các tỉnh, thành phố nêu trên" in texts
