"""The sentences pass: the owner is the unit after a directive ("Giao Sở X chủ trì, phối hợp với Sở Y
..." → Sở X) or the sentence's subject; never a "phối hợp" unit, nor a unit after "về", "cho", "qua"
(the recipient). A frame ("... như sau:"), a topic's period ("Về X trong năm 2025: ...") and a
past-tense report are no dated tasks."""

from __future__ import annotations

import pytest
from obligation_docs import MEETING_CV, dated, frame, norm, owners_of, traced

from extractors.deadlines import rule_for
from extractors.obligations import Found, OwnerBy


@pytest.mark.parametrize(
    ("sentence", "owner", "partner", "due"),
    [
        (
            "Giao Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức khám sức khỏe cho học sinh, "
            "hoàn thành trước ngày 31/5/2026.",
            "sở y tế",
            "sở giáo dục và đào tạo",
            "2026-05-31",
        ),
        (
            "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính xây dựng phương án tổ "
            "chức lễ hội, hoàn thành trong tháng 5/2026.",
            "sở văn hóa, thể thao và du lịch",
            "sở tài chính",
            "2026-05-31",
        ),
        (
            "Giao Công an tỉnh phối hợp với Sở Tư pháp rà soát hồ sơ, hoàn thành trong Quý II năm 2026.",
            "công an tỉnh",
            "sở tư pháp",
            "2026-06-30",
        ),
    ],
)
def test_directive_owner_is_never_the_partner(contract, sentence, owner, partner, due):
    obs = dated(contract, frame(sentence))
    assert ((owner,), due, None) in obs
    assert partner not in owners_of(obs)


@pytest.mark.parametrize(
    ("sentence", "owner", "recipient", "due"),
    [
        (
            "Đề nghị các doanh nghiệp kinh doanh xăng dầu trên địa bàn tỉnh báo cáo tình hình dự trữ hàng "
            "hóa về Sở Công Thương trước ngày 25/3/2026.",
            "các doanh nghiệp kinh doanh xăng dầu trên địa bàn tỉnh",
            "sở công thương",
            "2026-03-25",
        ),
        (
            "Ủy ban nhân dân các huyện gửi danh sách đối tượng về Sở Y tế trước ngày 10/4/2026.",
            "ủy ban nhân dân các huyện",
            "sở y tế",
            "2026-04-10",
        ),
        (
            "Các trường trung học phổ thông cung cấp số liệu cho Sở Giáo dục và Đào tạo trước ngày 20/3/2026.",
            "các trường trung học phổ thông",
            "sở giáo dục và đào tạo",
            "2026-03-20",
        ),
        (
            "Các đơn vị gửi báo cáo qua Văn phòng Ủy ban nhân dân tỉnh trước ngày 05/4/2026.",
            "các đơn vị",
            "văn phòng ủy ban nhân dân tỉnh",
            "2026-04-05",
        ),
    ],
)
def test_recipient_after_ve_cho_qua_is_not_the_owner(contract, sentence, owner, recipient, due):
    out = contract(frame(sentence))
    obs = [(tuple(norm(o) for o in ob["owner"]), ob["due"], ob["recipient"]) for ob in out["obligations"]]
    assert [(o, d) for o, d, _ in obs] == [((owner,), due)]
    assert norm(obs[0][2]) == recipient


def test_group_with_colon_gives_one_owner_per_member(contract):
    text = frame("Đề nghị các Tập đoàn: Hòa Phát, Hoa Sen báo cáo sản lượng thép xuất khẩu trước ngày 15/4/2026.")
    assert dated(contract, text) == [(("tập đoàn hòa phát", "tập đoàn hoa sen"), "2026-04-15", None)]


def test_document_year_for_a_day_without_year(contract):
    text = frame("Ủy ban nhân dân các huyện báo cáo kết quả trước ngày 15/4.")
    assert dated(contract, text) == [(("ủy ban nhân dân các huyện",), "2026-04-15", None)]


