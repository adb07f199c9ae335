"""Keeping the index whole: feed it what is behind, repair it when it breaks, answer while it is broken.

The :class:`Indexer` is the ingest's after-commit hook (``congvan ingest``, the watcher, the demo,
a future web server). It keeps no list of ids to lose: the database says which documents are
behind (``index.documents``), and every flush feeds them all, in bounded batches, until none is
left. When a flush fails (the database away, a full disk, a read-only or deleted index
directory), nothing is dropped: the rows stay behind, the next attempt waits a little longer
(doubling up to :data:`MAX_BACKOFF`), and the index is checked. A missing or unreadable index,
or one that holds fewer documents than the database says it does, is rebuilt from the database
in a background thread by ``index.documents.reindex`` (the ``congvan reindex`` path) into a
fresh directory swapped in when complete; ingestion goes on meanwhile and what it stores is fed
to the new index after the swap. The check also runs on the first flush, at start-up.

A long-lived process reads the index without mmap (``WhooshBackend(mmap=False)``): a segment
truncated under a mapping would kill it with SIGBUS.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from index import swap
from index.backend import IndexCorrupt, IndexMissing, SearchBackend
from index.documents import Backlog, SessionFactory, backlog, behind_ids, load, mark_indexed, now, reindex
from models.schema import Document

log = logging.getLogger(__name__)

BATCH = 200  # documents per index commit (a Whoosh commit costs ~0.25 s whatever its size)
PER_FLUSH = 2000  # documents one flush feeds at most, so a backlog never holds up the inbox long
BULK = 2000  # behind by more than this: a fresh rebuild is faster than adding them in batches
FIRST_BACKOFF = 1.0
MAX_BACKOFF = 60.0
REBUILD_WAIT = 600.0  # how long a search waits for another process's rebuild before doing its own


def _open(index_dir: Path, **options):
    from index.whoosh_backend import WhooshBackend  # Whoosh loads only when an index is opened

    return WhooshBackend(index_dir, **options)


def diagnose(index_dir: Path, factory: SessionFactory) -> str | None:
    """Why the index must be rebuilt (missing, unreadable, or lacking documents the database says
    it holds), or None when it is sound. A home with no index and no document is sound."""
    with factory() as session:
        state = backlog(session)
    try:
        backend = _open(index_dir, create=False, mmap=False)
    except IndexMissing as e:
        return e.reason if state.indexed or state.behind else None
    except IndexCorrupt as e:
        return e.reason
    try:
        held = backend.count()
    except IndexCorrupt as e:
        return e.reason
    finally:
        backend.close()
    if held < state.indexed:
        return f"chỉ mục có {held} văn bản, cơ sở dữ liệu ghi {state.indexed}"
    if state.behind > BULK:
        return f"{state.behind} văn bản chưa lập chỉ mục"
    return None


class Indexer:
    """The after-commit hook: ``indexer(ids)`` after each ingest commit, ``flush()`` when the inbox
    is idle and at the end of a run, ``due()`` to ask whether a flush is wanted now (a retry or a
    finished rebuild), ``close()`` at exit (waits for a running rebuild, then flushes)."""

    def __init__(
        self,
        index_dir: Path,
        factory: SessionFactory,
        batch: int = BATCH,
        interval: float = 1.0,
        per_flush: int = PER_FLUSH,
        warn: Callable[[str], None] = log.warning,
        tell: Callable[[str], None] = log.info,
    ) -> None:
        self.index_dir = index_dir
        self.factory = factory
        self.batch = batch
        self.interval = interval
        self.per_flush = per_flush
        self.warn = warn  # troubles: a failed write, a rebuild started or failed
        self.tell = tell  # good news: a rebuild done
        self.pending = 0  # documents committed since the last flush (only to decide when to flush)
        self.last = time.monotonic()
        self.dirty = True  # something may be behind: at start, whatever the database says
        self.checked = False  # the index is checked on the first flush
        self.failures = 0
        self.retry_at = 0.0
        self._thread: threading.Thread | None = None
        self.named: set[int] = set()

    def __call__(self, ids: list[int]) -> None:
        self.named.update(ids)  # ids of documents a new version may have removed: out of search too
        self.pending += len(ids)
        self.dirty = True
        if self.pending >= self.batch or time.monotonic() - self.last >= self.interval:
            self.flush()

    def mark_dirty(self) -> None:
        """Another thread changed documents (the OCR worker filled a scan in): the next ``due()``
        says so, and the owner of this indexer feeds them to the index (one writer)."""
        self.dirty = True

    def rebuilding(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def due(self) -> bool:
        return self.dirty and not self.rebuilding() and time.monotonic() >= self.retry_at

    def flush(self, force: bool = False) -> bool:
        """Feed the index what is behind (at most ``per_flush`` documents); True when none is left.
        Never raises: a failure is reported, the rows stay behind and are retried later."""
        self.pending = 0
        self.last = time.monotonic()
        if self.rebuilding() or (not force and time.monotonic() < self.retry_at):
            return False
        try:
            if not self.checked:
                self.checked = True
                problem = diagnose(self.index_dir, self.factory)
                if problem:
                    self._start_rebuild(problem)
                    return False
            more = self._catch_up()
        except Exception as e:
            self._failed(e)
            return False
        self.failures = 0
        self.dirty = more
        return not more

    def _backend(self) -> SearchBackend:
        try:
            return _open(self.index_dir, create=False, mmap=False)
        except IndexMissing:
            with self.factory() as session:
                if backlog(session).indexed:
                    raise
            return _open(self.index_dir, mmap=False)  # a new home: its first index

    def _catch_up(self) -> bool:
        backend = self._backend()
        try:
            self._drop_gone(backend)
            cursor, done = 0, 0
            while done < self.per_flush:
                as_of = now()
                with self.factory() as session:
                    ids = behind_ids(session, cursor, self.batch)
                    if not ids:
                        return False
                    docs = list(load(session, ids))
                # Held from the index commit to the database's record of it: a rebuild's swap
                # never falls between the two (see index.swap).
                with swap.swap_lock(self.index_dir):
                    backend.add(docs)
                    with self.factory() as session:
                        mark_indexed(session, ids, as_of)
                        session.commit()
                cursor, done = ids[-1], done + len(ids)
            return True
        finally:
            backend.close()

    def _drop_gone(self, backend: SearchBackend) -> None:
        """Take out of search the documents named to the indexer that the database no longer holds
        (the half a new version of a file replaced)."""
        if not self.named:
            return
        named, self.named = self.named, set()
        with self.factory() as session:
            kept = set(session.scalars(select(Document.id).where(Document.id.in_(named))))
        if named - kept:
            backend.delete(sorted(named - kept))

    def _failed(self, error: Exception) -> None:
        self.failures += 1
        self.dirty = True
        delay = min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** (self.failures - 1))
        self.retry_at = time.monotonic() + delay
        why = " ".join(str(error).split())[:300]
        self.warn(f"chưa cập nhật được chỉ mục tìm kiếm, sẽ thử lại sau {delay:g} giây: {type(error).__name__}: {why}")
        try:
            problem = diagnose(self.index_dir, self.factory)
        except Exception:  # the database itself is away: check again at the next attempt
            self.checked = False
            return
        if problem:
            self._start_rebuild(problem)

    def _start_rebuild(self, reason: str) -> None:
        if self.rebuilding():
            return
        if swap.rebuilds(self.index_dir):  # another process is at it: look again once it is done
            self.dirty, self.checked = True, False
            self.retry_at = time.monotonic() + 2.0
            return
        self.warn(
            f"chỉ mục tìm kiếm hỏng hoặc thiếu ({reason}): đang dựng lại từ cơ sở dữ liệu, việc nhập vẫn tiếp tục"
        )
        self._thread = threading.Thread(target=self._rebuild, name="congvan-reindex", daemon=True)
        self._thread.start()

    def _rebuild(self) -> None:
        try:
            n = reindex(self.index_dir, self.factory)
        except Exception as e:
            self.failures += 1
            self.checked = False  # check (and rebuild) again at the next attempt
            self.retry_at = time.monotonic() + min(MAX_BACKOFF, FIRST_BACKOFF * 2**self.failures)
            self.warn(f"dựng lại chỉ mục thất bại: {type(e).__name__}: {e}")
        else:
            self.failures = 0
            self.retry_at = 0.0
            self.tell(f"Đã dựng lại chỉ mục tìm kiếm: {n} văn bản")
        finally:
            self.dirty = True  # what was stored during the rebuild is fed to the new index

    def close(self) -> None:
        """Wait for a running rebuild, then feed the index what is still behind."""
        if self._thread is not None:
            self._thread.join()
        if self.dirty:
            self.flush(force=True)


@dataclass(frozen=True)
class IndexState:
    """What ``congvan status`` says about the index."""

    backlog: Backlog
    rebuilds: list[swap.Rebuild]


def index_state(index_dir: Path, factory: SessionFactory) -> IndexState:
    with factory() as session:
        state = backlog(session)
    return IndexState(state, swap.rebuilds(index_dir))


def open_for_search(
    index_dir: Path, factory: SessionFactory, warn: Callable[[str], None] = log.warning, wait: float = REBUILD_WAIT
) -> SearchBackend:
    """The index to search. A sound one is opened (with a word when documents are still behind);
    a missing or unreadable one is said so, and rebuilt from the database before answering — or,
    when another process is rebuilding it already, that rebuild is waited for (up to ``wait`` s)."""
    problem = diagnose(index_dir, factory)
    if problem is None:
        backend = _open(index_dir)
        with factory() as session:
            _warn_behind(backlog(session), warn)
        return backend
    running = swap.rebuilds(index_dir)
    if running:
        r = running[0]
        warn(
            f"Chỉ mục tìm kiếm hỏng hoặc thiếu ({problem}); đang được dựng lại (tiến trình {r.pid}, từ "
            f"{r.since.astimezone():%H:%M:%S}), xin chờ…"
        )
        end = time.monotonic() + wait
        while swap.rebuilds(index_dir) and time.monotonic() < end:
            time.sleep(0.5)
        if diagnose(index_dir, factory) is None:
            return _open(index_dir)
    else:
        warn(f"Chỉ mục tìm kiếm hỏng hoặc thiếu ({problem}): đang dựng lại từ cơ sở dữ liệu, xin chờ…")
    reindex(index_dir, factory)
    return _open(index_dir)


def _warn_behind(state: Backlog, warn: Callable[[str], None]) -> None:
    if state.behind and state.since is not None and dt.datetime.now(dt.UTC) - state.since > dt.timedelta(seconds=30):
        warn(
            f"{state.behind} văn bản chưa có trong chỉ mục tìm kiếm (từ {state.since.astimezone():%d/%m %H:%M}), "
            f"kết quả có thể thiếu"
        )
