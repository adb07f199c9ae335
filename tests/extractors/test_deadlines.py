"""extractors.deadlines: when a task is due and how often it recurs (SCHEMA.md, "How dates in
obligations are read").

In running text a date is a deadline only behind a marker (chậm nhất, trước, trong, hạn,
hoàn thành); in a task table's time cell the cell is a deadline by its position. The
reference date below plays the document's date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.deadlines import find_deadlines, standalone_recurrences

D = dt.date
REF = D(2026, 3, 10)  # the document's date


def read(text: str, ref: dt.date = REF, cell: bool = False) -> list[tuple[dt.date | None, str | None]]:
    found = find_deadlines(text, ref, cell=cell)
    found += standalone_recurrences(text, found)
    return [(d.due, d.recurrence) for d in sorted(found, key=lambda d: d.start)]


# ---------------------------------------------------------------- running text

RUNNING_SHOULD_MATCH = [
    ("gửi báo cáo về Sở Nội vụ chậm nhất ngày 20/3/2026", [(D(2026, 3, 20), None)]),
    ("chậm nhất là ngày 05/4/2026", [(D(2026, 4, 5), None)]),
    ("hoàn thành trước ngày 30 tháng 4 năm 2026", [(D(2026, 4, 30), None)]),
    ("hạn chót ngày 15.5.2026", [(D(2026, 5, 15), None)]),
    ("không muộn hơn ngày 31/5/2026", [(D(2026, 5, 31), None)]),
    # a day without a year takes the document's year
    ("gửi kết quả trước ngày 15/4", [(D(2026, 4, 15), None)]),
    ("trước ngày 05 tháng 6", [(D(2026, 6, 5), None)]),
    # monthly: the next such day on or after the document's date
    ("báo cáo tiến độ trước ngày 25 hằng tháng", [(D(2026, 3, 25), "monthly")]),
    ("gửi số liệu trước ngày 05 hàng tháng", [(D(2026, 4, 5), "monthly")]),
    # yearly: the first such day on or after the document's date
    ("báo cáo kết quả trước ngày 15/12 hàng năm", [(D(2026, 12, 15), "yearly")]),
    ("tổng hợp gửi Bộ trước ngày 10/01 hằng năm", [(D(2027, 1, 10), "yearly")]),
    ("báo cáo trước ngày 01/6 và 15/11 hằng năm", [(D(2026, 6, 1), "yearly"), (D(2026, 11, 15), "yearly")]),
    # a quarter, a month, a half-year, a year: the last day of the period
    ("hoàn thành trong Quý II năm 2026", [(D(2026, 6, 30), None)]),
    ("triển khai xong trong quý IV/2026", [(D(2026, 12, 31), None)]),
    ("tổ chức hội nghị trong tháng 9/2026", [(D(2026, 9, 30), None)]),
    ("tổ chức hội nghị trong tháng 9 năm 2026", [(D(2026, 9, 30), None)]),
    ("hoàn thành trong tháng 02/2026", [(D(2026, 2, 28), None)]),
    ("hoàn thành trong 6 tháng đầu năm 2026", [(D(2026, 6, 30), None)]),
    ("hoàn thành trong 6 tháng cuối năm 2026", [(D(2026, 12, 31), None)]),
    ("hoàn thành trong năm 2026", [(D(2026, 12, 31), None)]),
    # weekly, semiannual, quarterly
    ("gửi báo cáo trước 16h00 thứ Năm hằng tuần", [(None, "weekly")]),
    ("gửi báo cáo về Văn phòng trước 10 giờ sáng thứ Sáu hằng tuần", [(None, "weekly")]),
    ("ra quân dọn vệ sinh đường làng vào ngày Chủ nhật cuối tháng", [(None, "monthly")]),
    ("Định kỳ 6 tháng, các đơn vị báo cáo kết quả thực hiện", [(None, "semiannual")]),
    ("Định kỳ hằng quý, các đơn vị gửi báo cáo", [(None, "quarterly")]),
    ("các xã báo cáo hằng tháng về Phòng Kinh tế", [(None, "monthly")]),
    ("Định kỳ hằng năm, tổ chức sơ kết", [(None, "yearly")]),
    ("Ban Tổ chức báo cáo tình hình phát triển đảng viên 3 tháng một lần", [(None, "quarterly")]),
    ("kiểm tra định kỳ 3 tháng", [(None, "quarterly")]),
    ("đánh giá 06 tháng/lần", [(None, "semiannual")]),
    ("báo cáo nhanh tình hình an ninh hằng ngày trước 15 giờ", [(None, "daily")]),
    # a date or month right before a recurrence is a schedule, no marker needed
    ("Tháng 12 hằng năm, Ban Tuyên giáo báo cáo tổng hợp", [(D(2026, 12, 31), "yearly")]),
    ("Ngày 15/12 hàng năm, các sở gửi báo cáo", [(D(2026, 12, 15), "yearly")]),
    ("hoàn thành trong tháng 11", [(D(2026, 11, 30), None)]),
    ("Báo cáo quý gửi trước ngày 18 của tháng cuối quý", [(D(2026, 3, 18), "quarterly")]),
    ("Chậm nhất đến ngày 31/12/2026, các sở phải hoàn thành việc số hóa hồ sơ", [(D(2026, 12, 31), None)]),
    # the periodic reports by name
    (
        "báo cáo kết quả 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12",
        [(D(2026, 6, 15), "yearly"), (D(2026, 12, 15), "yearly")],
    ),
    ("gửi báo cáo quý trước ngày 20/3", [(D(2026, 3, 20), "yearly")]),
    # a report named by its period, its recipient between it and its day
    ("Báo cáo năm gửi về Sở Nội vụ trước ngày 15/12", [(D(2026, 12, 15), "yearly")]),
    # the report's recipient and object between it and its period
    ("báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện hằng năm theo quy định", [(None, "yearly")]),
    # an hour before its period
    ("cung cấp bản tin cho các cơ quan trước 07 giờ 00 hằng ngày", [(None, "daily")]),
    # the day of the week between the recurrence and the report
    ("hằng tuần, vào sáng thứ Sáu, báo cáo tình hình về Cục Thuế", [(None, "weekly")]),
    (
        "Báo cáo năm gửi về Sở Nội vụ (qua Phòng Cải cách hành chính) trước ngày 15/12",
        [(D(2026, 12, 15), "yearly")],
    ),
    # a year and those after it
    ("phấn đấu hoàn thành dự toán thu năm 2026 và các năm tiếp theo", [(D(2026, 12, 31), "yearly")]),
    ("Tổ chức Hội nghị tổng kết cấp tỉnh. Thời gian: dự kiến tháng 12/2026", [(D(2026, 12, 31), None)]),
    ("báo cáo trước 11 giờ, thứ Hai, ngày 07/12/2026", [(D(2026, 12, 7), None)]),
    ("báo cáo quý trước ngày 15 của tháng đầu quý sau", [(D(2026, 4, 15), "quarterly")]),
    # a schedule's item: a short label and its day
    ("Tựu trường: ngày 27/8/2026", [(D(2026, 8, 27), None)]),
    ("Khai giảng: 05/9/2026", [(D(2026, 9, 5), None)]),
    # a span is due at its end
    ("Thời gian thực hiện từ ngày 01/4/2026 đến ngày 30/6/2026", [(D(2026, 6, 30), None)]),
    ("tổ chức kiểm tra từ ngày 01/4 đến hết ngày 15/5/2026", [(D(2026, 5, 15), None)]),
    # one schedule said twice is one deadline
    ("báo cáo định kỳ hằng tháng, gửi về Sở trước ngày 18 hằng tháng", [(D(2026, 3, 18), "monthly")]),
]


@pytest.mark.parametrize(("text", "expected"), RUNNING_SHOULD_MATCH)
def test_running_text_should_match(text, expected):
    assert read(text) == expected


def test_monthly_rolls_over_to_next_month():
    assert read("báo cáo trước ngày 25 hằng tháng", ref=D(2026, 3, 28)) == [(D(2026, 4, 25), "monthly")]


def test_monthly_on_the_day_itself():
    assert read("báo cáo trước ngày 25 hằng tháng", ref=D(2026, 3, 25)) == [(D(2026, 3, 25), "monthly")]


def test_a_day_of_the_year_in_a_periodic_report_recurs_yearly():
    # The contract reads a fixed day and month that comes back ("định kỳ 6 tháng trước ngày 30 tháng 6"
    # in the annotated examples) as recurring yearly on that day: the text names no second date.
    assert read("Định kỳ 6 tháng, báo cáo kết quả trước ngày 20/6") == [(D(2026, 6, 20), "yearly")]


def test_quarterly_with_a_day_keeps_quarterly():
    assert read("Định kỳ hằng quý, báo cáo trước ngày 20/3/2026") == [(D(2026, 3, 20), "quarterly")]


RUNNING_MUST_NOT_MATCH = [
    # a weekday with no recurrence: which week, the text does not say
    "Hội nghị diễn ra vào sáng thứ Sáu",
    "Sở Tài chính gửi báo cáo trước thứ Sáu",
    "báo cáo năm 2025 gửi về Sở Nội vụ",
    "dự toán ngân sách hằng năm",
    "Tháng 12, Sở đã tổ chức hội nghị",
    "Kết quả thực hiện năm 2025 đạt 95% kế hoạch.",
    "Giai đoạn 2021-2025, toàn tỉnh đã xây dựng 120 km đường giao thông nông thôn.",
    "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2026 của UBND tỉnh,",
    "theo quy định tại khoản 2 Điều 5 Nghị định số 45/2025/NĐ-CP",
    "Mọi vướng mắc liên hệ số điện thoại 0255.3822.123.",
    "Tổng đài 1900 6126 hoạt động 24/7.",
    "bảo đảm nguồn dự toán ngân sách hằng năm cho các hoạt động",
    "số liệu tính đến ngày 20/6/2025",
    "từ ngày 01/3/2026, các đơn vị áp dụng mẫu biểu mới",
    "Ngày ban hành: 18/11/2025",
    "dự kiến năm 2026 tổng thu ngân sách đạt 1.200 tỷ đồng",
    "Kết quả năm 2025 và các năm trước đều đạt kế hoạch.",
    "Kinh phí thực hiện được bố trí trong dự toán năm 2026 và các năm tiếp theo của các cơ quan.",
    "báo cáo năm trước, tỉnh đã đạt 95% kế hoạch",
    "Hiệu lực thi hành: 01/01/2026",
    "Ngày ký: 05/12/2026",
    "Số liệu tính đến: 30/11/2026",
    "Triển lãm diễn ra từ ngày 01/4/2026 đến ngày 03/4/2026 tại Nhà Văn hóa tỉnh.",
    "Hội nghị ngày 15/4 đã thống nhất các nội dung.",
    "hoàn thành trước ngày 31/02/2026",  # no such day
    "trong tháng 13/2026",
    "trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản",
    "đã có 56/93 xã đạt chuẩn",
    "Chương trình phát thanh phát sóng hằng tuần vào tối thứ Bảy.",
]


@pytest.mark.parametrize("text", RUNNING_MUST_NOT_MATCH)
def test_running_text_must_not_match(text):
    assert read(text) == []


# ---------------------------------------------------------------- task-table time cells

CELL_SHOULD_MATCH = [
    ("2025-2030", [(D(2030, 12, 31), None)]),
    ("2026 - 2027", [(D(2027, 12, 31), None)]),
    ("Giai đoạn 2026-2030", [(D(2030, 12, 31), None)]),
    ("2026", [(D(2026, 12, 31), None)]),
    ("Năm 2026", [(D(2026, 12, 31), None)]),
    ("Quý IV/2026", [(D(2026, 12, 31), None)]),
    ("Quý II năm 2026", [(D(2026, 6, 30), None)]),
    ("Quý 3/2026", [(D(2026, 9, 30), None)]),
    ("Tháng 6/2026", [(D(2026, 6, 30), None)]),
    ("Trước 30/6/2026", [(D(2026, 6, 30), None)]),
    ("6 tháng đầu năm 2026", [(D(2026, 6, 30), None)]),
    ("Hằng năm", [(None, "yearly")]),
    ("Hàng quý", [(None, "quarterly")]),
    ("Hằng tháng", [(None, "monthly")]),
    ("Thường xuyên hàng năm", [(None, "yearly")]),
    # a month without a year is the document's year; "hằng năm" makes it the next such month
    ("Tháng 11", [(D(REF.year, 11, 30), None)]),
    ("Tháng 12 hằng năm", [(D(REF.year, 12, 31), "yearly")]),
    ("Từ ngày 01/4/2026 đến ngày 30/6/2026", [(D(2026, 6, 30), None)]),
]


@pytest.mark.parametrize(("cell", "expected"), CELL_SHOULD_MATCH)
def test_cell_should_match(cell, expected):
    assert [(d.due, d.recurrence) for d in find_deadlines(cell, REF, cell=True)] == expected


@pytest.mark.parametrize(
    "cell", ["Thường xuyên", "Liên tục", "Theo tiến độ", "Theo chỉ đạo của UBND tỉnh", "", "06 tháng", "Sau 3 tháng"]
)
def test_cell_must_not_match(cell):
    assert find_deadlines(cell, REF, cell=True) == []


def test_marker_is_needed_outside_cells():
    assert find_deadlines("2026", REF) == []
    assert find_deadlines("Quý IV/2026", REF) == []
    assert find_deadlines("Giai đoạn 2026-2030", REF) == []


def test_deadline_span_points_at_the_date():
    text = "các đơn vị gửi báo cáo chậm nhất ngày 20/3/2026 để tổng hợp"
    (d,) = find_deadlines(text, REF)
    assert "20/3/2026" in text[d.start : d.end]
    assert d.rule.startswith("deadline:")
