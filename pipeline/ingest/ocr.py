"""The OCR queue: scans and photos stored unread (status needs_ocr) are OCR'd in the background,
then filled in as if they had arrived as text.

The inbox and the web never wait on OCR: the ingest stores a scan at once (kept, registered, a
job queued: ``ocr_jobs``) and moves on; a worker (``congvan ocr``, or the one ``congvan watch``
runs beside the inbox) takes the jobs one by one, each OCR using every core it is given. A job is
claimed under the database's write lock, so two workers never take the same one; a worker
killed midway leaves its job "running" with an old start, taken again after ``STALE``. The OCR'd
PDF is kept by the bytes' hash (pipeline.ocr.store): a job tried again, or the same bytes arriving
under another name, never OCR again. A job that fails ``MAX_ATTEMPTS`` times stays failed with
its reason, the file kept, for a clerk to look at (``congvan status`` lists it).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.db import write_lock
from models.schema import Document, OcrJob, as_utc
from pipeline.errors import CongvanError
from pipeline.ingest.ingestor import Ingestor, IngestResult
from pipeline.ingest.store import ContentStore
from pipeline.ocr.confidence import read_and_check
from pipeline.ocr.engine import ocr_file
from pipeline.ocr.store import OcrStore
from pipeline.readers import ReadLimits
from pipeline.status import DocumentStatus, OcrState

OCR_LOCK = "congvan:ocr"
MAX_ATTEMPTS = 3
STALE = dt.timedelta(hours=1)  # a job "running" this long was left by a worker that died
SessionFactory = Callable[[], Session]


@dataclass(frozen=True)
class Claim:
    job_id: int
    document_id: int
    sha256: str
    stored_path: str
    name: str


@dataclass(frozen=True)
class OcrOutcome:
    """One job done or failed: what the clerk is told."""

    name: str
    document_id: int
    state: OcrState
    pages: int | None = None
    seconds: float | None = None
    reason: str | None = None
    result: IngestResult | None = None


@dataclass(frozen=True)
class QueueCounts:
    queued: int
    running: int
    done: int
    failed: int


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:300]


def enqueue_backlog(session: Session) -> int:
    """Jobs for scans stored before the queue existed (status needs_ocr, no job): returns how many."""
    known = select(OcrJob.document_id).where(OcrJob.document_id.is_not(None))
    docs = session.scalars(
        select(Document).where(Document.status == DocumentStatus.NEEDS_OCR, Document.id.not_in(known))
    ).all()
    added = 0
    for doc in docs:
        for f in doc.files[:1]:
            if session.scalar(select(OcrJob.id).where(OcrJob.sha256 == f.sha256)) is None:
                session.add(OcrJob(sha256=f.sha256, document_id=doc.id, state=OcrState.QUEUED))
                added += 1
    return added


def _abandoned(job: OcrJob, now: dt.datetime) -> bool:
    if job.started_at is None or as_utc(job.started_at) < now - STALE:
        return True
    host, _, pid = (job.holder or "").rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def claim(session: Session, now: dt.datetime | None = None) -> Claim | None:
    """The next job, marked running by this process (the caller commits), or None."""
    now = now or _now()
    write_lock(session, OCR_LOCK)
    open_jobs = (
        select(OcrJob).where(OcrJob.attempts < MAX_ATTEMPTS, OcrJob.document_id.is_not(None)).order_by(OcrJob.id)
    )
    job = session.scalar(open_jobs.where(OcrJob.state == OcrState.QUEUED).limit(1))
    if job is None:  # a job left "running" by a worker that died (here, or long ago elsewhere)
        running = session.scalars(open_jobs.where(OcrJob.state == OcrState.RUNNING).limit(100))
        job = next((j for j in running if _abandoned(j, now)), None)
    if job is None:
        return None
    doc = session.get(Document, job.document_id)
    file = next((f for f in doc.files if f.sha256 == job.sha256), None) if doc is not None else None
    if file is None:  # the document or its file is gone: nothing to read
        job.state, job.error, job.finished_at = OcrState.FAILED, "không còn tệp gốc trong kho", now
        return claim(session, now)
    job.state, job.holder, job.started_at = OcrState.RUNNING, holder(), now
    job.attempts += 1
    return Claim(job.id, doc.id, job.sha256, file.stored_path, file.original_name)


def run_job(
    c: Claim,
    factory: SessionFactory,
    store: ContentStore,
    ocr_store: OcrStore,
    *,
    jobs: int = 2,
    limits: ReadLimits | None = None,
    on_document: Iterable[Callable[[Session, Document], None]] = (),
) -> OcrOutcome:
    """OCR one claimed job (or take its kept result), read it, fill its Document in; never raises
    for a file's fault: the job is then queued again, or failed after MAX_ATTEMPTS."""
    source = store.root / c.stored_path
    try:
        pdf = ocr_store.get(c.sha256)
        run = None
        if pdf is None:
            run = ocr_store.make(c.sha256, lambda tmp: ocr_file(source, tmp, jobs=jobs))
            pdf = ocr_store.path(c.sha256)
        raw, ex = read_and_check(pdf, c.name, limits)  # a handwritten số or day: "cần kiểm tra"
    except CongvanError as e:
        return _failed(factory, c, getattr(e, "reason", str(e)))
    except Exception as e:  # a library failing on what OCR made: the job fails, the queue goes on
        return _failed(factory, c, f"không đọc được kết quả OCR ({type(e).__name__}: {e})")
    with factory() as session:
        job = session.get(OcrJob, c.job_id)
        doc = session.get(Document, c.document_id)
        if doc is None or doc.status != DocumentStatus.NEEDS_OCR:
            job.state, job.finished_at = OcrState.DONE, _now()
            session.commit()
            return OcrOutcome(c.name, c.document_id, OcrState.DONE, raw.pages, reason="văn bản đã được đọc")
        result = Ingestor(session, store, on_document).complete_scan(doc, raw, ex, c.sha256)
        job.state, job.finished_at, job.error = OcrState.DONE, _now(), None
        job.pages = raw.pages
        job.seconds = run.seconds if run else job.seconds
        job.output_path = ocr_store.relpath(c.sha256)
        session.commit()
    return OcrOutcome(c.name, c.document_id, OcrState.DONE, raw.pages, job.seconds, result=result)


