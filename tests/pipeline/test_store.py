"""The content store after kill -9: a copy killed midway leaves a ``.tmp-`` file, which the next
start removes once it is stale; finished files and copies still in progress are never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.ingest.store import STALE_TEMP_AGE, TEMP_PREFIX, ContentStore
from tests.helpers.inbox import CONGVAN, cong_van_text, env_for, wait_for

# A real ``put`` that stalls at its fsync (as a copy onto a slow disk does), so it is caught with its
# temporary file written and not yet renamed. (The store reads regular files only: no FIFO source.)
_PUT = (
    "import os, sys, time; from pathlib import Path; os.fsync = lambda fd: time.sleep(3600); "
    "from pipeline.ingest.store import ContentStore; ContentStore(Path(sys.argv[1])).put(Path(sys.argv[2]), 'ab' * 32)"
)


def _killed_midway(store: Path, tmp_path: Path) -> Path:
    """A real ``put`` killed by SIGKILL in the middle of its copy."""
    source = tmp_path / "đang gửi.txt"
    source.write_bytes(b"x" * (3 << 20))  # more than one chunk
    proc = subprocess.Popen(
        [sys.executable, "-c", _PUT, str(store), str(source)], env=os.environ | {"PYTHONPATH": str(Path.cwd())}
    )
    try:
        assert wait_for(lambda: any(p.stat().st_size == 3 << 20 for p in store.glob(f"*/{TEMP_PREFIX}*")), 30)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    (left,) = store.glob(f"*/{TEMP_PREFIX}*")
    return left


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_copy_killed_midway_is_cleaned_at_the_next_start(tmp_path: Path, database_url: str):
    home = tmp_path / "home"
    store = home / "corpus"
    left = _killed_midway(store, tmp_path)
    _age(left, STALE_TEMP_AGE + 60)
    finished = ContentStore(store).put(_write(tmp_path / "cũ.txt", cong_van_text(1)))
    _age(store / finished.relpath, STALE_TEMP_AGE * 10)  # old, but a finished file
    in_progress = left.with_name(f"{TEMP_PREFIX}dang-chep")  # another process's copy, written just now
    in_progress.write_bytes(b"half")

    doc = _write(tmp_path / "mới.txt", cong_van_text(2))
    r = subprocess.run(
        [*CONGVAN, "ingest", "-q", str(doc)],
        env=env_for(home, database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert not left.exists()
    assert (store / finished.relpath).read_text(encoding="utf-8") == cong_van_text(1)
    assert in_progress.read_bytes() == b"half"
    assert sorted(p.name for p in store.glob(f"*/{TEMP_PREFIX}*")) == [in_progress.name]


def test_only_stale_temporary_files_are_removed(tmp_path: Path):
    store = ContentStore(tmp_path / "corpus")
    (tmp_path / "corpus" / "ab").mkdir(parents=True)
    old, young, link = (tmp_path / "corpus" / "ab" / f"{TEMP_PREFIX}{n}" for n in ("cu", "moi", "lien-ket"))
    old.write_bytes(b"1")
    young.write_bytes(b"2")
    link.symlink_to(old)
    _age(old, STALE_TEMP_AGE + 1)
    assert store.clean_stale_temps() == 1
    assert not old.exists() and young.exists() and link.is_symlink()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
