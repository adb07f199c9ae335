"""Every domain error has a short code a clerk can quote; the reader's errors keep (path, reason)."""

from __future__ import annotations

import pytest

from pipeline.errors import ExtractionError, NeedsOCR, QueryError, ReadError, UnsupportedFormat, describe
from pipeline.readers import read


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ReadError("a.docx", "tệp rỗng"), "CV-R01"),
        (UnsupportedFormat("a.xls", "định dạng không hỗ trợ"), "CV-R02"),
        (NeedsOCR("scan.pdf", "cần OCR"), "CV-R03"),
        (ExtractionError("lỗi"), "CV-X01"),
        (QueryError("không hiểu ngày '35/7'"), "CV-Q01"),
        (QueryError("không hiểu tháng '13/2025'", "CV-Q02"), "CV-Q02"),
    ],
)
def test_codes(error, code):
    assert error.code == code
    assert describe(error).startswith(f"[{code}] ")


def test_a_read_error_keeps_its_path_and_reason(tmp_path):
    empty = tmp_path / "rỗng.txt"
    empty.write_bytes(b"")
    with pytest.raises(ReadError) as err:
        read(empty)
    assert err.value.path == str(empty) and err.value.reason
    assert describe(err.value) == f"[CV-R01] {empty}: {err.value.reason}"


def test_an_unknown_suffix_is_cv_r02(tmp_path):
    odd = tmp_path / "bang.xls"
    odd.write_bytes(b"not a spreadsheet")
    with pytest.raises(UnsupportedFormat) as err:
        read(odd)
    assert err.value.code == "CV-R02"
