"""``congvan ingest`` waits for a locked database like the watcher does: a SQLite write lock held
for 40 s (longer than the 30 s busy timeout) by another process is waited out, with a message,
and the file is stored; with a bound shorter than the lock the file fails with that reason."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.db import engine_for, upgrade
from tests.helpers.inbox import CONGVAN, cong_van_text, env_for

LOCK_SECONDS = 40
_HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.mark.slow  # a 40 s lock, waited out
def test_ingest_waits_out_a_40_second_lock(tmp_path: Path):
    home = tmp_path / "home"
    url = f"sqlite:///{home / 'congvan.db'}"
    upgrade(url)
    engine_for(url).dispose()
    env = env_for(home, url)
    files = []
    for n in range(2):
        files.append(tmp_path / f"công văn {n}.txt")
        files[-1].write_text(cong_van_text(n), encoding="utf-8")

    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(home / "congvan.db"), str(LOCK_SECONDS)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert holder.stdout.readline().strip() == "held"
    began = time.monotonic()
    # At the same time: one ingest waiting as long as it takes, one allowed no wait at all.
    waits, bounded = (
        subprocess.Popen([*CONGVAN, "ingest", *options, str(f)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for options, f in ((["-q"], files[0]), (["-q", "--wait", "0"], files[1]))
    )  # fmt: skip
    _, err = bounded.communicate(timeout=200)
    assert bounded.returncode == 1, err
    assert "cơ sở dữ liệu bị khóa hoặc không kết nối được quá 0 giây" in err and "Traceback" not in err
    _, err = waits.communicate(timeout=300)
    took = time.monotonic() - began
    assert waits.returncode == 0, err
    assert "cơ sở dữ liệu đang bị khóa hoặc chưa kết nối được, thử lại sau" in err
    assert took >= LOCK_SECONDS - 1, took  # it could only store once the lock was released
    holder.wait(timeout=30)
    with engine_for(url).connect() as conn:
        assert conn.exec_driver_sql("SELECT original_name FROM document_files").scalars().all() == [files[0].name]
