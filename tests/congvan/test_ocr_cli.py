"""``congvan ocr`` reads the scans waiting for OCR and says what each became; ``congvan status``
counts the queue; nothing waiting is said too."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from congvan.cli import app
from corpus import SAMPLES_DIR

runner = CliRunner()
SCAN = SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf"


def cli(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "250"}, catch_exceptions=False)


def test_nothing_waiting(congvan_home):
    r = cli("ocr")
    assert r.exit_code == 0 and "Không có bản quét nào chờ OCR." in r.output


@pytest.mark.slow
def test_ocr_reads_the_waiting_scan_and_status_counts_it(congvan_home):
    assert cli("ingest", str(SCAN)).exit_code == 0
    assert "OCR: chờ OCR 1 · đang OCR 0 · đã OCR 0 · OCR lỗi 0" in cli("status").output
    r = cli("ocr", "--jobs", "2")
    assert r.exit_code == 0, r.output
    assert "đã OCR: skhcn-de-xuat-cchc.scan.pdf (2 trang" in r.output
    assert "Xong 1 văn bản: đã OCR 1" in r.output
    assert "OCR: chờ OCR 0 · đang OCR 0 · đã OCR 1 · OCR lỗi 0" in cli("status").output
    found = cli("search", "đề xuất nhiệm vụ cải cách hành chính")
    assert "SKHCN-VP" in found.output
    assert "Không có bản quét nào chờ OCR." in cli("ocr").output