MUST_NOT = [
    # an intro that announces the list below
    (
        "Để triển khai hiệu quả Kế hoạch trong năm 2026, Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện "
        "một số nhiệm vụ như sau:",
        "2026-12-31",
    ),
    # the topic's period is not a deadline
    (
        "1. Về công tác chuyển đổi số trong năm 2026: giao Sở Khoa học và Công nghệ tham mưu triển khai các "
        "giải pháp phù hợp.",
        "2026-12-31",
    ),
    # past tense
    (
        "Kết quả đạt được (năm 2025, Sở Công Thương đã tổ chức 12 hội chợ xúc tiến thương mại trong năm 2025).",
        "2025-12-31",
    ),
    ("Trong năm 2025, Sở Công Thương đã tổ chức 12 hội chợ xúc tiến thương mại.", "2025-12-31"),
    # a cited document's date
    (
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh, các sở, ngành triển khai "
        "các nhiệm vụ được giao.",
        "2026-01-05",
    ),
    # a cited document's task, recalled in the basis
    (
        "Căn cứ Quyết định số 3012/QĐ-UBND ngày 25/12/2025 của Ủy ban nhân dân tỉnh (trong đó giao các sở, ngành "
        "báo cáo kết quả về Sở Tư pháp trước ngày 15/11/2026);",
        "2026-11-15",
    ),
    (
        "Thực hiện Công văn số 802/UBND-VX ngày 20/01/2026 của Ủy ban nhân dân tỉnh về việc giao Sở Dân tộc và Tôn "
        "giáo thẩm định danh sách (thời hạn trình trước ngày 31/3/2026), Sở Dân tộc và Tôn giáo báo cáo như sau:",
        "2026-03-31",
    ),
    # a passive verb's period describes things
    (
        "Các bộ hoàn thiện báo cáo, trong đó phân loại: đã xử lý xong; tiếp tục được xử lý trong năm 2026 và "
        "chuyển sang năm 2027.",
        "2026-12-31",
    ),
    # a law's article and a budget cycle
    ("Sở Tài chính bố trí dự toán ngân sách hằng năm theo khoản 2 Điều 5 Luật Ngân sách nhà nước.", None),
    # a period that is not behind a marker
    ("Giai đoạn 2021-2025, Ủy ban nhân dân tỉnh đã ban hành 35 kế hoạch.", "2025-12-31"),
]


@pytest.mark.parametrize(("body", "not_due"), MUST_NOT)
def test_must_not_create_dated_task(contract, body, not_due):
    obs = dated(contract, frame(body))
    if not_due is None:
        assert obs == []
    else:
        assert all(d != not_due for _, d, _ in obs), obs


def test_the_task_after_the_basis_is_this_document_s(contract):
    body = (
        "Thực hiện Công văn số 802/UBND-VX ngày 20/01/2026 của Ủy ban nhân dân tỉnh, Sở Nội vụ đề nghị Ủy ban nhân "
        "dân các xã báo cáo kết quả trước ngày 20/3/2026."
    )
    assert dated(contract, frame(body)) == [(("ủy ban nhân dân các xã",), "2026-03-20", None)]


def test_topic_period_with_real_deadline(contract):
    body = (
        "1. Về công tác chuyển đổi số trong năm 2026: giao Sở Khoa học và Công nghệ tham mưu ban hành kế "
        "hoạch trước ngày 15/4/2026."
    )
    assert dated(contract, frame(body)) == [(("sở khoa học và công nghệ",), "2026-04-15", None)]


