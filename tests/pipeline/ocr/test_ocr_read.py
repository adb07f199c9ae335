"""What OCR reads in ink that is not text is left out; real text is kept as it is."""

from __future__ import annotations

import pytest

from pipeline.ocr import _clean


@pytest.mark.parametrize(
    ("ocr", "clean"),
    [
        ("CHỦ TỊCH l", "CHỦ TỊCH"),  # the signature's pen stroke beside the title
        ("KT. GIÁM ĐỐC |", "KT. GIÁM ĐỐC"),
        ("PHÓ CHỦ TỊCH '", "PHÓ CHỦ TỊCH"),
        ("| Phát triển hạ", "Phát triển hạ"),  # a table border's stub
        ("Các phòng, | ban, ngành", "Các phòng, ban, ngành"),
    ],
)
def test_stray_marks_go(ocr, clean):
    assert _clean(ocr) == clean


@pytest.mark.parametrize(
    "text",
    [
        "TM. ỦY BAN NHÂN DÂN",
        "Đinh Văn Diết",
        "a) Chủ trì, phối hợp",
        "SỐ 12",
        "KẾ HOẠCH",
        "UBND TỈNH QUẢNG NGÃI",
        "Giai đoạn I",
        "CHỦ TỊCH UBND XÃ A",
        "Kính gửi: Sở Nội vụ",
    ],
)
def test_real_text_is_kept(text):
    assert _clean(text) == text
