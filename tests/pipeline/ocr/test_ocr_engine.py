"""OCR with OCRmyPDF and tesseract vie on real files: a scan and a phone-photo of a sample page
(with a red seal stamped over it) come back as PDFs whose text layer the reader reads; what OCR
cannot read is one clear error."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from corpus import SAMPLES_DIR
from pipeline.errors import OcrFailed
from pipeline.extract import extract
from pipeline.ocr import read_ocr
from pipeline.ocr.engine import _dropout, _image_has_red, _photo_dpi, ocr_file, unavailable

WIFI_PDF = SAMPLES_DIR / "skhcn-wifi-cong-cong.pdf"


def test_ocr_is_installed_here():
    assert unavailable() is None  # ./setup.sh installs ocrmypdf, tesseract and its Vietnamese


def _photo(tmp_path: Path, name: str, *, seal: bool, rotate: int = 0, dpi=None) -> Path:
    """Page 1 of a digital sample, rendered as a camera would see it (no text layer at all)."""
    pdf = pdfium.PdfDocument(str(WIFI_PDF))
    image = pdf[0].render(scale=200 / 72).to_pil().convert("RGB")
    pdf.close()
    if seal:  # a round red seal over the signature block, and a red stamp over the header
        draw = ImageDraw.Draw(image)
        w, h = image.size
        draw.ellipse((int(w * 0.55), int(h * 0.62), int(w * 0.85), int(h * 0.83)), outline=(220, 20, 30), width=14)
        draw.rectangle((int(w * 0.58), int(h * 0.05), int(w * 0.95), int(h * 0.09)), fill=(230, 40, 40))
    if rotate:
        image = image.rotate(rotate, expand=True, fillcolor="white")
    path = tmp_path / name
    image.save(path, **({"dpi": dpi} if dpi else {}))
    return path


def test_red_ink_is_dropped_and_black_ink_kept():
    page = Image.new("RGB", (200, 200), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((10, 10, 90, 90), fill=(220, 20, 30))  # the seal's red
    draw.rectangle((110, 110, 190, 190), fill=(10, 10, 10))  # text's black
    assert _image_has_red(page)
    gray = _dropout(page)
    assert gray.getpixel((50, 50)) > 200 and gray.getpixel((150, 150)) < 50
    assert not _image_has_red(Image.new("RGB", (200, 200), "white"))


@pytest.mark.parametrize(
    ("size", "dpi", "expected"),
    [
        ((2480, 3508), (300, 300), 300),  # a scanner says its resolution: believed
        ((3024, 4032), (72, 72), 4032 / 11.69),  # a phone says 72: the A4 sheet decides
        ((1654, 2339), None, 2339 / 11.69),  # nothing said
    ],
)
def test_a_photo_is_given_the_resolution_of_an_a4_sheet(size, dpi, expected):
    image = Image.new("L", size, 255)
    if dpi:
        image.info["dpi"] = dpi
    assert _photo_dpi(image) == pytest.approx(expected)


@pytest.mark.slow
def test_a_photo_with_a_red_seal_reads_like_the_digital_page(tmp_path):
    photo = _photo(tmp_path, "ảnh công văn.png", seal=True)
    run = ocr_file(photo, tmp_path / "out.pdf", jobs=2)
    assert run.pages == 1 and run.red_dropout
    ex = extract(read_ocr(tmp_path / "out.pdf", photo.name))
    digital = extract(read_ocr(WIFI_PDF, WIFI_PDF.name))
    assert ex.header.reference.value.text == digital.header.reference.value.text
    assert ex.header.issuer.value == digital.header.issuer.value
    assert ex.header.date.value == digital.header.date.value


@pytest.mark.slow
def test_an_iphone_heic_photo_is_read(tmp_path):
    from pillow_heif import register_heif_opener

    register_heif_opener()
    heic = tmp_path / "IMG_0001.HEIC"
    Image.open(_photo(tmp_path, "ảnh.png", seal=False)).save(heic, format="HEIF")
    ocr_file(heic, tmp_path / "out.pdf", jobs=2)
    ex = extract(read_ocr(tmp_path / "out.pdf", heic.name))
    assert ex.header.issuer is not None and "Khoa học và Công nghệ" in ex.header.issuer.value


@pytest.mark.slow
def test_a_photo_taken_sideways_is_turned_upright(tmp_path):
    photo = _photo(tmp_path, "chụp ngang.jpg", seal=False, rotate=90, dpi=(72, 72))
    ocr_file(photo, tmp_path / "out.pdf", jobs=2)
    ex = extract(read_ocr(tmp_path / "out.pdf", photo.name))
    assert ex.header.issuer is not None and "Khoa học và Công nghệ" in ex.header.issuer.value


def test_what_ocr_cannot_read_is_one_clear_error(tmp_path):
    broken = tmp_path / "hỏng.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot a PDF at all\n%%EOF\n")
    with pytest.raises(OcrFailed) as err:
        ocr_file(broken, tmp_path / "out.pdf")
    assert "hỏng" in err.value.reason and "\n" not in err.value.reason
    not_image = tmp_path / "ảnh.jpg"
    not_image.write_bytes(b"this is no JPEG")
    with pytest.raises(OcrFailed, match="không mở được ảnh"):
        ocr_file(not_image, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()
