"""Reading and extraction of one file in a worker process, bounded in time and memory.

A small file can still be a bomb (10 MiB of XML in a 68 KB .docx, a PDF page of a million text
objects): read in the watcher's own process it would hold the inbox for minutes or take the
server's memory. ``BoundedReader`` turns a path into its documents (a RawDocument and its
DocumentExtraction for each document the file holds: ``Part``, most often one) in a
child process whose address space is capped (``RLIMIT_AS``, set in the child) and which is killed
when it runs over the time limit; the caller gets a ReadError naming the limit and goes on with
the next file at once. The database and the store stay in the caller: the child only reads.

The child is warm (its libraries and the spaCy pipeline loaded once) and serves file after file;
after a failure it is replaced, the new one warming up while the caller records the verdict.
multiprocessing is used directly rather than ``concurrent.futures.ProcessPoolExecutor``: a pool
cannot kill the worker of a task that hangs (its ``result(timeout)`` leaves it running), and a
worker killed under it breaks the whole pool. 'forkserver' (or 'spawn' where there is none) gives
a fresh child that inherits neither the caller's threads (the watcher's observer) nor its locks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pipeline.errors import ExtractionError, MemoryLimitExceeded, ReadError, TimeLimitExceeded, WorkerCrashed
from pipeline.readers import ReadLimits

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from pipeline.document import RawDocument
    from pipeline.extract import DocumentExtraction


class Part(NamedTuple):
    """One document of a file, read and extracted: the whole file most often; one letter of three
    scanned into one PDF (``raw.metadata["part"]`` "2/3", ``["pages"]`` "3-5")."""

    raw: RawDocument
    extraction: DocumentExtraction


# What the ingest step calls to turn a path into its documents and their extractions.
FileReader = Callable[[Path], "tuple[Part, ...]"]

# A 2-core 4 GB office server: a normal document reads in well under a second; two minutes is a
# file that will never finish. 1 GiB of address space leaves room for PostgreSQL and the watcher.
DEFAULT_TIME_LIMIT = 120.0
DEFAULT_MEMORY_MB = 1024
ORPHAN_GRACE = 10  # seconds past the limit after which a worker whose caller is gone ends itself
START_TIMEOUT = 120.0  # a cold worker loads its libraries and the spaCy pipeline (about 2 s)


@dataclass(frozen=True)
class Limits:
    """What one file may cost: wall-clock seconds, megabytes of address space, and the readers' caps."""

    seconds: float = DEFAULT_TIME_LIMIT
    memory_mb: int = DEFAULT_MEMORY_MB
    read: ReadLimits = field(default_factory=ReadLimits)


def read_and_extract(path: Path, limits: ReadLimits | None = None) -> tuple[Part, ...]:
    """The one step from a path to its documents, each a RawDocument and its extraction (in
    whatever process calls it): one Part for a file holding one document, several for a batch
    (``pipeline.readers.split``).

    An extractor failing is an ExtractionError naming the file, so that every caller reports it alike.
    """
    from pipeline.extract import extract
    from pipeline.readers.parts import read_parts

    raws = read_parts(path, limits or ReadLimits())
    try:
        return tuple(Part(raw, extract(raw)) for raw in raws)
    except MemoryError:
        raise
    except Exception as e:
        raise ExtractionError(f"lỗi trích xuất ({type(e).__name__}: {e})") from e


# -- the child ------------------------------------------------------------------------------------


def _peak_mb() -> float:
    """This process's peak resident memory, in MB (ru_maxrss is in KiB on Linux)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still holds
        return
    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _alarm(seconds: int) -> None:
    if hasattr(signal, "alarm"):  # not on Windows
        signal.alarm(seconds)


def _warm() -> None:
    """Load what every file needs, so that the time limit measures the file and not the imports."""
    from extractors.nlp import unit_pipeline
    from pipeline.readers import registry

    for cls in registry().values():
        cls()
    unit_pipeline()
    import docx  # noqa: F401  (the readers import their libraries on first use)
    import pypdfium2  # noqa: F401


def _within(limits: Limits) -> ReadLimits:
    """The readers' limits, a LibreOffice conversion given at most half the file's time.

    LibreOffice runs in a process group of its own (pipeline/readers/office.py), which killing this
    worker would leave running: it must be over, killed by the reader itself, before the worker is.
    """
    seconds = min(limits.read.convert_seconds, limits.seconds / 2)
    return dataclasses.replace(limits.read, convert_seconds=seconds)


def _serve(conn: Connection, limits: Limits) -> None:
    """The child's loop: a path in, ("ok", parts) or ("error", ReadError) out, with its peak."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle; it stops us
    _limit_memory(limits.memory_mb)
    try:
        _warm()
    except MemoryError:
        conn.send(("memory", None, _peak_mb()))
        return
    conn.send(("ready", None, _peak_mb()))
    read_limits = _within(limits)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        cwd, path = job
        if os.getcwd() != cwd:  # a relative path means what it means to the caller
            os.chdir(cwd)
        # A backstop should the caller be killed mid-file (kill -9: nobody left to kill us): the
        # default SIGALRM ends this process a little after the caller would have.
        _alarm(math.ceil(limits.seconds) + ORPHAN_GRACE)
        try:
            reply = ("ok", read_and_extract(Path(path), read_limits))
        except MemoryError:
            reply = ("memory", None)
        except (ReadError, ExtractionError) as e:
            reply = ("error", e)
        except Exception as e:  # a reader's bug: the file fails with it, the worker goes on
            reply = ("error", ExtractionError(f"lỗi khi đọc ({type(e).__name__}: {e})"))
        _alarm(0)
        conn.send((*reply, _peak_mb()))
        if reply[0] == "memory":
            return  # its heap may be left fragmented: a fresh worker takes the next file


