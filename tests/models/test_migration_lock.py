"""Migrations under a lock: processes starting on a fresh database at the same instant all come up
(without it, the second one died on an ``alembic_version`` IntegrityError)."""

from __future__ import annotations

import multiprocessing
import subprocess
from pathlib import Path

import pytest

from models.db import engine_for, head_revision
from tests.helpers.concurrent import start_at_once
from tests.helpers.inbox import cong_van_text, env_for, files_under, watch_cmd

STARTERS = 4


def test_processes_starting_at_once_on_a_fresh_database_all_come_up(tmp_path: Path, blank_database_url: str):
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(STARTERS), ctx.Queue()
    procs = [
        ctx.Process(target=start_at_once, args=(blank_database_url, str(tmp_path / "home"), barrier, results))
        for _ in range(STARTERS)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert outcomes == [("ok", head_revision())] * STARTERS
    assert [p.exitcode for p in procs] == [0] * STARTERS
    with engine_for(blank_database_url).connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1


@pytest.mark.slow  # two watchers started by the test's clock, a few seconds each
def test_two_watchers_started_together_on_a_fresh_database_both_come_up(tmp_path: Path, blank_database_url: str):
    procs = []
    for n in range(2):
        inbox = tmp_path / f"hộp thư {n}"
        inbox.mkdir()
        (inbox / f"công văn {n}.txt").write_text(cong_van_text(n), encoding="utf-8")
        cmd = watch_cmd(inbox, "--once", "--stable", "0")
        procs.append((inbox, subprocess.Popen(cmd, env=env_for(tmp_path / "home", blank_database_url),
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)))  # fmt: skip
    for inbox, proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert len(files_under(inbox / "processed")) == 1, out + err
