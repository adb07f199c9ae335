"""What a command works with, opened once per process: the database, the content store, the index.

A command builds one ``Wiring`` from its ``Settings`` and takes what it needs from it. Every command
brings the schema to head before its first session (``models.db.upgrade``: a database at head is
left alone, so an up-to-date one never runs Alembic, and a brand-new home still answers); commands
that write (ingest, watch, demo, reindex) open it with ``writes=True``, which also tidies the
content store at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from congvan.config import Settings
from models.db import engine_for, transaction, upgrade
from pipeline.deadline import Deadline

if TYPE_CHECKING:
    from index import SearchBackend, SearchFilters, SearchHit
    from index.keeper import Indexer
    from pipeline.bounded import BoundedReader
    from pipeline.ingest.store import ContentStore
    from pipeline.ocr.store import OcrStore
    from pipeline.query import ParsedQuery

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
        upgrade(url)
        factory = sessionmaker(bind=engine_for(url), expire_on_commit=False)
        from pipeline.ingest.register import fill_marks

        fill_marks(factory)  # the register lines migration 0005 entered: their marks, once
        return factory

    def session(self) -> AbstractContextManager[Session]:
        """A session that commits on success and rolls back on error."""
        return transaction(self.session_factory)

    @cached_property
    def store(self) -> ContentStore:
        from pipeline.ingest.store import ContentStore

        store = ContentStore(self.settings.store_dir)
        if self.writes:  # start-up: what copies killed midway left behind
            store.clean_stale_temps()
        return store

    @cached_property
    def ocr_store(self) -> OcrStore:
        from pipeline.ocr.store import OcrStore

        return OcrStore(self.settings.ocr_dir)

    @cached_property
    def reader(self) -> BoundedReader:
        """Reading and extraction of each file, in a worker process within the settings' time and
        memory limits. Every entry point that reads files (``ingest``, ``extract``, the watcher)
        takes it from here, so a bomb is bounded the same way everywhere."""
        from pipeline.bounded import BoundedReader

        return BoundedReader(self.settings.limits)

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

    def deadline(self) -> Deadline:
        """The time limit of one answer, counted from now (Settings.answer_seconds)."""
        return Deadline(self.settings.answer_seconds)

    def search(
        self,
        query: str | ParsedQuery,
        filters: SearchFilters | None = None,
        limit: int = 20,
        deadline: Deadline | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> list[SearchHit]:
        """Full-text search over the stored documents (the index holds what a hit shows), within
        ``deadline`` (by default the answer time limit, counted from this call). A missing or damaged
        index is rebuilt first (``warn`` says so); documents not yet indexed are named."""
        from index.keeper import open_for_search

        deadline = deadline or self.deadline()
        backend = open_for_search(self.settings.index_dir, self.session_factory, **({"warn": warn} if warn else {}))
        try:
            return backend.search(query, filters, limit=limit, deadline=deadline)
        finally:
            backend.close()
