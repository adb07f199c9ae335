"""The OCR queue on a real database: a scan stored at ingest is queued, claimed once, OCR'd by
OCRmyPDF, filled in with its số đến kept, and never OCR'd twice; a file OCR cannot read fails
after its tries with its reason, the file kept; a job a dead worker left is taken again."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from corpus import SAMPLES_DIR
from models.db import engine_for
from models.schema import Document, DocumentFile, OcrJob, RegisterEntry
from pipeline.ingest import ocr as queue
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.ocr.store import OcrStore
from pipeline.status import DocumentStatus, IngestStatus, OcrState

SCAN = SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf"


@pytest.fixture
def office(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    return factory, ContentStore(tmp_path / "store"), OcrStore(tmp_path / "ocr")


def _job(factory) -> OcrJob:
    with factory() as s:
        return s.scalars(select(OcrJob)).one()


def test_a_scan_stored_at_ingest_is_queued(office):
    factory, store, _ = office
    [result] = ingest_paths([SCAN], factory, store)
    assert result.status == IngestStatus.NEEDS_OCR
    job = _job(factory)
    assert (job.state, job.document_id, job.sha256) == (OcrState.QUEUED, result.document_id, result.sha256)
    with factory() as s:
        assert queue.counts(s) == queue.QueueCounts(queued=1, running=0, done=0, failed=0)


@pytest.mark.slow
def test_the_queue_reads_the_scan_keeps_its_register_number_and_never_ocrs_twice(office):
    factory, store, ocr_store = office
    [result] = ingest_paths([SCAN], factory, store)
    with factory() as s:
        number = s.scalars(select(RegisterEntry.number)).one()
    [outcome] = queue.run_queue(factory, store, ocr_store, jobs=2)
    assert outcome.state == OcrState.DONE and outcome.pages == 2
    with factory() as s:
        doc = s.get(Document, result.document_id)
        assert doc.status == DocumentStatus.EXTRACTED
        assert doc.symbol == "SKHCN-VP" and doc.issuer == "Sở Khoa học và Công nghệ"
        assert "Công văn số 18/SNV-CCHC" in doc.text
        assert {c.reference for c in doc.citations} >= {"18/SNV-CCHC"}
        assert doc.register_entry.number == number and doc.register_entry.urgency is not None
    job = _job(factory)
    assert job.state == OcrState.DONE and job.output_path == OcrStore.relpath(result.sha256)
    kept = ocr_store.get(result.sha256)
    made = kept.stat().st_mtime_ns
    # the same bytes again once their document is gone: the kept PDF is read, OCR does not run
    with factory() as s:
        s.delete(s.get(Document, result.document_id))
        s.commit()
    [second] = ingest_paths([SCAN], factory, store)
    assert second.status == IngestStatus.NEEDS_OCR
    [again] = queue.run_queue(factory, store, ocr_store)
    assert again.state == OcrState.DONE and again.document_id == second.document_id
    assert kept.stat().st_mtime_ns == made
    with factory() as s:
        assert s.get(Document, second.document_id).symbol == "SKHCN-VP"


def test_two_workers_never_claim_the_same_job(office, tmp_path):
    factory, store, _ = office
    copies = []
    for i in range(2):
        copy = tmp_path / f"scan-{i}.pdf"
        shutil.copy(SCAN, copy)
        with open(copy, "ab") as f:
            f.write(f"\n%{i}\n".encode())  # other bytes, the same scan
        copies.append(copy)
    ingest_paths(copies, factory, store)
    with factory() as a, factory() as b:
        first = queue.claim(a)
        a.commit()
        second = queue.claim(b)
        b.commit()
        third = queue.claim(b)
    assert first is not None and second is not None and third is None
    assert first.job_id != second.job_id


def test_a_file_ocr_cannot_read_fails_after_its_tries_and_is_kept(office, tmp_path):
    factory, store, ocr_store = office
    [result] = ingest_paths([SCAN], factory, store)
    with factory() as s:
        stored = store.root / s.scalars(select(DocumentFile.stored_path)).one()
    stored.chmod(0o644)
    stored.write_bytes(b"%PDF-1.4\nnot a PDF at all\n%%EOF\n")  # the stored copy damaged on disk
    outcomes = queue.run_queue(factory, store, ocr_store)
    assert [o.state for o in outcomes] == [OcrState.QUEUED] * (queue.MAX_ATTEMPTS - 1) + [OcrState.FAILED]
    assert all("PDF bị hỏng" in o.reason and "\n" not in o.reason for o in outcomes)
    job = _job(factory)
    assert job.state == OcrState.FAILED and job.attempts == queue.MAX_ATTEMPTS
    with factory() as s:
        assert s.get(Document, result.document_id).status == DocumentStatus.NEEDS_OCR  # kept, not lost
        [(name, why, _)] = queue.failed_jobs(s)
    assert name == SCAN.name and "PDF bị hỏng" in why
    assert stored.exists()
    assert queue.run_queue(factory, store, ocr_store) == []  # failed for good: not taken again


def test_a_job_left_running_by_a_dead_worker_is_taken_again(office):
    factory, store, _ = office
    ingest_paths([SCAN], factory, store)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    with factory() as s:
        job = s.scalars(select(OcrJob)).one()
        job.state, job.started_at = OcrState.RUNNING, dt.datetime.now(dt.UTC)
        job.holder = f"{socket.gethostname()}:{dead.stdout.strip()}"
        s.commit()
    with factory() as s:
        taken = queue.claim(s)
        s.commit()
    assert taken is not None
    # ... but not one a live worker holds
    with factory() as s:
        job = s.scalars(select(OcrJob)).one()
        job.holder = f"{socket.gethostname()}:{os.getpid()}"
        s.commit()
        assert queue.claim(s) is None


def test_scans_stored_before_the_queue_existed_are_queued(office):
    factory, store, _ = office
    ingest_paths([SCAN], factory, store)
    with factory() as s:
        s.query(OcrJob).delete()  # as a database upgraded from 0007 has them: no job
        s.commit()
        assert queue.counts(s).queued == 1  # counted as waiting all the same
        assert queue.enqueue_backlog(s) == 1
        s.commit()
    assert _job(factory).state == OcrState.QUEUED


def test_the_image_reader_queues_a_photo(office, tmp_path: Path):
    from PIL import Image

    factory, store, _ = office
    photo = tmp_path / "ảnh chụp công văn.jpg"
    Image.new("RGB", (800, 1100), "white").save(photo)
    [result] = ingest_paths([photo], factory, store)
    assert result.status == IngestStatus.NEEDS_OCR and "ảnh" in result.reason
    assert _job(factory).state == OcrState.QUEUED
