"""Search index (Whoosh); derived data, rebuilt from the database."""

from __future__ import annotations

from pathlib import Path

from index.backend import (
    MARK_CLOSE,
    MARK_OPEN,
    IndexBusy,
    IndexCorrupt,
    IndexedDocument,
    SearchBackend,
    SearchFilters,
    SearchHit,
    SearchIndexError,
)

__all__ = [
    "MARK_CLOSE",
    "MARK_OPEN",
    "IndexBusy",
    "IndexCorrupt",
    "IndexedDocument",
    "SearchBackend",
    "SearchFilters",
    "SearchHit",
    "SearchIndexError",
    "open_index",
]


def open_index(path: str | Path) -> SearchBackend:
    """The search index in directory ``path`` (created when missing). Whoosh for now.

    Raises :class:`IndexCorrupt` when the index cannot be read; to rebuild it from the
    database in that case, use ``WhooshBackend.open_or_rebuild(path, docs_provider)``.
    """
    from index.whoosh_backend import WhooshBackend  # Whoosh loads only when an index is opened

    return WhooshBackend(path)
