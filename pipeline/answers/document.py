"""One document as a clerk asks for it by its số, ký hiệu (``congvan show``): its header, its files
and where the originals are kept, its line in the register, its tasks with how they stand, what
it cites and what cites it.

The reference is matched as ``refs`` matches it (spacing, case and diacritics aside: "1260/ubnd
kgvx" finds "1260/UBND-KGVX"). When several stored documents carry it (the same number from two
issuers, a suspected duplicate), all are returned and the clerk picks one by its số đến.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from extractors.references import key as ref_key
from models.schema import Citation, Document, FileSignature, register_time
from pipeline.answers.refs import CitedRef, CitingRef, DocumentRef, documents_by_key, resolve_key
from pipeline.answers.register import RegisterRow, kind_name, row_of
from pipeline.answers.tracking import current_occurrence, load_tracking, tasks_of
from pipeline.answers.versions import DocumentHistory, history
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.document import SignatureInfo
from pipeline.labels import partial_date
from pipeline.query import bounded_name
from pipeline.readers.signatures import MODIFIED_AFTER, tamper_warning
from pipeline.status import DocumentStatus, FileRole, Recurrence, TrackingState, label_of
from pipeline.text import fold


@dataclass(frozen=True)
class SignatureView:
    """A digital signature of a file, as read when it was stored."""

    signer: str | None
    organisation: str | None
    signed_at: dt.datetime | None  # in Việt Nam's time
    intact: bool | None
    covers_whole_file: bool | None
    trusted: bool | None  # None: no trust root configured, "không xác minh được gốc tin cậy"
    summary: str  # the clerk's one line, as stored
    warning: str | None  # "CẢNH BÁO: tệp đã bị sửa sau khi ký số (...)" when the file is not what was signed


@dataclass(frozen=True)
class FileView:
    name: str  # as received
    format: str
    size: int
    received_at: dt.datetime  # in Việt Nam's time
    stored_path: str  # relative to the content store's root
    signatures: tuple[SignatureView, ...] = ()


@dataclass(frozen=True)
class TaskView:
    number: int  # the clerk's address of it: "1260/UBND-KGVX#2" (congvan done, assign)
    owners: tuple[str, ...]
    action: str | None
    text: str
    due: dt.date | None  # the document's due date, or the current occurrence of a recurring task
    recurrence: str | None  # label: "hằng tháng"
    status: str  # label: "chưa xử lý", "đang xử lý", "quá hạn", "đã báo cáo", "đã xong"
    assignee: str | None  # handed to (congvan assign), as typed
    answered_by: DocumentRef | None
    rule: str | None  # for --debug
    id: int  # for --debug


@dataclass(frozen=True)
class DocumentView:
    id: int
    kind: str | None
    kind_name: str  # "Công văn"; "" when not one of Nghị định 30's kinds
    reference: str | None
    date: dt.date | None
    date_text: str | None
    place: str | None
    issuer: str | None
    issuer_parent: str | None
    subject: str | None
    signer: str | None  # "PHÓ GIÁM ĐỐC Nguyễn Trọng Tâm"
    status: str  # label: "đã đọc", "chờ OCR"
    files: tuple[FileView, ...]
    entry: RegisterRow | None
    tasks: tuple[TaskView, ...]
    cites: tuple[CitedRef, ...]
    cited_by: tuple[CitingRef, ...]
    history: DocumentHistory | None = None  # versions and what replaces, amends or corrects it

    @property
    def date_shown(self) -> str:
        return partial_date(self.date, self.date_text) if self.date else ""

    @property
    def dated(self) -> str:
        """ "ngày 15/07/2025", or "tháng 07/2025" when the document left its day blank."""
        if not self.date:
            return ""
        return f"{'tháng' if len((self.date_text or '').split('-')) == 2 else 'ngày'} {self.date_shown}"


@dataclass
class ShowReport:
    reference: str  # as the clerk typed it, or as stored when found
    documents: list[DocumentView]  # one, several (pick by số đến), or none (not in the store)


def _tasks(session: Session, doc: Document, today: dt.date) -> tuple[TaskView, ...]:
    """The tasks numbered as ``congvan assign``/``done`` address them, with how each stands today
    (the same state ``congvan track`` shows: assignments and hand marks included)."""
    obligations = tasks_of(session, doc)
    tracking = load_tracking(session, obligations, today)
    out = []
    for n, ob in enumerate(obligations, 1):
        occurrence = current_occurrence(ob, today)
        state = tracking.state(ob, occurrence=occurrence)
        a = tracking.assignment(ob)
        answered = ob.answered_by if ob.answered_by and state is TrackingState.ANSWERED else None
        out.append(
            TaskView(
                number=n, owners=ob.owner_names, action=ob.action, text=ob.text, due=occurrence or ob.due,
                recurrence=label_of(Recurrence, ob.recurrence) or None, status=state.label,
                assignee=a.assignee if a else None, answered_by=DocumentRef.of(answered) if answered else None,
                rule=ob.rule, id=ob.id,
            )
        )  # fmt: skip
    return tuple(out)


def _cites(session: Session, doc: Document) -> tuple[CitedRef, ...]:
    own = sorted(doc.citations, key=lambda c: c.id)
    stored = documents_by_key(session, [c.reference_key for c in own if c.target is None])
    out = []
    for c in own:
        target = c.target or stored.get(c.reference_key)
        out.append(CitedRef(c.reference, c.reference_key, DocumentRef.of(target) if target else None, c.subject))
    return tuple(out)


def _cited_by(session: Session, doc: Document, alone: bool) -> tuple[CitingRef, ...]:
    """Documents citing ``doc``: linked to it, or citing its number when no other stored document
    carries that number (``alone``); a citation of a shared number is not said to be of this one."""
    clause = Citation.target_id == doc.id
    if alone and doc.reference_key:
        clause = or_(clause, Citation.reference_key == doc.reference_key)
    found: dict[int, Document] = {}
    for c in session.scalars(select(Citation).where(clause).options(selectinload(Citation.document))):
        if c.document_id != doc.id:
            found.setdefault(c.document_id, c.document)
    refs = sorted(found.values(), key=lambda d: (d.date or dt.date.max, d.id))
    return tuple(CitingRef(DocumentRef.of(d)) for d in refs)


def _file_name(f) -> str:
    """A file's name as received, with what it is of this document: "ba-van-ban.pdf (văn bản 2/3,
    trang 3-5)" for one letter of a batch, "phu-luc.docx (phụ lục)" for an annex sent apart."""
    notes = []
    if f.parts > 1:
        notes.append(f"văn bản {f.part}/{f.parts}" + (f", trang {f.pages}" if f.pages else ""))
    if f.role:
        notes.append(label_of(FileRole, f.role))
    return f"{f.original_name} ({'; '.join(notes)})" if notes else f.original_name


