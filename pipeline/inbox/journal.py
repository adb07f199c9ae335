"""The ingest journal (table ``ingest_journal``, model IngestEntry): one row per distinct file taken
from an inbox, keyed by the file's content SHA-256, so that the inbox survives kill -9.

Columns as the watcher uses them:

- ``sha256``  the content's hash; unique, so one distinct file never has two rows.
- ``name``    where the file was dropped: its absolute path in the inbox (``journal_name``). The
              path tells a crashed move ("this very file, still where it was dropped") from the
              same bytes dropped again later, and ties a row to one inbox when several share a
              database.
- ``state``   a JournalState: pending → processed | failed | duplicate.
- ``holder_host``, ``holder_pid``  while pending: who works on the file, so another watcher can
              tell a live claim from a dead one.
- ``result``  once decided: the ingest's IngestStatus (``added``, ``merged``, ``needs-ocr``...).
- ``reason``  the human text of the verdict, one line: why it failed ("không đọc được tệp..."),
              which document it merged with; NULL when there is nothing to say.
- ``finished_at`` NULL until the file has been *moved* out of the inbox. A row whose state is
              final but whose ``finished_at`` is NULL is "decided, not yet moved": the only state a
              kill between the commit and the move can leave behind.
- ``started_at`` when the current (last) attempt was claimed; ``attempts`` counts the claims.
- ``replaces_sha256`` set when the file changed after it was taken and this row is its new
              version: the hash of the version it replaces (whose own row stays).

Every function here commits its own short transaction, except ``finish``, which runs inside the
ingest transaction so that the Document and the journal's verdict commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.schema import Document, DocumentFile, IngestEntry
from pipeline.labels import stored_label
from pipeline.status import DocumentStatus, IngestStatus, JournalState

FINISHED = frozenset(s for s in JournalState if s.finished)
# Where a file goes once the ingest has spoken. A scan needing OCR is stored (status needs_ocr) and
# waits for OCR: a normal outcome, processed/, not a failure the clerk must act on.
STATE_OF_RESULT = {
    IngestStatus.ADDED: JournalState.PROCESSED,
    IngestStatus.MERGED: JournalState.PROCESSED,
    IngestStatus.SUSPECTED_DUPLICATE: JournalState.PROCESSED,
    IngestStatus.NEW_VERSION: JournalState.PROCESSED,
    IngestStatus.OLD_VERSION: JournalState.PROCESSED,
    IngestStatus.NEEDS_OCR: JournalState.PROCESSED,
    IngestStatus.DUPLICATE: JournalState.DUPLICATE,
    IngestStatus.FAILED: JournalState.FAILED,
}

# A claim older than this may be taken over even if its holder looks alive (a watcher on another
# machine, or a recycled pid). Reading the largest accepted file takes seconds, not half an hour.
STALE_AFTER = dt.timedelta(minutes=30)
# A file whose processing was interrupted this many times (the watcher killed or crashing on it,
# the database failing mid-way) is given up and sent to failed/, so that one poisonous file
# cannot stop the whole inbox in a crash loop.
MAX_ATTEMPTS = 5

_NAME_MAX = 500  # the column's length

SessionFactory = Callable[[], Session]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes (we always write UTC); PostgreSQL aware ones."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def display_path(path: Path | str) -> str:
    """A path as text that any database accepts: names that are not valid UTF-8 (an old Windows
    code page over Samba) keep their bytes as \\x escapes instead of breaking the insert."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def journal_name(path: Path) -> str:
    """The ``name`` recorded for a file in the inbox; deterministic, so that a restarted watcher
    compares like with like. Over-long paths keep their end, which holds the file name."""
    text = display_path(path)
    return text if len(text) <= _NAME_MAX else "…" + text[-(_NAME_MAX - 1) :]


@dataclass(frozen=True)
class Owner:
    """The process working on a file, written into a pending row."""

    host: str
    pid: int

    @classmethod
    def me(cls) -> Owner:
        return cls(socket.gethostname(), os.getpid())


@dataclass(frozen=True)
class Entry:
    """A detached snapshot of a journal row (sessions are short; rows must outlive them)."""

    id: int
    sha256: str
    name: str
    state: JournalState
    result: IngestStatus | None
    reason: str | None
    holder: Owner | None
    document_id: int | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    attempts: int
    replaces: str | None = None  # the hash of the version this row's file replaces

    @classmethod
    def of(cls, row: IngestEntry) -> Entry:
        holder = Owner(row.holder_host, row.holder_pid) if row.holder_host and row.holder_pid is not None else None
        return cls(
            id=row.id,
            sha256=row.sha256,
            name=row.name,
            state=JournalState(row.state),
            result=IngestStatus(row.result) if row.result else None,
            reason=row.reason,
            holder=holder,
            document_id=row.document_id,
            started_at=as_utc(row.started_at),
            finished_at=as_utc(row.finished_at),
            attempts=row.attempts,
            replaces=row.replaces_sha256,
        )

    @property
    def moved(self) -> bool:
        return self.finished_at is not None

    @property
    def owner(self) -> Owner | None:
        return self.holder if self.state == JournalState.PENDING else None


