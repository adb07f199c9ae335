"""An envelope's Code, dates and signer read as the standard writes them, and checked against what
the attached file says: blanks filled, agreement keeping the file's own value, disagreement
keeping the envelope's and saying so."""

from __future__ import annotations

import pytest

from extractors.base import TextView
from extractors.dates import PartialDate
from extractors.envelope import check_header, parse_code, parse_date, read_envelope
from extractors.header import extract_header
from pipeline.readers.text import TextReader


@pytest.mark.parametrize(
    ("number", "notation", "text"),
    [
        ("123", "UBND-VP", "123/UBND-VP"),
        ("02", "KH/BCĐTW", "02-KH/BCĐTW"),
        ("22", "2013/QĐ-TTg", "22/2013/QĐ-TTg"),
        (None, "4664/KH-UBND", "4664/KH-UBND"),
        ("4664", "4664/KH-UBND", "4664/KH-UBND"),
        ("1234", "SKHCN-CN&CĐS", "1234/SKHCN-CN&CĐS"),
    ],
)
def test_code_reads_as_the_reference_the_document_is_cited_by(number, notation, text):
    assert parse_code(number, notation).text == text


@pytest.mark.parametrize(("number", "notation"), [("123", None), ("123", "  "), ("abc", "không phải ký hiệu")])
def test_a_code_that_is_no_reference_gives_none(number, notation):
    assert parse_code(number, notation) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025/07/15", PartialDate(2025, 7, 15)),
        ("2025-07-15T00:00:00+07:00", PartialDate(2025, 7, 15)),
        ("2025/07/15 08:30:00", PartialDate(2025, 7, 15)),
        ("15/07/2025", PartialDate(2025, 7, 15)),
        ("2025/02/30", None),
        ("mai", None),
        (None, None),
    ],
)
def test_dates_in_the_forms_systems_write(text, date):
    assert parse_date(text) == date


def _header(tmp_path, text: str):
    path = tmp_path / "vb.txt"
    path.write_text(text, encoding="utf-8")
    return extract_header(TextView(TextReader().read(path)))


LETTER = """SỞ NỘI VỤ
Số: 45/SNV-VP
V/v cử cán bộ dự tập huấn
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 04 tháng 8 năm 2025
Kính gửi: Các sở, ban, ngành tỉnh.
Sở Nội vụ đề nghị các đơn vị cử cán bộ dự tập huấn.
"""


def test_agreeing_values_keep_the_files_own_and_disagreeing_ones_are_said(tmp_path):
    header = _header(tmp_path, LETTER)
    env = read_envelope(
        {
            "CodeNumber": "45", "CodeNotation": "SNV-VP", "From": {"OrganName": "Sở Nội vụ tỉnh Quảng Ngãi"},
            "PromulgationDate": "2025/08/05", "Place": "Quảng Ngãi", "Subject": "V/v cử cán bộ dự tập huấn",
        }
    )  # fmt: skip
    checked, notes = check_header(header, env)
    assert checked.reference is header.reference  # the same number: the file's, with its span
    assert checked.issuer is header.issuer  # one agency, its province named in the envelope
    assert (
        checked.date.value == PartialDate(2025, 8, 5) and checked.date.rule == "edxml.PromulgationInfo.PromulgationDate"
    )
    assert notes == ["ngày ban hành trong gói edXML (05/08/2025) khác ngày ban hành trong tệp đính kèm (04/08/2025)"]


def test_another_issuer_is_kept_from_the_envelope_and_said(tmp_path):
    header = _header(tmp_path, LETTER)
    checked, notes = check_header(header, read_envelope({"From": {"OrganName": "Sở Tài chính"}}))
    assert checked.issuer.value == "Sở Tài chính" and checked.issuer.rule == "edxml.From.OrganName"
    assert notes == [
        "cơ quan ban hành trong gói edXML (Sở Tài chính) khác cơ quan ban hành trong tệp đính kèm (Sở Nội vụ)"
    ]
