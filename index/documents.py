"""Between the database and the search index: rows become IndexedDocuments; the index is derived data.

The index is rebuilt from the database when it is missing or corrupt (Whoosh is not crash-safe),
and ``congvan reindex`` rebuilds it on demand. A failure to index a new document never fails its
ingest: the document is in the database and the next reindex picks it up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from index.backend import IndexedDocument, SearchBackend, SearchIndexError
from models.schema import Document
from pipeline.status import DocumentStatus

log = logging.getLogger(__name__)
_BATCH = 500

SessionFactory = Callable[[], Session]


def to_indexed(doc: Document) -> IndexedDocument:
    units: list[str] = []
    record = doc.extraction or {}
    names = [*record.get("units", []), *(a.name for a in doc.addressees)]
    names += [name for ob in doc.obligations for name in ob.owner_names]
    for name in names:
        if name and name not in units:
            units.append(name)
    return IndexedDocument(
        id=doc.id,
        kind=doc.kind,
        reference=doc.reference,
        issuer=doc.issuer,
        date=doc.date,
        subject=doc.subject,
        text=doc.text or "",
        units=tuple(units),
        citations=tuple(c.reference for c in doc.citations),
    )


def load(session: Session, ids: Iterable[int] | None = None) -> Iterator[IndexedDocument]:
    """The extracted documents (those ``ids`` only, when given) as the index sees them."""
    q = (
        select(Document)
        .where(Document.status == DocumentStatus.EXTRACTED.value)
        .options(
            selectinload(Document.addressees), selectinload(Document.citations), selectinload(Document.obligations)
        )
        .order_by(Document.id)
    )
    if ids is not None:
        q = q.where(Document.id.in_(list(ids)))
        yield from (to_indexed(d) for d in session.scalars(q))
        return
    last = 0
    while True:  # in batches: a 100k-document office does not fit one query result in memory
        batch = list(session.scalars(q.where(Document.id > last).limit(_BATCH)))
        if not batch:
            return
        yield from (to_indexed(d) for d in batch)
        last = batch[-1].id
        session.expunge_all()


def open_backend(index_dir: Path, factory: SessionFactory) -> SearchBackend:
    """The index in ``index_dir``, rebuilt from the database if it is missing or corrupt."""
    from index.whoosh_backend import WhooshBackend

    def provider() -> Iterator[IndexedDocument]:
        with factory() as session:
            yield from load(session)

    return WhooshBackend.open_or_rebuild(index_dir, provider)


def reindex(index_dir: Path, factory: SessionFactory) -> int:
    """Rebuild the index from the database; returns the number of documents indexed."""
    backend = open_backend(index_dir, factory)
    try:
        with factory() as session:
            backend.rebuild(load(session))
        return backend.count()
    finally:
        backend.close()


class Indexer:
    """A post-commit hook that adds newly stored documents to the index.

    A Whoosh commit costs a quarter of a second whatever its size, so documents are buffered and
    written in batches: when 200 are waiting or a second has passed since the last write, and on
    ``flush()`` (which every ingest loop calls at its end).
    """

    def __init__(self, index_dir: Path, factory: SessionFactory, batch: int = 200, interval: float = 1.0) -> None:
        self.index_dir = index_dir
        self.factory = factory
        self.batch = batch
        self.interval = interval
        self.pending: list[int] = []
        self.backend: SearchBackend | None = None
        self.last = time.monotonic()

    def __call__(self, ids: list[int]) -> None:
        self.pending.extend(ids)
        if len(self.pending) >= self.batch or time.monotonic() - self.last >= self.interval:
            self.flush()

    def flush(self) -> None:
        ids, self.pending = self.pending, []
        self.last = time.monotonic()
        if not ids:
            return
        try:
            self.backend = self.backend or open_backend(self.index_dir, self.factory)
            with self.factory() as session:
                docs = list(load(session, ids))
            self.backend.add(docs)
            gone = set(ids) - {d.id for d in docs}
            if gone:  # replaced by a new version, or deleted: out of search too
                self.backend.delete(sorted(gone))
        except SearchIndexError as e:  # the rows are stored; `congvan reindex` will catch up
            log.warning("không cập nhật được chỉ mục / index not updated: %s", e)
