"""What a command works with, opened once per process: the database, the content store, the index.

A command builds one ``Wiring`` from its ``Settings`` and takes what it needs from it. Commands that
write (ingest, watch, demo, reindex) open the database with ``writes=True`` and always bring the
schema to head; reading commands (owe, refs, search...) migrate only a database that is not at head
yet, so a brand-new home still answers and an up-to-date one never runs Alembic's upgrade.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from congvan.config import Settings
from models.db import engine_for, ensure_schema, transaction, upgrade

if TYPE_CHECKING:
    from index import SearchBackend, SearchFilters, SearchHit
    from index.keeper import Indexer
    from pipeline.ingest.store import ContentStore

# What ``ask`` calls to search the documents: the query in, hits (anything with a reference and a
# subject, or dicts with those keys) out.
SearchHook = Callable[[str], list]


class Wiring:
    def __init__(self, settings: Settings, *, writes: bool = False) -> None:
        self.settings = settings
        self.writes = writes

    @classmethod
    def from_env(cls, *, writes: bool = False) -> Wiring:
        return cls(Settings.from_env(), writes=writes)

    @cached_property
    def session_factory(self) -> sessionmaker[Session]:
        """Sessions on the database, its schema at head (migrated on first use of this process)."""
        self.settings.home.mkdir(parents=True, exist_ok=True)
        url = self.settings.database_url
        if self.writes:
            upgrade(url)
        else:
            ensure_schema(url)
        return sessionmaker(bind=engine_for(url), expire_on_commit=False)

    def session(self) -> AbstractContextManager[Session]:
        """A session that commits on success and rolls back on error."""
        return transaction(self.session_factory)

    @cached_property
    def store(self) -> ContentStore:
        from pipeline.ingest.store import ContentStore

        return ContentStore(self.settings.store_dir)

    @cached_property
    def indexer(self) -> Indexer:
        from index.keeper import Indexer

        return Indexer(self.settings.index_dir, self.session_factory)

    def ingest_hooks(
        self, warn: Callable[[str], None] | None = None, tell: Callable[[str], None] | None = None
    ) -> tuple[list, Indexer]:
        """Per-document hooks run inside the ingest transaction (follow-up linking) and the indexer run
        after each commit. Every entry point that ingests (``congvan ingest``, the inbox watcher, the
        demo) takes them from here so that they behave the same. ``warn`` hears the indexer's
        troubles (an index write failing, a rebuild started), ``tell`` its news (a rebuild done);
        the log otherwise."""
        from pipeline.ingest.followups import link_followups

        if warn is not None:
            self.indexer.warn = warn
        if tell is not None:
            self.indexer.tell = tell
        return [link_followups], self.indexer

    def open_index(self) -> SearchBackend:
        """The index of this home, rebuilt from the database if it is missing or corrupt."""
        from index.documents import open_backend

        return open_backend(self.settings.index_dir, self.session_factory)

    def reindex(self) -> int:
        from index.documents import reindex

        return reindex(self.settings.index_dir, self.session_factory)

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        limit: int = 20,
        warn: Callable[[str], None] | None = None,
    ) -> list[SearchHit]:
        """Full-text search over the stored documents (the index holds what a hit shows). A missing
        or damaged index is rebuilt first (``warn`` says so); documents not yet indexed are named."""
        from index.keeper import open_for_search

        backend = open_for_search(self.settings.index_dir, self.session_factory, **({"warn": warn} if warn else {}))
        try:
            return backend.search(query, filters, limit=limit)
        finally:
            backend.close()
