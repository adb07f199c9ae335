"""extractors.citations: the other documents a document names with a number.

A citation reads ``<kind word> [name] số <số/ký hiệu> [ngày <date>] [của <issuer>] [về <subject>]``
(``Quyết định số 789/QĐ-UBND ngày 12/01/2026 của Ủy ban nhân dân tỉnh về ...``). Its kind
comes from the ký hiệu when the ký hiệu names one, else from the word before the number;
a law (``Luật Quy hoạch số 21/2017/QH14``) is LUAT; a công văn is CV.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.citations import extract_citations

D = dt.date


def cite(view, text: str, own: str | None = None):
    return [c.value for c in extract_citations(view(text), own)]


SHOULD_MATCH = [
    # (text, reference, kind, date)
    (
        "Căn cứ Quyết định số 789/QĐ-UBND ngày 12/01/2026 của Ủy ban nhân dân tỉnh;",
        "789/QĐ-UBND",
        "QĐ",
        D(2026, 1, 12),
    ),
    ("Thực hiện Nghị quyết số 104/2023/QH15 của Quốc hội về dự toán ngân sách;", "104/2023/QH15", "NQ", None),
    (
        "Căn cứ Luật Quy hoạch số 21/2017/QH14 ngày 24 tháng 11 năm 2017;",
        "21/2017/QH14",
        "LUAT",
        D(2017, 11, 24),
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;",
        "72/2025/QH15",
        "LUAT",
        D(2025, 6, 16),
    ),
    (
        "Thực hiện Chỉ thị số 24/CT-TTg ngày 14/7/2025 của Thủ tướng Chính phủ,",
        "24/CT-TTg",
        "CT",
        D(2025, 7, 14),
    ),
    (
        "Phúc đáp Văn bản số 123/UBND-KT ngày 03/3/2026 của UBND huyện Đức Trọng,",
        "123/UBND-KT",
        "CV",
        D(2026, 3, 3),
    ),
    ("Theo Công văn số 3187 ngày 10/02/2026 của Sở Tài chính,", "3187", "CV", D(2026, 2, 10)),
    (
        "Căn cứ Thông tư số 01/2026/TT-BNV ngày 05 tháng 01 năm 2026 của Bộ Nội vụ;",
        "01/2026/TT-BNV",
        "TT",
        D(2026, 1, 5),
    ),
    (
        "Thực hiện Kế hoạch số 45-KH/TU ngày 05 tháng 3 năm 2026 của Ban Thường vụ Tỉnh ủy,",
        "45-KH/TU",
        "KH",
        D(2026, 3, 5),
    ),
    (
        "Thực hiện Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng,",
        "36-HD/VPTW",
        "HD",
        D(2018, 4, 3),
    ),
    (
        "Căn cứ Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
        "30/2020/NĐ-CP",
        "NĐ",
        D(2020, 3, 5),
    ),
    ("Thực hiện Quyết định số 1234/QĐ-TTg của Thủ tướng Chính phủ,", "1234/QĐ-TTg", "QĐ", None),
    # the ký hiệu names the kind even when the sentence calls it a "văn bản"
    (
        "Thực hiện văn bản số 512/KH-UBND ngày 20/01/2026 của Ủy ban nhân dân tỉnh,",
        "512/KH-UBND",
        "KH",
        D(2026, 1, 20),
    ),
    # the date in words after "ban hành ngày"
    (
        "Căn cứ Thông báo số 77/TB-VPCP ban hành ngày 18 tháng 02 năm 2026;",
        "77/TB-VPCP",
        "TB",
        D(2026, 2, 18),
    ),
]


@pytest.mark.parametrize(("text", "reference", "kind", "date"), SHOULD_MATCH)
def test_citation_should_match(view, text, reference, kind, date):
    found = cite(view, text)
    assert [(c.reference, c.doc_type, c.date) for c in found] == [(reference, kind, date)]


@pytest.mark.parametrize(
    "text",
    [
        "Mọi thông tin xin liên hệ số điện thoại 0255.3822.123 hoặc tổng đài 1900 6126.",
        "Thực hiện theo quy định tại khoản 2 Điều 5 của Luật Đất đai.",
        "Hạn nộp hồ sơ là ngày 25/12/2024.",
        "Đến nay đã phủ sóng 4G/5G tại 56/93 xã, phường.",
        "Ủy ban nhân dân các huyện/thị xã tổng hợp báo cáo.",
        "Công văn này thay thế công văn trước đây của Sở.",
        "Năm 2025 đã hoàn thành 12 nhiệm vụ, đạt 100% kế hoạch.",
        # forms and tables are numbered like documents
        "Tổng hợp số liệu theo Mẫu 03/KBS/GSQL gửi kèm.",
        "Báo cáo theo Biểu số 02/BC-SNV và mẫu số 05/TK-CCHC.",
    ],
)
def test_citation_must_not_match(view, text):
    assert cite(view, text) == []


def test_each_document_once_even_if_cited_three_times(view):
    text = (
        "Thực hiện Kế hoạch số 58/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân tỉnh.\n"
        "Các đơn vị triển khai đầy đủ các nội dung của Kế hoạch số 58/KH-UBND.\n"
        "Kết quả thực hiện Kế hoạch số 58/KH-UBND gửi về Sở Nội vụ."
    )
    found = cite(view, text)
    assert [(c.reference, c.doc_type, c.date) for c in found] == [("58/KH-UBND", "KH", D(2026, 2, 9))]


def test_date_given_at_a_later_mention_is_kept(view):
    text = (
        "Triển khai Quyết định số 301/QĐ-UBND của Ủy ban nhân dân tỉnh.\n"
        "Quyết định số 301/QĐ-UBND ngày 14 tháng 01 năm 2026 quy định rõ trách nhiệm của từng đơn vị."
    )
    found = cite(view, text)
    assert [(c.reference, c.date) for c in found] == [("301/QĐ-UBND", D(2026, 1, 14))]


def test_bare_number_and_full_reference_are_two_documents(view):
    text = "Tiếp theo Công văn số 3187 ngày 10/02/2026, Sở Tài chính ban hành Công văn số 2301/STC-NS."
    found = {c.reference: c.doc_type for c in cite(view, text)}
    assert found == {"3187": "CV", "2301/STC-NS": "CV"}


def test_own_reference_is_not_cited(view):
    text = "Kế hoạch số 61/KH-UBND triển khai Nghị quyết số 12/NQ-HĐND ngày 08/01/2026 của HĐND tỉnh."
    found = cite(view, text, own="61/KH-UBND")
    assert [c.reference for c in found] == ["12/NQ-HĐND"]


def test_issuer_and_subject_of_a_citation(view):
    text = (
        "Thực hiện Quyết định số 789/QĐ-UBND ngày 12/01/2026 của UBND tỉnh về việc phê duyệt "
        "Đề án phát triển du lịch cộng đồng; các đơn vị triển khai."
    )
    (c,) = cite(view, text)
    assert c.issuer == "Ủy ban nhân dân tỉnh"
    assert c.subject == "phê duyệt Đề án phát triển du lịch cộng đồng"


# ---------------------------------------------------------------- in a whole document

DOC_WITH_OWN_NUMBER = """\
ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 61/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Giang, ngày 16 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Nghị quyết số 12/NQ-HĐND ngày 08/01/2026 của Hội đồng nhân dân tỉnh

