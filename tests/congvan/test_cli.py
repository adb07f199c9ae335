"""The command line: contract output, one-line errors, the batch goes on, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from corpus import SAMPLES_DIR

CONGVAN = [sys.executable, "-m", "congvan.cli"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CONGVAN, *args], capture_output=True, text=True, timeout=300)


def test_extract_jsonl_prints_one_object_per_file_in_order():
    files = [SAMPLES_DIR / "skhcn-wifi-cong-cong.txt", SAMPLES_DIR / "skhcn-de-xuat-cchc.docx"]
    r = run("extract", "--format", "jsonl", *map(str, files))
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["source"] for d in lines] == [str(f) for f in files]
    assert lines[0]["doc_type"] == "CV" and lines[0]["symbol"] == "SKHCN-CN&CĐS"


def test_bad_files_get_one_line_each_and_the_rest_still_come_out(tmp_path: Path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    notzip = tmp_path / "hong.docx"
    notzip.write_bytes(b"this is not a zip archive at all")
    good = SAMPLES_DIR / "ubnd-tiep-tuc-02kh-bcdtw.txt"
    r = run("extract", "--format", "jsonl", str(empty), str(good), str(notzip), str(tmp_path / "missing.pdf"))
    assert r.returncode == 1
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["source"] for d in out] == [str(good)]
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 3, r.stderr
    for name, line in zip(("rong.txt", "hong.docx", "missing.pdf"), errors, strict=True):
        assert name in line and "Traceback" not in line


def test_strict_stops_with_an_error_status(tmp_path: Path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    r = run("extract", "--strict", str(bad), str(SAMPLES_DIR / "skhcn-wifi-cong-cong.txt"))
    assert r.returncode != 0
    assert r.stdout.strip() == ""


def test_scan_is_reported_as_needing_ocr():
    r = run("extract", str(SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf"))
    assert r.returncode == 1
    assert "OCR" in r.stderr and "skhcn-de-xuat-cchc.scan.pdf" in r.stderr


def test_demo_runs_the_main_job_on_the_bundled_samples(tmp_path: Path):
    r = subprocess.run(
        [*CONGVAN, "demo", "--home", str(tmp_path / "demo")], capture_output=True, text=True, timeout=600
    )
    assert r.returncode == 0, r.stderr
    assert "15/07/2025" in r.stdout and "chưa có trong kho" in r.stdout
    assert (tmp_path / "demo" / "congvan.db").exists()
    assert "đã OCR: skhcn-de-xuat-cchc.scan.pdf (2 trang" in r.stdout  # the bundled scan, read by OCR
    for internal in ("KHAC", "needs_ocr", "SearchHit(", "(chưa số, #"):
        assert internal not in r.stdout, internal
