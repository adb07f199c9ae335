"""The store step: a file becomes rows (Document, its files, units, addressees, citations, obligations).

- The same bytes twice add nothing (a file's SHA-256 is stored once per document it holds).
- A file holding several documents (three letters scanned into one PDF: pipeline.readers.split)
  stores each as a Document of its own, each with its own số đến, a DocumentFile per part
  pointing at the same stored bytes (pipeline.ingest.parts sums them up in one result).
- An annex received alone ("PHỤ LỤC ... Kèm theo Quyết định số 123/QĐ-UBND") is a file of the
  document it names, or waits for it as a document of its own (pipeline.ingest.annexes).
- The same document in several formats (.docx, .pdf, a text export: same ký hiệu, issuer, date
  and trích yếu, near-identical text) is one Document with several files; its obligations count once.
- The same số + ký hiệu + issuer with amended content (a deadline moved, a paragraph replaced) is a
  new *version*: both kept, the one signed last current, the others' obligations no longer owed
  (pipeline.ingest.versions says how "amended" and "current" are decided).
- The same số + ký hiệu + issuer with an unrelated text is kept as a new Document flagged as a
  suspected duplicate (Nghị định 30/2020, Phụ lục VI asks document systems to warn on it).
- A document that replaces or repeals another it cites ends that one (its obligations no longer
  owed); one that amends or corrects it is linked to it (``Citation.relation``).
- A file that cannot be read is reported with its reason; a batch goes on.

Several processes (two watchers, a watcher and ``congvan ingest``, on one or several machines) may
store into one database at once. What a file becomes depends on what is stored already (the same
bytes, the same document in another format, the same number with another text, the units and
documents it names), so that decision and the rows it writes are one atomic step: each file's
transaction takes the database's ingest lock (``models.db.write_lock``) once the file is read
and extracted, and looks at what is stored only then. The lock is one for the whole database, not
one per document key: the decision reads by reference, by date, by file hash, and the rows also
create units and link citations and follow-ups of other documents, which per-key locks would
leave racing; reading and extraction, the slow part, stay outside it. So N workers store
exactly what one stores, taking the same files in some order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DisconnectionError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from extractors.marks import read_marks
from extractors.references import key as ref_key
from extractors.units import unit_key
from models.db import write_lock
from models.schema import Citation, Document, DocumentFile, OcrJob, as_utc
from pipeline.bounded import FileReader, Part, read_and_extract
from pipeline.document import RawDocument
from pipeline.errors import ExtractionError, NeedsOCR, ReadError, SignatureBroken, os_reason
from pipeline.extract import DocumentExtraction, to_contract
from pipeline.ingest import annexes, register
from pipeline.ingest.attachments import package_reason, store_attachments
from pipeline.ingest.files import special_kind, stored_name
from pipeline.ingest.parts import FilePart, combine
from pipeline.ingest.rows import UnitRegistry, fill_document, new_document, signature_rows
from pipeline.ingest.store import ContentStore, sha256_of
from pipeline.ingest.versions import content_differs, mark_relations, place_version
from pipeline.readers import SUFFIXES
from pipeline.readers.signatures import tamper_warning
from pipeline.status import DocumentStatus, FileRole, IngestStatus, OcrState
from pipeline.text import fold

SAME_TEXT = 0.6  # word-trigram Jaccard above which two files hold the same document
SAME_SUBJECT = 0.85
INGEST_LOCK = "congvan:ingest"  # the write lock every ingest transaction decides under
# Database errors worth waiting out rather than failing the file: the database locked (SQLite's
# write lock held past its busy timeout), gone away or restarting, or a race another process won.
DATABASE_TRANSIENT = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout, IntegrityError)
DATABASE_WAIT = 600.0  # seconds `congvan ingest` waits out a locked or unreachable database, per file
MAX_RETRY_DELAY = 30.0
# The results that store a new Document (to be indexed); merged files add nothing to search.
ADDS_DOCUMENT = frozenset(
    {IngestStatus.ADDED, IngestStatus.SUSPECTED_DUPLICATE, IngestStatus.NEW_VERSION, IngestStatus.OLD_VERSION}
)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file."""

    path: str
    status: IngestStatus
    sha256: str | None = None
    document_id: int | None = None
    reason: str | None = None
    parts: tuple[IngestResult, ...] = ()  # a file holding several documents: each one's result

    @property
    def new_document_ids(self) -> list[int]:
        """The Documents this file added (to index): one, none, or one per new part."""
        results = self.parts or (self,)
        return [r.document_id for r in results if r.status in ADDS_DOCUMENT and r.document_id is not None]


