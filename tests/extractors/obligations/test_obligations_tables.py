"""The tables pass: a task table's row is owned by its "Đơn vị chủ trì" cell, never its "phối hợp"."""

from __future__ import annotations

import pytest
from obligation_docs import frame, obligations, owners_of, traced

from extractors.deadlines import rule_for
from extractors.obligations import Found, OwnerBy

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


MERGED = """\
| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Xây dựng kế hoạch chuyển đổi số | Sở Khoa học và Công nghệ | Các sở, ngành | Quý II/2026 |
| 2 | Tổ chức tập huấn kỹ năng số | | Sở Nội vụ | Quý III/2026 |"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            TABLE,
            (
                ("sở khoa học và công nghệ",),
                "2026-06-30",
                f"{Found.TABLE_ROW}+{OwnerBy.TABLE_COLUMN}+{rule_for('quarter')}",
            ),
        ),
        # a merged "Đơn vị chủ trì" cell: the second row's owner stands in the first row
        (
            MERGED,
            (
                ("sở khoa học và công nghệ",),
                "2026-09-30",
                f"{Found.TABLE_ROW}+{OwnerBy.TABLE_MERGED}+{rule_for('quarter')}",
            ),
        ),
    ],
)
def test_table_rules(doc, body, expected):
    assert expected in traced(doc, frame(body))


def test_a_task_is_due_when_it_is_to_be_finished_not_when_it_starts(contract):
    table = """\
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian bắt đầu | Thời gian hoàn thành |
|---|---|---|---|---|---|
| 1 | Ban hành danh mục dịch vụ công trực tuyến | Sở Khoa học và Công nghệ | Văn phòng UBND tỉnh | Tháng 4 | Tháng 11 |
| 2 | Số hóa hồ sơ thủ tục hành chính | UBND các xã, phường | Sở Nội vụ | Năm 2026 | 2026-2028 |"""
    obs = obligations(contract, frame(table))
    assert (("sở khoa học và công nghệ",), "2026-11-30", None) in obs
    assert (("ubnd các xã, phường",), "2028-12-31", None) in obs or (
        ("ủy ban nhân dân các xã, phường",),
        "2028-12-31",
        None,
    ) in obs


def _bare(table: str) -> str:
    """The markdown table as a Word table copied to text: cells between " | ", no pipe at either end."""
    rows = [r.strip().strip("|").strip() for r in table.split("\n") if r.startswith("|") and "---" not in r]
    return TABLE.split("\n\n")[0] + "\n\n" + "\n".join(" | ".join(c.strip() for c in r.split("|")) for r in rows)


def test_a_table_copied_from_word_without_end_pipes(contract):
    assert obligations(contract, frame(_bare(TABLE))) == obligations(contract, frame(TABLE))


@pytest.mark.parametrize("owner_label", ["Cấp thực hiện", "Bộ phận thực hiện", "Trách nhiệm", "Đơn vị thực hiện"])
def test_owner_column_labels(contract, owner_label):
    body = (
        f"TT | Nội dung công việc | {owner_label} | Tiến độ | Ghi chú\n"
        "1 | Tổ chức kiểm điểm, đánh giá đảng viên | Các chi bộ | Trước ngày 10/12/2026 |\n"
        "2 | Báo cáo kết quả về Ban Tổ chức | Các đảng ủy cơ sở | Tháng 01/2027 | Theo mẫu"
    )
    assert [o for o in obligations(contract, frame(body)) if o[1]] == [
        (("các chi bộ",), "2026-12-10", None),
        (("các đảng ủy cơ sở",), "2027-01-31", None),
    ]


def test_one_line_with_pipes_is_no_table():
    from pipeline.readers.text import parse_text

    blocks, _ = parse_text("Liên hệ: Sở Nội vụ | Phòng Tổ chức | 0255.3822.123\nCác đơn vị thực hiện nghiêm túc.")
    assert all(b.kind.value == "paragraph" for b in blocks)
