"""Flat text: a frame run together into one line is broken back at the frame's own marks."""

from __future__ import annotations

import pytest

from pipeline.readers.flat import unflatten


@pytest.mark.parametrize(
    ("line", "lines"),
    [
        (
            "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH SỞ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
            "Số: 15/SYT-NVY Nam Định, ngày 09 tháng 01 năm 2026 KẾ HOẠCH Tiêm chủng mở rộng năm 2026",
            [
                "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH SỞ Y TẾ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 15/SYT-NVY",
                "Nam Định, ngày 09 tháng 01 năm 2026",
                "KẾ HOẠCH",
                "Tiêm chủng mở rộng năm 2026",
            ],
        ),
        (
            "HUYỆN ỦY MƯỜNG LA * ĐẢNG CỘNG SẢN VIỆT NAM Số 21-CT/HU Mường La, ngày 02 tháng 3 năm 2026 CHỈ THỊ về",
            [
                "HUYỆN ỦY MƯỜNG LA",
                "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Số 21-CT/HU",
                "Mường La, ngày 02 tháng 3 năm 2026",
                "CHỈ THỊ",
                "về",
            ],
        ),
        (
            "Số: /UBND-VX Thành phố Hồ Chí Minh, ngày tháng 5 năm 2026",
            ["Số: /UBND-VX", "Thành phố Hồ Chí Minh, ngày tháng 5 năm 2026"],
        ),
    ],
)
def test_a_flat_header_is_broken_back(line, lines):
    assert unflatten([line]) == lines


@pytest.mark.parametrize(
    "line",
    [
        # one mark alone, or marks in a table row, stay as they are
        "Thực hiện Kế hoạch số 187/KH-UBND ngày 14 tháng 8 năm 2026 của UBND tỉnh Tuyên Quang,",
        "Hà Nội, ngày 15 tháng 11 năm 2013",
        "| Số: 85/GM-SKHCN | Khánh Hòa, ngày 16 tháng 11 năm 2026 |",
        "Số liệu tổng hợp đến ngày 31/10, gửi Sở Tài chính trước ngày 15/11/2026.",
    ],
)
def test_a_line_with_one_mark_is_left_alone(line):
    assert unflatten([line]) == [line]


def test_a_stranded_authority_mark_goes_back_to_the_signer():
    lines = ["Nơi nhận: - Như trên; - Lưu: VT, GT1. TL.", "CHỦ TỊCH CHÁNH VĂN PHÒNG Lê Thị Minh Hằng"]
    assert unflatten(lines) == [
        "Nơi nhận: - Như trên; - Lưu: VT, GT1.",
        "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Lê Thị Minh Hằng",
    ]


def test_a_department_keeping_a_copy_is_no_authority_mark():
    lines = ["- Lưu: VT, KT.", "KT. CHỦ TỊCH"]
    assert unflatten(lines) == lines


def test_two_columns_set_with_spaces_are_not_flat():
    line = "Số:          /UBND-KGVX    Quảng Ngãi, ngày     tháng 7 năm 2025"
    assert unflatten([line]) == [line]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["- Các ấp; - Lưu: VT. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ", "TỊCH", "Phạm Văn Hùng"],
            ["- Các ấp; - Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Phạm Văn Hùng"],
        ),
        (
            ["- Lưu: VT, NL. KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Báu Hà"],
            ["- Lưu: VT, NL.", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Trần Báu Hà"],
        ),
    ],
)
def test_a_stranded_mark_brings_the_signer_lines_with_it(lines, expected):
    assert unflatten(lines) == expected