# -- the parent -----------------------------------------------------------------------------------


def _context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _proc_peak_mb(pid: int) -> float | None:
    """A live process's peak resident memory (Linux /proc), read before it is killed."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class BoundedReader:
    """``reader(path) -> (Part(raw, extraction), ...)`` in a warm worker process, within ``limits``.

    Raises ReadError (the file's own fault, or TimeLimitExceeded / MemoryLimitExceeded /
    WorkerCrashed) or ExtractionError; never hangs longer than the time limit. ``last_peak_mb``
    is the worker's peak resident memory after the last file (for reports and tests).
    """

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.last_peak_mb: float | None = None
        self.started = 0  # workers started: one, plus one after each file that killed its worker
        self._proc = None
        self._conn: Connection | None = None
        self._ready = False

    def __enter__(self) -> BoundedReader:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def start(self) -> None:
        """Start a worker now (it warms up while the caller does something else)."""
        if self._proc is not None:
            return
        parent, child = _context().Pipe()
        proc = _context().Process(target=_serve, args=(child, self.limits), name="congvan-reader", daemon=True)
        try:
            proc.start()
        finally:
            child.close()
        self._proc, self._conn, self._ready = proc, parent, False
        self.started += 1

    def close(self) -> None:
        """Stop the worker (politely if idle, by force otherwise)."""
        if self._proc is None:
            return
        with contextlib.suppress(OSError, ValueError):
            if self._ready and self._conn is not None:
                self._conn.send(None)
        self._proc.join(timeout=2)
        self._kill()

    def _kill(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc, self._conn, self._ready = None, None, False
        if proc is not None and proc.is_alive():
            proc.kill()
        if proc is not None:
            proc.join(timeout=5)
        if conn is not None:
            conn.close()

    def _wait_ready(self, path: Path) -> Connection:
        self.start()
        assert self._conn is not None
        if not self._ready:
            if not self._conn.poll(START_TIMEOUT):
                self._kill()
                raise WorkerCrashed(path, "tiến trình đọc tệp không khởi động được")
            kind, _payload, _peak = self._receive(path)
            if kind == "memory":
                self._fail_memory(path)
            self._ready = True
        return self._conn

    def _receive(self, path: Path) -> tuple:
        assert self._conn is not None and self._proc is not None
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            self._proc.join(timeout=5)
            code = self._proc.exitcode
            self._kill()
            self.start()
            if code == -signal.SIGABRT:  # a C++ library (pdfium) aborts when an allocation fails
                raise MemoryLimitExceeded.of(path, self.limits.memory_mb) from None
            how = f"tín hiệu {-code}" if code is not None and code < 0 else f"mã {code}"
            raise WorkerCrashed(path, f"tiến trình đọc tệp bị dừng đột ngột ({how})") from None

    def _fail_memory(self, path: Path) -> None:
        self._kill()
        self.start()
        raise MemoryLimitExceeded.of(path, self.limits.memory_mb)

    def __call__(self, path: Path) -> tuple[Part, ...]:
        path = Path(path)
        conn = self._wait_ready(path)
        conn.send((os.getcwd(), os.fspath(path)))
        if not conn.poll(self.limits.seconds):
            assert self._proc is not None
            self.last_peak_mb = _proc_peak_mb(self._proc.pid)
            self._kill()
            self.start()  # the next file's worker warms up while this one is recorded as failed
            raise TimeLimitExceeded.of(path, self.limits.seconds)
        kind, *payload, peak = self._receive(path)
        self.last_peak_mb = peak
        if kind == "memory":
            self._fail_memory(path)
        if kind == "error":
            raise payload[0]
        return tuple(payload[0])
