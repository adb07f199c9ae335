"""The inbox: clerks drop files into a folder; each is ingested exactly once and nothing is lost.

INBOX/
    any/sub/folders/…      what clerks drop (walked; names with Vietnamese letters and spaces)
    processed/YYYY/MM/…    ingested (added, merged, suspected duplicate, or stored as needing OCR)
    failed/…               not ingested, each with NAME.reason.txt (one line, in Vietnamese)
    duplicates/…           the same bytes were already stored, each with NAME.note.txt naming them
    .congvan-watch.lock    held by the running watcher

A file is taken once it is complete: its size, mtime, ctime, inode and content hash unchanged for
the stability delay, no process holding it open for writing (writers.py, where the OS can tell),
and its name not a temporary one (``~$x.docx``, ``.~lock.x#``, ``*.part``, ``*.tmp``: names.py;
other dot-names such as ``..txt`` are taken). After it was read it is checked again (signature,
hash, writers): a file that changed is not committed and not sent to failed/ as unreadable, it is
taken again once stable. One that changes after it was moved out (a writer on a share we cannot
see) is taken again as a new version by revise.py, whose docstring gives its crash-safety steps.
Any name is taken (not UTF-8: stored with \\x escapes) and moved out under one that fits NAME_MAX
with " (2)" and ".reason.txt" (shortened with a hash, extension kept). Symlinks, FIFOs, sockets
and devices are never opened (pipeline/ingest/files.py) and are reported once as skipped.
A scan needing OCR goes to processed/: the ingest stores it as a Document with status needs_ocr
(kept, listed, waiting for OCR), which is a normal outcome, not a failure the clerk must act on.

Crash safety (kill -9 at any instant). The steps for one file, each durable before the next:

    1. hash the file; claim it in the journal (pending, with the inbox path) — its own commit;
    2. ingest and give the verdict (processed | failed | duplicate) — one transaction;
    3. write the reason/note file (atomically), move the file (os.replace), fsync both folders;
    4. close the journal row (finished_at) — its own commit.

Where a kill can land, and what the restarted watcher (same journal, same inbox) does:

- before 1 commits: nothing was recorded and the file is still in the inbox: it is seen anew.
- after 1, during 2: the ingest transaction dies uncommitted (the database discards it; the
  content store may hold the bytes already, harmless: ``put`` is atomic and idempotent). The
  row is pending, held by a dead process, and the file is still in the inbox: it is claimed
  again (attempts + 1, same row) and ingested. One row, and no Document was committed before.
- after 2 commits, before 3: the row has its verdict, ``finished_at`` is NULL, and the file is
  still at the path recorded in ``name``: it is moved where the verdict says — not ingested
  again, not called a duplicate of itself (an added document is fed to the index again).
- during 3: the note is written under a temporary name and renamed; os.replace is atomic, so
  the file is either still in the inbox (as above; the same destination name is chosen again,
  since only document files decide names) or at its destination (as below). Never both, never
  neither.
- after 3, before 4: the file is gone from the path in ``name``: at start-up the row is closed.
  (Should the clerk have dropped the very same bytes under the very same name meanwhile, that
  copy is taken for the one being moved and also lands in processed/: a second copy, nothing
  lost, no second row or Document.)
- a file interrupted MAX_ATTEMPTS times (a poison file crashing the watcher) goes to failed/.
- the search index is derived data, written in batches after the commits (the indexer from
  the edge's ``Wiring.ingest_hooks``, flushed whenever the watcher runs out of ready files): a kill
  can leave the last documents stored but not yet indexed. The database marks each document
  indexed only after the index commit holding it (``index.documents``), so at start-up, and at
  every flush, every document not marked is fed to the index again, however long ago it was
  stored; an index error leaves them unmarked, to be retried (``index.keeper``).

So every file dropped ends up in the inbox, processed/, failed/ or duplicates/, with exactly one
journal row per distinct content (SHA-256 is unique) and at most one Document (DocumentFile's
SHA-256 is unique too, and a row's verdict commits with its Document). The watcher never deletes
a clerk's file: it only renames it into one of the three folders, under a name not taken
(" (2)" and so on), and never over an existing file (the name is checked, then the file
renamed: safe because only the lock holder writes into those folders). A file changed while
being ingested (the ingest sees another hash) is rolled back, its claim dropped, and it is taken
again once stable. A file that cannot even be read has no content to key a row on: it goes to
failed/ with its reason and no journal row (a kill before that move just repeats it).

Two watchers. Each holds an exclusive ``flock`` on INBOX/.congvan-watch.lock for its lifetime; a
second one exits at once with a clear error (rather than wait silently: an administrator who
starts two wants to know). The kernel drops the lock when its holder dies, even by kill -9.
Where flock is not shared (two machines on a network share), the journal is the second line of
defence: a claim is an insert on the unique SHA-256 or an update conditional on the row's
attempts (a version number), and the verdict is conditional on the same, so for any attempt
only one process commits a Document and moves the file; a live holder's claim is respected
(pid check on the same host, 30 minutes elsewhere).

Durability against power loss, beyond kill -9, also depends on the database's own settings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import fcntl
import os
import signal
import socket
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pipeline.bounded import FileReader, read_and_extract
from pipeline.errors import InboxBusy, InboxError, os_reason
from pipeline.inbox import journal
from pipeline.inbox.names import (
    NAME_RESERVE,
    NOTE_SUFFIX,
    REASON_SUFFIX,
    free_name,
    is_temporary,
    makedirs,
    write_atomic,
)
from pipeline.inbox.writers import open_for_writing
from pipeline.ingest.files import NotRegularFile, display_name, fit_name, kind_of
from pipeline.ingest.ingestor import ADDS_DOCUMENT, DATABASE_TRANSIENT, Ingestor, IngestResult
from pipeline.ingest.store import ContentStore, fsync_dir, sha256_of
from pipeline.status import IngestStatus, JournalState

PROCESSED_DIR = "processed"
FAILED_DIR = "failed"
DUPLICATES_DIR = "duplicates"
RESERVED_DIRS = (PROCESSED_DIR, FAILED_DIR, DUPLICATES_DIR)
LOCK_NAME = ".congvan-watch.lock"

# Errors worth trying again later rather than sending the file to failed/: the database went
# away or was busy, a race with another process on the same bytes, the disk of CONGVAN_HOME.
UNKNOWN_ERROR = "lỗi không rõ"

TRANSIENT = (*DATABASE_TRANSIENT, OSError)


def failpoint(step: str) -> None:
    """Die by SIGKILL at a named step when CONGVAN_INBOX_CRASH_AT says so: the tests stop a real
    watcher at exactly the instants the crash-safety argument above is about (claimed, ingested,
    decided, noted, moved). Unset in production; reading one variable costs nothing."""
    if os.environ.get("CONGVAN_INBOX_CRASH_AT") == step:
        os.kill(os.getpid(), signal.SIGKILL)


def one_line(text: str) -> str:
    """One line of text for a reason file, the journal or a terminal: a file name in it that is
    not UTF-8 shows U+FFFD (lone surrogates break every encoder)."""
    return " ".join(display_name(str(text)).split())


@dataclass(frozen=True)
class Signature:
    """What must stay the same for a file to count as complete. ctime and inode catch tools that
    restore the old mtime after writing, and a file replaced by another under the same name."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


