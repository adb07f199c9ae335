"""The invitations pass: an invitation obliges the invited units to attend on the meeting's day."""

from __future__ import annotations

import pytest
from obligation_docs import MEETING_CV, dated, frame, norm, owners_of, traced

from extractors.obligations import Found, OwnerBy
from extractors.obligations.rules import MEETING

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


def test_invitation_rules(doc):
    text = frame(INVITATION, title="GIẤY MỜI\n", symbol="GM-SXD", date="ngày 05 tháng 3 năm 2026")
    rules = {rule for _, due, rule in traced(doc, text) if due == "2026-03-12"}
    assert rules == {f"{Found.INVITATION}+{OwnerBy.INVITEES}+{MEETING}"}


def test_meeting_in_running_text_rule(doc):
    sentence = (
        "Sở Tài chính trân trọng mời đại diện lãnh đạo Sở Nông nghiệp và Môi trường dự họp vào lúc 14 giờ "
        "00, ngày 12/3/2026 tại Phòng họp số 2, Sở Tài chính."
    )
    assert (
        ("sở nông nghiệp và môi trường",),
        "2026-03-12",
        f"{Found.SENTENCE}+{OwnerBy.DIRECTIVE}+{MEETING}",
    ) in traced(doc, MEETING_CV.format(sentence=sentence))


SESSIONS = """\
Kính gửi: Ủy ban nhân dân các xã, phường.

Sở Tài chính tổ chức 03 hội nghị tập huấn công tác quyết toán ngân sách năm 2026, cụ thể như sau:
- Hội nghị 1: Gồm các xã khu vực phía Bắc.
Thời gian: 01 buổi sáng, ngày 16/3/2026, bắt đầu từ 08h00.
- Hội nghị 2: Gồm các xã khu vực phía Nam.
Thời gian: 01 buổi chiều, ngày 16/3/2026, bắt đầu từ 13h30.
- Hội nghị 3: Gồm các phường.
Thời gian: 01 buổi sáng, ngày 17/3/2026, bắt đầu từ 08h00."""


def test_each_session_of_a_conference_is_attended(contract):
    out = contract(frame(SESSIONS, title="", symbol="STC-NS", date="ngày 05 tháng 3 năm 2026"))
    days = sorted(ob["due"] for ob in out["obligations"] if ob["action"] == "tham dự" or ob["due"])
    assert days.count("2026-03-16") == 2 and days.count("2026-03-17") == 1, out["obligations"]


SESSION_TABLE = """\
Kính gửi:
- Hiệu trưởng các trường trung học phổ thông;
- Trưởng phòng Văn hóa - Xã hội các xã, phường.

Sở Giáo dục và Đào tạo tổ chức Hội nghị tập huấn, cụ thể như sau:

Phiên | Thời gian | Thành phần mời | Địa điểm
Phiên 1 | 08 giờ 00, thứ Tư, ngày 09/12/2026 | Hiệu trưởng và 01 cán bộ của các trường trung học phổ thông | Hội trường Sở
Phiên 2 | 08 giờ 00, thứ Năm, ngày 10/12/2026 | Trưởng phòng Văn hóa - Xã hội các xã, phường | Trực tuyến

Đề nghị các đơn vị đăng ký danh sách đại biểu trước 16 giờ 00 ngày 07/12/2026."""


def test_each_session_of_a_table_obliges_the_units_it_invites(contract):
    obs = dated(contract, frame(SESSION_TABLE, title="GIẤY MỜI\nTham dự Hội nghị tập huấn\n", symbol="GM-SGDĐT"))
    assert (("hiệu trưởng các trường trung học phổ thông",), "2026-12-09", None) in obs
    assert (("trưởng phòng văn hóa - xã hội các xã, phường",), "2026-12-10", None) in obs
    # "các đơn vị" are the addressees, named with them
    registration = [o for o in obs if o[1] == "2026-12-07"]
    assert registration and "hiệu trưởng các trường trung học phổ thông" in registration[0][0]


WORKING_SESSIONS = """\
Văn phòng Hội đồng nhân dân tỉnh trân trọng kính mời:
- Đồng chí Giám đốc Sở Y tế;
- Đồng chí Chủ tịch Ủy ban nhân dân xã Lâm Thao.
Tham dự buổi làm việc với Đoàn giám sát, cụ thể như sau:
1. Buổi sáng, thứ Ba, ngày 14/10/2025 (từ 08 giờ 00): Đoàn giám sát làm việc với Sở Y tế.
2. Buổi chiều, thứ Tư, ngày 15/10/2025 (từ 14 giờ 00): Đoàn giám sát làm việc với Ủy ban nhân dân xã Lâm Thao.
3. Ngày 16/10/2025: Đoàn giám sát họp thống nhất báo cáo kết quả giám sát."""


def test_a_schedule_of_sessions_obliges_the_invitee_each_session_names(contract):
    out = contract(frame(WORKING_SESSIONS, title="GIẤY MỜI\n", symbol="GM-VP", date="ngày 03 tháng 10 năm 2025"))
    by_day = {ob["due"]: [norm(o) for o in ob["owner"]] for ob in out["obligations"] if ob["due"]}
    assert by_day["2025-10-14"] == ["giám đốc sở y tế"]
    assert by_day["2025-10-15"] == ["chủ tịch ủy ban nhân dân xã lâm thao"]
    # a session that names none of them: every invitee
    assert len(by_day["2025-10-16"]) == 2


PLAN_MEETING = """\
III. TỔ CHỨC THỰC HIỆN
1. Hội nghị triển khai Kế hoạch
- Thời gian: 14 giờ 00, ngày 10/10/2025.
- Địa điểm: Hội trường Trung tâm Chính trị xã.
- Thành phần: Thường trực Đảng ủy; bí thư các chi bộ trực thuộc.
2. Các chi bộ trực thuộc
- Tổ chức kiểm điểm tập thể, cá nhân, hoàn thành trước ngày 10/12/2025."""


def test_a_plan_s_meeting_section_obliges_its_members_to_attend(contract):
    out = contract(frame(PLAN_MEETING, title="KẾ HOẠCH\n", symbol="KH-ĐU", date="ngày 01 tháng 10 năm 2025"))
    attend = [ob for ob in out["obligations"] if ob["due"] == "2025-10-10"]
    assert attend and any("chi bộ" in norm(o) for ob in attend for o in ob["owner"]), out["obligations"]


def test_a_task_block_s_time_is_no_meeting(contract):
    body = "1. Số hóa hồ sơ\n- Cơ quan chủ trì: Sở Tư pháp.\n- Thời gian thực hiện: ngày 10/10/2026."
    out = contract(frame(body, title="KẾ HOẠCH\n", symbol="KH-UBND", date="ngày 01 tháng 3 năm 2026"))
    assert all(ob["action"] != "tham dự" for ob in out["obligations"])
