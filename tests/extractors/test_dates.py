"""extractors.dates: calendar dates as Vietnamese official documents write them.

Nghị định 30/2020/NĐ-CP writes the document's date in words ("ngày 05 tháng 02 năm 2026",
days below 10 and months below 3 with a leading zero) after the place name; running text
also writes dates with "/", "." or "-". A header left for the văn thư may blank the day or
the month.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.dates import (
    PartialDate,
    find_full_dates,
    month_end,
    parse_full_date,
    parse_header_date,
    valid,
)

D = dt.date

# ---------------------------------------------------------------- full dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ngày 05 tháng 02 năm 2026", D(2026, 2, 5)),
        ("ngày 5 tháng 2 năm 2026", D(2026, 2, 5)),
        ("Ngày 19 Tháng 11 Năm 2025", D(2025, 11, 19)),
        ("NGÀY 01 THÁNG 10 NĂM 2025", D(2025, 10, 1)),
        ("ký ngày 30 tháng 9 năm 2025 tại Hà Tĩnh", D(2025, 9, 30)),
        ("05/02/2026", D(2026, 2, 5)),
        ("ngày 5/2/2026", D(2026, 2, 5)),
        ("15.7.2025", D(2025, 7, 15)),
        ("5-2-2026", D(2026, 2, 5)),
        ("hết ngày 31/12/2025.", D(2025, 12, 31)),
        ("(ngày 29/02/2024)", D(2024, 2, 29)),  # a leap day
        ("trước ngày 01.04.2026;", D(2026, 4, 1)),
    ],
)
def test_full_date_should_match(text, expected):
    assert parse_full_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2026",  # February has no 31st
        "29/02/2025",  # 2025 is no leap year
        "ngày 31 tháng 4 năm 2026",  # April has 30 days
        "ngày 32 tháng 01 năm 2026",
        "15/13/2026",
        "00/05/2026",
        "15/7.2025",  # separators must agree
        "15/7",  # no year: not a full date
        "tháng 02 năm 2026",  # no day
        "năm 2026",
        "Điện thoại: 0255.3822.123",
        "Nghị định số 30/2020/NĐ-CP",
        "Quyết định số 1234/QĐ-TTg",
        "Tổng đài 1900 6126",
        "đạt 56/93 nhiệm vụ",
    ],
)
def test_full_date_must_not_match(text):
    assert parse_full_date(text) is None
    assert list(find_full_dates(text)) == []


def test_find_full_dates_in_order_with_spans():
    text = "từ ngày 01/3/2026 đến ngày 31 tháng 3 năm 2026, và ngày 15.4.2026"
    found = list(find_full_dates(text))
    assert [d for _, _, d in found] == [D(2026, 3, 1), D(2026, 3, 31), D(2026, 4, 15)]
    for s, e, _ in found:
        assert any(ch.isdigit() for ch in text[s:e])
    assert text[found[0][0] : found[0][1]].endswith("01/3/2026")


def test_find_full_dates_skips_invalid_keeps_valid():
    found = [d for _, _, d in find_full_dates("ngày 31/02/2026 (nhầm), đúng là ngày 28/02/2026")]
    assert found == [D(2026, 2, 28)]


# ---------------------------------------------------------------- header date line


@pytest.mark.parametrize(
    ("line", "place", "iso"),
    [
        ("Hà Nội, ngày 05 tháng 02 năm 2026", "Hà Nội", "2026-02-05"),
        ("Buôn Ma Thuột, ngày 15 tháng 12 năm 2025", "Buôn Ma Thuột", "2025-12-15"),
        ("Thành phố Hồ Chí Minh, ngày 02 tháng 4 năm 2026", "Thành phố Hồ Chí Minh", "2026-04-02"),
        ("Phan Rang - Tháp Chàm, ngày 09 tháng 01 năm 2026", "Phan Rang - Tháp Chàm", "2026-01-09"),
        ("Cao Bằng, ngày 7 tháng 8 năm 2025", "Cao Bằng", "2025-08-07"),
        # the văn thư fills the day (and sometimes the month) in by hand
        ("Hà Nội, ngày    tháng 3 năm 2026", "Hà Nội", "2026-03"),
        ("Hà Nội, ngày tháng 3 năm 2026", "Hà Nội", "2026-03"),
        ("Cần Thơ, ngày      tháng      năm 2026", "Cần Thơ", "2026"),
        # ... or leaves dots or a dash to write on (and OCR reads them)
        ("Quảng Ngãi, ngày - tháng 7 năm 2025", "Quảng Ngãi", "2025-07"),
        ("Quảng Ngãi, ngày — tháng 7 năm 2025", "Quảng Ngãi", "2025-07"),
        ("Huế, ngày ..... tháng ..... năm 2026", "Huế", "2026"),
        ("Huế, ngày …… tháng 02 năm 2026", "Huế", "2026-02"),
        # the number and the date share a line when the two header columns are flattened
        ("Số:   /UBND-VX    Đà Nẵng, ngày 10 tháng 3 năm 2026", "Đà Nẵng", "2026-03-10"),
        ("Số: 215/SXD-QLXD Vĩnh Long, ngày 20 tháng 01 năm 2026", "Vĩnh Long", "2026-01-20"),
        ("Số 42-CV/HU         Thọ Xuân, ngày 03 tháng 02 năm 2026", "Thọ Xuân", "2026-02-03"),
        ("Số:      /QĐ-UBND     Lạng Sơn, ngày    tháng 6 năm 2026", "Lạng Sơn", "2026-06"),
    ],
)
def test_header_date_should_match(line, place, iso):
    found = parse_header_date(line)
    assert found is not None
    got_place, date, (start, end) = found
    assert got_place == place
    assert date.iso() == iso
    assert place in line[start:end]
    assert line[start:end].endswith(iso[:4])


@pytest.mark.parametrize(
    "line",
    [
        "Hà Nội, ngày 31 tháng 02 năm 2026",  # no such day
        "Huế, ngày 10 tháng 13 năm 2026",  # no such month
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",  # no place before a comma
        "Hà Nội, 05/02/2026",  # a header date is written in words
        "Hà Nội, ngày 5 - 7 tháng 3 năm 2026",  # a span of days is no date of signing
        "Kính gửi: Sở Tài chính",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ],
)
def test_header_date_must_not_match(line):
    assert parse_header_date(line) is None


# ---------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("date", "iso", "first"),
    [
        (PartialDate(2026, 3, 10), "2026-03-10", D(2026, 3, 10)),
        (PartialDate(2026, 3), "2026-03", D(2026, 3, 1)),
        (PartialDate(2026), "2026", D(2026, 1, 1)),
    ],
)
def test_partial_date(date, iso, first):
    assert date.iso() == iso
    assert date.first_day() == first


@pytest.mark.parametrize(
    ("y", "m", "expected"),
    [
        (2026, 2, D(2026, 2, 28)),
        (2024, 2, D(2024, 2, 29)),
        (2026, 6, D(2026, 6, 30)),
        (2026, 12, D(2026, 12, 31)),
    ],
)
def test_month_end(y, m, expected):
    assert month_end(y, m) == expected


@pytest.mark.parametrize(("y", "m", "d", "ok"), [(2026, 2, 28, True), (2026, 2, 29, False), (2026, 4, 31, False)])
def test_valid(y, m, d, ok):
    assert (valid(y, m, d) is not None) is ok
