"""Page breaks in exported text: the running footer and the page number go, a cut sentence is one again."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.readers import read
from pipeline.readers.pages import join_pages

FOOTER = "UBND tỉnh Hà Tĩnh - Chỉ thị số 18/CT-UBND ngày 02/12/2025"


def test_a_sentence_cut_by_the_page_is_one_again_without_footer_and_number():
    text = (
        "- Theo dõi, đôn đốc việc thực hiện Chỉ thị này; báo cáo Ủy ban nhân dân\n\n"
        f"{FOOTER}\n\f\n                 2\n"
        "tỉnh định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 10/12).\n\n"
        "2. Sở Xây dựng\n\n"
        f"{FOOTER}\n"
    )
    lines = join_pages(text).split("\n")
    assert lines[0] == (
        "- Theo dõi, đôn đốc việc thực hiện Chỉ thị này; báo cáo Ủy ban nhân dân tỉnh định kỳ 6 tháng "
        "(trước ngày 15/6) và năm (trước ngày 10/12)."
    )
    assert FOOTER not in lines and "2. Sở Xây dựng" in lines


@pytest.mark.parametrize("number", ["2", "- 2 -", "Trang 2", "2/5"])
def test_page_numbers_at_the_top_go(number):
    text = f"1. Sở Tài chính chủ trì.\n\f{number}\n2. Sở Nội vụ phối hợp."
    assert join_pages(text) == "1. Sở Tài chính chủ trì.\n2. Sở Nội vụ phối hợp."


def test_a_line_seen_once_at_an_edge_is_the_document_s():
    # a page's last line that no other page repeats is text, and a finished sentence stays its own line
    text = "Kính gửi: Sở Tài chính.\n\fSở Nội vụ đề nghị báo cáo trước ngày 20/3/2026."
    assert join_pages(text) == "Kính gửi: Sở Tài chính.\nSở Nội vụ đề nghị báo cáo trước ngày 20/3/2026."


def test_text_without_a_form_feed_is_left_alone():
    text = "2\nbáo cáo\n\n2"
    assert join_pages(text) == text


def test_the_text_reader_reads_a_cut_task_whole(tmp_path: Path):
    p = tmp_path / "ct.txt"
    p.write_text(
        "Sở Xây dựng tổng hợp kết quả, báo cáo Ủy ban nhân dân\n"
        f"{FOOTER}\n\f2\ntỉnh trước ngày 10/12/2026.\n\n{FOOTER}\n",
        encoding="utf-8",
    )
    texts = [b.text for b in read(p).blocks]
    assert "Sở Xây dựng tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 10/12/2026." in texts
    assert not any(FOOTER in t for t in texts)
