"""extractors.units: spotting unit names, splitting lists of them, expanding abbreviations.

A unit's name opens with its head noun (Sở, Bộ, Ủy ban nhân dân, Ban, Phòng, Tập đoàn,
các doanh nghiệp ...). Nghị định 30/2020/NĐ-CP, Phụ lục II capitalises the first letter of
the head and of the words naming the field or place: "Sở Y tế", "Ủy ban nhân dân tỉnh Lâm
Đồng", "Ban Tuyên giáo".
"""

from __future__ import annotations

import pytest

from extractors.units import acronym, distribute, expand, split_units, starts_with_unit, title_case_from_caps


@pytest.mark.parametrize(
    "phrase",
    [
        "Sở Tài chính chủ trì",
        "Ủy ban nhân dân tỉnh Hậu Giang",
        "Uỷ ban nhân dân huyện Châu Thành",
        "UBND huyện Mỏ Cày Nam",
        "các doanh nghiệp viễn thông",
        "Các sở, ban, ngành",
        "Những đơn vị chưa báo cáo",
        "Tỉnh ủy Sóc Trăng",
        "Ban Tuyên giáo Tỉnh ủy",
        "Công an tỉnh",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Tập đoàn Hòa Phát",
        "Kho bạc Nhà nước tỉnh",
        "Trung tâm Phục vụ hành chính công",
        "- Sở Xây dựng;",
        "Các chủ đầu tư",
        "Các chủ rừng (Ban quản lý rừng phòng hộ, công ty lâm nghiệp)",
        "Các chi bộ trực thuộc",
        "Trạm Y tế xã",
    ],
)
def test_starts_with_unit_should_match(phrase):
    assert starts_with_unit(phrase)


@pytest.mark.parametrize(
    "phrase",
    [
        "Tăng cường công tác kiểm tra",
        "Báo cáo kết quả thực hiện",
        "Sởi, rubella là bệnh truyền nhiễm",  # "Sởi" is no "Sở"
        "Bàn giao mặt bằng",
        "Ban hành quy chế phối hợp",  # "ban hành" is a verb, not a "Ban"
        "Phòng, chống tham nhũng, tiêu cực",  # "phòng, chống": prevent, not a "Phòng"
        "Hội nghị tổng kết năm 2025",  # a conference, not a "Hội"
        "Trường hợp cần thiết, báo cáo ngay",  # "trường hợp": in case, not a school
        "Vụ việc phức tạp kéo dài",  # "vụ việc": a case, not a "Vụ"
        "bộ hồ sơ đề nghị khen thưởng",  # "bộ" as a set, not a ministry
        "Thời gian: 08 giờ 00",
    ],
)
def test_starts_with_unit_must_not_match(phrase):
    assert not starts_with_unit(phrase)


@pytest.mark.parametrize(
    ("phrase", "units"),
    [
        ("Sở Tài chính, Sở Xây dựng và Sở Nội vụ", ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ"]),
        ("Sở Công Thương và các doanh nghiệp", ["Sở Công Thương", "Các doanh nghiệp"]),
        ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
        ("Sở Tài chính; Kho bạc Nhà nước tỉnh", ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"]),
        ("Ban Quản lý các khu công nghiệp, Sở Xây dựng", ["Ban Quản lý các khu công nghiệp", "Sở Xây dựng"]),
        # commas and "và" inside one unit's name
        ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
        ("UBND các xã, phường, thị trấn", ["UBND các xã, phường, thị trấn"]),
        ("Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]),
        ("Sở Tài nguyên và Môi trường", ["Sở Tài nguyên và Môi trường"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    ],
)
def test_split_units(phrase, units):
    assert split_units(phrase) == units


@pytest.mark.parametrize(
    ("phrase", "units"),
    [
        ("các Tập đoàn: Hòa Phát, Hoa Sen", ["Tập đoàn Hòa Phát", "Tập đoàn Hoa Sen"]),
        ("Các Sở: Tài chính, Xây dựng và Nội vụ", ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ"]),
        (
            "các Tổng công ty: Điện lực miền Trung; Bưu điện Việt Nam",
            ["Tổng công ty Điện lực miền Trung", "Tổng công ty Bưu điện Việt Nam"],
        ),
        ("Sở Tài chính", ["Sở Tài chính"]),
        ("Sở Y tế, Sở Giáo dục và Đào tạo", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    ],
)
def test_distribute(phrase, units):
    assert distribute(phrase) == units


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("HĐND huyện Tuy Phước", "Hội đồng nhân dân huyện Tuy Phước"),
        ("Sở KH&CN", "Sở Khoa học và Công nghệ"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
        ("BCĐ tỉnh", "Ban Chỉ đạo tỉnh"),
        ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
        # nothing to expand
        ("Sở Y tế", "Sở Y tế"),
        ("Công ty VNPT", "Công ty VNPT"),
    ],
)
def test_expand(short, full):
    assert expand(short) == full


@pytest.mark.parametrize(
    ("caps", "body", "expected"),
    [
        ("SỞ NỘI VỤ", "Sở Nội vụ đề nghị các đơn vị ...", "Sở Nội vụ"),
        ("UBND TỈNH LÂM ĐỒNG", "", "Ủy ban nhân dân tỉnh Lâm Đồng"),
        ("ỦY BAN NHÂN DÂN HUYỆN KRÔNG NĂNG", "", "Ủy ban nhân dân huyện Krông Năng"),
        ("SỞ GIAO THÔNG VẬN TẢI", "Sở Giao thông vận tải thông báo", "Sở Giao thông vận tải"),
        ("SỞ Y TẾ", "", "Sở Y tế"),
        ("BAN TUYÊN GIÁO", "", "Ban Tuyên giáo"),
        ("SỞ TÀI CHÍNH", "", "Sở Tài chính"),
    ],
)
def test_title_case_from_caps(caps, body, expected):
    assert title_case_from_caps(caps, body) == expected


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sở Nội vụ", "SNV"),
        ("Sở Khoa học và Công nghệ", "SKHCN"),
        ("Sở Tài chính", "STC"),
        ("Sở Thông tin và Truyền thông", "STTTT"),
        ("Sở Xây dựng", "SXD"),
        ("Sở KH&CN", "SKHCN"),
    ],
)
def test_acronym(name, code):
    assert acronym(name) == code
