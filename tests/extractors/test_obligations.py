"""extractors.obligations: who must do what, by when (SCHEMA.md, obligations).

The owner of a task is the unit that heads its numbered section, the unit after a directive
("Giao Sở X chủ trì, phối hợp với Sở Y ..." → Sở X), the subject of the sentence, the
"Cơ quan chủ trì" of a task block or the "Đơn vị chủ trì" column of a task table; never a
"phối hợp" unit, nor a unit after "về", "cho", "qua" (the recipient). An invitation obliges
the invited units to attend on the meeting's day. A frame ("... như sau:"), a topic's period
("Về X trong năm 2025: ...") and a past-tense report are no dated tasks.
"""

from __future__ import annotations

import re
import unicodedata

import pytest


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s).lower()).strip(" .;,:-")


def frame(
    body: str,
    title: str = "KẾ HOẠCH\nThực hiện công tác cải cách hành chính năm 2026\n",
    symbol: str = "KH-UBND",
    date: str = "ngày 10 tháng 3 năm 2026",
) -> str:
    return f"""\
ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số: 73/{symbol}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kon Tum, {date}

{title}
{body}

Nơi nhận:
- Như trên;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
A Pớt
"""


def obligations(contract, text: str) -> list[tuple[tuple[str, ...], str | None, str | None]]:
    """(owners, due, recurrence) of every obligation, owners normalised."""
    obs = contract(text)["obligations"]
    return [(tuple(norm(o) for o in ob["owner"]), ob["due"], ob["recurrence"]) for ob in obs]


def dated(contract, text: str):
    return [o for o in obligations(contract, text) if o[1] or o[2]]


def owners_of(obs) -> set[str]:
    return {o for owners, _, _ in obs for o in owners}


# ---------------------------------------------------------------- owners

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


# ---------------------------------------------------------------- task blocks and tables

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


TABLE = """\
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Xây dựng kế hoạch chuyển đổi số | Sở Khoa học và Công nghệ | Các sở, ngành | Quý II/2026 |
| 2 | Tổ chức tập huấn kỹ năng số cho cán bộ | Sở Nội vụ | Ủy ban nhân dân cấp xã | 2026-2027 |
| 3 | Rà soát, đơn giản hóa thủ tục hành chính | Văn phòng Ủy ban nhân dân tỉnh | Các sở, ngành | Hằng năm |
| 4 | Duy trì hệ thống một cửa điện tử | Trung tâm Phục vụ hành chính công | Sở Tư pháp | Thường xuyên |"""


def test_task_table_owner_is_chu_tri(contract):
    obs = obligations(contract, frame(TABLE))
    assert [o for o in obs if o[1] or o[2]] == [
        (("sở khoa học và công nghệ",), "2026-06-30", None),
        (("sở nội vụ",), "2027-12-31", None),
        (("văn phòng ủy ban nhân dân tỉnh",), None, "yearly"),
    ]
    # "Thường xuyên": still a task, neither due nor recurring
    assert (("trung tâm phục vụ hành chính công",), None, None) in obs
    assert not owners_of(obs) & {"các sở, ngành", "ủy ban nhân dân cấp xã", "sở tư pháp"}


# ---------------------------------------------------------------- meetings

INVITATION = """\
Họp triển khai công tác quản lý trật tự xây dựng năm 2026

Sở Xây dựng trân trọng kính mời:
- Đại diện lãnh đạo Phòng Kinh tế, Hạ tầng và Đô thị các huyện;
- Đại diện lãnh đạo Thanh tra Sở Xây dựng.
Thời gian: 08 giờ 00, ngày 12/3/2026 (sáng Thứ Năm).
Địa điểm: Phòng họp tầng 3, Sở Xây dựng tỉnh Kon Tum.
Đề nghị các đại biểu tham dự đúng thành phần, thời gian."""


def test_invitation_obliges_invitees_to_attend(contract):
    out = contract(frame(INVITATION, title="GIẤY MỜI\n", symbol="GM-SXD", date="ngày 05 tháng 3 năm 2026"))
    assert out["doc_type"] == "GM"
    meetings = [ob for ob in out["obligations"] if ob["due"] == "2026-03-12"]
    assert meetings, out["obligations"]
    owners = " | ".join(norm(o) for ob in meetings for o in ob["owner"])
    assert "phòng kinh tế, hạ tầng và đô thị" in owners
    assert all(norm(o) != "sở xây dựng" for ob in meetings for o in ob["owner"])


MEETING_CV = """\
UBND TỈNH KON TUM
SỞ TÀI CHÍNH
Số: 264/STC-QLG
V/v mời dự họp thẩm định giá đất
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kon Tum, ngày 06 tháng 3 năm 2026

Kính gửi: Sở Nông nghiệp và Môi trường.

{sentence}

Nơi nhận:
- Như trên;
- Lưu: VT, QLG.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Nguyễn Hữu Tài
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Sở Tài chính trân trọng mời đại diện lãnh đạo Sở Nông nghiệp và Môi trường dự họp vào lúc 14 giờ "
        "00, ngày 12/3/2026 tại Phòng họp số 2, Sở Tài chính.",
        "Sở Tài chính trân trọng mời đại diện lãnh đạo Sở Nông nghiệp và Môi trường dự họp vào lúc 14 giờ 00 "
        "ngày 12/3/2026 tại Phòng họp số 2, Sở Tài chính.",
        "Sở Tài chính trân trọng kính mời đại diện lãnh đạo Quý Sở dự họp vào ngày 12/3/2026 tại Phòng họp số 2.",
    ],
)
def test_cong_van_calling_a_meeting(contract, sentence):
    obs = dated(contract, MEETING_CV.format(sentence=sentence))
    assert (("sở nông nghiệp và môi trường",), "2026-03-12", None) in obs
    assert "sở tài chính" not in owners_of(obs)


# ---------------------------------------------------------------- must not

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


def test_addressee_owns_a_task_put_to_quy_co_quan(contract):
    text = MEETING_CV.format(
        sentence="Sở Tài chính đề nghị Quý Sở có ý kiến góp ý bằng văn bản, gửi về Sở Tài chính trước ngày 20/3/2026."
    )
    assert dated(contract, text) == [(("sở nông nghiệp và môi trường",), "2026-03-20", None)]
