"""extractors.references: số and ký hiệu.

State documents (Nghị định 30/2020/NĐ-CP, Phụ lục III): ``số/ký hiệu`` as ``1234/SNV-CCHC``,
legal documents with the year ``80/2015/QH13``, ``30/2020/NĐ-CP``. Party documents (Hướng
dẫn 36-HD/VPTW): ``số-kind/issuer`` as ``05-NQ/ĐU``. In the header of a draft or an
unregistered copy the number is left blank: ``Số:      /QĐ-UBND``.
"""

from __future__ import annotations

import pytest

from extractors.references import find_references, key, parse_header_number


def refs(text: str) -> list[str]:
    return [r.text for _, _, r in find_references(text)]


# ---------------------------------------------------------------- in running text

SHOULD_MATCH = [
    # (text, reference, number, symbol, party, year)
    ("theo Công văn số 1234/SNV-CCHC của Sở Nội vụ", "1234/SNV-CCHC", "1234", "SNV-CCHC", False, None),
    ("Luật số 80/2015/QH13 ngày 22/6/2015", "80/2015/QH13", "80", "QH13", False, "2015"),
    ("Nghị định số 30/2020/NĐ-CP của Chính phủ", "30/2020/NĐ-CP", "30", "NĐ-CP", False, "2020"),
    ("Quyết định số 1234/QĐ-TTg ngày 03/8/2025", "1234/QĐ-TTg", "1234", "QĐ-TTg", False, None),
    ("Chỉ thị số 24/CT-TTg của Thủ tướng", "24/CT-TTg", "24", "CT-TTg", False, None),
    ("Thông tư số 01/2026/TT-BNV", "01/2026/TT-BNV", "01", "TT-BNV", False, "2026"),
    ("Kế hoạch 347/KH-UBND,", "347/KH-UBND", "347", "KH-UBND", False, None),
    ("Văn bản số 88/STTTT-BCVT&CNTT", "88/STTTT-BCVT&CNTT", "88", "STTTT-BCVT&CNTT", False, None),
    ("Quyết định số 19/2025/QĐ-UBND.", "19/2025/QĐ-UBND", "19", "QĐ-UBND", False, "2025"),
    ("(Quyết định số 456/QĐ- UBND)", "456/QĐ-UBND", "456", "QĐ-UBND", False, None),  # wrapped after "-"
    ("Nghị quyết số 05-NQ/ĐU của Đảng ủy", "05-NQ/ĐU", "05", "NQ/ĐU", True, None),
    ("Hướng dẫn số 36-HD/VPTW", "36-HD/VPTW", "36", "HD/VPTW", True, None),
    ("Chương trình hành động số 10-CTr/TU", "10-CTr/TU", "10", "CTr/TU", True, None),
    ("Kết luận số 126-KL/TW của Bộ Chính trị", "126-KL/TW", "126", "KL/TW", True, None),
    ("Công văn 512-CV/BTGTU,", "512-CV/BTGTU", "512", "CV/BTGTU", True, None),
    # stray spaces as typed or crawled, and a number an office reused with a letter
    ("Quyết định số 3210/QĐ - UBND ngày 2/3/2026", "3210/QĐ-UBND", "3210", "QĐ-UBND", False, None),
    ("Nghị quyết số 71/NQ -CP của Chính phủ", "71/NQ-CP", "71", "NQ-CP", False, None),
    ("Công văn số 5721/BNNMT - TT ngày", "5721/BNNMT-TT", "5721", "BNNMT-TT", False, None),
    ("Thông báo số 112 /TB-VPCP ngày", "112/TB-VPCP", "112", "TB-VPCP", False, None),
    ("Công văn số 1249a/UBND-KT ngày", "1249a/UBND-KT", "1249a", "UBND-KT", False, None),
    ("Quy định số 368- QĐ/TW của Bộ Chính trị", "368-QĐ/TW", "368", "QĐ/TW", True, None),
    ("Văn bản số 9151- CV/BTCTW ngày 29/7/2025", "9151-CV/BTCTW", "9151", "CV/BTCTW", True, None),
]


@pytest.mark.parametrize(("text", "reference", "number", "symbol", "party", "year"), SHOULD_MATCH)
def test_reference_should_match(text, reference, number, symbol, party, year):
    found = list(find_references(text))
    assert len(found) == 1
    start, end, ref = found[0]
    assert ref.text == reference
    assert (ref.number, ref.symbol, ref.party, ref.year) == (number, symbol, party, year)
    assert text[start:end].replace(" ", "") == reference


