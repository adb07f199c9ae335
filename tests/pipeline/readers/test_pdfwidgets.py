"""Registration fields: the số and the day an e-office system fills into AcroForm text fields."""

from __future__ import annotations

import pypdfium2 as pdfium

from pipeline.document import Region
from pipeline.extract import extract
from pipeline.readers import read


def _page_text(path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()


def test_field_values_land_in_their_lines(signed_files):
    path = signed_files.unsigned
    # the text layer alone has the blanks: the values live in the widgets only
    assert "Số: /UBND-VP" in _page_text(path) and "123" not in _page_text(path)
    raw = read(path)
    left = [b.text for b in raw.blocks if b.region is Region.HEADER_LEFT]
    right = [b.text for b in raw.blocks if b.region is Region.HEADER_RIGHT]
    assert "Số: 123/UBND-VP" in left
    assert "Quảng Ngãi, ngày 15 tháng 7 năm 2025" in right


def test_the_number_and_the_full_date_are_extracted(signed_files):
    header = extract(read(signed_files.unsigned)).header
    assert header.reference.value.number == "123" and header.reference.value.symbol == "UBND-VP"
    assert header.date.value.iso() == "2025-07-15"


def test_a_value_changed_after_signing_is_what_is_read(signed_files):
    """The tampered copy reads as it now shows (124), and carries the broken signature beside it."""
    raw = read(signed_files.tampered)
    assert extract(raw).header.reference.value.number == "124"
    assert raw.signatures and raw.signatures[0].intact is False
