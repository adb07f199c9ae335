"""Watching the inbox: which files are complete, and when to hand them to the Processor.

Events come from watchdog: inotify by default, or a PollingObserver (``poll`` seconds) for network
shares, where a change made by another machine raises no local event. Events only say where to
look; the truth is the folder itself, so the whole inbox is also rescanned at start and every
``rescan`` seconds in any mode (an inotify queue can overflow, a share can drop its events).

Only the folders clerks drop into are watched: the inbox itself (not recursively) and each of
its top-level sub-folders (recursively), never processed/, failed/ or duplicates/ — so the
watcher is not woken by its own moves, and a polling observer does not stat years of processed
files at every poll.

A file is handed over once its signature (size, mtime, ctime, inode) and its content hash have
been seen unchanged for ``stable`` seconds and no process holds it open for writing (writers.py),
and checked once more just before; the Processor checks again after reading it. Symlinks, FIFOs,
sockets and devices are never opened: each is reported once as skipped.

A writer the OS cannot show (another machine on a network share) may still go on after its file
was taken and moved. So each file moved to processed/ or failed/ is watched for ``recheck``
seconds more (an lstat per loop); one that changes and is stable again is taken as a new version
(revise.py), so the database never keeps the half. Revisions a killed watcher left open are done
again at start.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import os_reason
from pipeline.inbox.processor import Inbox, Outcome, OutcomeKind, Processor, Signature, signature
from pipeline.inbox.revise import revise, unfinished
from pipeline.inbox.writers import open_for_writing
from pipeline.ingest.files import display_name, special_kind
from pipeline.ingest.store import sha256_of
from pipeline.status import JournalState


class _QuietStop(logging.Filter):
    """watchdog logs an error when an inotify watch is stopped while its thread is reading (at
    shutdown, or when a watched folder is removed): a harmless race that must not alarm anyone
    reading the journal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "called when the thread is inactive" not in record.getMessage()


logging.getLogger("watchdog.observers.inotify").addFilter(_QuietStop())

BUSY_DELAY = 2.0  # another process holds the file: look again soon
MAX_BACKOFF = 60.0
ONCE_TRIES = 3  # with --once, a file that keeps failing transiently is left in the inbox
# How long a moved file is still watched for a writer we could not see (a share that stalled).
RECHECK_AFTER_MOVE = 600.0
_WATCHED_AFTER = (JournalState.PROCESSED, JournalState.FAILED)


@dataclass
class _Candidate:
    sig: Signature | None = None
    since: float = 0.0  # monotonic time the current signature was first seen
    not_before: float = 0.0
    tries: int = 0
    sha: str | None = None  # the content's hash when the current signature was first seen


@dataclass
class _Moved:
    """A file the watcher moved out, watched a while longer for a writer it could not see."""

    sha: str  # the content taken
    sig: Signature | None
    until: float
    since: float | None = None  # when it was first seen changed (and stable since)
    not_before: float = 0.0


def _hash(path: Path) -> str | None:
    try:
        return sha256_of(path)
    except OSError:
        return None


@dataclass
class Summary:
    done: dict[str, int] = field(default_factory=dict)  # by state: processed, failed, duplicate
    left: list[Path] = field(default_factory=list)  # --once: files that could not be dealt with