@dataclass(frozen=True)
class Claim:
    """This process's hold on a pending row: valid while the row still has these attempts."""

    id: int
    sha256: str
    attempts: int


def lookup(factory: SessionFactory, sha256: str) -> Entry | None:
    with factory() as session:
        row = session.scalar(select(IngestEntry).where(IngestEntry.sha256 == sha256))
        return Entry.of(row) if row is not None else None


def stored_document_id(factory: SessionFactory, sha256: str) -> int | None:
    """The Document holding these exact bytes, if the store has them."""
    with factory() as session:
        return session.scalar(select(DocumentFile.document_id).where(DocumentFile.sha256 == sha256))


def may_take_over(entry: Entry, me: Owner, now: dt.datetime | None = None) -> bool:
    """Whether a pending row can be retried by ``me``: its holder is dead, or the claim is stale.

    On the same machine the watcher holds the inbox lock, so a holder on this host is alive only
    if it is some other watcher working on the same bytes from another inbox; its pid says so.
    """
    owner = entry.owner
    if owner is None or owner == me:  # no holder recorded, or our own claim from a failed attempt
        return True
    now = now or utcnow()
    if entry.started_at is not None and now - entry.started_at > STALE_AFTER:
        return True
    if owner.host != me.host:
        return False
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, someone else's
        return False
    return False


def claim(
    factory: SessionFactory, sha256: str, name: str, me: Owner, previous: Entry | None, replaces: str | None = None
) -> Claim | None:
    """Record the file as pending in its own committed transaction, before anything is ingested.

    A new file gets a new row (attempts 1). A known one (a retry) is updated only if the row is
    still exactly as ``previous`` saw it: another process that got there first makes this return
    None, and the caller looks again later. The unique SHA-256 does the same for two inserts.
    """
    now = utcnow()
    with factory() as session:
        if previous is None:
            row = IngestEntry(
                sha256=sha256, name=name, state=JournalState.PENDING, holder_host=me.host, holder_pid=me.pid,
                started_at=now, attempts=1, replaces_sha256=replaces,
            )  # fmt: skip
            session.add(row)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                return None
            return Claim(row.id, sha256, 1)
        result = session.execute(
            update(IngestEntry)
            .where(
                IngestEntry.id == previous.id,
                IngestEntry.state == previous.state,
                IngestEntry.attempts == previous.attempts,
            )
            .values(
                state=JournalState.PENDING,
                name=name,
                holder_host=me.host,
                holder_pid=me.pid,
                result=None,
                reason=None,
                document_id=None,
                started_at=now,
                finished_at=None,
                attempts=previous.attempts + 1,
            )
        )
        session.commit()
        return Claim(previous.id, sha256, previous.attempts + 1) if result.rowcount == 1 else None


def _verdict(result: IngestStatus, reason: str | None, document_id: int | None) -> dict:
    """The columns of a decided row: its state follows from the ingest's result."""
    return {
        "state": STATE_OF_RESULT[result],
        "result": result,
        "reason": reason,
        "holder_host": None,
        "holder_pid": None,
        "document_id": document_id,
        "finished_at": None,
    }


def _held(held: Claim | Entry):
    return (
        IngestEntry.id == held.id,
        IngestEntry.state == JournalState.PENDING,
        IngestEntry.attempts == held.attempts,
    )


def finish(session: Session, held: Claim, result: IngestStatus, reason: str | None, document_id: int | None) -> bool:
    """Give the verdict inside the caller's transaction (the one that stored the Document).

    False if the claim was lost meanwhile (taken over as stale): the caller must roll back, so
    that two processes never both commit a Document for the same file.
    """
    done = session.execute(
        update(IngestEntry)
        .where(*_held(held))
        .values(**_verdict(result, reason, document_id))
        .execution_options(synchronize_session=False)
    )
    return done.rowcount == 1


def fail(factory: SessionFactory, held: Claim, reason: str) -> bool:
    """``finish`` as failed, in a transaction of its own (after the ingest one was rolled back)."""
    with factory() as session:
        ok = finish(session, held, IngestStatus.FAILED, reason, None)
        session.commit()
        return ok


def give_up(factory: SessionFactory, entry: Entry, reason: str) -> Claim | None:
    """Mark a pending row that was interrupted too often as failed (if nobody changed it since)."""
    with factory() as session:
        result = session.execute(
            update(IngestEntry).where(*_held(entry)).values(**_verdict(IngestStatus.FAILED, reason, None))
        )
        session.commit()
        return Claim(entry.id, entry.sha256, entry.attempts) if result.rowcount == 1 else None


