"""The analyzers and the query splitter, without an index."""

from __future__ import annotations

import unicodedata

import pytest

from index.analysis import VALUE_SEPARATOR, exact_analyzer, folding_analyzer, has_diacritics, terms
from index.whoosh_query import build_query, reference_keys
from pipeline.query import looks_like_reference, parse_query

FOLD = folding_analyzer()
EXACT = exact_analyzer()


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Báo cáo KẾT QUẢ", ["bao", "cao", "ket", "qua"]),
        ("Đăk Hà", ["dak", "ha"]),
        ("ĐĂK PXI", ["dak", "pxi"]),
        ("Sở KH&CN", ["so", "kh", "cn"]),
        ("4664/KH-UBND", ["4664", "kh", "ubnd"]),
        ("ý kiến về y tế", ["y", "kien", "ve", "y", "te"]),  # one-letter words are words
        ("Ðăk Tô", ["dak", "to"]),  # Icelandic eth, left by some converters for Đ
        ("hệ thống\u00a0WIFI\u200b công cộng", ["he", "thong", "wifi", "cong", "cong"]),
    ],
)
def test_folding_analyzer(text, folded):
    assert terms(FOLD, text) == folded


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        ("Báo cáo KẾT QUẢ", ["báo", "cáo", "kết", "quả"]),
        ("bản đồ, bán hàng, ban hành", ["bản", "đồ", "bán", "hàng", "ban", "hành"]),
        # the two accepted tone placements of oa/oe/uy are one word
        ("hoà bình, hòa bình", ["hòa", "bình", "hòa", "bình"]),
        ("Uỷ ban, Ủy ban", ["ủy", "ban", "ủy", "ban"]),
        ("khoẻ mạnh, thuỷ lợi", ["khỏe", "mạnh", "thủy", "lợi"]),
        ("quý, thuế, hoàn thành", ["quý", "thuế", "hoàn", "thành"]),  # not open oa/oe/uy: untouched
    ],
)
def test_exact_analyzer(text, exact):
    assert terms(EXACT, text) == exact


@pytest.mark.parametrize("analyzer", [FOLD, EXACT], ids=["folding", "exact"])
@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kế hoạch số 4664/KH-UBND ngày 25/12/2024 của Ủy ban nhân dân tỉnh",
        "Phường Đăk Cấm; Xã Ngọk Réo; Xã Tu Mơ Rông; hoà thuận, khuyến khích",
    ],
)
def test_decomposed_input_is_composed_input(analyzer, text):
    assert unicodedata.is_normalized("NFC", text)
    assert terms(analyzer, nfd(text)) == terms(analyzer, text)


def test_character_offsets_are_into_the_composed_text():
    text = "Báo cáo kết quả"
    tokens = [(t.text, t.startchar, t.endchar) for t in FOLD(nfd(text), chars=True)]
    assert [text[s:e] for _, s, e in tokens] == ["Báo", "cáo", "kết", "quả"]


def test_value_separator_leaves_a_position_gap():
    # Whoosh reuses one Token object: read each as it comes
    positions = {t.text: t.pos for t in FOLD(f"UBND xã Ia Chim{VALUE_SEPARATOR}Sở Y tế", positions=True)}
    assert positions["chim"] == positions["ia"] + 1
    assert positions["so"] > positions["chim"] + 1


@pytest.mark.parametrize(("text", "expected"), [("bao cao", False), ("báo", True), ("Đăk", True), ("KH&CN", False)])
def test_has_diacritics(text, expected):
    assert has_diacritics(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4664/KH-UBND", True),
        ("4664 / kh-ubnd", True),
        ("02-KH/BCĐTW", True),
        ("22/2025/QĐ-UBND", True),
        ("66.4/2025/NQ-CP", True),
        ("25/12/2024", False),  # a date
        ("2025-2030", False),
        ("KH-UBND", False),  # no number
        ("báo cáo", False),
    ],
)
def test_looks_like_reference(text, expected):
    assert looks_like_reference(text) is expected


def test_parse_query():
    q = parse_query('báo cáo "hạ tầng số" 4664 / KH-UBND ngày 25/12/2024 “Đăk Hà')
    assert q.phrases == ("hạ tầng số", "Đăk Hà")  # curly quotes count; an unclosed quote runs to the end
    assert q.references == ("4664 / KH-UBND",)
    assert q.words == ("báo", "cáo", "ngày", "25/12/2024")


def test_reference_keys_ignore_spacing_case_and_d_stroke():
    assert reference_keys("4664 / kh-ubnd") == ["4664/KH-UBND"]
    assert reference_keys("02-KH/BCĐTW") == ["02-KH/BCĐTW", "02-KH/BCDTW"]
    assert set(reference_keys("02-kh/bcđtw")) == set(reference_keys("02-KH/BCĐTW"))


@pytest.mark.parametrize("text", ["", "   ", "...", "- / ,", '""', '"', "«»", "!!! ???", "\u200b"])
def test_nothing_searchable_is_no_query(text):
    assert build_query(text) is None
