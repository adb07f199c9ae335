"""Acceptance: the five scanned samples, read through OCR, against their annotations (their
text-layer twins score 1.00; the scans must reach 0.90 as a set, each header at least 0.9)."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.extract import to_contract
from pipeline.ocr.confidence import read_and_check
from pipeline.ocr.engine import ocr_file
from tests.test_golden import GOLDEN, _scorer

SCANS = sorted([SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf", *(Path(__file__).parent / "scans").glob("*.scan.pdf")])


@pytest.mark.slow
def test_the_five_scans_score_through_ocr(tmp_path):
    assert len(SCANS) == 5
    preds = []
    for scan in SCANS:
        out = tmp_path / f"{scan.stem}.ocr.pdf"
        ocr_file(scan, out, jobs=2)
        _, ex = read_and_check(out, scan.name)  # as the OCR queue stores it
        preds.append(to_contract(ex, source=scan.name))
    report = io.StringIO()
    with redirect_stdout(report):
        total = _scorer().score(GOLDEN, preds, show_misses=True)
    text = report.getvalue()
    fields = float(text.split("header fields accuracy:")[1].split()[0])
    assert total >= 0.90, text
    assert fields >= 0.90, text