def drop_file(session: Session, sha256: str) -> int | None:
    """Inside the caller's transaction: remove the stored file with these bytes (a version that was
    taken too early), and its Document if that was its only file. Returns the Document's id."""
    row = session.scalar(select(DocumentFile).where(DocumentFile.sha256 == sha256))
    if row is None:
        return None
    doc = row.document
    doc.files.remove(row)
    if not doc.files:
        session.delete(doc)
    session.flush()
    return doc.id


def release_revisions(factory: SessionFactory, replaces: str, keep: str, me: Owner) -> None:
    """Drop pending claims of earlier new versions of ``replaces`` other than ``keep``: a killed
    run claimed bytes that grew again since; nothing was committed for them."""
    with factory() as session:
        rows = session.scalars(
            select(IngestEntry).where(
                IngestEntry.replaces_sha256 == replaces,
                IngestEntry.state == JournalState.PENDING,
                IngestEntry.sha256 != keep,
            )
        )
        stale = [Entry.of(r) for r in rows]
    for entry in stale:
        if may_take_over(entry, me):
            release(factory, Claim(entry.id, entry.sha256, entry.attempts))


def release(factory: SessionFactory, held: Claim) -> None:
    """Drop our pending row: the file changed or left the inbox before it was ingested, so these
    bytes were never taken in (nothing was committed for them)."""
    with factory() as session:
        session.execute(delete(IngestEntry).where(*_held(held)))
        session.commit()


def close(factory: SessionFactory, entry_id: int) -> None:
    """The file has left the inbox (moved and the move made durable): the row is complete."""
    with factory() as session:
        session.execute(
            update(IngestEntry)
            .where(IngestEntry.id == entry_id, IngestEntry.state != JournalState.PENDING)
            .values(finished_at=utcnow())
        )
        session.commit()


def open_entries(factory: SessionFactory, prefix: str | None = None) -> list[Entry]:
    """Rows not complete yet (pending, or decided but not moved), optionally of one inbox."""
    with factory() as session:
        rows = session.scalars(select(IngestEntry).where(IngestEntry.finished_at.is_(None)).order_by(IngestEntry.id))
        entries = [Entry.of(r) for r in rows]
    return [e for e in entries if prefix is None or e.name.startswith(prefix)]


def reconcile(factory: SessionFactory, prefix: str, me: Owner, still_there: Callable[[Entry], bool]) -> tuple[int, int]:
    """Tidy what a killed watcher left, at start-up (with the inbox lock held).

    - decided but not moved, and the file is no longer where it was dropped: the move happened
      (only the watcher moves files, and only after the verdict), the row is closed;
    - pending and its file gone (taken back by the clerk, or renamed — found again under its new
      name): nothing was ever committed for it, so the row goes.

    Rows whose file is still there are left to the scan, which completes or retries them.
    Returns (closed, dropped).
    """
    closed = dropped = 0
    for entry in open_entries(factory, prefix):
        if still_there(entry):
            continue
        if entry.state in FINISHED:
            close(factory, entry.id)
            closed += 1
        elif may_take_over(entry, me):
            release(factory, Claim(entry.id, entry.sha256, entry.attempts))
            dropped += 1
    return closed, dropped


def document_label(factory: SessionFactory, document_id: int | None) -> str:
    """How a stored document is named to a clerk: #id, kind, số/ký hiệu, date, trích yếu."""
    if document_id is None:
        return "?"
    with factory() as session:
        doc = session.get(Document, document_id)
        if doc is None:
            return f"#{document_id}"
        label = f"#{doc.id} {stored_label(doc)}"
        if doc.subject:
            subject = " ".join(doc.subject.split())
            label += f" — {subject[:160]}"
        if doc.status == DocumentStatus.NEEDS_OCR:
            label += " (cần OCR)"
        return label


def finished_since(factory: SessionFactory, since: dt.datetime, states: Iterable[str]) -> list[Entry]:
    with factory() as session:
        rows = session.scalars(
            select(IngestEntry)
            .where(IngestEntry.state.in_(list(states)), IngestEntry.finished_at >= since)
            .order_by(IngestEntry.finished_at)
        )
        return [Entry.of(r) for r in rows]


def recent_failures(factory: SessionFactory, limit: int = 50) -> list[Entry]:
    with factory() as session:
        rows = session.scalars(
            select(IngestEntry)
            .where(IngestEntry.state == JournalState.FAILED)
            .order_by(IngestEntry.id.desc())
            .limit(limit)
        )
        return [Entry.of(r) for r in rows]