def _failed(factory: SessionFactory, c: Claim, reason: str) -> OcrOutcome:
    with factory() as session:
        job = session.get(OcrJob, c.job_id)
        final = job.attempts >= MAX_ATTEMPTS
        job.state = OcrState.FAILED if final else OcrState.QUEUED
        job.error, job.finished_at = reason, _now()
        session.commit()
    return OcrOutcome(c.name, c.document_id, OcrState.FAILED if final else OcrState.QUEUED, reason=reason)


def run_queue(
    factory: SessionFactory,
    store: ContentStore,
    ocr_store: OcrStore,
    *,
    jobs: int = 2,
    limits: ReadLimits | None = None,
    on_document: Iterable[Callable[[Session, Document], None]] = (),
    report: Callable[[OcrOutcome], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
    max_jobs: int | None = None,
) -> list[OcrOutcome]:
    """Take jobs until none is left (or ``stop()``), reporting each; returns what was done."""
    with factory() as session:
        enqueue_backlog(session)
        session.commit()
    outcomes: list[OcrOutcome] = []
    on_document = list(on_document)
    while not stop() and (max_jobs is None or len(outcomes) < max_jobs):
        with factory() as session:
            c = claim(session)
            session.commit()
        if c is None:
            break
        outcome = run_job(c, factory, store, ocr_store, jobs=jobs, limits=limits, on_document=on_document)
        outcomes.append(outcome)
        if report is not None:
            report(outcome)
    return outcomes


def counts(session: Session) -> QueueCounts:
    rows = dict(session.execute(select(OcrJob.state, func.count()).group_by(OcrJob.state)).all())
    waiting = session.scalar(
        select(func.count())
        .select_from(Document)
        .where(Document.status == DocumentStatus.NEEDS_OCR)
        .where(Document.id.not_in(select(OcrJob.document_id).where(OcrJob.document_id.is_not(None))))
    )
    return QueueCounts(
        queued=int(rows.get(OcrState.QUEUED, 0)) + int(waiting or 0),
        running=int(rows.get(OcrState.RUNNING, 0)),
        done=int(rows.get(OcrState.DONE, 0)),
        failed=int(rows.get(OcrState.FAILED, 0)),
    )


def failed_jobs(session: Session, limit: int = 20) -> list[tuple[str, str, dt.datetime | None]]:
    """(file name, reason, when) of the jobs that failed for good, latest first."""
    rows = session.execute(
        select(OcrJob, Document)
        .join(Document, Document.id == OcrJob.document_id)
        .where(OcrJob.state == OcrState.FAILED)
        .order_by(OcrJob.finished_at.desc())
        .limit(limit)
    ).all()
    out = []
    for job, doc in rows:
        name = next((f.original_name for f in doc.files if f.sha256 == job.sha256), f"#{doc.id}")
        out.append((name, job.error or "", as_utc(job.finished_at) if job.finished_at else None))
    return out