def test_past_report_then_new_task(contract):
    body = (
        "Trong năm 2025, Sở Công Thương đã tổ chức 12 hội chợ. Năm 2026, giao Sở Công Thương tổ chức ít "
        "nhất 15 hội chợ, hoàn thành trong Quý IV/2026."
    )
    assert dated(contract, frame(body)) == [(("sở công thương",), "2026-12-31", None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Định kỳ 6 tháng, Ủy ban nhân dân cấp xã báo cáo kết quả về Sở Nội vụ.",
            (("ủy ban nhân dân cấp xã",), None, "semiannual"),
        ),
        ("Các sở, ngành gửi báo cáo trước 16h00 thứ Năm hằng tuần.", (("các sở, ngành",), None, "weekly")),
        (
            "Hằng tuần, Văn phòng Ủy ban nhân dân tỉnh tổng hợp, báo cáo trước 16h00 thứ Sáu.",
            (("văn phòng ủy ban nhân dân tỉnh",), None, "weekly"),
        ),
        (
            "Định kỳ hằng quý, Sở Tư pháp tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
            (("sở tư pháp",), None, "quarterly"),
        ),
        (
            "Ủy ban nhân dân các xã báo cáo kết quả về Sở Tư pháp trước ngày 25 hằng tháng.",
            (("ủy ban nhân dân các xã",), "2026-03-25", "monthly"),
        ),
        (
            "Sở Tài chính báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.",
            (("sở tài chính",), "2026-12-15", "yearly"),
        ),
    ],
)
def test_recurring_tasks(contract, body, expected):
    assert dated(contract, frame(body)) == [expected]


def test_periods_listed_after_dinh_ky_open_the_subject_and_name_its_reports(contract):
    body = (
        "Định kỳ 6 tháng, năm, các phòng thuộc Sở báo cáo kết quả về Văn phòng Sở: báo cáo 6 tháng trước "
        "ngày 10/6; báo cáo năm trước ngày 10/11."
    )
    assert dated(contract, frame(body)) == [
        (("các phòng thuộc sở",), "2026-06-10", "yearly"),
        (("các phòng thuộc sở",), "2026-11-10", "yearly"),
    ]


def test_addressee_owns_a_task_put_to_quy_co_quan(contract):
    text = MEETING_CV.format(
        sentence="Sở Tài chính đề nghị Quý Sở có ý kiến góp ý bằng văn bản, gửi về Sở Tài chính trước ngày 20/3/2026."
    )
    assert dated(contract, text) == [(("sở nông nghiệp và môi trường",), "2026-03-20", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            frame("Giao Sở Y tế chủ trì tổ chức khám sức khỏe cho học sinh, hoàn thành trước ngày 31/5/2026."),
            (("sở y tế",), "2026-05-31", f"{Found.SENTENCE}+{OwnerBy.DIRECTIVE}+{rule_for('date')}"),
        ),
        (
            frame("Ủy ban nhân dân các huyện gửi danh sách đối tượng về Sở Y tế trước ngày 10/4/2026."),
            (("ủy ban nhân dân các huyện",), "2026-04-10", f"{Found.SENTENCE}+{OwnerBy.SUBJECT}+{rule_for('date')}"),
        ),
        (
            MEETING_CV.format(sentence="Sở Tài chính đề nghị Quý Sở có ý kiến góp ý, gửi trước ngày 20/3/2026."),
            (
                ("sở nông nghiệp và môi trường",),
                "2026-03-20",
                f"{Found.SENTENCE}+{OwnerBy.ADDRESSEE}+{rule_for('date')}",
            ),
        ),
        (
            frame(
                "Ủy ban nhân dân tỉnh đề nghị Ủy ban nhân dân các xã thực hiện một số nội dung sau:\n"
                "Báo cáo kết quả rà soát trước ngày 15/4/2026."
            ),
            (
                ("ủy ban nhân dân các xã",),
                "2026-04-15",
                f"{Found.SENTENCE}+{OwnerBy.DOCUMENT_FRAME}+{rule_for('date')}",
            ),
        ),
        (
            MEETING_CV.format(sentence="Hoàn thành việc góp ý dự thảo trước ngày 20/3/2026."),
            (
                ("sở nông nghiệp và môi trường",),
                "2026-03-20",
                f"{Found.SENTENCE}+{OwnerBy.DOCUMENT_DEFAULT}+{rule_for('date')}",
            ),
        ),
    ],
)
def test_sentence_rules(doc, text, expected):
    assert traced(doc, text) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # a law taking effect is no task
        "Luật Bảo vệ dữ liệu cá nhân được Quốc hội thông qua ngày 26/6/2025, có hiệu lực thi hành từ ngày 01/01/2026.",
        # the year names the tasks the clause is about, not when they are due
        "Đối với các nhiệm vụ triển khai trong năm 2026, các sở, ngành chủ động bố trí kinh phí.",
    ],
)
def test_dates_that_are_no_deadline(contract, sentence):
    assert [o for o in contract(frame(sentence))["obligations"] if o["due"]] == []


