"""The Whoosh implementation of :class:`index.backend.SearchBackend`.

Schema (one Whoosh document per congvan document):

=================  ==========================  ==============================================
field              type                        holds
=================  ==========================  ==============================================
id                 ID, stored, unique          database id (``update_document`` replaces)
kind / kind_key    STORED / ID                 as given / ``references.key`` ("QĐ", "KH")
reference          KEYWORD                     ``references.key`` of the số/ký hiệu, + Đ→D twin
reference_text     STORED                      as cited, for display
issuer             TEXT folded, stored         issuer and its expanded form (UBND → Ủy ban…)
issuer_key         ID                          ``units.unit_key`` of the issuer
date               NUMERIC yyyymmdd, sortable  inclusive ranges, newest-first listing
units / units_text KEYWORD / TEXT folded       unit keys (exact filter) / names (word filter)
citations          KEYWORD                     keys of the references the document cites
subject(+_exact)   TEXT folded, stored / exact trích yếu, boosted at query time
body(+_exact)      TEXT folded / exact         the full text (``_exact`` copies: no positions)
text               STORED                      NFC text, first 32k chars: the snippet source
=================  ==========================  ==============================================

Whoosh is not crash-safe (no fsync; a crash mid-commit can leave a TOC naming a truncated
segment), so opening checks that every segment can be read and raises :class:`IndexCorrupt`
otherwise; :meth:`WhooshBackend.open_or_rebuild` then rebuilds from the database next to
the old index and swaps directories (``index.swap``). The schema is given by code, never unpickled from the
TOC, and a marker file records its version: an index written by another schema version is
treated as corrupt (rebuilt) rather than misread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import pickle
import re
import shutil
import struct
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh import index as windex
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import CLEAR

from index import swap
from index.analysis import VALUE_SEPARATOR, exact_analyzer, folding_analyzer
from index.backend import (
    IndexBusy,
    IndexCorrupt,
    IndexedDocument,
    IndexMissing,
    SearchFilters,
    SearchHit,
)
from index.snippets import SNIPPET_SOURCE_CHARS, around_first_match, highlighter, lead, locators
from index.whoosh_query import (
    MATCH_NOTHING,
    build_filter,
    build_query,
    date_number,
    kind_term,
    name_variants,
    reference_keys,
    unit_term,
)
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.errors import AnswerTimeout
from pipeline.query import ParsedQuery
from pipeline.text import nfc

SCHEMA_VERSION = 1
INDEX_NAME = "MAIN"
MARKER = "congvan-index.json"

# What reading a damaged index raises inside Whoosh: missing or short files, garbage where a
# pickle, a varint or a compressed block should be. Not OSError at large: a full disk or a
# permission problem is not repaired by rebuilding.
_READ_ERRORS = (FileNotFoundError, EOFError, struct.error, pickle.UnpicklingError, zlib.error, windex.IndexError)


def build_schema() -> Schema:
    folded, exact = folding_analyzer(), exact_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        kind=STORED(),
        kind_key=ID(),
        reference=KEYWORD(),
        reference_text=STORED(),
        issuer=TEXT(analyzer=folded, stored=True),
        issuer_key=ID(),
        date=NUMERIC(int, bits=32, stored=True, sortable=True),
        units=KEYWORD(commas=True),
        units_text=TEXT(analyzer=folded),
        citations=KEYWORD(),
        subject=TEXT(analyzer=folded, stored=True),
        # The exact copies only add a bonus per accented word (phrases are matched folded), so
        # they keep no positions: a third smaller index and faster term reads.
        subject_exact=TEXT(analyzer=exact, phrase=False),
        body=TEXT(analyzer=folded),
        body_exact=TEXT(analyzer=exact, phrase=False),
        text=STORED(),
    )


SCHEMA = build_schema()


def to_fields(doc: IndexedDocument) -> dict:
    """The Whoosh fields of one document. Text is NFC'd once here, so the stored snippet
    source has the same character offsets the analyzer reports when highlighting."""
    text = nfc(doc.text or "")
    subject = nfc(doc.subject or "")
    fields: dict = {
        "id": str(doc.id),
        "kind": nfc(doc.kind) if doc.kind else None,
        "reference_text": nfc(doc.reference) if doc.reference else None,
        "subject": subject,
        "subject_exact": subject,
        "body": text,
        "body_exact": text,
        "text": text[:SNIPPET_SOURCE_CHARS],
    }
    if doc.kind:
        fields["kind_key"] = kind_term(doc.kind)
    if doc.reference:
        fields["reference"] = " ".join(reference_keys(doc.reference))
    if doc.issuer:
        fields["issuer"] = VALUE_SEPARATOR.join(name_variants(doc.issuer))
        fields["_stored_issuer"] = nfc(doc.issuer)  # as given, not expanded
        fields["issuer_key"] = unit_term(doc.issuer)
    if doc.date:
        fields["date"] = date_number(doc.date)
    units = [u for u in doc.units if u and u.strip()]
    if units:
        fields["units"] = ",".join(filter(None, map(unit_term, units)))
        fields["units_text"] = VALUE_SEPARATOR.join(v for u in units for v in name_variants(u))
    keys = {k for c in doc.citations if c and c.strip() for k in reference_keys(c)}
    if keys:
        fields["citations"] = " ".join(sorted(keys))
    return {k: v for k, v in fields.items() if v is not None}


def _collect(searcher, deadline: Deadline, q, **kwargs):
    """``searcher.search`` under Whoosh's TimeLimitCollector when the deadline is finite.

    The collector's timer is a thread, not SIGALRM (``use_alarm=False``): a signal handler can only be
    set from the main thread, and the web server searches from others. A search that runs out
    raises :class:`pipeline.errors.AnswerTimeout`.
    """
    left = deadline.remaining()
    if left == math.inf:
        return searcher.search(q, **kwargs)
    deadline.check()
    collector = TimeLimitCollector(searcher.collector(**kwargs), timelimit=left, use_alarm=False)
    try:
        searcher.search_with_collector(q, collector)
    except TimeLimit:
        raise AnswerTimeout(deadline.seconds or 0.0) from None
    finally:
        if collector.timer is not None:  # not cancelled when the search raised: it would keep the process
            collector.timer.cancel()
    return collector.results()


def _from_number(n: int | None) -> dt.date | None:
    if not n:
        return None
    return dt.date(n // 10000, n // 100 % 100, n % 100)


def _is_index_file(name: str) -> bool:
    if name == f"{INDEX_NAME}_WRITELOCK":  # created by any writer, even on an empty directory
        return False
    return name == MARKER or name.startswith((f"_{INDEX_NAME}_", f"{INDEX_NAME}_"))


def _open_or_create(path: Path, create: bool = True, mmap: bool = True) -> windex.FileIndex:
    """Open the index at ``path``, creating it when the directory is missing or empty (unless
    ``create`` is false: then :class:`IndexMissing`)."""
    if path.exists() and not path.is_dir():
        raise IndexCorrupt(path, "không phải thư mục")
    if not create and not path.is_dir():
        raise IndexMissing(path, "không có thư mục chỉ mục")
    path.mkdir(parents=True, exist_ok=True)
    storage = FileStorage(str(path), supports_mmap=mmap)
    names = set(os.listdir(path))
    if windex.TOC._latest_generation(storage, INDEX_NAME) < 0:
        if any(_is_index_file(n) for n in names):
            # Segments or a marker but no TOC: a half-written index, not an empty one.
            # Creating a fresh index here would silently show the user an empty result.
            raise IndexCorrupt(path, "có tệp chỉ mục nhưng thiếu mục lục (TOC)")
        if not create:
            raise IndexMissing(path, "thư mục chỉ mục trống")
        ix = windex.FileIndex.create(storage, SCHEMA, INDEX_NAME)
        _write_marker(path)
        return ix
    _check_marker(path)
    try:
        ix = windex.FileIndex(storage, schema=SCHEMA, indexname=INDEX_NAME)
        _probe(ix)
    except Exception as e:  # only Whoosh reads run in here: any failure means unreadable
        raise IndexCorrupt(path, f"không đọc được chỉ mục: {e.__class__.__name__}: {e}") from e
    return ix


def _write_marker(path: Path) -> None:
    tmp = path / (MARKER + ".tmp")
    tmp.write_text(json.dumps({"engine": "whoosh", "schema": SCHEMA_VERSION}))
    os.replace(tmp, path / MARKER)


def _check_marker(path: Path) -> None:
    try:
        marker = json.loads((path / MARKER).read_text())
    except (OSError, ValueError) as e:
        raise IndexCorrupt(path, f"thiếu hoặc không đọc được {MARKER}") from e
    if not isinstance(marker, dict) or marker.get("schema") != SCHEMA_VERSION:
        raise IndexCorrupt(path, f"lược đồ chỉ mục {marker!r} không phải phiên bản {SCHEMA_VERSION}")


def _probe(ix: windex.FileIndex) -> None:
    """Open every segment and read its ends: a truncated or missing segment file fails here,
    at open, instead of in the middle of a user's search."""
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            n = leaf.doc_count_all()
            if n:
                leaf.stored_fields(0)
                leaf.stored_fields(n - 1)
            next(iter(leaf.lexicon("id")), None)
            next(iter(leaf.lexicon("body")), None)