def signature(path: Path) -> Signature | None:
    """The file's signature; None if it is gone or is not a regular file (FIFOs, sockets,
    symlinks and devices are never taken: opening a FIFO would block the watcher)."""
    try:
        st = path.lstat()
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return Signature(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class Inbox:
    """The folder and its layout: what is a candidate, where a file goes, the lock."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.realpath(root))  # one spelling, so journal names compare
        self._lock_fd: int | None = None

    @property
    def prefix(self) -> str:
        """Journal names of files in this inbox start with this."""
        return journal.display_path(self.root).rstrip("/") + "/"

    def folder(self, name: str) -> Path:
        return self.root / name

    def relative(self, path: Path) -> Path:
        return path.relative_to(self.root)

    def check(self) -> None:
        """Raise InboxError unless the inbox exists and can be read."""
        if not self.root.exists():
            raise InboxError(f"không tìm thấy thư mục hộp thư: {self.root}")
        if not self.root.is_dir():
            raise InboxError(f"không phải thư mục: {self.root}")
        if not os.access(self.root, os.R_OK | os.X_OK):
            raise InboxError(f"không đọc được thư mục hộp thư: {self.root}")

    def prepare(self) -> None:
        """Check the inbox can be written (files are moved out of it) and make its folders."""
        self.check()
        probe = self.root / f".congvan-probe-{os.getpid()}"
        try:
            fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            os.close(fd)
            probe.unlink()
            for name in RESERVED_DIRS:
                (self.root / name).mkdir(exist_ok=True)
        except OSError as e:
            why = os_reason(e)
            if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise InboxError(f"hộp thư chỉ đọc, không ghi được: {self.root} ({why})") from e
            raise InboxError(f"không ghi được vào hộp thư: {self.root} ({why})") from e

    # -- the lock ----------------------------------------------------------------------------------

    def lock(self) -> None:
        """Hold the inbox for this process's lifetime, or raise InboxBusy naming the holder."""
        path = self.root / LOCK_NAME
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o664)
        except OSError as e:
            raise InboxError(f"không tạo được tệp khóa: {path} ({os_reason(e)})") from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "?"
            os.close(fd)
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise InboxBusy(f"một tiến trình theo dõi khác đang giữ hộp thư này ({holder}): {self.root}") from e
            raise InboxError(f"không khóa được hộp thư: {self.root} ({os_reason(e)})") from e
        os.ftruncate(fd, 0)
        since = dt.datetime.now().isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()} trên máy {socket.gethostname()} từ {since}\n".encode(), 0)
        self._lock_fd = fd  # kept open: closing it (or dying) releases the lock

    def unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- what is waiting -------------------------------------------------------------------------

    def is_candidate(self, path: Path) -> bool:
        """Whether ``path`` (a file) is one the watcher should take, judging by its place and name."""
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return False
        if not parts or parts[0] in RESERVED_DIRS:
            return False
        if any(p.startswith(".") for p in parts[:-1]):
            return False
        return not is_temporary(parts[-1])

    def walks_into(self, path: Path) -> bool:
        """Whether the folder ``path`` holds files to take (not processed/ etc., not hidden)."""
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return False
        if parts and parts[0] in RESERVED_DIRS:
            return False
        return not any(p.startswith(".") for p in parts)

    def scan(self, top: Path | None = None, on_special: Callable[[Path, str], None] | None = None) -> Iterator[Path]:
        """Regular candidate files under ``top`` (the whole inbox by default), not following
        symlinks; symlinks, FIFOs, sockets and devices go to ``on_special`` with what they are."""
        top = top or self.root
        for dirpath, dirnames, filenames in os.walk(top):
            here = Path(dirpath)
            links = [n for n in dirnames if os.path.islink(here / n)]  # listed by os.walk, never entered
            dirnames[:] = sorted(n for n in dirnames if n not in links and self.walks_into(here / n))
            for name in sorted(filenames + links):
                path = here / name
                if not self.is_candidate(path):
                    continue
                try:
                    kind = kind_of(os.lstat(path).st_mode)
                except OSError:
                    continue  # gone meanwhile
                if kind is None:
                    yield path
                elif on_special is not None:
                    on_special(path, kind)

    def watched_dirs(self) -> list[Path]:
        """Top-level folders clerks drop into (watched recursively; the reserved ones are not)."""
        out: list[Path] = []
        with contextlib.suppress(OSError), os.scandir(self.root) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False) and self.walks_into(Path(entry.path)):
                    out.append(Path(entry.path))
        return sorted(out)

    # -- moving out --------------------------------------------------------------------------------

    def destination_folder(self, state: JournalState, now: dt.datetime | None = None) -> Path:
        if state == JournalState.PROCESSED:
            now = now or dt.datetime.now()
            return self.root / PROCESSED_DIR / f"{now:%Y}" / f"{now:%m}"
        return self.root / (FAILED_DIR if state == JournalState.FAILED else DUPLICATES_DIR)

    def placed(self, path: Path) -> tuple[JournalState, Path] | None:
        """For a file the watcher moved out: the state its folder stands for, and its path below
        that folder (processed/YYYY/MM/a/b.txt: processed, a/b.txt)."""
        parts = self.relative(path).parts
        states = {PROCESSED_DIR: JournalState.PROCESSED, FAILED_DIR: JournalState.FAILED}
        states[DUPLICATES_DIR] = JournalState.DUPLICATE
        if not parts or parts[0] not in states:
            return None
        skip = 3 if parts[0] == PROCESSED_DIR else 1
        return states[parts[0]], Path(*parts[skip:])

    def move_out(self, path: Path, state: JournalState, note: str | None = None, rel: Path | None = None) -> Path:
        """Move ``path`` to the folder for ``state``, keeping its sub-folder path (``rel``, by
        default its path in the inbox), under a free name; ``note`` (failed: the reason; duplicate:
        the stored document) is written beside it first, so a file never sits in failed/ without
        its reason. Returns where the file went."""
        rel = rel or self.relative(path)
        folder = self.destination_folder(state) / rel.parent
        makedirs(folder)
        dest = free_name(folder / fit_name(rel.name, NAME_RESERVE))  # a 240-byte name plus " (2)" fits
        if note is not None and state != JournalState.PROCESSED:
            suffix = REASON_SUFFIX if state == JournalState.FAILED else NOTE_SUFFIX
            write_atomic(dest.with_name(dest.name + suffix), note.rstrip("\n") + "\n")
        failpoint("noted")
        os.replace(path, dest)  # atomic; dest was free and only the lock holder writes here
        fsync_dir(folder)
        fsync_dir(path.parent)
        failpoint("moved")
        return dest


