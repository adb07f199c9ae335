"""Signing stamps: "Người ký / Cơ quan / Thời gian ký" boxes are kept out of the document's text."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from pipeline.errors import NeedsOCR
from pipeline.extract import extract
from pipeline.readers import read
from tests.helpers.signed import HEIGHT, STAMP_LINES, registered_pdf


@pytest.fixture(scope="module")
def stamped(tmp_path_factory):
    return registered_pdf(tmp_path_factory.mktemp("stamp") / "co-dau-ky.pdf", stamp_in_page=True)


def test_stamp_text_is_no_block_and_goes_to_metadata(stamped):
    raw = read(stamped)
    text = raw.text
    for line in STAMP_LINES:
        assert line not in text
    assert "Thời gian ký" not in text and "congbao@" not in text and "Trung tâm Công báo" not in text
    assert raw.metadata["stamp_signer"] == "Trung tâm Công báo và Tin học"
    assert raw.metadata["stamp_organisation"] == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert raw.metadata["stamp_time"] == "15.07.2025 10:20:33 +07:00"
    assert raw.metadata["stamp_email"] == "congbao@quangngai.gov.vn"
    assert raw.metadata["stamp_text"].splitlines() == list(STAMP_LINES)


def test_the_signer_and_header_are_the_documents_not_the_stamps(stamped):
    ex = extract(read(stamped))
    signer = ex.signer.value
    assert (signer.name, signer.position, signer.authority) == ("Nguyễn Văn An", "Phó Chủ tịch", "KT")
    assert ex.header.reference.value.number == "123" and ex.header.date.value.iso() == "2025-07-15"
    assert "Công báo" not in ex.header.issuer.value and "Công báo" not in ex.header.subject.value


def test_a_lone_email_line_is_no_stamp(tmp_path):
    """A contact line names no signing: it stays in the document."""
    from reportlab.pdfgen import canvas

    from tests.helpers.signed import _fonts

    _fonts()
    path = tmp_path / "lien-he.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    c.setFont("DV", 12)
    c.drawString(60, HEIGHT - 100, "Mọi thông tin xin liên hệ Văn phòng Sở, điện thoại 0255.3822.123.")
    c.drawString(60, HEIGHT - 118, "Email: vanphong@quangngai.gov.vn")
    c.save()
    raw = read(path)
    assert "Email: vanphong@quangngai.gov.vn" in raw.text and "stamp_text" not in raw.metadata


def test_a_scan_with_only_a_stamps_text_is_still_a_scan(tmp_path):
    """A scanned page signed with a text stamp: the stamp's ~150 characters do not make it digital."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from tests.helpers.signed import _fonts

    _fonts()
    png = io.BytesIO()
    Image.new("L", (400, 560), 235).save(png, format="PNG")
    path = tmp_path / "ban-quet-ky-so.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, 595, HEIGHT)
    c.setFont("DV", 7.5)
    for i, line in enumerate(STAMP_LINES):
        c.drawString(360, HEIGHT - 40 - 11 * i, line)
    c.save()
    assert sum(len(s) for s in STAMP_LINES) > 20  # without the stamp rule it would read as text
    with pytest.raises(NeedsOCR):
        read(path)