def view_of(session: Session, doc: Document, today: dt.date, alone: bool = True) -> DocumentView:
    signer = " ".join(p for p in (doc.signer_position, doc.signer_name) if p) or None
    files = tuple(
        FileView(
            _file_name(f),
            f.format,
            f.size,
            register_time(f.received_at),
            f.stored_path,
            tuple(_signature(s) for s in f.signatures),
        )
        for f in sorted(doc.files, key=lambda f: (f.received_at, f.id))
    )
    return DocumentView(
        id=doc.id, kind=doc.kind, kind_name=kind_name(doc.kind), reference=doc.reference, date=doc.date,
        date_text=doc.date_text, place=doc.place, issuer=doc.issuer, issuer_parent=doc.issuer_parent,
        subject=doc.subject, signer=signer, status=label_of(DocumentStatus, doc.status), files=files,
        entry=row_of(doc.register_entry) if doc.register_entry else None, tasks=_tasks(session, doc, today),
        cites=_cites(session, doc), cited_by=_cited_by(session, doc, alone), history=history(session, doc.id),
    )  # fmt: skip


def _signature(row: FileSignature) -> SignatureView:
    modified = MODIFIED_AFTER in (row.summary or "")
    info = SignatureInfo(signer=row.signer, intact=row.intact, modified_after=modified)
    return SignatureView(
        signer=row.signer,
        organisation=row.organisation,
        signed_at=register_time(row.signed_at) if row.signed_at else None,
        intact=row.intact,
        covers_whole_file=row.covers_whole_file,
        trusted=row.trusted,
        summary=row.summary or "",
        warning=tamper_warning([info]),
    )


def _squeezed(key: str) -> str:
    return "".join(ch for ch in fold(key) if ch.isalnum())


def _stored(session: Session, k: str, deadline: Deadline) -> list[Document]:
    """The documents stored under key ``k``; failing that, under a key equal to it once spaces,
    dashes and slashes are all left out ("1260 UBND KGVX" for "1260/UBND-KGVX")."""
    load = (selectinload(Document.files), selectinload(Document.obligations))
    docs = list(
        session.scalars(select(Document).where(Document.reference_key == k).order_by(Document.id).options(*load))
    )
    if docs or not _squeezed(k):
        return docs
    wanted = _squeezed(k)
    keys = set()
    for stored in session.scalars(select(Document.reference_key).where(Document.reference_key.is_not(None)).distinct()):
        deadline.check()
        if _squeezed(stored) == wanted:
            keys.add(stored)
    if not keys:
        return []
    return list(
        session.scalars(select(Document).where(Document.reference_key.in_(keys)).order_by(Document.id).options(*load))
    )


def _current_version(docs: list[Document]) -> list[Document]:
    """When the documents under one number are all versions of one another (an amended text sent
    again under the same số), the one in use; its table of versions names the others."""
    roots = {d.version_of_id or d.id for d in docs}
    if len(roots) != 1 or any(d.version_no is None for d in docs):
        return docs
    ids = {d.id for d in docs}
    current = [d for d in docs if d.superseded_by_id not in ids]
    return current if len(current) == 1 else docs


def show(
    session: Session,
    reference: str,
    today: dt.date | None = None,
    pick: tuple[int, int | None] | None = None,
    deadline: Deadline = NO_DEADLINE,
) -> ShowReport:
    """The stored documents whose số, ký hiệu is ``reference``, each in full. ``pick``: (số đến,
    year or None) keeps only the one entered under that number."""
    today = today or dt.date.today()
    typed = bounded_name(reference) or ""
    k = resolve_key(session, ref_key(typed), deadline)
    docs = _stored(session, k, deadline)
    alone = len(docs) == 1
    if pick is None and len(docs) > 1:
        docs = _current_version(docs)
    if pick is not None:
        number, year = pick
        docs = [
            d for d in docs
            if d.register_entry and d.register_entry.number == number and year in (None, d.register_entry.year)
        ]  # fmt: skip
    views = []
    for d in docs:
        deadline.check()
        views.append(view_of(session, d, today, alone))
    shown = docs[0].reference if docs and docs[0].reference else typed.strip()
    return ShowReport(shown or "", views)
