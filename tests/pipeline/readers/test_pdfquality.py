"""A PDF whose text layer is no readable Vietnamese needs OCR; a legacy-font layer is converted; real
documents, English annexes included, read as before.

The broken layers are a bundled sample's text without its marks (an English OCR's loss), garbled
(a wrong font map), or the real thing: tesseract's English model run by ocrmypdf over the bundled
scan. ``check_text_layer=False`` (the OCR step reading the PDF it made) reads whatever is there.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from congvan.cli import app
from corpus import SAMPLES_DIR
from models.db import engine_for
from models.schema import Document, DocumentFile
from pipeline.errors import NeedsOCR
from pipeline.readers import read
from pipeline.readers.pdf import PdfReader
from tests.helpers.textlayers import fold, garble, tcvn3, write_pdf
from tests.pipeline._pdfmaker import Page

REASON = "lớp văn bản của PDF không phải tiếng Việt đọc được"
UBND = SAMPLES_DIR / "ubnd-tiep-tuc-02kh-bcdtw"


def _sample_text(stem: Path = UBND) -> str:
    return stem.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("invisible", [False, True], ids=["visible", "invisible"])
@pytest.mark.parametrize(("broken", "why"), [(fold, "âm tiết có dấu"), (garble, "từ không đọc được")])
def test_a_broken_layer_needs_ocr(tmp_path, broken, why, invisible):
    path = write_pdf(tmp_path / "công văn.pdf", broken(_sample_text()), invisible=invisible)
    with pytest.raises(NeedsOCR) as e:
        read(path)
    assert e.value.path == str(path)
    assert REASON in e.value.reason and why in e.value.reason and e.value.reason.endswith("cần OCR")
    assert "OCR tiếng Anh" in e.value.reason and "phông chữ sai mã" in e.value.reason


def _ocr(out: Path, language: str) -> Path:
    scan = SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf"
    subprocess.run(["ocrmypdf", "-q", "-l", language, str(scan), str(out)], check=True, timeout=300)
    return out


@pytest.fixture(scope="module")
def english_ocr(tmp_path_factory) -> Path:
    """The bundled scan through tesseract's English model: the layer a scanner set to English makes."""
    return _ocr(tmp_path_factory.mktemp("ocr") / "eng.pdf", "eng")


@pytest.mark.slow  # ocrmypdf: 2 s alone, 7 s on a busy machine
def test_an_english_ocr_layer_needs_ocr(english_ocr):
    with pytest.raises(NeedsOCR) as e:
        read(english_ocr)
    assert REASON in e.value.reason


@pytest.mark.slow
def test_a_vietnamese_ocr_layer_is_read(tmp_path):
    doc = read(_ocr(tmp_path / "vie.pdf", "vie"))
    assert "Sở Khoa học và Công nghệ" in " ".join(doc.text.split())


@pytest.mark.slow
def test_the_ocr_step_reads_its_own_layer_unchecked(english_ocr, tmp_path):
    doc = PdfReader().read(english_ocr, check_text_layer=False)
    assert "CONG HOA XA HOI CHU NGHIA" in doc.text  # what the layer holds, as it is
    folded = write_pdf(tmp_path / "folded.pdf", fold(_sample_text()))
    assert "Doc lap - Tu do - Hanh phuc" in PdfReader().read(folded, check_text_layer=False).text


def test_the_ocr_step_reads_an_empty_page_unchecked(tmp_path):
    path = write_pdf(tmp_path / "blank.pdf", "", annex=[Page()])
    with pytest.raises(NeedsOCR):
        read(path)
    assert PdfReader().read(path, check_text_layer=False).blocks == ()


def test_a_tcvn3_layer_is_converted(tmp_path):
    path = write_pdf(tmp_path / "vntime.pdf", tcvn3(_sample_text()))
    doc = read(path)
    assert doc.metadata["legacy_font"] == "TCVN3"
    assert "legacy font TCVN3 converted to Unicode" in doc.warnings
    assert "nhiệm vụ được giao tại Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025" in " ".join(doc.text.split())


def _english_page() -> Page:
    page = Page()
    lines = [
        "ANNEX II. TECHNICAL SPECIFICATIONS OF THE PUBLIC WIFI ACCESS POINTS",
        "The contractor shall supply, install and maintain outdoor access points at the locations",
        "listed in Annex I. Each access point must support the IEEE 802.11ax standard, dual band",
        "operation at 2.4 and 5 GHz, and at least two hundred concurrent users. Devices are to be",
        "mounted on existing poles where possible, powered over Ethernet, and protected against",
        "dust and water to rating IP67. The network controller shall be hosted in the provincial",
        "data centre and offer a captive portal in Vietnamese and English, with sign-in by phone.",
        "Usage logs are kept for twelve months in accordance with applicable regulations on the",
        "management of internet services. The contractor must report monthly on availability,",
        "traffic and faults, and restore any failed device within forty-eight hours of notice.",
    ]
    for k, line in enumerate(lines * 4):
        page.text(70, 60 + 15 * k, line, 11)
    return page


def test_an_english_annex_is_read(tmp_path):
    english = write_pdf(tmp_path / "annex.pdf", "", annex=[_english_page()])
    assert "IEEE 802.11ax" in read(english).text  # an English-only letter is read too
    pdf = pdfium.PdfDocument(UBND.with_suffix(".pdf"))
    pages = len(pdf)
    pdf.import_pages(pdfium.PdfDocument(english))
    path = tmp_path / "with annex.pdf"
    pdf.save(path)
    pdf.close()
    doc = read(path)
    assert doc.pages == pages + 1
    original = read(UBND.with_suffix(".pdf"))
    assert [asdict(b) for b in doc.blocks if b.page <= pages] == [asdict(b) for b in original.blocks]


def test_the_bundled_pdfs_are_read():
    for path in sorted(SAMPLES_DIR.glob("*.pdf")):
        if ".scan." not in path.name:
            assert read(path).blocks, path.name


def test_ingest_keeps_a_broken_layer_for_ocr(tmp_path, congvan_home, database_url):
    inbox = tmp_path / "đến"
    inbox.mkdir()
    path = write_pdf(inbox / "tiếng Anh.pdf", fold(_sample_text()), invisible=True)
    shutil.copy(SAMPLES_DIR / "skhcn-wifi-cong-cong.pdf", inbox)
    r = CliRunner().invoke(app, ["ingest", str(inbox)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = " ".join(r.output.split())
    assert "cần OCR" in out and "tiếng Anh.pdf" in out and REASON in out
    with Session(engine_for(database_url)) as s:
        statuses = {f.original_name: f.document.status for f in s.scalars(select(DocumentFile))}
        assert statuses == {"tiếng Anh.pdf": "needs_ocr", "skhcn-wifi-cong-cong.pdf": "extracted"}
        kept = s.scalar(select(DocumentFile).where(DocumentFile.original_name == "tiếng Anh.pdf"))
        assert (congvan_home / "corpus" / kept.stored_path).read_bytes() == path.read_bytes()
        assert s.scalar(select(Document).where(Document.status == "needs_ocr")).citations == []
