"""Alembic environment: the URL is the Config's ``sqlalchemy.url`` (models.db.alembic_config sets it).

Run by hand, ``alembic -x url=postgresql://... upgrade head`` names the database instead.
"""

from __future__ import annotations

from alembic import context

from models.db import engine_for
from models.schema import Base

config = context.config
url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
if not url:
    raise SystemExit("congvan migrations: no database URL (set sqlalchemy.url or pass -x url=...)")


def run_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _migrate(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    given = config.attributes.get("connection")  # models.db.upgrade's, holding the migration lock
    if given is not None:
        _migrate(given)
        return
    with engine_for(url).connect() as connection:
        _migrate(connection)


if context.is_offline_mode():
    run_offline()
else:
    run_online()
