"""A scan dropped in the inbox: stored and moved on at once (the inbox never waits on OCR), then
read by the watcher's OCR worker in the background and searchable; ``congvan status`` shows the
OCR queue."""

from __future__ import annotations

import shutil
import signal
import subprocess

import pytest

from corpus import SAMPLES_DIR
from tests.helpers.inbox import CONGVAN, files_under, wait_for

SCAN = SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf"
DOCX = SAMPLES_DIR / "skhcn-wifi-cong-cong.docx"


@pytest.mark.slow
def test_a_scan_is_stored_at_once_and_read_by_ocr_in_the_background(box):
    proc = box.start("--stable", "0.2")
    shutil.copy(SCAN, box.inbox / "bản quét.pdf")
    shutil.copy(DOCX, box.inbox / "công văn.docx")
    # both taken and moved on: the scan waits for OCR in the database, not in the inbox
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 2, 60), box.log_of(proc)
    assert wait_for(lambda: box.scalar("select count(*) from ocr_jobs where state = 'done'") == 1, 240), box.log_of(
        proc
    )
    assert box.scalar("select status from documents d join document_files f on f.document_id = d.id "
                      "where f.original_name = 'bản quét.pdf'") == "extracted"  # fmt: skip
    assert wait_for(lambda: "cải cách hành chính" in box.search("de xuat cai cach hanh chinh").lower(), 60)
    status = subprocess.run([*CONGVAN, "status"], env=box.env, capture_output=True, text=True, timeout=60)
    assert "OCR: chờ OCR 0 · đang OCR 0 · đã OCR 1 · OCR lỗi 0" in status.stdout, status.stdout
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    log = box.log_of(proc)
    assert "đã OCR: bản quét.pdf (2 trang" in log, log
