"""The sections pass: a numbered heading names the owner of the dashes under it; a task block
("- Cơ quan chủ trì: ...", "- Thời gian thực hiện: ...") is owned by its chủ trì, never its phối hợp."""

from __future__ import annotations

import pytest
from obligation_docs import dated, frame, obligations, owners_of, traced

from extractors.deadlines import rule_for
from extractors.obligations import Found, OwnerBy
from pipeline.extract import to_contract

SECTIONS = """\
III. TỔ CHỨC THỰC HIỆN
1. Sở Tài chính
- Chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/4/2026.
- Hướng dẫn các đơn vị thanh quyết toán kinh phí theo quy định.
2. Ủy ban nhân dân cấp xã
- Báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/6/2026.
- Cập nhật số liệu lên Hệ thống thông tin báo cáo của tỉnh trước ngày 25 hằng tháng."""


def test_section_heading_owns_the_dashes_under_it(contract):
    obs = dated(contract, frame(SECTIONS))
    assert obs == [
        (("sở tài chính",), "2026-04-30", None),
        (("ủy ban nhân dân cấp xã",), "2026-06-15", None),
        (("ủy ban nhân dân cấp xã",), "2026-03-25", "monthly"),
    ]


def test_section_recipient_is_not_an_owner(contract):
    assert "sở nội vụ" not in owners_of(obligations(contract, frame(SECTIONS)))


VERB_ITEMS = """\
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
- Ban hành hướng dẫn chấm điểm chỉ số cải cách hành chính, hoàn thành trước ngày 31/3/2026.
- Bàn giao hồ sơ cho Trung tâm Lưu trữ lịch sử tỉnh trước ngày 30/6/2026.
2. Thanh tra tỉnh
- Hội nghị sơ kết công tác phòng, chống tham nhũng tổ chức trong tháng 7/2026."""


def test_dash_item_opening_with_a_verb_keeps_the_section_owner(contract):
    """ "Ban hành", "Bàn giao", "Hội nghị" open a task, not a unit ("Ban", "Hội")."""
    assert dated(contract, frame(VERB_ITEMS)) == [
        (("sở nội vụ",), "2026-03-31", None),
        (("sở nội vụ",), "2026-06-30", None),
        (("thanh tra tỉnh",), "2026-07-31", None),
    ]


BLOCKS = """\
II. NHIỆM VỤ CỤ THỂ
1. Xây dựng cơ sở dữ liệu đất đai cấp xã
- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.
- Cơ quan phối hợp: Ủy ban nhân dân cấp xã.
- Thời gian thực hiện: Quý III/2026.
2. Số hóa hồ sơ hộ tịch
- Cơ quan chủ trì: Sở Tư pháp.
- Cơ quan phối hợp: Sở Nội vụ.
- Thời gian thực hiện: 2026-2027."""


def test_chu_tri_blocks(contract):
    obs = dated(contract, frame(BLOCKS))
    assert sorted(obs) == sorted(
        [
            (("sở nông nghiệp và môi trường",), "2026-09-30", None),
            (("sở tư pháp",), "2027-12-31", None),
        ]
    )
    assert not owners_of(obs) & {"ủy ban nhân dân cấp xã", "sở nội vụ"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a dated dash: found by the sentences pass, its owner the section's heading
        (SECTIONS, (("sở tài chính",), "2026-04-30", f"{Found.SENTENCE}+{OwnerBy.SECTION_HEADING}+{rule_for('date')}")),
        # an undated dash opening with a verb: a section item of the heading's unit
        (SECTIONS, (("sở tài chính",), None, f"{Found.SECTION_ITEM}+{OwnerBy.SECTION_HEADING}")),
        # a task block: owned by its "Cơ quan chủ trì" line
        (
            BLOCKS,
            (("sở tư pháp",), "2027-12-31", f"{Found.BLOCK}+{OwnerBy.BLOCK_LABEL}+{rule_for('span')}"),
        ),
    ],
)
def test_section_rules(doc, body, expected):
    assert expected in traced(doc, frame(body))


def test_trace_names_the_owner_rule(doc):
    """`congvan extract --trace`: each obligation's rule says which pass found it and why that owner."""
    rules = [t["rule"] for t in to_contract(doc(frame(SECTIONS)), trace=True)["trace"]["obligations"]]
    assert rules and all(f"+{OwnerBy.SECTION_HEADING}" in r for r in rules)


