"""A số or a day OCR was unsure of (written in by hand) is dropped and said "cần kiểm tra"; one it
read with confidence stays; the TSV tesseract writes is read as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.extract import extract
from pipeline.ocr.confidence import DAY_UNSURE, NUMBER_UNSURE, OcrWord, check_header, parse_tsv
from pipeline.readers import read


@pytest.fixture
def filled(tmp_path: Path):
    """The Wi-Fi sample with its số and day filled in, as the signed original has them."""
    text = (SAMPLES_DIR / "skhcn-wifi-cong-cong.txt").read_text(encoding="utf-8")
    text = text.replace("Số:         /SKHCN-CN&CĐS", "Số: 1234/SKHCN-CN&CĐS", 1)
    text = text.replace("Quảng Ngãi, ngày    tháng 7 năm 2025", "Quảng Ngãi, ngày 15 tháng 7 năm 2025", 1)
    path = tmp_path / "wifi.txt"
    path.write_text(text, encoding="utf-8")
    ex = extract(read(path))
    assert ex.header.reference.value.number == "1234" and ex.header.date.value.day == 15
    return ex


def _words(number_conf: float, day_conf: float) -> list[OcrWord]:
    return [
        OcrWord("Số:", 95.0), OcrWord("1234/SKHCN-CN&CĐS", number_conf), OcrWord("Quảng", 96.0),
        OcrWord("Ngãi,", 96.0), OcrWord("ngày", 96.0), OcrWord("15", day_conf), OcrWord("tháng", 96.0),
    ]  # fmt: skip


def test_printed_values_read_with_confidence_stay(filled):
    assert check_header(filled, _words(93.0, 91.0)) is filled


def test_a_handwritten_number_and_day_are_dropped_and_said(filled):
    checked = check_header(filled, _words(41.0, 38.0))
    assert checked.header.reference.value.number is None
    assert checked.header.reference.value.symbol == "SKHCN-CN&CĐS"  # the printed part stays
    assert checked.header.reference.rule.endswith("+ocr-unsure")
    assert checked.header.date.value.iso() == "2025-07"  # month and year kept
    assert NUMBER_UNSURE in checked.warnings and DAY_UNSURE in checked.warnings


def test_a_value_ocr_cannot_find_again_is_left_alone(filled):
    assert check_header(filled, [OcrWord("Số:", 95.0)]) is filled


def test_tesseract_tsv_is_parsed():
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t1228\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t300\t200\t120\t40\t96.36\tSố:\n"
        "5\t1\t1\t1\t1\t2\t430\t200\t80\t40\t42.5\t1234/UBND\n"
    )
    assert parse_tsv(tsv) == [OcrWord("Số:", 96.36), OcrWord("1234/UBND", 42.5)]
