"""The relation of a citation: what the citing document does to the cited one, or nothing."""

from __future__ import annotations

import pytest

from extractors.relations import extract_relations
from pipeline.status import CitationRelation as R

SHOULD_MATCH = [
    ("Quyết định này thay thế Quyết định số 1234/QĐ-UBND ngày 02/3/2024 của UBND tỉnh.", "1234/QĐ-UBND", R.REPLACES),
    ("Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 1234/QĐ-UBND.", "1234/QĐ-UBND", R.REPLACES),
    ("Kế hoạch này thay thế cho Kế hoạch số 45/KH-UBND ngày 10/01/2025.", "45/KH-UBND", R.REPLACES),
    ("V/v đính chính Công văn số 56/SNV-TCBC ngày 10/5/2025", "56/SNV-TCBC", R.CORRECTS),
    ("Đính chính Công văn số 56/SNV-TCBC ngày 10/5/2025 của Sở Nội vụ như sau:", "56/SNV-TCBC", R.CORRECTS),
    (
        "Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 12/2020/QĐ-UBND.",
        "12/2020/QĐ-UBND",
        R.AMENDS,
    ),
    ("Sửa đổi khoản 2 Điều 5 Quyết định số 77/QĐ-UBND như sau:", "77/QĐ-UBND", R.AMENDS),
    ("Bãi bỏ Quyết định số 88/QĐ-UBND ngày 01/02/2023 của UBND huyện.", "88/QĐ-UBND", R.REPEALS),
    ("Bãi bỏ khoản 2 Điều 3 của Quyết định số 88/QĐ-UBND.", "88/QĐ-UBND", R.AMENDS),  # a part only
    ("Thay thế Phụ lục I kèm theo Kế hoạch số 45/KH-UBND.", "45/KH-UBND", R.AMENDS),
    ("Hủy bỏ Thông báo số 19/TB-UBND ngày 03/4/2025.", "19/TB-UBND", R.REPEALS),
    ("UBND huyện thu hồi Công văn số 301/UBND-VP ngày 12/6/2025.", "301/UBND-VP", R.REPEALS),
    ("THAY THẾ QUYẾT ĐỊNH SỐ 1234/QĐ-UBND", "1234/QĐ-UBND", R.REPLACES),  # capitals
    ("quyet dinh nay thay the quyet dinh so 1234/QĐ-UBND", "1234/QĐ-UBND", R.REPLACES),  # no diacritics
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương; Quyết định này thay thế Quyết định số 9/QĐ-UBND.",
        "9/QĐ-UBND",
        R.REPLACES,
    ),
]

MUST_NOT_MATCH = [
    ("Căn cứ Quyết định số 1234/QĐ-UBND ngày 02/3/2024 của UBND tỉnh;", "1234/QĐ-UBND"),
    (
        "Căn cứ Quyết định số 12/2020/QĐ-UBND về việc sửa đổi, bổ sung Quyết định số 34/2019/QĐ-UBND;",
        "34/2019/QĐ-UBND",
    ),  # a basis that amends another: not this document's act
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ số 47/2019/QH14;", "47/2019/QH14"),
    ("Thực hiện Quyết định số 10/QĐ-UBND về việc bãi bỏ Quyết định số 5/QĐ-UBND, Sở báo cáo:", "5/QĐ-UBND"),
    ("Các đơn vị thay thế thiết bị cũ. Thực hiện Công văn số 88/STTTT-BCVT, Sở báo cáo:", "88/STTTT-BCVT"),
    ("Đề nghị thay thế thiết bị cũ theo hướng dẫn tại Công văn số 88/STTTT-BCVT.", "88/STTTT-BCVT"),
    ("Sở đề nghị thu hồi Quyết định số 301/QĐ-UBND ngày 12/6/2025.", "301/QĐ-UBND"),  # asked, not done
    ("Dự thảo Quyết định thay thế Quyết định số 1234/QĐ-UBND.", "1234/QĐ-UBND"),
    ("thu hồi đất theo Quyết định số 55/QĐ-UBND ngày 1/1/2025", "55/QĐ-UBND"),
    ("Thực hiện Kế hoạch số 4664/KH-UBND ngày 15/7/2025 của UBND tỉnh", "4664/KH-UBND"),
    ("Quyết định số 1234/QĐ-UBND được thay thế.", "1234/QĐ-UBND"),  # the verb after the reference
    # another document, still to come (a plan of Nghệ An, 2025)
    (
        "Triển khai thực hiện khi có sửa đổi hoặc ban hành mới Quyết định thay thế Quyết định số 118/2008/QĐ-TTg",
        "118/2008/QĐ-TTg",
    ),
    ("Triển khai thực hiện khi có Thông tư mới thay thế Thông tư số 92/2009/TT-BTC", "92/2009/TT-BTC"),
    ("Sở đã có Công văn số 5/STC thay thế Công văn số 3/STC.", "3/STC"),
    ("Khi thay thế Công văn số 3/STC, Sở sẽ thông báo.", "3/STC"),
]


@pytest.mark.parametrize(("text", "reference", "relation"), SHOULD_MATCH)
def test_a_document_acting_on_the_cited_one_is_read(text, reference, relation):
    found = {r.value.reference: r.value.relation for r in extract_relations(text)}
    assert found == {reference: relation}


@pytest.mark.parametrize(("text", "reference"), MUST_NOT_MATCH)
def test_a_plain_citation_has_no_relation(text, reference):
    assert reference not in {r.value.reference for r in extract_relations(text)}


def test_each_reference_gets_its_own_verb():
    text = "Thay thế Quyết định số 11/QĐ-UBND và bãi bỏ Điều 2 Quyết định số 22/QĐ-UBND; căn cứ Công văn số 33/UBND."
    found = {r.value.reference: (r.value.relation, r.value.partial) for r in extract_relations(text)}
    assert found == {"11/QĐ-UBND": (R.REPLACES, False), "22/QĐ-UBND": (R.AMENDS, True)}
