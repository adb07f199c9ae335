"""Benchmark the inbox: from dropping a .docx to finding it, and the throughput of a big drop.

    .venv/bin/python bench/inbox.py [--drops 20] [--batch 500] [--stable 5] [--gap 1] [--poll S] [--database-url URL]

A real ``congvan watch`` process watches a temporary inbox (fresh CONGVAN_HOME; SQLite unless a
database URL is given). Then:

1. latency: ``--drops`` distinct .docx are dropped one at a time, ``--gap`` seconds apart (written
   beside the inbox, then renamed in, as a network copy does); for each, the time until it is
   *searchable*:
   ``Wiring.search(query)`` (the home's index) finds it. Median, min and max.
2. throughput: ``--batch`` distinct .docx renamed into the inbox at once; files per second until
   the last one has left the inbox, overall and from the first file taken to the last (without
   the stability delay, which every file waits once), and until the index holds them all.

The stability delay is part of the latency by design (a file is taken only once unchanged for
that long); the output gives the latency with and without it.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.inbox import cong_van_text, write_docx  # noqa: E402  (the công văn maker of the tests)


def _searcher(wiring):
    """(how "found" is judged, a function session, reference -> doc_id or None)."""
    from sqlalchemy import select

    from models.schema import Document

    def searchable(session, reference: str) -> int | None:
        doc_id = session.scalar(select(Document.id).where(Document.reference == reference))
        if doc_id is None:
            return None
        return doc_id if doc_id in {h.id for h in wiring.search(reference)} else None

    return "the index finds it", searchable


def _left_inbox(inbox: Path) -> int:
    n = 0
    for folder in ("processed", "failed", "duplicates"):
        for _dirpath, _dirs, files in os.walk(inbox / folder):
            n += sum(1 for f in files if not f.endswith((".reason.txt", ".note.txt")))
    return n


def _parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--drops", type=int, default=20)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--stable", type=float, default=5.0, help="the watcher's stability delay (s); 5 is its default")
    ap.add_argument("--poll", type=float, default=None, help="run the watcher in polling mode")
    ap.add_argument("--gap", type=float, default=1.0, help="pause between two drops (s)")
    ap.add_argument("--database-url", default=None, help="default: SQLite in the temporary CONGVAN_HOME")
    return ap.parse_args()


def _start_watcher(args: argparse.Namespace, inbox: Path, log) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "congvan.cli", "watch", str(inbox), "--stable", str(args.stable)]
    if args.poll:
        cmd += ["--poll", str(args.poll)]
    return subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=os.environ | {"PYTHONUNBUFFERED": "1"})


def _wait_until_watching(watcher: subprocess.Popen, log_path: Path) -> None:
    while "Đang theo dõi" not in log_path.read_text(encoding="utf-8"):
        if watcher.poll() is not None:
            sys.exit(f"the watcher exited: {log_path.read_text(encoding='utf-8')}")
        time.sleep(0.05)


def _wait_found(factory, found, reference: str, start: float) -> None:
    while True:
        with factory() as session:
            if found(session, reference):
                return
        if time.perf_counter() - start > 120:
            sys.exit(f"not found after 120 s: {reference}")
        time.sleep(0.01)


def _latency(args: argparse.Namespace, inbox: Path, staging: Path, factory, how: str, found) -> None:
    print(f"\n1. drop → searchable, {args.drops} drops of one .docx; searchable = {how}")
    latencies = []
    for n in range(args.drops):
        text = cong_van_text(n, seed=900)
        reference = text.split("Số: ", 1)[1].split("\n", 1)[0].strip()
        src = staging / f"Công văn {n + 1}.docx"
        write_docx(src, text)
        start = time.perf_counter()
        os.replace(src, inbox / src.name)
        _wait_found(factory, found, reference, start)
        latencies.append(time.perf_counter() - start)
        # Separate drops, as clerks make them. Back to back (--gap 0), a drop made within half
        # a second of the watcher moving the previous file out waits for watchdog, which
        # holds an unpaired "moved from" inotify event that long, and the next behind it.
        time.sleep(args.gap)
    med = statistics.median(latencies)
    print(f"   median {med:.3f} s (min {min(latencies):.3f}, max {max(latencies):.3f});"
          f" minus the stability delay: median {med - args.stable:.3f} s")  # fmt: skip


def _drop_batch(batch: Path, inbox: Path, size: int) -> tuple[float, float, float]:
    """(start, first file taken, last file out) of ``size`` files renamed into the inbox at once."""
    before = _left_inbox(inbox)
    start = time.perf_counter()
    for p in sorted(batch.iterdir()):
        os.replace(p, inbox / p.name)
    first = None
    while (done := _left_inbox(inbox) - before) < size:
        if done and first is None:
            first = time.perf_counter()
        if time.perf_counter() - start > 1800:
            sys.exit(f"only {done} of {size} after 30 minutes")
        time.sleep(0.05)
    end = time.perf_counter()
    return start, first or end, end


def _wait_indexed(wiring, expected: int, start: float) -> float:
    """Seconds from ``start`` until the index holds ``expected`` documents (it is written in batches)."""
    while True:
        backend = wiring.open_index()
        try:
            if backend.count() >= expected:
                break
        finally:
            backend.close()
        if time.perf_counter() - start > 1800:
            sys.exit("the index did not catch up in 30 minutes")
        time.sleep(0.1)
    return time.perf_counter() - start


def _throughput(args: argparse.Namespace, inbox: Path, staging: Path, wiring) -> None:
    print(f"\n2. throughput: {args.batch} distinct .docx dropped at once")
    batch = staging / "batch"
    batch.mkdir()
    for n in range(args.batch):
        write_docx(batch / f"Văn bản đến số {n + 1}.docx", cong_van_text(n, seed=901))
    start, first, end = _drop_batch(batch, inbox, args.batch)
    searchable = _wait_indexed(wiring, args.drops + args.batch, start)
    print(f"   all {args.batch} out of the inbox in {end - start:.1f} s: {args.batch / (end - start):.1f} files/s;"
          f" from the first taken to the last: {args.batch / max(end - first, 1e-9):.1f} files/s")  # fmt: skip
    print(f"   all {args.batch} searchable after {searchable:.1f} s: {args.batch / searchable:.1f} files/s")


def _stored(factory) -> tuple[int, int]:
    """(documents, journal rows) in the database."""
    from sqlalchemy import func, select

    from models.schema import Document, IngestEntry

    with factory() as session:
        return session.scalar(select(func.count(Document.id))), session.scalar(select(func.count(IngestEntry.id)))


def main() -> None:
    args = _parse_args()
    work = Path(tempfile.mkdtemp(prefix="congvan-bench-inbox-"))
    home, inbox, staging = work / "home", work / "Hộp thư đến", work / "staging"
    inbox.mkdir()
    staging.mkdir()
    url = args.database_url or f"sqlite:///{home / 'congvan.db'}"
    os.environ["CONGVAN_HOME"], os.environ["CONGVAN_DATABASE_URL"] = str(home), url

    from congvan.wiring import Wiring

    wiring = Wiring.from_env(writes=True)
    factory = wiring.session_factory  # migrates the fresh database before the watcher starts
    how, found = _searcher(wiring)
    log = open(work / "watch.log", "w")  # noqa: SIM115 — open for the watcher's lifetime
    watcher = _start_watcher(args, inbox, log)
    try:
        _wait_until_watching(watcher, work / "watch.log")
        print(f"inbox: {inbox}\ndatabase: {url.split('@')[-1]}\nwatcher: --stable {args.stable:g}"
              + (f" --poll {args.poll:g}" if args.poll else " (inotify)"))  # fmt: skip
        _latency(args, inbox, staging, factory, how, found)
        _throughput(args, inbox, staging, wiring)
        docs, rows = _stored(factory)
        print(f"   documents stored: {docs}, journal rows: {rows} (expected {args.drops + args.batch} each)")
    finally:
        watcher.send_signal(signal.SIGTERM)
        watcher.wait(timeout=60)
        log.close()
    print(f"\n(work folder kept for inspection: {work})")


if __name__ == "__main__":
    main()
