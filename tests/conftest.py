"""Shared fixtures. ``database_url``: a fresh, migrated database per test.

SQLite in the test's tmp_path by default; when CONGVAN_TEST_DATABASE_URL names a PostgreSQL
server (``.ci/run`` starts one), each test gets a database of its own created on that server,
so the same tests run against both.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models.db import engine_for, upgrade

SERVER_URL = os.environ.get("CONGVAN_TEST_DATABASE_URL")


def new_database(tmp_path: Path) -> tuple[str, object]:
    """A migrated empty database: (url, cleanup)."""
    if not SERVER_URL:
        url = f"sqlite:///{tmp_path / f'congvan-{uuid.uuid4().hex[:8]}.db'}"
        upgrade(url)
        return url, lambda: None
    name = f"congvan_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    upgrade(url)

    def drop() -> None:
        engine_for(url).dispose()
        engine_for.cache_clear()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture
def database_url(tmp_path: Path):
    url, drop = new_database(tmp_path)
    try:
        yield url
    finally:
        drop()


@pytest.fixture
def congvan_home(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CONGVAN_HOME and CONGVAN_DATABASE_URL pointing at a fresh home for CLI tests."""
    home = tmp_path / "home"
    monkeypatch.setenv("CONGVAN_HOME", str(home))
    monkeypatch.setenv("CONGVAN_DATABASE_URL", database_url)
    return home