def iter_files(paths: Iterable[Path], skipped: list[tuple[Path, str]] | None = None) -> list[Path]:
    """Files to ingest: the paths given, and supported files under any folder given (sorted).

    Symlinks, FIFOs, sockets and devices are never followed nor opened (a symlink in a received
    folder may point at /etc/passwd; opening a FIFO blocks): each lands in ``skipped`` with what
    it is, once. Folders are walked without following symlinks."""
    out: list[Path] = []
    for p in paths:
        kind = special_kind(p)
        if kind is None:
            out.append(p)  # a regular file, or missing (the ingest says so)
        elif p.is_dir() and not p.is_symlink():
            out.extend(_walk(p, skipped))
        elif skipped is not None:
            skipped.append((p, kind))
    return out


def _walk(top: Path, skipped: list[tuple[Path, str]] | None) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(top):  # os.walk does not follow symlinked folders
        here = Path(dirpath)
        for name in sorted(dirnames + filenames):
            path = here / name
            kind = special_kind(path)
            if kind is None and path.suffix.lower() in SUFFIXES:
                out.append(path)
            elif kind is not None and skipped is not None and not (kind.startswith("thư mục") and name in dirnames):
                skipped.append((path, kind))
        dirnames.sort()
    return sorted(out)


def _trigrams(text: str) -> set[str]:
    words = re.findall(r"\w+", fold(text))
    return {" ".join(words[i : i + 3]) for i in range(max(0, len(words) - 2))}


