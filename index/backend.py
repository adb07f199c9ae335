"""The search-backend contract: what the rest of congvan may ask of a search index.

The index is derived data: the database is the truth and any backend can be dropped and
rebuilt from it. Whoosh (pure Python) is the first engine; a shared office may want
PostgreSQL full-text search, and tantivy is much faster at 100k documents, so callers
depend on :class:`SearchBackend` and these dataclasses only.

Semantics every backend keeps:

* Matching ignores diacritics and case ("bao cao" finds "báo cáo", "dak" finds "Đăk"),
  and NFD input behaves exactly like NFC. Words typed *with* diacritics rank documents
  holding those exact accented words first.
* A query's words are ANDed; ``"quoted words"`` are a phrase. A word that looks like a
  reference ("4664/KH-UBND", "4664 / kh-ubnd", "02-KH/BCĐTW") also matches documents with
  that số/ký hiệu and documents citing it, in any spacing or case.
* A query with nothing searchable in it ("", "...", "- /") returns ``[]``, unless filters
  are given: then it lists the filtered documents, newest first, with score 0.
* Snippets are plain text for a terminal: matched words are wrapped in ``«»``
  (:data:`MARK_OPEN`, :data:`MARK_CLOSE`), fragments joined with `` … ``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.errors import CongvanError
from pipeline.query import ParsedQuery

MARK_OPEN = "«"
MARK_CLOSE = "»"


@dataclass(frozen=True)
class IndexedDocument:
    """One document as the index sees it (built from a ``models.Document`` row)."""

    id: int  # the database id
    kind: str | None = None  # "CV", "KH", "QĐ", ..., "KHAC"
    reference: str | None = None  # as cited: "4664/KH-UBND"
    issuer: str | None = None
    date: dt.date | None = None
    subject: str | None = None  # trích yếu
    text: str = ""
    units: tuple[str, ...] = ()  # unit names the document mentions
    citations: tuple[str, ...] = ()  # references it cites, as written


@dataclass(frozen=True)
class SearchHit:
    """One result: enough to print a result line without going back to the database."""

    id: int
    score: float
    snippet: str  # plain text, matches wrapped in «»
    kind: str | None = None
    reference: str | None = None
    issuer: str | None = None
    date: dt.date | None = None
    subject: str | None = None


@dataclass(frozen=True)
class SearchFilters:
    """Restrict a search; every field is optional and they combine with AND.

    ``kind`` takes the abbreviation or the name ("KH", "kh", "Kế hoạch"); ``issuer`` and
    ``unit`` match a run of words of the name, diacritics and abbreviations aside ("Sở
    KH&CN" finds "Sở Khoa học và Công nghệ tỉnh X"); ``date_from``/``date_to`` are
    inclusive; ``reference`` is the document's own số/ký hiệu in any spacing or case.
    """

    kind: str | None = None
    issuer: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    reference: str | None = None
    unit: str | None = None

    def __bool__(self) -> bool:
        return any(v is not None and v != "" for v in vars(self).values())


@runtime_checkable
class SearchBackend(Protocol):
    def add(self, docs: Iterable[IndexedDocument]) -> None:
        """Add documents, replacing any already indexed under the same id."""

    def delete(self, ids: Iterable[int]) -> None:
        """Remove documents by id; unknown ids are ignored."""

    def search(
        self,
        query: str | ParsedQuery,
        filters: SearchFilters | None = None,
        limit: int = 20,
        deadline: Deadline = NO_DEADLINE,
    ) -> list[SearchHit]:
        """Best matches first. The query is read by :func:`pipeline.query.parse_query` (a string
        is parsed here): any string gives an answer, never an error. Running past ``deadline``
        raises :class:`pipeline.errors.AnswerTimeout`."""
        ...

    def rebuild(self, docs: Iterable[IndexedDocument]) -> None:
        """Drop everything and index ``docs``; until it finishes, searches see the old index."""

    def count(self) -> int:
        """Number of documents in the index."""
        ...

    def close(self) -> None: ...


class SearchIndexError(CongvanError):
    """Base of the search layer's errors."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class IndexCorrupt(SearchIndexError):
    """The index on disk cannot be read (half-written, truncated, foreign or outdated
    schema). The index is derived data: rebuild it from the database."""


class IndexMissing(IndexCorrupt):
    """There is no index where one was expected (its directory deleted or emptied): rebuild it."""


class IndexBusy(SearchIndexError):
    """Another process held the index's write lock for longer than the timeout."""
