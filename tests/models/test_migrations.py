"""The Alembic migrations build exactly the schema the models describe (on SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from models.db import engine_for
from models.schema import Base


def test_upgrade_head_matches_the_models(database_url):
    with engine_for(database_url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_every_table_exists_after_upgrade(database_url):
    from sqlalchemy import inspect

    names = set(inspect(engine_for(database_url)).get_table_names())
    assert set(Base.metadata.tables) <= names and "alembic_version" in names
