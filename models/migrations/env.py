"""Alembic environment: the URL comes from the Config (congvan sets it) or CONGVAN_DATABASE_URL."""

from __future__ import annotations

from alembic import context

from congvan.config import settings
from models.db import engine_for
from models.schema import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or settings().database_url


def run_offline() -> None:
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    with engine_for(url).connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
