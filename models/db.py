"""Engines, sessions and migrations. SQLite by default; PostgreSQL for a shared office."""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = "congvan:migrations"  # the name of the lock Alembic's upgrade runs under
MIGRATION_LOCK_SUFFIX = ".migrate.lock"  # SQLite: the lock file beside the database


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


def lock_key(name: str) -> int:
    """A PostgreSQL advisory lock key for ``name``: a signed 64-bit hash, the same in every process
    on every machine (Python's ``hash`` is salted per process, so it cannot be used)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def write_lock(session: Session, name: str) -> None:
    """Hold the write lock ``name`` until the session's transaction ends (commit or rollback).

    What a transaction decides from what it reads, and then writes, is only safe from another
    process doing the same at the same moment if both hold this first. PostgreSQL: a
    transaction-scoped advisory lock (waited for; released at commit, rollback or when the
    connection dies); at READ COMMITTED, the default we run at, every statement after it sees
    what the previous holder committed, even in a transaction that read before. SQLite: the
    database's own write lock, taken with BEGIN IMMEDIATE before the first read that counts
    (pysqlite otherwise begins only at the first write, so two processes could both read
    "nothing there yet"); it waits for the busy timeout, then raises OperationalError like any
    locked write. A transaction that has already written holds it.
    """
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})
    elif conn.dialect.name == "sqlite" and not conn.connection.driver_connection.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_path(url: str) -> Path | None:
    path = url.split("///", 1)[-1] if url.startswith("sqlite") else ""
    return Path(path) if path and path != ":memory:" else None


@contextmanager
def _migration_lock(url: str) -> Iterator[Connection]:
    """A connection to run Alembic's upgrade on, holding the migration lock: two processes starting
    on a fresh database at the same instant would otherwise both create ``alembic_version``.
    PostgreSQL: a session advisory lock on that very connection (Alembic commits on it, so a
    transaction-scoped one would not last; the server drops it if the process dies). SQLite: an
    flock on a file beside the database (its DDL does not run in one transaction that the write
    lock could cover; the kernel drops the flock if the process dies)."""
    engine = engine_for(url)
    path = _sqlite_path(url)
    fd = None
    if path is not None:
        fd = os.open(path.with_name(path.name + MIGRATION_LOCK_SUFFIX), os.O_RDWR | os.O_CREAT, 0o664)
        fcntl.flock(fd, fcntl.LOCK_EX)  # waits for the process migrating
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": lock_key(MIGRATION_LOCK)})
                conn.commit()
                try:
                    yield conn
                finally:
                    conn.rollback()
                    conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": lock_key(MIGRATION_LOCK)})
                    conn.commit()
            else:
                yield conn
    finally:
        if fd is not None:
            os.close(fd)  # releases the flock


def _revision_on(conn: Connection) -> str | None:
    from sqlalchemy import inspect

    try:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        conn.commit()  # the check's own transaction, not Alembic's


def upgrade(url: str) -> None:
    """Bring the database to the latest schema (alembic upgrade head), under the migration lock.

    A database at head is left alone without taking the lock; otherwise the revision is read
    again once the lock is held, so a process that waited for another one's upgrade finds the
    work done instead of doing it twice."""
    if current_revision(url) == head_revision():
        return
    from alembic import command

    with _migration_lock(url) as conn:
        if _revision_on(conn) == head_revision():
            return
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()


def head_revision() -> str | None:
    """The newest migration, read from the versions folder (no database, no migration run)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current_revision(url: str) -> str | None:
    """The revision the database says it is at; None for a database Alembic never touched."""
    with engine_for(url).connect() as conn:
        return _revision_on(conn)


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
