"""Độ khẩn and độ mật: the marks Nghị định 30/2020 prints under the số, ký hiệu or at the top, and
the fields of a portal's block; the same words in running prose are no mark."""

from __future__ import annotations

import pytest

from extractors.marks import read_marks
from pipeline.status import Secrecy, Urgency

HEAD = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN PHÚ\tĐộc lập - Tự do - Hạnh phúc\n"
NUMBER = "Số: 215/UBND-KT\tAn Phú, ngày 02 tháng 5 năm 2025\n"
SUBJECT = "V/v báo cáo tình hình mưa lũ\n"
BODY = "Kính gửi: Các sở, ban, ngành tỉnh.\n\nỦy ban nhân dân tỉnh đề nghị các đơn vị báo cáo trước ngày 10/5/2025.\n"


def doc(*lines: str, head: str = HEAD, body: str = BODY) -> str:
    return head + NUMBER + "".join(f"{line}\n" for line in lines) + SUBJECT + body


SHOULD_MATCH = [
    ("KHẨN alone under the number", doc("KHẨN"), Urgency.URGENT, None),
    ("THƯỢNG KHẨN is not KHẨN", doc("THƯỢNG KHẨN"), Urgency.VERY_URGENT, None),
    ("HỎA TỐC alone on a header line", doc("HỎA TỐC"), Urgency.FLASH, None),
    ("HOẢ TỐC, the old accent place", doc("HOẢ TỐC"), Urgency.FLASH, None),
    ("HỎA TỐC HẸN GIỜ", doc("HỎA TỐC HẸN GIỜ"), Urgency.FLASH, None),
    ("HỎA TỐC at the very top", "HỎA TỐC\n" + doc(), Urgency.FLASH, None),
    ("a mark in the left column of a laid-out line", doc("KHẨN          V/v khẩn"), Urgency.URGENT, None),
    ("a bold mark from markdown", doc("**KHẨN**"), Urgency.URGENT, None),
    ("MẬT alone", doc("MẬT"), Urgency.NORMAL, Secrecy.CONFIDENTIAL),
    ("TỐI MẬT is not MẬT", doc("TỐI MẬT"), Urgency.NORMAL, Secrecy.SECRET),
    ("TUYỆT MẬT", doc("TUYỆT MẬT"), Urgency.NORMAL, Secrecy.TOP_SECRET),
    ("both marks, on two lines", doc("MẬT", "HỎA TỐC"), Urgency.FLASH, Secrecy.CONFIDENTIAL),
    ("both marks in one line's columns", doc("TỐI MẬT\tTHƯỢNG KHẨN"), Urgency.VERY_URGENT, Secrecy.SECRET),
    ("a text without diacritics", doc("HOA TOC"), Urgency.FLASH, None),
    ("a portal field", "Độ khẩn: Thượng khẩn\n" + doc(), Urgency.VERY_URGENT, None),
    ("a portal field in lower case", "Độ khẩn:   hỏa tốc\nĐộ mật: Mật\n" + doc(), Urgency.FLASH, Secrecy.CONFIDENTIAL),
    ("'Mức độ khẩn:' is a field", doc(body=BODY + "Mức độ khẩn: Khẩn\n"), Urgency.URGENT, None),
    ("a field saying ordinary wins over nothing", "Độ khẩn: Thường\n" + doc(), Urgency.NORMAL, None),
]

MUST_NOT_MATCH = [
    ("no mark at all", doc()),
    ("'khẩn trương triển khai' in the body", doc(body="Kính gửi: Các sở.\nĐề nghị các sở khẩn trương triển khai.\n")),
    ("a KHẨN line after Kính gửi", doc(body="Kính gửi: Các sở.\nKHẨN\nĐề nghị thực hiện.\n")),
    ("'bí mật nhà nước' in the body", doc(body="Kính gửi: Các sở.\nBảo vệ bí mật nhà nước theo quy định.\n")),
    ("a subject that says khẩn cấp", doc("V/v ứng phó khẩn cấp với bão số 3")),
    ("CÔNG ĐIỆN KHẨN is a title, not the mark", doc("CÔNG ĐIỆN KHẨN")),
    ("'Khẩn' in mixed case on a line", doc("Khẩn")),
    ("MẶT TRẬN in the header", doc(head="ỦY BAN MẶT TRẬN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n")),
    ("a mark after Căn cứ", doc(body="Căn cứ Luật Tổ chức chính quyền địa phương;\nMẬT\n")),
    ("a field with an unknown value", "Độ khẩn: xem văn bản\n" + doc()),
    ("a field naming no mark in prose", doc(body="Kính gửi: Các sở.\nVề độ khẩn: các sở tự xác định theo quy định.\n")),
]


@pytest.mark.parametrize(
    ("text", "urgency", "secrecy"), [c[1:] for c in SHOULD_MATCH], ids=[c[0] for c in SHOULD_MATCH]
)
def test_a_mark_is_read(text, urgency, secrecy):
    marks = read_marks(text)
    assert (marks.urgency, marks.secrecy) == (urgency, secrecy)


@pytest.mark.parametrize("text", [c[1] for c in MUST_NOT_MATCH], ids=[c[0] for c in MUST_NOT_MATCH])
def test_no_mark_is_read_where_there_is_none(text):
    marks = read_marks(text)
    assert (marks.urgency, marks.secrecy, marks.rule) == (Urgency.NORMAL, None, "none")


def test_the_portal_block_fields_count():
    marks = read_marks(doc(), {"do khan": "Hỏa tốc", "so hieu": "215/UBND-KT", "do mat": "Tối mật"})
    assert (marks.urgency, marks.secrecy, marks.rule) == (Urgency.FLASH, Secrecy.SECRET, "field")


def test_a_field_wins_over_a_header_mark():
    assert read_marks("Độ khẩn: Thượng khẩn\n" + doc("KHẨN")).urgency is Urgency.VERY_URGENT


def test_a_portal_page_s_fields_reach_the_marks(tmp_path):
    """A portal's "Độ khẩn:" and "Độ mật:" are in its metadata block, which is not the document's
    text: the reader keeps them with the block's other labels, and the marks read them there."""
    from pipeline.readers.text import TextReader
    from tests.pipeline.test_readers_portal import PAGE

    page = PAGE.replace(
        "**Tình trạng:**", "**Độ khẩn:**\n|\nThượng khẩn\n|\n**Độ mật:**\n|\nMật\n|\n**Tình trạng:**", 1
    )
    path = tmp_path / "trang.txt"
    path.write_text(page, encoding="utf-8")
    raw = TextReader().read(path)
    assert "Thượng khẩn" not in raw.text  # the block is not the document
    marks = read_marks(raw.text, raw.metadata.get("portal"))
    assert (marks.urgency, marks.secrecy, marks.rule) == (Urgency.VERY_URGENT, Secrecy.CONFIDENTIAL, "field")
    assert read_marks(raw.text).urgency is Urgency.NORMAL  # without the block, nothing says so