Thực hiện Nghị quyết số 12/NQ-HĐND ngày 08/01/2026 của Hội đồng nhân dân tỉnh và Chỉ thị số 07/CT-UBND \
ngày 20 tháng 02 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch \
số 61/KH-UBND như sau:
I. MỤC ĐÍCH, YÊU CẦU
Các sở, ngành triển khai đồng bộ các giải pháp theo Nghị quyết số 12/NQ-HĐND.

Nơi nhận:
- Thường trực HĐND tỉnh;
- Lưu: VT, KTTH.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hoàng Văn Tuấn

PHỤ LỤC
(Kèm theo Kế hoạch số 61/KH-UBND ngày 16/3/2026 của Ủy ban nhân dân tỉnh)
"""


def test_document_does_not_cite_itself(doc):
    ex = doc(DOC_WITH_OWN_NUMBER)
    found = [(c.value.reference, c.value.doc_type, c.value.date) for c in ex.citations]
    assert found == [("12/NQ-HĐND", "NQ", D(2026, 1, 8)), ("07/CT-UBND", "CT", D(2026, 2, 20))]


def test_attached_to_is_not_a_citation(view):
    text = (
        "PHỤ LỤC\n(Kèm theo Quyết định số 95/QĐ-UBND ngày 02/3/2026 của Ủy ban nhân dân huyện Lộc Ninh)\n"
        "Danh mục nhiệm vụ năm 2026"
    )
    assert cite(view, text) == []


def test_an_annex_naming_its_own_document_with_a_colon_is_no_citation(view):
    assert (
        cite(view, "PHỤ LỤC 1 (Kèm theo Công văn số: 17899/BTC-TCCB ngày 18 tháng 11 năm 2025 của Bộ Tài chính)") == []
    )
