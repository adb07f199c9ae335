"""The sổ văn bản đến in the store step: each new Document is entered with the next số đến.

Nghị định 30/2020, Điều 22: every document received is registered, numbered from 1 in each
register each year, in arrival order. The number is the largest one of the register and year plus
one, read and written inside the ingest transaction, under the write lock it took before deciding
what the file becomes (``models.db.write_lock``: PostgreSQL's advisory lock, SQLite's BEGIN
IMMEDIATE). So two processes storing at once are one after the other here: no number is given
twice, none is skipped, and a file that adds no Document (another format of a stored one, the
same bytes again, a failure) takes none, its transaction rolling back whatever it began. The
unique constraint on (register, year, number) is the last guard.

The year and ngày đến are the office's, in Việt Nam's time: a document arriving at 23:30 on 31
December is the last of that year, whatever the server's clock zone.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from extractors.marks import Marks, read_marks
from models.schema import INCOMING_REGISTER, REGISTER_ZONE, Document, DocumentFile, RegisterEntry, as_utc
from pipeline.status import DocumentStatus

FILL_BATCH = 500  # entries whose marks are read per fill_marks call


def first_arrival(doc: Document) -> dt.datetime:
    """When the document first arrived: the earliest of its files' ``received_at``."""
    times = [as_utc(f.received_at) for f in doc.files if f.received_at is not None]
    return min(times) if times else as_utc(doc.created_at or dt.datetime.now(dt.UTC))


def next_number(session: Session, register: str, year: int) -> int:
    top = session.scalar(
        select(func.max(RegisterEntry.number)).where(RegisterEntry.register == register, RegisterEntry.year == year)
    )
    return (top or 0) + 1


def enter(session: Session, doc: Document, marks: Marks | None, register: str = INCOMING_REGISTER) -> RegisterEntry:
    """Enter the new ``doc`` in ``register`` with the next số đến of its arrival year. Called by the
    ingestor under the ingest lock, which it holds until the commit (see the module's note);
    ``marks`` None: the document was not read (a scan), its độ khẩn and độ mật unknown."""
    received = first_arrival(doc)
    year = received.astimezone(REGISTER_ZONE).year
    number = next_number(session, register, year)
    entry = RegisterEntry(register=register, year=year, number=number, received_at=received)
    if marks is not None:
        mark(entry, marks)
    doc.register_entry = entry
    session.add(entry)
    session.flush()  # the number is taken now, inside the lock
    return entry


def mark(entry: RegisterEntry, marks: Marks) -> None:
    """The độ khẩn and độ mật read from the document (a scan's once its text is read by OCR)."""
    entry.urgency = marks.urgency.value
    entry.secrecy = marks.secrecy.value if marks.secrecy else None


def fill_marks(factory: sessionmaker[Session], batch: int = FILL_BATCH) -> int:
    """Read the độ khẩn and độ mật of entries that have none though their document was read (the
    documents numbered by migration 0005), ``batch`` a transaction; returns how many were filled.
    A database that refuses the write (locked, read-only) is left for the next call: the marks
    are derived from the stored text, nothing is lost. A query with nothing to do when done."""
    filled = 0
    stmt = (
        select(RegisterEntry)
        .join(Document, RegisterEntry.document_id == Document.id)
        .where(RegisterEntry.urgency.is_(None), Document.status == DocumentStatus.EXTRACTED)
        .order_by(RegisterEntry.id)
        .limit(batch)
    )
    try:
        while True:
            with factory() as session:
                rows = list(session.scalars(stmt))
                for entry in rows:
                    mark(entry, read_marks(entry.document.text or ""))
                session.commit()
            filled += len(rows)
            if len(rows) < batch:
                return filled
    except DBAPIError:
        return filled


def entry_of_file(session: Session, sha256: str) -> RegisterEntry | None:
    """The register line of the Document holding the file with these bytes."""
    return session.scalar(
        select(RegisterEntry)
        .join(DocumentFile, DocumentFile.document_id == RegisterEntry.document_id)
        .where(DocumentFile.sha256 == sha256)
    )


REPLACED_NOTE = "tệp nhận dở, đã nhận lại bản đầy đủ"


def carry_over(session: Session, old: RegisterEntry | None, doc_id: int | None) -> None:
    """A file taken too early was replaced by its whole version (pipeline.inbox.revise): the new
    version keeps the line the early one had, so the document keeps the số đến it arrived
    with. The number the new version was just given is the last of its year, given in this
    transaction under the ingest lock, so taking it back leaves no gap. ``old`` still holding its
    Document (it had other files) has nothing to carry; a line that cannot be carried (a new
    version merged into another document, or given a number in another year) stays, its number
    used, with a note saying why it has no document."""
    if old is None or old.document_id is not None:
        return
    new = session.scalar(select(RegisterEntry).where(RegisterEntry.document_id == doc_id)) if doc_id else None
    last = new is not None and new.number == next_number(session, new.register, new.year) - 1
    if new is None or not last or (new.register, new.year) != (old.register, old.year):
        old.note = REPLACED_NOTE
        return
    old.urgency, old.secrecy = new.urgency, new.secrecy
    session.delete(new)
    session.flush()
    doc = session.get(Document, doc_id)
    if doc is not None:
        session.expire(doc, ["register_entry"])
    old.document_id = doc_id
    session.flush()
