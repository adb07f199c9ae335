"""Which files another process holds open for writing (Linux /proc), asked of real processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.inbox.writers import open_for_writing

HOLD = "import sys; f = open(sys.argv[1], sys.argv[2]); print('open', flush=True); sys.stdin.read()"


def _holding(path: Path, mode: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), mode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "open\n"
    return proc


def test_a_file_open_for_writing_is_seen_one_open_for_reading_or_closed_is_not(tmp_path: Path):
    names = {mode: tmp_path / f"Công văn {mode}.txt" for mode in ("wb", "ab", "r+b", "rb")}
    for path in names.values():
        path.write_bytes(b"x")
    closed = tmp_path / "đã đóng.txt"
    closed.write_bytes(b"x")
    procs = [_holding(path, mode) for mode, path in names.items()]
    try:
        found = open_for_writing([*names.values(), closed])
    finally:
        for proc in procs:
            proc.communicate("")
    assert found == {names["wb"], names["ab"], names["r+b"]}
    assert open_for_writing([*names.values(), closed]) == set()  # the writers have gone