@pytest.mark.parametrize(
    ("item", "due"),
    [
        # an item opening with its verb is a task, whatever "đã" qualifies later
        ("- Phối hợp bố trí điểm tập kết chất thải đã phân loại, hoàn thành trong tháng 10/2026.", "2026-10-31"),
        ("- Tổ chức tập huấn cho các xã đã đạt chuẩn trong Quý IV/2026.", "2026-12-31"),
        # a report of what was done is none
        ("- Sở Y tế đã tổ chức 05 hội nghị trong tháng 10/2026.", None),
        ("- Đã tổ chức 05 hội nghị trong tháng 10/2026.", None),
    ],
)
def test_a_past_tense_marks_a_report_only_before_the_task_s_verb(contract, item, due):
    obs = dated(contract, frame("1. Sở Y tế\n" + item))
    assert [o[1] for o in obs] == ([due] if due else [])


OWNER_SHOULD = [
    # a name's abbreviation closes it, whatever verbs the name holds
    (
        "Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) chỉ đạo rà soát",
        ("Phòng Cảnh sát quản lý hành chính về trật tự xã hội",),
    ),
    ("Ban Quản lý Vườn quốc gia Côn Đảo tạm dừng các hoạt động tham quan", ("Ban Quản lý Vườn quốc gia Côn Đảo",)),
    # a head named by the post
    (
        "Trưởng phòng Kinh tế xã và Trưởng Công an xã phối hợp kiểm tra",
        ("Trưởng phòng Kinh tế xã", "Trưởng Công an xã"),
    ),
    # the party body leads, the body it leads carries the task
    ("Đảng ủy lãnh đạo Ủy ban nhân dân phường: ban hành kế hoạch", ("Ủy ban nhân dân phường", "Đảng ủy")),
    # a leading adverbial is no subject
    ("Trong mùa mưa lũ (từ ngày 15/6 đến ngày 31/10), Chi cục Thủy lợi báo cáo", ("Chi cục Thủy lợi",)),
    ("kết thúc tuyển quân, Ban Chỉ huy Quân sự các xã tổ chức rút kinh nghiệm", ("Ban Chỉ huy Quân sự các xã",)),
    # the address before the posts
    (
        "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ theo chức năng, nhiệm vụ đề cao trách nhiệm",
        ("Bộ trưởng", "Thủ trưởng cơ quan ngang Bộ"),
    ),
    # a unit phrase ends at an aspect word
    (
        "Đề nghị Sở Y tế, Bảo hiểm xã hội tỉnh chưa gửi báo cáo khẩn trương hoàn thiện",
        ("Sở Y tế", "Bảo hiểm xã hội tỉnh"),
    ),
]
OWNER_MUST_NOT = [
    "lập hồ sơ đề nghị thanh tra chuyên ngành đối với đơn vị chậm đóng",  # a dossier, not a request
    "Duy trì giao ban với bí thư các chi bộ vào sáng thứ Hai",  # a briefing, not an assignment
]


@pytest.mark.parametrize(("clause", "owners"), OWNER_SHOULD)
def test_owner_in_should_match(clause, owners):
    from extractors.obligations import owner_in

    assert owner_in(clause).names == owners


@pytest.mark.parametrize("clause", OWNER_MUST_NOT)
def test_owner_in_must_not_match(clause):
    from extractors.obligations import owner_in

    assert owner_in(clause) is None
