"""Settings read once, migrations only where the schema may need to change, and nothing below the
edge reaching back into it (models/migrations/env.py takes its URL from the Alembic config)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import inspect, text

from congvan.config import Settings
from models.db import engine_for, head_revision

# Runs a command in a fresh interpreter, then says whether Alembic's upgrade was ever loaded.
_RUN = """
import sys
from congvan.cli import main
sys.argv = ["congvan", *sys.argv[1:]]
try:
    main()
except SystemExit as e:
    code = e.code
else:
    code = 0
print("alembic.command loaded:", "alembic.command" in sys.modules)
sys.exit(code)
"""


def _congvan(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    full = os.environ | {"PYTHONPATH": str(Path.cwd()), "COLUMNS": "200"} | env
    return subprocess.run(
        [sys.executable, "-c", _RUN, *args], env=full, capture_output=True, text=True, timeout=300, check=False
    )


def test_a_reading_command_leaves_a_database_at_head_alone(tmp_path, database_url):
    r = _congvan(
        {"CONGVAN_HOME": str(tmp_path / "home"), "CONGVAN_DATABASE_URL": database_url},
        "owe",
        "--by",
        "31/7/2025",
        "--today",
        "1/7/2025",
    )
    assert r.returncode == 0, r.stderr
    assert "Không có việc nào." in r.stdout
    assert "alembic.command loaded: False" in r.stdout


def test_a_reading_command_on_a_brand_new_home_creates_the_schema(tmp_path):
    home = tmp_path / "mới"
    env = {"CONGVAN_HOME": str(home), "CONGVAN_DATABASE_URL": ""}
    r = _congvan(env, "owe", "--by", "31/7/2025", "--today", "1/7/2025")
    assert r.returncode == 0, r.stderr
    assert "Không có việc nào." in r.stdout and "alembic.command loaded: True" in r.stdout
    url = f"sqlite:///{home / 'congvan.db'}"
    with engine_for(url).connect() as conn:
        assert "obligations" in inspect(conn).get_table_names()
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    r = _congvan(env, "refs", "--missing")  # the second run finds it at head
    assert r.returncode == 0, r.stderr
    assert "alembic.command loaded: False" in r.stdout


def test_migrations_run_without_the_edge(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    code = (
        "import sys; from models.db import upgrade, current_revision, head_revision; upgrade(sys.argv[1]);"
        "assert current_revision(sys.argv[1]) == head_revision();"
        "print(sorted(m for m in sys.modules if m == 'congvan' or m.startswith('congvan.')))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, url],
        env=os.environ | {"PYTHONPATH": str(Path.cwd())},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_settings_come_from_the_mapping_they_are_given(tmp_path):
    s = Settings.from_env({"CONGVAN_HOME": str(tmp_path / "h")})
    assert s.home == tmp_path / "h" and s.database_url == f"sqlite:///{tmp_path / 'h' / 'congvan.db'}"
    assert s.store_dir == tmp_path / "h" / "corpus" and s.index_dir == tmp_path / "h" / "index"
    pg = "postgresql+psycopg2://u:p@host/congvan"
    assert Settings.from_env({"CONGVAN_HOME": str(tmp_path), "CONGVAN_DATABASE_URL": pg}).database_url == pg


def test_the_answer_time_limit_is_a_setting_with_a_default(tmp_path):
    import pytest

    from pipeline.deadline import DEFAULT_ANSWER_SECONDS
    from pipeline.errors import ConfigError as SettingsError

    home = {"CONGVAN_HOME": str(tmp_path)}
    assert Settings.from_env(home).answer_seconds == DEFAULT_ANSWER_SECONDS == 10.0
    assert Settings.from_env({**home, "CONGVAN_ANSWER_SECONDS": "2.5"}).answer_seconds == 2.5
    for bad in ("0", "-1", "soon", "inf", "nan"):
        with pytest.raises(SettingsError, match="CONGVAN_ANSWER_SECONDS"):
            Settings.from_env({**home, "CONGVAN_ANSWER_SECONDS": bad})
