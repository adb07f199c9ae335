"""Search index (Whoosh); derived data, rebuilt from the database."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from index.backend import (
    MARK_CLOSE,
    MARK_OPEN,
    IndexBusy,
    IndexCorrupt,
    IndexedDocument,
    IndexMissing,
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
    "IndexMissing",
    "IndexedDocument",
    "SearchBackend",
    "SearchFilters",
    "SearchHit",
    "SearchIndexError",
    "open_index",
]


def open_index(path: str | Path, rebuild_from: Callable[[], Iterable[IndexedDocument]] | None = None) -> SearchBackend:
    """The search index in directory ``path`` (created when missing). Whoosh for now.

    Without ``rebuild_from`` an unreadable index raises :class:`IndexCorrupt`. With it (a
    callable returning the database's documents), a missing or unreadable index is rebuilt
    from them in a fresh directory that then replaces the old one.
    """
    from index.whoosh_backend import WhooshBackend  # Whoosh loads only when an index is opened

    if rebuild_from is not None:
        return WhooshBackend.open_or_rebuild(path, rebuild_from)
    return WhooshBackend(path)
