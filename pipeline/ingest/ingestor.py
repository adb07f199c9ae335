"""The store step: a file becomes rows (Document, its files, units, addressees, citations, obligations).

- The same bytes twice add nothing (the file's SHA-256 is unique).
- The same document in several formats (.docx, .pdf, a text export: same ký hiệu, issuer, date
  and trích yếu, near-identical text) is one Document with several files; its obligations count once.
- The same số + ký hiệu + issuer with different text is kept as a new Document flagged as a
  suspected duplicate (Nghị định 30/2020, Phụ lục VI asks document systems to warn on it).
- A file that cannot be read is reported with its reason; a batch goes on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from extractors.references import key as ref_key
from extractors.units import expand, unit_key
from models.schema import Addressee, Citation, Document, DocumentFile, Obligation, Unit, UnitAlias
from pipeline.errors import NeedsOCR, ReadError
from pipeline.extract import DocumentExtraction, extract, to_contract
from pipeline.ingest.store import ContentStore, sha256_of
from pipeline.readers import SUFFIXES, read
from pipeline.text import fold

SAME_TEXT = 0.6  # word-trigram Jaccard above which two files hold the same document
SAME_SUBJECT = 0.85


@dataclass(frozen=True)
class IngestResult:
    """What happened to one file. ``status``: added | merged | duplicate | suspected-duplicate |
    needs-ocr | failed."""

    path: str
    status: str
    sha256: str | None = None
    document_id: int | None = None
    reason: str | None = None


def iter_files(paths: Iterable[Path]) -> list[Path]:
    """Files to ingest: the paths given, and supported files under any folder given (sorted)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    return out


class UnitRegistry:
    """Units by canonical key, created on first sight; the written forms become aliases."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._cache: dict[str, Unit] = {}

    def get(self, name: str) -> Unit:
        name = " ".join(name.split()).strip(" ;.,")
        k = unit_key(name)
        unit = self._cache.get(k)
        if unit is None:
            unit = self.session.scalar(select(Unit).where(Unit.key == k))
            if unit is None:
                alias = self.session.scalar(select(UnitAlias).where(UnitAlias.key == k))
                unit = alias.unit if alias else None
            if unit is None:
                unit = Unit(name=expand(name), key=k)
                self.session.add(unit)
                self.session.flush()
            self._cache[k] = unit
        written = fold(name)
        if written != k and written not in {a.key for a in unit.aliases}:
            exists = self.session.scalar(select(UnitAlias.id).where(UnitAlias.key == written))
            if exists is None:
                unit.aliases.append(UnitAlias(alias=name, key=written))
        return unit


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
    """Turns files into rows in one session; ``on_document`` hooks (index, follow-ups) run per new document."""

    def __init__(
        self,
        session: Session,
        store: ContentStore,
        on_document: Iterable[Callable[[Session, Document], None]] = (),
    ) -> None:
        self.session = session
        self.store = store
        self.units = UnitRegistry(session)
        self.on_document = list(on_document)

    def ingest(self, path: Path) -> IngestResult:
        try:
            sha = sha256_of(path)
        except OSError as e:
            return IngestResult(str(path), "failed", reason=f"không đọc được tệp / cannot read file: {e.strerror}")
        known = self.session.scalar(select(DocumentFile).where(DocumentFile.sha256 == sha))
        if known is not None:
            return IngestResult(str(path), "duplicate", sha, known.document_id, "đã có / already stored")
        try:
            raw = read(path)
        except NeedsOCR as e:
            doc = self._store_unread(path, sha, "needs_ocr")
            return IngestResult(str(path), "needs-ocr", sha, doc.id, e.reason)
        except ReadError as e:
            return IngestResult(str(path), "failed", sha, reason=e.reason)
        ex = extract(raw)
        record = to_contract(ex, source=path.name)
        same = self._same_document(ex, raw.text)
        if same is not None:
            self._add_file(same, path, sha, raw.format)
            self.session.flush()
            return IngestResult(str(path), "merged", sha, same.id, f"cùng văn bản với #{same.id} / same document")
        doc = self._new_document(ex, record, raw.text)
        self._add_file(doc, path, sha, raw.format)
        self.session.flush()  # the new row has its id before we look for others with its number
        suspect = self._suspected_duplicate(doc)
        self._resolve_citations(doc)
        for hook in self.on_document:
            hook(self.session, doc)
        if suspect is not None:
            doc.suspected_duplicate_of_id = suspect.id
            return IngestResult(
                str(path), "suspected-duplicate", sha, doc.id,
                f"trùng số, ký hiệu và cơ quan với #{suspect.id} / same number as #{suspect.id}",
            )  # fmt: skip
        return IngestResult(str(path), "added", sha, doc.id)

    # -- steps -------------------------------------------------------------------------------------

    def _add_file(self, doc: Document, path: Path, sha: str, fmt: str) -> None:
        stored = self.store.put(path, sha)
        doc.files.append(
            DocumentFile(sha256=sha, size=stored.size, format=fmt, original_name=path.name, stored_path=stored.relpath)
        )

    def _store_unread(self, path: Path, sha: str, status: str) -> Document:
        doc = Document(status=status, text="", subject=None)
        self.session.add(doc)
        self._add_file(doc, path, sha, path.suffix.lstrip(".").lower())
        self.session.flush()
        return doc

    def _candidates(self, ex: DocumentExtraction) -> list[Document]:
        h = ex.header
        q = select(Document).where(Document.status == "extracted")
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
            if _same_subject(cand.subject, subject) and text_similarity(cand.text, text) >= SAME_TEXT:
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

    def _new_document(self, ex: DocumentExtraction, record: dict, text: str) -> Document:
        h = ex.header
        ref = h.reference.value if h.reference else None
        signer = ex.signer.value if ex.signer else None
        doc = Document(
            kind=h.doc_type.value,
            number=ref.number if ref else None,
            symbol=ref.symbol if ref else None,
            reference=ref.text if ref else None,
            reference_key=ref_key(ref.text) if ref else None,
            issuer=h.issuer.value if h.issuer else None,
            issuer_key=unit_key(h.issuer.value) if h.issuer else None,
            issuer_parent=h.parent.value if h.parent else None,
            place=h.place.value if h.place else None,
            date=h.date.value.first_day() if h.date else None,
            date_text=h.date.value.iso() if h.date else None,
            subject=h.subject.value if h.subject else None,
            signer_name=signer.name if signer else None,
            signer_position=signer.position if signer else None,
            signer_authority=signer.authority if signer else None,
            text=text,
            status="extracted",
            extraction=record,
        )
        self.session.add(doc)
        for i, a in enumerate(ex.addressees):
            unit = self.units.get(a.value.name)
            for member in a.value.members:
                m = self.units.get(_member_name(a.value.name, member))
                if m not in unit.members:
                    unit.members.append(m)
            doc.addressees.append(Addressee(name=a.value.name, unit=unit, position=i))
        seen: set[str] = set()
        for c in ex.citations:
            k = ref_key(c.value.reference)
            if k in seen or k == doc.reference_key:
                continue
            seen.add(k)
            doc.citations.append(
                Citation(
                    reference=c.value.reference, reference_key=k, kind=c.value.doc_type, date=c.value.date,
                    issuer=c.value.issuer, subject=c.value.subject,
                )
            )  # fmt: skip
        for o in ex.obligations:
            ob = o.value
            span = o.span
            doc.obligations.append(
                Obligation(
                    owner_text="; ".join(ob.owners), action=ob.action, recipient=ob.recipient, text=ob.text,
                    due=ob.due, recurrence=ob.recurrence, status="open", rule=o.rule,
                    span_block=span.block if span else None, span_start=span.start if span else None,
                    span_end=span.end if span else None,
                    owners=_unique([self.units.get(n) for n in ob.owners]),
                )
            )  # fmt: skip
        return doc

    def _resolve_citations(self, doc: Document) -> None:
        """Link this document's citations to stored documents, and earlier citations of it to it."""
        for c in doc.citations:
            target = self.session.scalar(
                select(Document.id).where(Document.reference_key == c.reference_key, Document.id != doc.id).limit(1)
            )
            c.target_id = target
        if doc.reference_key and doc.number:
            for c in self.session.scalars(
                select(Citation).where(Citation.reference_key == doc.reference_key, Citation.target_id.is_(None))
            ):
                if c.document_id != doc.id:
                    c.target_id = doc.id


