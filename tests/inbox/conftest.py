"""Fixtures for the inbox tests: an inbox folder, a fresh CONGVAN_HOME and database (SQLite, or
PostgreSQL when CONGVAN_TEST_DATABASE_URL is set), and the watcher run as a real process."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from models.db import engine_for
from tests.helpers.inbox import Box


@pytest.fixture
def box(tmp_path: Path, database_url: str):
    inbox = tmp_path / "Hộp thư đến"  # a Vietnamese name with spaces, as an office would call it
    inbox.mkdir()
    logs = tmp_path / "logs"
    logs.mkdir()
    b = Box(inbox=inbox, home=tmp_path / "home", database_url=database_url, logs=logs)
    try:
        yield b
    finally:
        for proc in b.procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait(timeout=10)
        engine_for(database_url).dispose()