def text_similarity(a: str, b: str) -> float:
    ta, tb = _trigrams(a), _trigrams(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def _same_subject(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    return SequenceMatcher(None, fold(a), fold(b)).ratio() >= SAME_SUBJECT


class Ingestor:
    """Turns files into rows in one session; ``on_document`` hooks (index, follow-ups) run per new document.

    ``reader`` reads and extracts a file: in this process by default, or a ``BoundedReader``'s
    worker within time and memory limits (what the commands and the watcher pass). ``clock`` gives
    a file's arrival time (its ``received_at``, the register's ngày đến): now, by default.
    """

    def __init__(
        self,
        session: Session,
        store: ContentStore,
        on_document: Iterable[Callable[[Session, Document], None]] = (),
        reader: FileReader = read_and_extract,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.session = session
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.store = store
        self.units = UnitRegistry(session)
        self.on_document = list(on_document)
        self.reader = reader

    def ingest(self, path: Path) -> IngestResult:
        """One file's verdict; a file that is not what was signed says so first, whatever became of it."""
        self._warning: str | None = None
        result = self._ingest(path)
        if self._warning is not None and result.status != IngestStatus.DUPLICATE:
            reason = f"{self._warning}; {result.reason}" if result.reason else self._warning
            result = dataclasses.replace(result, reason=reason)
        return result

    def _ingest(self, path: Path) -> IngestResult:
        try:
            sha = sha256_of(path)
        except OSError as e:
            return IngestResult(str(path), IngestStatus.FAILED, reason=f"không đọc được tệp: {os_reason(e)}")
        if (known := self._known(path, sha)) is not None:  # before reading: the common duplicate is cheap
            return known
        try:
            parts = self.reader(path)
        except NeedsOCR as e:
            if (known := self._locked_known(path, sha)) is not None:
                return known
            doc = self._store_unread(path, sha, DocumentStatus.NEEDS_OCR, e.signatures)
            return IngestResult(str(path), IngestStatus.NEEDS_OCR, sha, doc.id, e.reason)
        except SignatureBroken as e:  # kept with its signatures as evidence; its reason is the warning
            if (known := self._locked_known(path, sha)) is not None:
                return known
            doc = self._store_unread(path, sha, DocumentStatus.FAILED, e.signatures)
            return IngestResult(str(path), IngestStatus.FAILED, sha, doc.id, e.reason)
        except ReadError as e:
            return IngestResult(str(path), IngestStatus.FAILED, sha, reason=e.reason)
        except ExtractionError as e:
            return IngestResult(str(path), IngestStatus.FAILED, sha, reason=str(e))
        self._warning = tamper_warning(parts[0].raw.signatures)
        if (known := self._locked_known(path, sha)) is not None:
            return known
        if len(parts) > 1:
            where = [FilePart.of(part.raw) for part in parts]
            results = [self._store(path, sha, part, w) for part, w in zip(parts, where, strict=True)]
            return combine(str(path), sha, results, [w.pages for w in where])
        return self._store(path, sha, parts[0], FilePart())

    def _store(self, path: Path, sha: str, part: Part, where: FilePart) -> IngestResult:
        """One document of the file (the whole file, most often): merged into the stored document
        it is another format of, attached to the one it is an annex of, or stored as a new one."""
        raw, ex = part
        record = to_contract(ex, source=stored_name(path.name))
        same = self._same_document(ex, raw.text)
        if same is not None:
            self._add_file(same, path, sha, raw.format, where, signatures=raw.signatures)
            notes = self._add_attachments(same, raw)
            self.session.flush()
            reason = package_reason(raw, ex, notes, f"cùng văn bản với #{same.id}")
            return IngestResult(str(path), IngestStatus.MERGED, sha, same.id, reason)
        if ex.annex_of is not None and (main := annexes.target(self.session, ex)) is not None:
            self._add_file(main, path, sha, raw.format, where, FileRole.ANNEX, raw.signatures)
            self.session.flush()
            return IngestResult(str(path), IngestStatus.MERGED, sha, main.id, annexes.attached_reason(ex, main))
        doc = new_document(ex, record, raw.text, self.units)
        self._add_file(doc, path, sha, raw.format, where, signatures=raw.signatures)
        notes = self._add_attachments(doc, raw)
        waiting = ex.annex_of is not None and annexes.named(ex) is not None
        if waiting:
            annexes.mark_waiting(doc, ex)
        self.session.flush()  # the new row has its id before we look for others with its number
        register.enter(self.session, doc, read_marks(raw.text, raw.metadata.get("portal")))
        annexes.link_waiting(self.session, doc)
        waited = annexes.waiting_reason(ex) if waiting else None
        return self._settle(
            doc, raw.text, str(path), sha, lambda reason: package_reason(raw, ex, notes, reason or waited)
        )

    def complete_scan(self, doc: Document, raw: RawDocument, ex: DocumentExtraction, sha: str) -> IngestResult:
        """Fill in a scan stored unread (status needs_ocr) from its OCR'd text: its header, rows,
        register marks, versions and links, as if it had arrived as text. It keeps its số đến.
        The same document already stored in another format is not merged into (the scan has its
        own register line): it is flagged as a suspected duplicate of it, for the clerk to see."""
        write_lock(self.session, INGEST_LOCK)
        name = doc.files[0].original_name if doc.files else str(doc.id)
        same = self._same_document(ex, raw.text)
        fill_document(doc, ex, to_contract(ex, source=name), raw.text, self.units)
        self.session.flush()
        if doc.register_entry is not None:
            register.mark(doc.register_entry, read_marks(raw.text, raw.metadata.get("portal")))
        annexes.link_waiting(self.session, doc)
        if same is not None and same.id != doc.id:
            self._settle(doc, raw.text, name, sha)
            doc.suspected_duplicate_of_id = same.id
            return IngestResult(
                name, IngestStatus.SUSPECTED_DUPLICATE, sha, doc.id, f"bản quét của #{same.id}"
            )  # fmt: skip
        return self._settle(doc, raw.text, name, sha)

    def _settle(
        self, doc: Document, text: str, path: str, sha: str, explain: Callable[[str | None], str | None] = lambda r: r
    ) -> IngestResult:
        """A newly read Document's place among the stored: its versions, duplicates and links;
        ``explain`` words the result's reason (an edXML package adds what its check found)."""
        earlier = self._earlier_version(doc)
        suspect = self._suspected_duplicate(doc) if earlier is None else None
        self._resolve_citations(doc)
        mark_relations(self.session, doc, text)
        version = place_version(self.session, doc, earlier) if earlier is not None else None
        for hook in self.on_document:
            hook(self.session, doc)
        if version is not None:
            return IngestResult(path, version.status, sha, doc.id, explain(version.reason))
        if suspect is not None:
            doc.suspected_duplicate_of_id = suspect.id
            return IngestResult(
                path, IngestStatus.SUSPECTED_DUPLICATE, sha, doc.id,
                explain(f"trùng số, ký hiệu và cơ quan với #{suspect.id}"),
            )  # fmt: skip
        return IngestResult(path, IngestStatus.ADDED, sha, doc.id, explain(None))

    # -- steps -------------------------------------------------------------------------------------

    def _known(self, path: Path, sha: str) -> IngestResult | None:
        """A duplicate result if these exact bytes are stored already."""
        known = self.session.scalar(  # a batch's bytes: its first part's document
            select(DocumentFile.document_id).where(DocumentFile.sha256 == sha).order_by(DocumentFile.part).limit(1)
        )
        if known is None:
            return None
        return IngestResult(str(path), IngestStatus.DUPLICATE, sha, known, "đã có trong kho")

    def _locked_known(self, path: Path, sha: str) -> IngestResult | None:
        """Take the ingest lock (held until this file's commit), then look for the bytes again:
        another process may have stored them while this one was reading."""
        write_lock(self.session, INGEST_LOCK)
        return self._known(path, sha)

    def _add_file(
        self, doc: Document, path: Path, sha: str, fmt: str, where: FilePart | None = None,
        role: str | None = None, signatures=(),
    ) -> None:  # fmt: skip
        stored = self.store.put(path, sha)
        where = where or FilePart()
        doc.files.append(
            DocumentFile(
                sha256=sha,
                part=where.part,
                parts=where.parts,
                pages=where.pages,
                role=role,
                size=stored.size,
                format=fmt,
                original_name=stored_name(path.name),
                stored_path=stored.relpath,
                received_at=as_utc(self.clock()),  # SQLite keeps a time's fields, not its zone
                signatures=signature_rows(signatures),
            )
        )

    def _add_attachments(self, doc: Document, raw) -> list[str]:
        """The files a package (edXML) carries, as more files of ``doc``; nothing for other files."""
        if not raw.attachments:
            return []
        return store_attachments(self.session, self.store, doc, raw, as_utc(self.clock()))

    def _store_unread(self, path: Path, sha: str, status: DocumentStatus, signatures=()) -> Document:
        doc = Document(status=status, text="", subject=None)
        self.session.add(doc)
        self._add_file(doc, path, sha, path.suffix.lstrip(".").lower(), signatures=signatures)
        self.session.flush()
        register.enter(self.session, doc, None)  # a scan is registered too; its marks unread
        if status == DocumentStatus.NEEDS_OCR:
            self._queue_ocr(doc, sha)
        return doc

    def _queue_ocr(self, doc: Document, sha: str) -> None:
        """A job for the scan; the same bytes OCR'd before (their document since deleted) keep
        their one job row, handed to the new document: its kept OCR'd PDF is read, not made again."""
        job = self.session.scalar(select(OcrJob).where(OcrJob.sha256 == sha))
        if job is None:
            self.session.add(OcrJob(sha256=sha, document_id=doc.id, state=OcrState.QUEUED))
        else:
            job.document_id, job.state, job.attempts, job.error = doc.id, OcrState.QUEUED, 0, None

    def _candidates(self, ex: DocumentExtraction) -> list[Document]:
        h = ex.header
        q = select(Document).where(Document.status == DocumentStatus.EXTRACTED)
        if h.reference is not None:
            q = q.where(Document.reference_key == ref_key(h.reference.value.text))
        elif h.date is not None:
            q = q.where(Document.date_text == h.date.value.iso(), Document.reference_key.is_(None))
        else:
            return []
        return list(self.session.scalars(q.limit(50)))

    def _same_document(self, ex: DocumentExtraction, text: str) -> Document | None:
        """The stored Document this file is another format of, if any."""
        h = ex.header
        issuer = unit_key(h.issuer.value) if h.issuer else None
        date = h.date.value.iso() if h.date else None
        subject = h.subject.value if h.subject else None
        for cand in self._candidates(ex):
            if cand.issuer_key != issuer or cand.date_text != date or cand.kind != h.doc_type.value:
                continue
            if not _same_subject(cand.subject, subject) or text_similarity(cand.text, text) < SAME_TEXT:
                continue
            if not content_differs(cand, ex, text):
                return cand
        return None

    def _earlier_version(self, doc: Document) -> Document | None:
        """A stored document ``doc`` is a version of: same số, ký hiệu, issuer, kind and trích yếu
        (much of the wording too when a trích yếu is missing). Under another trích yếu it is another
        document given the same number by mistake: a suspected duplicate, both left in force, for
        the clerk to check, since a wrong "no longer owed" is worse than a warning. The current
        version when several are stored."""
        if not doc.number or not doc.reference_key:
            return None
        stmt = (
            select(Document)
            .where(Document.reference_key == doc.reference_key, Document.issuer_key == doc.issuer_key)
            .where(Document.id != doc.id, Document.kind == doc.kind, Document.status == DocumentStatus.EXTRACTED)
            .order_by(Document.superseded_by_id.is_not(None), Document.id.desc())
        )
        for cand in self.session.scalars(stmt.limit(50)):
            if not _same_subject(cand.subject, doc.subject):
                continue
            if (cand.subject and doc.subject) or text_similarity(cand.text, doc.text) >= SAME_TEXT:
                return cand
        return None

    def _suspected_duplicate(self, doc: Document) -> Document | None:
        if not doc.number or not doc.reference_key:
            return None
        return self.session.scalar(
            select(Document)
            .where(Document.reference_key == doc.reference_key, Document.issuer_key == doc.issuer_key)
            .where(Document.id != doc.id)
            .order_by(Document.id)
            .limit(1)
        )

    def _resolve_citations(self, doc: Document) -> None:
        """Link this document's citations to stored documents, and earlier citations of it to it."""
        for c in doc.citations:
            target = self.session.scalar(  # the version in force first, when a number has several
                select(Document.id)
                .where(Document.reference_key == c.reference_key, Document.id != doc.id)
                .order_by(Document.superseded_by_id.is_not(None), Document.id)
                .limit(1)
            )
            c.target_id = target
        if doc.reference_key and doc.number:
            for c in self.session.scalars(
                select(Citation).where(Citation.reference_key == doc.reference_key, Citation.target_id.is_(None))
            ):
                if c.document_id != doc.id:
                    c.target_id = doc.id


def _attempt(
    path: Path, session_factory: Callable[[], Session], store: ContentStore, on_document, reader: FileReader
) -> IngestResult:
    """One try at one file in a transaction of its own: committed, or rolled back and raised."""
    session = session_factory()
    try:
        result = Ingestor(session, store, on_document, reader).ingest(path)
        session.commit()
        return result
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _waiting_out(path: Path, attempt: Callable[[], IngestResult], wait: float, waiting) -> IngestResult:
    """``attempt()``, tried again while the database is busy or away, for up to ``wait`` seconds in
    all (the watcher rides out a lock or an outage the same way: it leaves the file and comes
    back). Each wait is said first; past the bound the last error is raised."""
    began = time.monotonic()
    tries = 0
    while True:
        try:
            return attempt()
        except DATABASE_TRANSIENT as e:
            waited = time.monotonic() - began
            if waited >= wait:
                raise
            tries += 1
            delay = min(MAX_RETRY_DELAY, 0.5 * 2**tries, wait - waited)
            if waiting is not None:
                waiting(
                    f"cơ sở dữ liệu đang bị khóa hoặc chưa kết nối được, thử lại sau {delay:.0f} giây "
                    f"(đã chờ {waited:.0f}/{wait:.0f} giây): {path} ({type(e).__name__})"
                )
            time.sleep(delay)


def _failed(path: Path, e: Exception, wait: float) -> IngestResult:
    if isinstance(e, DATABASE_TRANSIENT):
        why = " ".join(str(e).split())[:300]
        reason = f"cơ sở dữ liệu bị khóa hoặc không kết nối được quá {wait:.0f} giây ({type(e).__name__}: {why})"
    else:
        reason = f"lỗi khi lưu ({type(e).__name__}: {e})"
    return IngestResult(str(path), IngestStatus.FAILED, reason=reason)


def ingest_paths(
    paths: Iterable[Path],
    session_factory: Callable[[], Session],
    store: ContentStore,
    on_document: Iterable[Callable[[Session, Document], None]] = (),
    after_commit: Callable[[list[int]], None] | None = None,
    progress: Callable[[IngestResult], None] | None = None,
    strict: bool = False,
    reader: FileReader = read_and_extract,
    wait: float = DATABASE_WAIT,
    waiting: Callable[[str], None] | None = None,
) -> list[IngestResult]:
    """Ingest files one by one, each in its own transaction, so that a failure or a crash costs at
    most the file at hand; ``after_commit`` gets the ids of new documents (to index them). A
    database that is locked or away is waited for, up to ``wait`` seconds a file, ``waiting``
    told each time; then the file fails with that reason."""
    results: list[IngestResult] = []
    on_document = list(on_document)
    for path in iter_files(paths):
        try:
            attempt = lambda p=path: _attempt(p, session_factory, store, on_document, reader)  # noqa: E731
            result = _waiting_out(path, attempt, wait, waiting)
        except Exception as e:
            if strict:
                raise
            result = _failed(path, e, wait)
        if after_commit and (new := result.new_document_ids):
            after_commit(new)
        results.append(result)
        if progress:
            progress(result)
        if strict and result.status == IngestStatus.FAILED:
            raise ReadError(path, result.reason or "failed")
    flush = getattr(after_commit, "flush", None)
    if flush:
        flush()  # the indexer writes in batches: the last one now
    return results
