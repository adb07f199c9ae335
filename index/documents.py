"""Between the database and the search index: rows become IndexedDocuments; the index is derived data.

Each document row says when an index commit holding it succeeded (``indexed_at``); one whose
``indexed_at`` is NULL or older than its ``changed_at`` is *behind*, and the indexer
(``index.keeper``) feeds every behind document to the index, at start-up and at every flush, until
none is left. So an index error never loses a document: it stays behind in the database and is
retried. ``indexed_at`` is written only after the commit, under ``index.swap.swap_lock``, and is
the time the rows were read *before* that commit: a row changed meanwhile stays behind.

The index is rebuilt from the database when it is missing or corrupt (Whoosh is not crash-safe),
by :func:`reindex`, the one rebuild path (``congvan reindex``, the watcher's background repair, a
search that finds the index broken).

Clocks: ``changed_at`` and ``indexed_at`` are the writing process's UTC clock; on a shared
PostgreSQL the machines' clocks should agree (NTP) to within the time between two changes of a row.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from index.backend import IndexedDocument, SearchBackend
from models.schema import Document
from pipeline.status import DocumentStatus

log = logging.getLogger(__name__)
_BATCH = 500  # rows per query and per marking statement (bounded memory, bounded IN lists)

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


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_INDEXABLE = Document.status == DocumentStatus.EXTRACTED.value
_BEHIND = or_(
    Document.indexed_at.is_(None), and_(Document.changed_at.is_not(None), Document.indexed_at < Document.changed_at)
)


def behind_ids(session: Session, after: int = 0, limit: int = _BATCH) -> list[int]:
    """Ids of behind documents above ``after``, lowest first (a cursor: each batch is bounded)."""
    q = select(Document.id).where(_INDEXABLE, _BEHIND, Document.id > after).order_by(Document.id).limit(limit)
    return list(session.scalars(q))


def mark_indexed(session: Session, ids: Iterable[int], as_of: dt.datetime) -> None:
    """Record that an index commit holds ``ids`` as they were at ``as_of`` (rows changed since stay
    behind). ``changed_at`` is named in the SET so that its on-update default does not move it."""
    ids = list(ids)
    for i in range(0, len(ids), _BATCH):
        session.execute(
            update(Document)
            .where(Document.id.in_(ids[i : i + _BATCH]))
            .where(or_(Document.changed_at.is_(None), Document.changed_at <= as_of))
            .values(indexed_at=as_of, changed_at=Document.changed_at)
            .execution_options(synchronize_session=False)
        )


@dataclass(frozen=True)
class Backlog:
    """What the index lacks: how many indexable documents are behind, and since when."""

    behind: int
    since: dt.datetime | None  # the oldest change not yet in the index
    indexed: int  # documents the database says the index holds


def backlog(session: Session) -> Backlog:
    since_expr = func.min(func.coalesce(Document.changed_at, Document.created_at))
    behind, since = session.execute(select(func.count(), since_expr).where(_INDEXABLE, _BEHIND)).one()
    indexed = session.scalar(select(func.count()).where(_INDEXABLE, Document.indexed_at.is_not(None)))
    if isinstance(since, str):  # SQLite's min() of a coalesce comes back untyped
        since = dt.datetime.fromisoformat(since)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=dt.UTC)
    return Backlog(int(behind or 0), since, int(indexed or 0))


def reindex(index_dir: Path, factory: SessionFactory, **backend_options) -> int:
    """Rebuild the index from the database into a fresh directory, swap it in, and record in the
    database what it holds; returns the number of documents indexed.

    Under the swap lock: before the swap, any row marked later than the start of the rebuild (a
    watcher's commit into the old index, about to be replaced) is made behind again; after it,
    the documents the new index holds get ``indexed_at`` = that start (those changed since stay
    behind). Every row committed before the start is read by the rebuild, so no row keeps a mark
    for a document the new index lacks. Should the database fail after the swap, the rows simply
    stay behind and are fed again.
    """
    from index.whoosh_backend import WhooshBackend

    as_of = now()
    included: list[int] = []

    def docs() -> Iterator[IndexedDocument]:
        with factory() as session:
            for doc in load(session):
                included.append(doc.id)
                yield doc

    def unmark_later() -> None:
        with factory() as session:
            session.execute(
                update(Document)
                .where(Document.indexed_at > as_of)
                .values(indexed_at=None, changed_at=Document.changed_at)
                .execution_options(synchronize_session=False)
            )
            session.commit()

    def mark() -> None:
        try:
            with factory() as session:
                mark_indexed(session, included, as_of)
                session.commit()
        except Exception as e:  # the index is complete; the rows stay behind and are fed again
            log.warning("không ghi được mốc lập chỉ mục (indexed_at): %s: %s", type(e).__name__, e)

    WhooshBackend.replace(index_dir, docs(), before_swap=unmark_later, after_swap=mark, **backend_options)
    log.info("chỉ mục đã dựng lại: %d văn bản", len(included))
    return len(included)


def open_backend(index_dir: Path, factory: SessionFactory) -> SearchBackend:
    """The index in ``index_dir``, rebuilt (by :func:`reindex`) if it is missing or corrupt."""
    from index.backend import IndexCorrupt
    from index.whoosh_backend import WhooshBackend

    try:
        return WhooshBackend(index_dir, create=False)
    except IndexCorrupt:
        pass
    reindex(index_dir, factory)
    return WhooshBackend(index_dir)
