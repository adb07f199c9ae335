"""pipeline.readers.spacing: syllables split by OCR are joined; words, numbers and abbreviations stay."""

from __future__ import annotations

import pytest

from pipeline.readers.spacing import is_syllable, join_split_syllables
from pipeline.readers.text import parse_text

SHOULD_JOIN = [
    ("ỦY B AN NHÂN D Â N", "ỦY BAN NHÂN DÂN"),
    ("TỈNH QUẢNG B ÌNH", "TỈNH QUẢNG BÌNH"),
    ("thực hiệ n kế hoạch", "thực hiện kế hoạch"),
    ("ĐẢ NG CỘNG S ẢN VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("PH Ụ LỤC", "PHỤ LỤC"),
    ("Sở Nội v ụ", "Sở Nội vụ"),
    ("KẾ HO ẠCH", "KẾ HOẠCH"),  # both halves are syllables: a kind's title is known whole
    ("QUY ẾT ĐỊNH", "QUYẾT ĐỊNH"),
    # the wide gap between the header's columns is layout, not a split
    ("ỦY B AN NHÂN D Â N          CỘNG HÒA XÃ HỘI", "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI"),
]

MUST_STAY = [
    "Lưu: VT, KT.",
    "UBND tỉnh Kon Tum",
    "Ksor H'Bơ và A Pớt",
    "120 km đường giao thông",
    "Sở KH&CN",
    "PHỤ LỤC IV",
    "Wi Fi công cộng",
    "K Dăm",
    "TP Hồ Chí Minh",
    "Y Moan",
    "Rơ Mah",
    "IV TỔ CHỨC THỰC HIỆN",
    "Quý I năm 2026",
    "phương án B hoặc C",
    "điểm a khoản 2 Điều 5",
    "TM ỦY BAN NHÂN DÂN",
    "UB ND",
    "Kế hoạch",  # a title in running text is left as written
]


@pytest.mark.parametrize(("text", "joined"), SHOULD_JOIN)
def test_split_syllables_are_joined(text, joined):
    assert join_split_syllables(text) == joined


@pytest.mark.parametrize("text", MUST_STAY)
def test_words_and_abbreviations_stay(text):
    assert join_split_syllables(text) == text


@pytest.mark.parametrize("word", ["ban", "dân", "BÌNH", "nghiêng", "khuyến", "giữ", "quả", "a", "ưu", "oái"])
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["b", "dâ", "hiệ", "nh", "ubnd", "wifi", "km", "mah", "tp", "ii"])
def test_not_syllables(word):
    assert not is_syllable(word)


def test_an_ocr_header_reads_whole():
    blocks, _ = parse_text("ỦY B AN NHÂN D Â N\nTỈNH QUẢNG B ÌNH\nSố: 12/UBND-KT\n")
    assert [b.text for b in blocks][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH"]
