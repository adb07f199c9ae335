"""Engines, sessions and migrations. SQLite by default; PostgreSQL for a shared office."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the inbox writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str) -> None:
    """Bring the database to the latest schema (alembic upgrade head)."""
    from alembic import command

    command.upgrade(alembic_config(url), "head")


def head_revision() -> str | None:
    """The newest migration, read from the versions folder (no database, no migration run)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current_revision(url: str) -> str | None:
    """The revision the database says it is at; None for a database Alembic never touched."""
    from sqlalchemy import inspect, text

    with engine_for(url).connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_schema(url: str) -> None:
    """Migrate only when needed: a database already at head is left alone, a new or older one upgraded.

    Reading commands (``owe``, ``search``) call this so that a fresh home still answers ("Không có
    việc nào") without paying for Alembic's upgrade on every run.
    """
    if current_revision(url) != head_revision():
        upgrade(url)


@contextmanager
def transaction(factory: sessionmaker[Session]):
    """A session from ``factory`` that commits on success and rolls back on error."""
    session: Session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def session_scope(url: str):
    """A transaction on the database at ``url``."""
    return transaction(sessionmaker(bind=engine_for(url), expire_on_commit=False))