class OutcomeKind(StrEnum):
    """What the watcher does next with a file it handed to the processor."""

    DONE = "done"  # moved out of the inbox
    GONE = "gone"  # left the inbox by itself
    CHANGED = "changed"  # written to while being read: wait until it is stable again
    RETRY = "retry"  # a transient error: try again later
    BUSY = "busy"  # another process holds it


@dataclass(frozen=True)
class Outcome:
    """What became of one file."""

    path: Path
    kind: OutcomeKind
    state: JournalState | None = None  # when done
    status: IngestStatus | None = None
    dest: Path | None = None
    reason: str | None = None
    document_id: int | None = None
    recovered: bool = False  # finished by a previous run, only moved now
    sha256: str | None = None  # the content taken (watched for a while after the move)
    revised: bool = False  # a new version of a file taken before (revise.py)


def _verdict_reason(result: IngestResult) -> str | None:
    if result.status == IngestStatus.FAILED:
        return one_line(result.reason or UNKNOWN_ERROR)
    return one_line(result.reason) if result.reason else None


class Processor:
    """Takes one complete file through claim, ingest, verdict and move (the steps above)."""

    def __init__(
        self,
        inbox: Inbox,
        factory: journal.SessionFactory,
        store: ContentStore,
        hooks=(),
        after_commit: Callable[[list[int]], None] | None = None,
        warn: Callable[[str], None] = lambda _m: None,
        reader: FileReader = read_and_extract,
    ) -> None:
        self.inbox = inbox
        self.reader = reader
        self.factory = factory
        self.store = store
        self.hooks = list(hooks)
        self.after_commit = after_commit
        self.warn = warn
        self.me = journal.Owner.me()

    def handle(self, path: Path) -> Outcome:
        before = signature(path)
        try:
            sha = sha256_of(path)
        except (FileNotFoundError, NotRegularFile):  # gone, or swapped for a symlink/FIFO: not taken
            return Outcome(path, OutcomeKind.GONE)
        except OSError as e:
            if signature(path) is None:
                return Outcome(path, OutcomeKind.GONE)
            if not self.unchanged(path, before):
                return Outcome(path, OutcomeKind.CHANGED)
            # No content, no journal key: the file goes to failed/ with its reason, unrecorded.
            reason = f"không đọc được tệp: {os_reason(e)}"
            return self._moved(
                Outcome(path, OutcomeKind.DONE, JournalState.FAILED, IngestStatus.FAILED, reason=reason), reason
            )
        name = journal.journal_name(path)
        entry = journal.lookup(self.factory, sha)
        if entry is not None and entry.state in journal.FINISHED:
            if not entry.moved and entry.name == name:
                return self._complete(path, entry)
            if entry.state != JournalState.FAILED:
                stored = journal.stored_document_id(self.factory, sha)
                if stored is not None:
                    return self._already_stored(path, stored)
            # failed before (retry: the reader may have been fixed), or its Document was deleted
        elif entry is not None:  # pending
            if not journal.may_take_over(entry, self.me):
                return Outcome(path, OutcomeKind.BUSY)
            if entry.attempts >= journal.MAX_ATTEMPTS:
                return self._give_up(path, entry)
        held = journal.claim(self.factory, sha, name, self.me, entry)
        if held is None:
            return Outcome(path, OutcomeKind.BUSY)
        failpoint("claimed")
        return self._ingest(path, held, before)

    # -- the steps ---------------------------------------------------------------------------------

    def unchanged(self, path: Path, before: Signature | None, sha: str | None = None, writers: bool = True) -> bool:
        """Whether ``path`` is as it was when it was hashed (``before``): same signature, same
        bytes, and (``writers``) nobody holds it open for writing. Checked after reading it, so
        that no version read while a writer was at work is committed or sent to failed/ as
        corrupt. The /proc scan for writers is asked only before failing a file: the watcher did
        it already for the cycle, and a writer at work since then changes the signature."""
        if before is None or signature(path) != before or (writers and open_for_writing([path])):
            return False
        try:
            return sha is None or sha256_of(path) == sha
        except OSError:
            return False

    def _ingest(self, path: Path, held: journal.Claim, before: Signature | None) -> Outcome:
        session = self.factory()
        try:
            result = Ingestor(session, self.store, self.hooks, self.reader).ingest(path)
            failpoint("ingested")
            failing = result.status == IngestStatus.FAILED
            if result.sha256 != held.sha256 or not self.unchanged(path, before, held.sha256, writers=failing):
                # Changed (or gone) since it was hashed: nothing of it may be committed.
                session.rollback()
                journal.release(self.factory, held)
                return Outcome(path, OutcomeKind.CHANGED if signature(path) else OutcomeKind.GONE)
            state = journal.STATE_OF_RESULT[result.status]
            reason = _verdict_reason(result)
            if not journal.finish(session, held, result.status, reason, result.document_id):
                session.rollback()
                return Outcome(path, OutcomeKind.BUSY)
            session.commit()
        except TRANSIENT as e:
            session.rollback()
            if signature(path) is None:
                journal.release(self.factory, held)
                return Outcome(path, OutcomeKind.GONE)
            return Outcome(path, OutcomeKind.RETRY, reason=f"{type(e).__name__}: {one_line(str(e))[:300]}")
        except Exception as e:  # an extractor's bug on this file: the file fails, the inbox goes on
            session.rollback()
            reason = one_line(f"lỗi khi lưu ({type(e).__name__}: {e})")[:1000]
            if not journal.fail(self.factory, held, reason):
                return Outcome(path, OutcomeKind.BUSY)
            result = IngestResult(str(path), IngestStatus.FAILED, held.sha256, reason=reason)
            state = JournalState.FAILED
        finally:
            session.close()
        failpoint("decided")
        if new := result.new_document_ids:  # a file holding several documents: each of them
            self._index(*new)
        outcome = Outcome(
            path, OutcomeKind.DONE, state, result.status, reason=result.reason, document_id=result.document_id,
            sha256=held.sha256,
        )  # fmt: skip
        return self._moved(outcome, self._note(state, reason, result.document_id), held.id)

    def _complete(self, path: Path, entry: journal.Entry) -> Outcome:
        """A previous run gave the verdict and was killed before moving the file: move it now."""
        status = entry.result
        if entry.state == JournalState.FAILED:
            status = IngestStatus.FAILED
        elif entry.state == JournalState.DUPLICATE:
            status = IngestStatus.DUPLICATE
        if status in ADDS_DOCUMENT and entry.document_id:
            self._index(entry.document_id)
        outcome = Outcome(
            path, OutcomeKind.DONE, entry.state, status, reason=entry.reason or None, document_id=entry.document_id,
            recovered=True, sha256=entry.sha256,
        )  # fmt: skip
        return self._moved(outcome, self._note(entry.state, entry.reason, entry.document_id), entry.id)

    def _already_stored(self, path: Path, document_id: int) -> Outcome:
        """The same bytes were taken before (and their row is complete): a duplicate, unrecorded —
        the journal keeps one row per distinct file."""
        note = self._note(JournalState.DUPLICATE, None, document_id)
        outcome = Outcome(
            path, OutcomeKind.DONE, JournalState.DUPLICATE, IngestStatus.DUPLICATE, document_id=document_id
        )
        return self._moved(outcome, note)

    def _give_up(self, path: Path, entry: journal.Entry) -> Outcome:
        reason = f"xử lý bị gián đoạn {entry.attempts} lần (tiến trình bị dừng hoặc lỗi cơ sở dữ liệu)"
        held = journal.give_up(self.factory, entry, reason)
        if held is None:
            return Outcome(path, OutcomeKind.BUSY)
        outcome = Outcome(path, OutcomeKind.DONE, JournalState.FAILED, IngestStatus.FAILED, reason=reason)
        return self._moved(outcome, reason, held.id)

    def _note(self, state: JournalState, reason: str | None, document_id: int | None) -> str | None:
        if state == JournalState.FAILED:
            return one_line(reason or UNKNOWN_ERROR)
        if state == JournalState.DUPLICATE:
            label = journal.document_label(self.factory, document_id)
            return f"Trùng hoàn toàn với văn bản đã lưu: {label}"
        return None

    def _moved(self, outcome: Outcome, note: str | None, entry_id: int | None = None) -> Outcome:
        path = outcome.path
        try:
            dest = self.inbox.move_out(path, outcome.state or JournalState.FAILED, note)
        except OSError as e:
            self.warn(f"không chuyển được {path}: {os_reason(e)}")
            return Outcome(path, OutcomeKind.RETRY, reason=str(e))
        if entry_id is not None:
            try:
                journal.close(self.factory, entry_id)
            except TRANSIENT as e:  # the start-up reconciliation closes it later
                self.warn(f"không ghi được nhật ký: {type(e).__name__}")
        return dataclasses.replace(outcome, kind=OutcomeKind.DONE, dest=dest)

    def _index(self, *document_ids: int) -> None:
        if self.after_commit is None or not document_ids:
            return
        try:
            self.after_commit(list(document_ids))
        except Exception as e:  # the Document is stored; `congvan reindex` can catch the index up
            self.warn(f"chưa lập chỉ mục được: {document_ids[:5]}: {type(e).__name__}: {e}")

    def flush_index(self) -> None:
        """Write what the indexer buffers (it batches: a search-index commit is costly). The
        watcher calls this whenever it runs out of ready files, when ``index_due()``, and before
        it exits."""
        flush = getattr(self.after_commit, "flush", None)
        if flush is None:
            return
        try:
            flush()
        except Exception as e:
            self.warn(f"chưa cập nhật được chỉ mục: {type(e).__name__}: {e}")

    def index_due(self) -> bool:
        """Whether the indexer wants a flush now without new files (a retry, a finished rebuild)."""
        due = getattr(self.after_commit, "due", None)
        return bool(due is not None and due())

    def reconcile(self) -> tuple[int, int]:
        """Start-up tidying of rows a killed watcher left for this inbox (see journal.reconcile)."""

        def still_there(entry: journal.Entry) -> bool:
            if entry.name.startswith("…"):  # a shortened name: cannot tell, leave the row to the scan
                return True
            path = Path(entry.name)
            if signature(path) is None:
                return False
            if entry.replaces:  # a new version being taken: the watcher's start does it again
                return True
            try:
                return sha256_of(path) == entry.sha256
            except OSError:
                return True

        counts = journal.reconcile(self.factory, self.inbox.prefix, self.me, still_there)
        # The first flush checks the index (rebuilding it in the background if it is missing or
        # damaged) and feeds it every document the database does not mark as indexed.
        self.flush_index()
        return counts