def _member_name(group: str, member: str) -> str:
    """A footnote lists "Phường Kon Tum" under "Ủy ban nhân dân các xã, phường": the member is
    that commune's People's Committee."""
    g = fold(expand(group))
    if g.startswith(("uy ban nhan dan", "ubnd")) and not fold(member).startswith(("uy ban", "ubnd")):
        return f"Ủy ban nhân dân {member[0].lower()}{member[1:]}"
    return member


def _unique(units: list[Unit]) -> list[Unit]:
    out: list[Unit] = []
    for u in units:
        if u not in out:
            out.append(u)
    return out


def ingest_paths(
    paths: Iterable[Path],
    session_factory: Callable[[], Session],
    store: ContentStore,
    on_document: Iterable[Callable[[Session, Document], None]] = (),
    after_commit: Callable[[list[int]], None] | None = None,
    progress: Callable[[IngestResult], None] | None = None,
    strict: bool = False,
) -> list[IngestResult]:
    """Ingest files one by one, each in its own transaction, so that a failure or a crash costs at
    most the file at hand; ``after_commit`` gets the ids of new documents (to index them)."""
    results: list[IngestResult] = []
    for path in iter_files(paths):
        session = session_factory()
        try:
            result = Ingestor(session, store, on_document).ingest(path)
            session.commit()
        except Exception as e:
            session.rollback()
            if strict:
                raise
            result = IngestResult(str(path), "failed", reason=f"lỗi khi lưu / store failed ({type(e).__name__}: {e})")
        finally:
            session.close()
        if result.status in ("added", "suspected-duplicate") and after_commit and result.document_id:
            after_commit([result.document_id])
        results.append(result)
        if progress:
            progress(result)
        if strict and result.status == "failed":
            raise ReadError(path, result.reason or "failed")
    flush = getattr(after_commit, "flush", None)
    if flush:
        flush()  # the indexer writes in batches: the last one now
    return results
