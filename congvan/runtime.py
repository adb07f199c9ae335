"""Opening what a command needs: the database (migrated to the latest schema), the store, the index."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy.orm import Session, sessionmaker

from congvan.config import Settings, settings
from models.db import engine_for, upgrade
from pipeline.ingest.store import ContentStore


@lru_cache(maxsize=4)
def _migrated(url: str) -> bool:
    upgrade(url)
    return True


def session_factory(cfg: Settings | None = None) -> sessionmaker[Session]:
    cfg = cfg or settings()
    cfg.home.mkdir(parents=True, exist_ok=True)
    _migrated(cfg.database_url)
    return sessionmaker(bind=engine_for(cfg.database_url), expire_on_commit=False)


def content_store(cfg: Settings | None = None) -> ContentStore:
    cfg = cfg or settings()
    return ContentStore(cfg.store_dir)


def ingest_hooks(cfg: Settings | None = None):
    """Per-document hooks run inside the ingest transaction (follow-up linking) and the indexer run
    after each commit. Every entry point that ingests (``congvan ingest``, the inbox watcher, the
    web upload) takes them from here so that they behave the same."""
    from pipeline.ingest.followups import link_followups

    hooks = [link_followups]
    after_commit = None
    try:
        from congvan.search_glue import indexer
    except ImportError:  # the search index is optional until its package is installed
        return hooks, None
    after_commit = indexer(cfg or settings())
    return hooks, after_commit
