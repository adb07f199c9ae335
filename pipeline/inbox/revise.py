"""A file that changed after it was taken: ingested again as a new version, never left half.

The watcher does not take a file some process holds open for writing (writers.py), but a writer
on another machine of a network share is invisible: its copy can pause longer than the stability
window, be taken and moved to processed/ (or to failed/, as a corrupt half .docx), and then go on
writing into the moved file. So the watcher keeps watching the files it moved for a while
(watch.py); when one changes and is stable again, ``revise`` takes it as the new version:

    1. claim the new hash in the journal, the row naming the hash it replaces (``replaces_sha256``)
       — its own commit, as for any file;
    2. in one transaction: remove the old version's stored file (and its Document if that was its
       only file), ingest the new bytes, give the verdict — so the database holds either the old
       version or the new one, never both and never neither;
    3. move the file if its folder no longer fits the verdict (a half .docx in failed/ that is now
       whole goes to processed/, its reason file with it), then close the row.

A kill during 2 leaves the claim pending and the old version stored; a kill after 2 leaves the
verdict with the row not closed. In both cases the row names the moved file and the hash it
replaces, and the watcher's start-up (``unfinished``) does the revision again: step 2 is guarded
by the claim, and the file is where the row says. The journal keeps both rows: the old hash's
(its Document gone, document_id NULL) and the new one's.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from pipeline.inbox import journal
from pipeline.inbox.names import REASON_SUFFIX
from pipeline.inbox.processor import TRANSIENT, Outcome, OutcomeKind, Processor, failpoint, one_line, signature
from pipeline.ingest import register
from pipeline.ingest.ingestor import ADDS_DOCUMENT, Ingestor, IngestResult
from pipeline.ingest.store import sha256_of
from pipeline.status import IngestStatus, JournalState


def revise(proc: Processor, path: Path, old_sha: str) -> Outcome | None:
    """Take the moved file ``path``, whose content was ``old_sha`` when taken, as a new version.
    None when there is nothing to do (same bytes again, or these bytes are already known)."""
    before = signature(path)
    try:
        sha = sha256_of(path)
    except OSError:
        return Outcome(path, OutcomeKind.GONE)
    if sha == old_sha:
        return None
    entry = journal.lookup(proc.factory, sha)
    if entry is not None and entry.state in journal.FINISHED:
        if entry.replaces == old_sha and not entry.moved:  # decided by a run killed before the move
            return _place(proc, path, entry.id, entry.state, entry.result, entry.document_id, sha, entry.reason)
        return None
    if entry is not None and (entry.replaces != old_sha or not journal.may_take_over(entry, proc.me)):
        return Outcome(path, OutcomeKind.BUSY)
    journal.release_revisions(proc.factory, old_sha, sha, proc.me)
    held = journal.claim(proc.factory, sha, journal.journal_name(path), proc.me, entry, replaces=old_sha)
    failpoint("revise-claimed")
    if held is None:
        return Outcome(path, OutcomeKind.BUSY)
    session = proc.factory()
    try:
        old_entry = register.entry_of_file(session, old_sha)
        old_doc = journal.drop_file(session, old_sha)
        result = Ingestor(session, proc.store, proc.hooks).ingest(path)
        failing = result.status == IngestStatus.FAILED
        if result.sha256 != sha or not proc.unchanged(path, before, sha, writers=failing):
            session.rollback()
            journal.release(proc.factory, held)
            return Outcome(path, OutcomeKind.CHANGED if signature(path) else OutcomeKind.GONE)
        register.carry_over(session, old_entry, result.document_id)  # the số đến it arrived with
        reason = one_line(result.reason) if result.reason else None
        if not journal.finish(session, held, result.status, reason, result.document_id):
            session.rollback()
            return Outcome(path, OutcomeKind.BUSY)
        session.commit()
        failpoint("revise-decided")
    except TRANSIENT as e:
        session.rollback()
        return Outcome(path, OutcomeKind.RETRY, reason=f"{type(e).__name__}: {one_line(str(e))[:300]}")
    except Exception as e:  # an extractor's bug on the new bytes: they fail, the old version stays
        session.rollback()
        reason = one_line(f"lỗi khi lưu ({type(e).__name__}: {e})")[:1000]
        if not journal.fail(proc.factory, held, reason):
            return Outcome(path, OutcomeKind.BUSY)
        result, old_doc = IngestResult(str(path), IngestStatus.FAILED, sha, reason=reason), None
    finally:
        session.close()
    ids = [i for i in (result.document_id if result.status in ADDS_DOCUMENT else None, old_doc) if i]
    proc._index(*ids)  # the new version in, the old Document out (the indexer drops ids gone)
    state = journal.STATE_OF_RESULT[result.status]
    return _place(proc, path, held.id, state, result.status, result.document_id, sha, reason)


def _place(
    proc: Processor,
    path: Path,
    entry_id: int,
    state: JournalState,
    status: IngestStatus | None,
    document_id: int | None,
    sha: str,
    reason: str | None,
) -> Outcome:
    """Move the revised file where its verdict says (if its folder does not say so already)."""
    placed = proc.inbox.placed(path)
    dest = path
    if placed is not None and placed[0] != state:
        note = proc._note(state, reason, document_id)
        try:
            dest = proc.inbox.move_out(path, state, note, rel=placed[1])
        except OSError as e:
            return Outcome(path, OutcomeKind.RETRY, reason=str(e))
        if placed[0] == JournalState.FAILED:  # the reason for the half no longer holds (our own note)
            with contextlib.suppress(OSError):
                path.with_name(path.name + REASON_SUFFIX).unlink()
    with contextlib.suppress(*TRANSIENT):
        journal.close(proc.factory, entry_id)
    return Outcome(
        path, OutcomeKind.DONE, state, status, dest=dest, reason=reason, document_id=document_id, sha256=sha,
        revised=True,
    )  # fmt: skip


def unfinished(proc: Processor) -> list[tuple[Path, str]]:
    """Revisions a killed watcher left open for this inbox: (the moved file, the hash it replaces)."""
    return [
        (Path(e.name), e.replaces)
        for e in journal.open_entries(proc.factory, proc.inbox.prefix)
        if e.replaces and not e.name.startswith("…")
    ]