@pytest.mark.parametrize(
    "text",
    [
        "Điện thoại: 0255.3822.123",
        "Fax: 0255 3822 124",
        "Tổng đài hỗ trợ 1900 6126",
        "theo quy định tại khoản 2 Điều 5 Luật Đất đai",
        "điểm a khoản 3 Điều 12 Nghị định",
        "ngày 25/12/2024",
        "ngày 25-12-2024",
        "phủ sóng 4G/5G tại các khu công nghiệp",
        "đã hoàn thành 56/93 nhiệm vụ",
        "UBND các huyện/thị xã",
        "đạt tỷ lệ 98,5%",
        "dịch COVID-19 năm 2021",
        "tiêu chuẩn ISO 9001:2015",
        "Quốc lộ 1A, km 12+500",
        "tháng 9/2026",
        "giai đoạn 2026 - 2030",
        "đến ngày 12/3 - UBND các xã báo cáo",
        "tỷ lệ 12a/b của Sở",
    ],
)
def test_reference_must_not_match(text):
    assert refs(text) == []


def test_a_spaced_hyphen_after_a_whole_symbol_is_the_list_going_on():
    assert refs("Công văn số 12/UBND-VP - UBND huyện A") == ["12/UBND-VP"]


def test_several_references_in_one_sentence():
    text = (
        "Căn cứ Nghị định số 30/2020/NĐ-CP, Quyết định số 1234/QĐ-TTg và Nghị quyết số 05-NQ/ĐU, "
        "điện thoại 0255.3822.123"
    )
    assert sorted(refs(text)) == sorted(["30/2020/NĐ-CP", "1234/QĐ-TTg", "05-NQ/ĐU"])


@pytest.mark.parametrize(
    ("symbol_text", "kind"),
    [
        ("Quyết định số 1234/QĐ-TTg", "QĐ"),
        ("Chỉ thị số 24/CT-TTg", "CT"),
        ("Kế hoạch số 347/KH-UBND", "KH"),
        ("Báo cáo số 61/BC-SCT", "BC"),
        ("Tờ trình số 14/TTr-STC", "TTr"),
        ("Nghị quyết số 05-NQ/ĐU", "NQ"),
        ("Hướng dẫn số 36-HD/VPTW", "HD"),
        ("Chương trình số 10-CTr/TU", "CTr"),
        ("Công văn số 1234/SNV-CCHC", None),  # a công văn's ký hiệu names no kind
        ("Luật số 80/2015/QH13", None),
    ],
)
def test_reference_kind_from_symbol(symbol_text, kind):
    ((_, _, ref),) = find_references(symbol_text)
    assert ref.kind == kind


# ---------------------------------------------------------------- the header's "Số:" line

HEADER_SHOULD_MATCH = [
    # (line, reference, number, symbol, party)
    ("Số: 1234/SNV-CCHC", "1234/SNV-CCHC", "1234", "SNV-CCHC", False),
    ("Số: 07/2026/QĐ-UBND", "07/2026/QĐ-UBND", "07", "QĐ-UBND", False),
    ("Số:      /QĐ-UBND", "/QĐ-UBND", None, "QĐ-UBND", False),
    ("Số: /KH-UBND", "/KH-UBND", None, "KH-UBND", False),
    ("Số:   /UBND-VX    Đà Nẵng, ngày 10 tháng 3 năm 2026", "/UBND-VX", None, "UBND-VX", False),
    ("Số: 45 /BC-UBND", "45/BC-UBND", "45", "BC-UBND", False),
    ("Số 15-KH/TU", "15-KH/TU", "15", "KH/TU", True),
    ("Số 302-CV/BTGTU", "302-CV/BTGTU", "302", "CV/BTGTU", True),
    ("Số     -NQ/ĐU", "-NQ/ĐU", None, "NQ/ĐU", True),
]


@pytest.mark.parametrize(("line", "reference", "number", "symbol", "party"), HEADER_SHOULD_MATCH)
def test_header_number_should_match(line, reference, number, symbol, party):
    found = parse_header_number(line)
    assert found is not None
    ref, (start, end) = found
    assert ref.text == reference
    assert (ref.number, ref.symbol, ref.party) == (number, symbol, party)
    assert line[start:end].startswith("Số")


@pytest.mark.parametrize(
    "line",
    [
        "Số lượng đại biểu: 120 người",
        "Số điện thoại: 0255.3822.123",
        "Số liệu tính đến ngày 20/6/2025",
        "Số: ",
    ],
)
def test_header_number_must_not_match(line):
    assert parse_header_number(line) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [("4664/KH-UBND", "4664 / kh-ubnd"), ("05-NQ/ĐU", "05-nq/đu"), ("30/2020/NĐ-CP", "30/2020/nđ-cp")],
)
def test_key_ignores_case_and_spacing(a, b):
    assert key(a) == key(b)


def test_key_tells_numbers_apart():
    assert key("1234/QĐ-UBND") != key("1243/QĐ-UBND")