class Watcher:
    def __init__(
        self,
        inbox: Inbox,
        processor: Processor,
        *,
        stable: float = 5.0,
        rescan: float = 300.0,
        poll: float | None = None,
        recheck: float = RECHECK_AFTER_MOVE,
        report: Callable[[Outcome], None] = lambda _o: None,
        warn: Callable[[str], None] = lambda _m: None,
    ) -> None:
        self.inbox = inbox
        self.processor = processor
        self.stable = max(0.0, stable)
        self.rescan = max(1.0, rescan)
        self.poll = poll
        self.recheck = max(0.0, recheck)
        self.moved: dict[Path, _Moved] = {}
        self.skipped: set[Path] = set()  # symlinks, FIFOs... reported once
        self.report = report
        self.warn = warn
        self.candidates: dict[Path, _Candidate] = {}
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._dirty: set[tuple[Path, bool]] = set()
        self._dirty_lock = threading.Lock()
        self._observer = None
        self._watches: dict[Path, object] = {}
        self._handler = None
        self._unflushed = False  # files were handled since the indexer's buffer was last written

    def stop(self) -> None:
        """Finish the file at hand, then return from run() (SIGTERM, Ctrl+C)."""
        self._stop.set()
        self._wake.set()

    def wake(self) -> None:
        """Look again now (another thread stored something the index should see: an OCR'd scan)."""
        self._wake.set()

    # -- events (called on the observer's thread) ---------------------------------------------------

    def notify(self, path: Path, is_dir: bool) -> None:
        with self._dirty_lock:
            self._dirty.add((path, is_dir))
        self._wake.set()

    def _start_observer(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        notify = self.notify

        class _Events(FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.event_type in ("created", "modified", "moved", "closed"):
                    raw = event.dest_path if event.event_type == "moved" else event.src_path
                    notify(Path(os.fsdecode(raw)), event.is_directory)

        self._handler = _Events()
        self._observer = PollingObserver(timeout=self.poll) if self.poll else Observer()
        self._sync_watches()
        self._observer.start()

    def _sync_watches(self) -> None:
        if self._observer is None:
            return
        wanted = {self.inbox.root: False} | {d: True for d in self.inbox.watched_dirs()}
        for path in [p for p in self._watches if p not in wanted]:
            with contextlib.suppress(KeyError, OSError):  # the folder went away, and its watch with it
                self._observer.unschedule(self._watches.pop(path))
        for path, recursive in wanted.items():
            if path in self._watches:
                continue
            try:
                self._watches[path] = self._observer.schedule(self._handler, str(path), recursive=recursive)
            except OSError as e:  # e.g. the inotify watch limit: the rescan still finds the files
                self.warn(f"không theo dõi được {path}: {os_reason(e)} (dựa vào quét lại)")

    # -- the loop -----------------------------------------------------------------------------------

    def run(self, once: bool = False) -> Summary:
        """Take files until stopped; with ``once``, take what is in the inbox now and return."""
        summary = Summary()
        if not once:
            self._start_observer()
            for path, old_sha in unfinished(self.processor):  # revisions a killed run left open
                self.moved[path] = _Moved(old_sha, None, time.monotonic() + self.recheck)
        next_rescan = 0.0
        try:
            while not self._stop.is_set():
                now = time.monotonic()
                if now >= next_rescan:
                    self._rescan()
                    next_rescan = math.inf if once else now + self.rescan
                self._drain()
                ready, wake_in = self._ready(time.monotonic())
                for path in ready:
                    if self._stop.is_set():
                        break
                    self._take(path, once, summary)
                if not once:
                    wake_in = min(wake_in, self._recheck(time.monotonic(), summary))
                if ready:
                    self._unflushed = True
                    continue
                if self._unflushed or self.processor.index_due():
                    # nothing more ready: make what was stored searchable now (or retry, or catch
                    # up after a rebuild of the index)
                    self.processor.flush_index()
                    self._unflushed = False
                if once and not self.candidates:
                    break
                timeout = min(wake_in, next_rescan - time.monotonic(), 5.0)
                self._wake.wait(max(timeout, 0.01))
                self._wake.clear()
        finally:
            if self._observer is not None:
                self._observer.stop()
                self._observer.join(timeout=5)
            if self._unflushed:
                self.processor.flush_index()
        return summary

    def _see(self, path: Path) -> None:
        if path not in self.candidates:
            self.candidates[path] = _Candidate()

    def _rescan(self) -> None:
        if not self.inbox.root.is_dir():  # a share unmounted under us: say so, keep trying
            self.warn(f"không thấy thư mục hộp thư: {self.inbox.root}")
            return
        self._sync_watches()  # watches first: a file created during the scan is then not missed
        specials: set[Path] = set()
        for path in self.inbox.scan(on_special=lambda p, kind: (specials.add(p), self._skip(p, kind))):
            self._see(path)
        self.skipped &= specials  # one removed and made again is reported again

    def _skip(self, path: Path, kind: str) -> None:
        """A symlink, FIFO, socket or device: never opened, said once."""
        self.candidates.pop(path, None)
        if path not in self.skipped:
            self.skipped.add(path)
            rel = display_name(self.inbox.relative(path))
            self.warn(f"bỏ qua, không phải tệp thường: {rel} ({kind})")

    def _drain(self) -> None:
        with self._dirty_lock:
            dirty, self._dirty = self._dirty, set()
        resync = False
        for path, is_dir in dirty:
            if is_dir:
                # A folder created or moved in: its files may predate its watch, so walk it.
                if self.inbox.walks_into(path):
                    if path.parent == self.inbox.root and not resync:
                        self._sync_watches()  # a new top-level folder: watch it, then walk it
                        resync = True
                    for f in self.inbox.scan(path):
                        self._see(f)
            elif self.inbox.is_candidate(path):
                self._see(path)

    def _ready(self, now: float) -> tuple[list[Path], float]:
        """Files stable long enough, oldest first, and how long until the next one may be."""
        ready: list[tuple[float, Path]] = []
        wake_in = math.inf
        for path, cand in list(self.candidates.items()):
            if cand.not_before > now:
                wake_in = min(wake_in, cand.not_before - now)
                continue
            sig = signature(path)
            if sig is None:
                del self.candidates[path]
                if (kind := special_kind(path)) is not None:
                    self._skip(path, kind)
            elif sig != cand.sig:
                cand.sig, cand.since, cand.sha = sig, now, _hash(path)
                wake_in = min(wake_in, self.stable)
            elif now - cand.since >= self.stable:
                ready.append((cand.since, path))
            else:
                wake_in = min(wake_in, cand.since + self.stable - now)
        ready.sort()
        return self._settled([p for _, p in ready], now), min(wake_in, self.stable) if ready else wake_in

    def _settled(self, due: list[Path], now: float) -> list[Path]:
        """Of the files stable by signature, those whose content hash is the one seen when the
        window began and that no process holds open for writing (a copy paused mid-file); the
        others begin a new window."""
        writing = open_for_writing(due)  # one /proc scan per cycle, for these files only
        out = []
        for path in due:
            cand = self.candidates[path]
            sha = _hash(path) if path not in writing else None
            if path in writing or sha != cand.sha:
                cand.since, cand.sha = now, sha
            else:
                out.append(path)
        return out

    def _take(self, path: Path, once: bool, summary: Summary) -> None:
        cand = self.candidates.get(path)
        if cand is None:
            return
        sig = signature(path)
        if sig != cand.sig:  # touched while earlier files were handled: wait for it again
            if sig is None:
                del self.candidates[path]
            else:
                cand.sig, cand.since = sig, time.monotonic()
            return
        try:
            outcome = self.processor.handle(path)
        except Exception as e:  # the database unreachable, say: keep the file, try again later
            why = " ".join(str(e).split())[:300]
            self.warn(f"chưa xử lý được: {path}: {type(e).__name__}: {why}")
            outcome = Outcome(path, OutcomeKind.RETRY, reason=str(e))
        if outcome.kind in (OutcomeKind.DONE, OutcomeKind.GONE):
            del self.candidates[path]
            if outcome.kind == OutcomeKind.DONE:
                summary.done[outcome.state or "?"] = summary.done.get(outcome.state or "?", 0) + 1
                self.report(outcome)
                self._watch_moved(outcome)
            return
        if outcome.kind == OutcomeKind.CHANGED:
            cand.sig = None  # judge its stability afresh
            return
        cand.tries += 1
        if once and cand.tries >= ONCE_TRIES:
            del self.candidates[path]
            summary.left.append(path)
            return
        delay = BUSY_DELAY if outcome.kind == OutcomeKind.BUSY else min(MAX_BACKOFF, 0.5 * 2**cand.tries)
        cand.not_before = time.monotonic() + delay

    # -- files moved out, watched a while longer ----------------------------------------------------

    def _watch_moved(self, outcome: Outcome) -> None:
        if outcome.dest is not None and outcome.sha256 and outcome.state in _WATCHED_AFTER and self.recheck:
            # No signature yet: the writer may have gone on between the move and now, so the first
            # look compares the content itself (one hash, once the file is stable).
            self.moved[outcome.dest] = _Moved(outcome.sha256, None, time.monotonic() + self.recheck)

    def _recheck(self, now: float, summary: Summary) -> float:
        """Take again, as a new version, a moved file that changed and is stable again; returns
        how long until one may be due."""
        wake_in = math.inf
        for path, m in list(self.moved.items()):
            if self._stop.is_set():
                break
            sig = signature(path)
            if sig is None or (now >= m.until and m.since is None):
                del self.moved[path]  # taken away by a clerk, or quiet long enough
                continue
            if sig != m.sig:
                m.sig, m.since = sig, now
            if m.since is None or m.not_before > now:
                continue
            if now - m.since < self.stable or open_for_writing([path]):
                m.since = m.since if now - m.since < self.stable else now
                wake_in = min(wake_in, self.stable)
                continue
            self._revise(path, m, summary)
        return wake_in

    def _revise(self, path: Path, m: _Moved, summary: Summary) -> None:
        try:
            outcome = revise(self.processor, path, m.sha)
        except Exception as e:  # the database unreachable, say: try again in a while
            self.warn(f"chưa nhận lại được: {display_name(path)}: {type(e).__name__}: {e}")
            m.not_before = time.monotonic() + MAX_BACKOFF / 4
            return
        if outcome is None:  # the same bytes after all
            m.since = None
        elif outcome.kind == OutcomeKind.DONE:
            del self.moved[path]
            summary.done[outcome.state or "?"] = summary.done.get(outcome.state or "?", 0) + 1
            self.report(outcome)
            self._watch_moved(outcome)
        elif outcome.kind == OutcomeKind.GONE:
            del self.moved[path]
        elif outcome.kind == OutcomeKind.CHANGED:
            m.sig = m.since = None
        else:
            m.not_before = time.monotonic() + BUSY_DELAY