class WhooshBackend:
    """A Whoosh index in a directory. One instance per process and thread; several processes
    may write: each write waits up to ``lock_timeout`` seconds for the index's lock.

    ``procs`` > 1 makes :meth:`rebuild` index in that many processes (Whoosh's MpWriter,
    one segment per process); ``limitmb`` is the writer's buffer before it spills to disk.
    ``create=False`` raises :class:`IndexMissing` rather than start an empty index where one was
    expected; ``mmap=False`` reads files instead of mapping them, for a long-lived process: a
    segment file truncated under a mapping kills the process with SIGBUS on its next read, where
    a plain read only fails (and the index is then rebuilt).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        procs: int = 1,
        limitmb: int = 256,
        lock_timeout: float = 30.0,
        create: bool = True,
        mmap: bool = True,
    ):
        self.path = Path(path)
        self.procs = procs
        self.limitmb = limitmb
        self.lock_timeout = lock_timeout
        self._ix = _open_or_create(self.path, create, mmap)
        self._searcher = None
        self._highlighter = highlighter()

    @classmethod
    def open_or_rebuild(
        cls, path: str | Path, docs_provider: Callable[[], Iterable[IndexedDocument]], **kwargs
    ) -> WhooshBackend:
        """Open the index; if it is missing or corrupt, rebuild it from ``docs_provider()`` in a
        fresh directory renamed into place when complete (:meth:`replace`)."""
        path = Path(path)
        if path.is_dir() and any(_is_index_file(n) for n in os.listdir(path)):
            try:
                return cls(path, **kwargs)
            except IndexCorrupt:
                pass
        cls.replace(path, docs_provider(), **kwargs)
        return cls(path, **kwargs)

    @classmethod
    def replace(
        cls,
        path: str | Path,
        docs: Iterable[IndexedDocument],
        before_swap: Callable[[], None] | None = None,
        after_swap: Callable[[], None] | None = None,
        **kwargs,
    ) -> None:
        """Build an index of ``docs`` beside ``path`` and swap it in (see ``index.swap``); until
        then searches read the old index, and a failure leaves it as it was. ``before_swap`` and
        ``after_swap`` run under the swap lock around the swap (the database records what the
        index holds); an error in ``before_swap`` cancels the swap."""
        path = Path(path)
        swap.clear_stale(path)
        fresh = swap.fresh_dir(path)
        try:
            backend = cls(fresh, **kwargs)
            try:
                backend.rebuild(docs)
            finally:
                backend.close()
            with swap.swap_lock(path):
                if before_swap is not None:
                    before_swap()
                swap.swap_in(fresh, path)
                if after_swap is not None:
                    after_swap()
        finally:
            if fresh.exists():
                shutil.rmtree(fresh, ignore_errors=True)

    # writing

    def _writer(self, **kwargs):
        try:
            return self._ix.writer(timeout=self.lock_timeout, delay=0.05, **kwargs)
        except windex.LockError as e:
            raise IndexBusy(self.path, f"the write lock was held for more than {self.lock_timeout:g}s") from e

    @contextlib.contextmanager
    def _damage_is_corruption(self, doing: str):
        """Writers read the committed segments too (``update_document`` looks the id up)."""
        try:
            yield
        except _READ_ERRORS as e:
            raise IndexCorrupt(self.path, f"lỗi khi {doing}: {e.__class__.__name__}: {e}") from e

    @staticmethod
    def _cancel(writer) -> None:
        if writer is not None and not writer.is_closed:
            writer.cancel()

    def add(self, docs: Iterable[IndexedDocument]) -> None:
        """Add or replace by id, in one writer (one commit) per call.

        ``update_document`` only sees committed segments, so an id repeated inside one batch
        commits what came before it and goes on in a new writer: the last copy wins.
        """
        writer, seen = None, set()
        try:
            for doc in docs:  # the provider's own errors pass through untouched
                fields = to_fields(doc)
                with self._damage_is_corruption("thêm văn bản"):
                    if doc.id in seen:
                        done, writer, seen = writer, None, set()
                        done.commit()
                    if writer is None:
                        writer = self._writer(limitmb=self.limitmb)
                    writer.update_document(**fields)
                seen.add(doc.id)
        except BaseException:
            self._cancel(writer)
            raise
        if writer is not None:
            with self._damage_is_corruption("thêm văn bản"):
                writer.commit()

    def delete(self, ids: Iterable[int]) -> None:
        ids = [str(i) for i in ids]
        if not ids:
            return
        writer = None
        try:
            with self._damage_is_corruption("xóa văn bản"):
                writer = self._writer()
                for i in ids:
                    writer.delete_by_term("id", i)
                writer.commit()
        except BaseException:
            self._cancel(writer)
            raise

    def rebuild(self, docs: Iterable[IndexedDocument]) -> None:
        """Replace the whole index with ``docs`` in one commit (``mergetype=CLEAR``): searches
        see the old index until the new one is complete, and a failure leaves it untouched.
        It reads none of the old segments, so it also repairs an index damaged after opening.

        Database ids are unique; a repeated id is a bug in the provider and aborts the rebuild.
        """
        kwargs = {"limitmb": self.limitmb}
        if self.procs > 1:
            kwargs.update(procs=self.procs, multisegment=True)
        with self._damage_is_corruption("dựng lại chỉ mục"):
            writer = self._writer(**kwargs)
        seen: set[int] = set()
        try:
            for doc in docs:
                if doc.id in seen:
                    raise ValueError(f"document id {doc.id} given twice to rebuild()")
                seen.add(doc.id)
                writer.add_document(**to_fields(doc))
        except BaseException:
            self._cancel(writer)
            raise
        with self._damage_is_corruption("dựng lại chỉ mục"):
            writer.commit(mergetype=CLEAR)

    # reading

    def _read(self, fn):
        """Run ``fn(searcher)`` on an up-to-date searcher. A read error is retried once on a
        fresh searcher (another process may have merged segments away under us); a second
        one means the index is damaged."""
        for attempt in (1, 2):
            try:
                # Not Searcher.refresh(): it reuses segment readers by segment id and so misses
                # deletions committed since (by another process, or by us) to an existing segment.
                if self._searcher is not None and self._ix.latest_generation() != self._searcher.reader().generation():
                    self._drop_searcher()
                if self._searcher is None:
                    self._searcher = self._ix.searcher()
                return fn(self._searcher)
            except _READ_ERRORS as e:
                self._drop_searcher()
                if attempt == 2:
                    raise IndexCorrupt(self.path, f"lỗi khi đọc chỉ mục: {e.__class__.__name__}: {e}") from e
        raise AssertionError("unreachable")

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            with contextlib.suppress(Exception):  # closing a broken searcher must not hide the real error
                self._searcher.close()
            self._searcher = None

    def count(self) -> int:
        return self._read(lambda s: s.doc_count())

    def search(
        self,
        query: str | ParsedQuery,
        filters: SearchFilters | None = None,
        limit: int = 20,
        deadline: Deadline = NO_DEADLINE,
    ) -> list[SearchHit]:
        if limit <= 0:
            return []
        q = build_query(query)
        fq = build_filter(filters)
        if fq is MATCH_NOTHING or (q is None and fq is None):
            return []

        def run(searcher) -> list[SearchHit]:
            if q is None:  # filters only: list what they select, newest first
                kwargs = {"q": fq, "limit": limit, "sortedby": "date", "reverse": True}
            else:
                kwargs = {"q": q, "filter": fq, "limit": limit}
            results = _collect(searcher, deadline, **kwargs)
            results.highlighter = self._highlighter
            where = locators(q)
            hits = []
            for hit in results:
                deadline.check()  # highlighting re-analyses text in Python: a cost per hit
                hits.append(self._hit(hit, q is not None, where))
            return hits

        return self._read(run)

    def _hit(self, hit, scored: bool, where: list[re.Pattern]) -> SearchHit:
        stored = hit.fields()
        text = stored.get("text") or ""
        subject = stored.get("subject") or None
        snippet = ""
        if scored:
            window = around_first_match(text, where)
            snippet = (hit.highlights("body", text=window, top=2) if window else "") or (
                hit.highlights("subject", text=subject, top=1) if subject else ""
            )
        return SearchHit(
            id=int(stored["id"]),
            score=float(hit.score or 0.0) if scored else 0.0,  # a sorted listing's "score" is the sort key
            snippet=snippet or lead(text or subject or ""),
            kind=stored.get("kind"),
            reference=stored.get("reference_text"),
            issuer=stored.get("issuer"),
            date=_from_number(stored.get("date")),
            subject=subject,
        )

    def close(self) -> None:
        self._drop_searcher()
        self._ix.close()

    def __enter__(self) -> WhooshBackend:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"WhooshBackend({str(self.path)!r})"