def test_a_heading_for_a_unit_names_the_owner(contract):
    body = (
        "1. Đối với các phòng chuyên môn thuộc Sở\n"
        "- Báo cáo kết quả thực hiện nhiệm vụ trước ngày 18/5/2026.\n"
        "2. Đối với Văn phòng Sở\n"
        "- Tổng hợp báo cáo chung trước ngày 25/5/2026."
    )
    obs = obligations(contract, frame(body))
    assert (("các phòng chuyên môn thuộc sở",), "2026-05-18", None) in obs
    assert (("văn phòng sở",), "2026-05-25", None) in obs


def test_staged_steps_each_with_its_own_deadline(contract):
    body = (
        "III. TRÌNH TỰ THỰC HIỆN\n"
        "Bước 1: Các cơ quan, đơn vị có tài sản công tự kiểm kê, lập báo cáo theo Mẫu 01/KKTS.\n"
        "Thời gian hoàn tất: trước ngày 31/7/2026.\n"
        "Bước 2: Sở Tài chính thẩm định, nhập dữ liệu vào Cơ sở dữ liệu quốc gia.\n"
        "Thời gian hoàn tất: Quý IV/2026."
    )
    obs = obligations(contract, frame(body))
    assert (("các cơ quan, đơn vị có tài sản công",), "2026-07-31", None) in obs
    assert (("sở tài chính",), "2026-12-31", None) in obs


def test_a_unit_named_earlier_in_the_section_owns_the_tasks_that_name_nobody(contract):
    body = (
        "II. CÁC LOẠI BÁO CÁO\n"
        "1. Báo cáo tháng\n"
        "Các cơ quan, đơn vị gửi báo cáo tháng về Văn phòng Tỉnh ủy trước ngày 22 hằng tháng.\n"
        "2. Báo cáo năm\n"
        "- Báo cáo năm gửi trước ngày 15/11/2026.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "- Báo cáo sơ kết gửi trước ngày 20/12/2026."
    )
    obs = obligations(contract, frame(body))
    assert (("các cơ quan, đơn vị",), "2026-11-15", None) in obs
    # a new top section starts afresh: nobody is carried into it
    assert not any(o[1] == "2026-12-20" and o[0] == ("các cơ quan, đơn vị",) for o in obs)


SCHOOL_YEAR = """\
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch thời gian năm học 2026-2027 trên địa bàn tỉnh như sau:
- Tựu trường: ngày 27/8/2026.
- Khai giảng: ngày 05/9/2026.
- Kết thúc học kỳ I: trước ngày 17/01/2027.
- Đến hết năm 2026, 100% cơ sở giáo dục được kết nối Internet tốc độ cao.
Điều 2. Giao Sở Giáo dục và Đào tạo hướng dẫn, tổ chức thực hiện; báo cáo UBND tỉnh trước ngày 15/8/2027.
Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Giáo dục và Đào tạo, Chủ tịch UBND các huyện, thành phố và \
Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./."""
SCHOOL_YEAR_TITLE = "QUYẾT ĐỊNH\nBan hành Kế hoạch thời gian năm học 2026-2027\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KON TUM\n"


def test_a_decision_s_dated_items_fall_to_those_its_closing_article_charges(contract):
    # (a target in the passive, "100% cơ sở ... được kết nối", charges nobody)
    obs = dated(contract, frame(SCHOOL_YEAR, title=SCHOOL_YEAR_TITLE, symbol="QĐ-UBND"))
    executors = ("giám đốc sở giáo dục và đào tạo", "chủ tịch ubnd các huyện, thành phố")
    assert obs == [
        (executors, "2026-08-27", None),
        (executors, "2026-09-05", None),
        (executors, "2027-01-17", None),
        (("sở giáo dục và đào tạo",), "2027-08-15", None),
    ]


def test_the_closing_article_gives_no_owner_outside_a_decision(contract):
    # a kế hoạch has its addressees, or nobody: its closing words charge no one with dated items
    body = SCHOOL_YEAR.replace("QUYẾT ĐỊNH:\n", "")
    obs = dated(contract, frame(body, symbol="KH-UBND"))
    assert "2026-08-27" not in {due for _, due, _ in obs}
