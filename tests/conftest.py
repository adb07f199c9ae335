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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="run the slow tests too (always when CI is set)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect ``slow`` tests for the quick local loop; CI (``CI`` set) and ``--slow`` run them all.

    Deselected, not skipped: a skip would read as a test that could not run, and this is a choice."""
    if os.environ.get("CI") or config.getoption("--slow"):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]


def new_database(tmp_path: Path) -> tuple[str, object]:
    """A migrated empty database: (url, cleanup)."""
    url, drop = blank_database(tmp_path)
    upgrade(url)
    return url, drop


def blank_database(tmp_path: Path) -> tuple[str, object]:
    """A database with no tables at all, not even Alembic's: (url, cleanup)."""
    if not SERVER_URL:
        return f"sqlite:///{tmp_path / f'congvan-{uuid.uuid4().hex[:8]}.db'}", lambda: None
    name = f"congvan_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)

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


@pytest.fixture
def blank_database_url(tmp_path: Path):
    """A database without any table, for a test that builds its schema with an older version."""
    url, drop = blank_database(tmp_path)
    try:
        yield url
    finally:
        drop()


@pytest.fixture(scope="session")
def office_files(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Each bundled .docx sample as a Word 97 .doc, an .rtf and an .odt, made by LibreOffice once per
    session (three LibreOffice runs, a few seconds): {"doc": {"skhcn-wifi-cong-cong": path}, ...}."""
    from corpus import SAMPLES_DIR
    from tests.helpers.office import office_samples

    return office_samples(tmp_path_factory.mktemp("office"), sorted(SAMPLES_DIR.glob("*.docx")))
