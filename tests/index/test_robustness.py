"""The index on disk: created when missing, corruption detected and rebuilt, concurrent writers."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from index import open_index
from index.backend import IndexBusy, IndexCorrupt, IndexedDocument
from index.whoosh_backend import MARKER, WhooshBackend
from tests.helpers.index_corpus import CONG_VAN_WIFI, CORPUS, ids


def build(path: Path, batches: int = 3) -> None:
    """An index of several segments (one commit per batch), as an office's index grows."""
    with WhooshBackend(path) as backend:
        for b in range(batches):
            backend.add(CORPUS[b::batches])


def segments(path: Path) -> list[Path]:
    return sorted(path.glob("*.seg"))


def tocs(path: Path) -> list[Path]:
    return sorted(path.glob("_MAIN_*.toc"))


def truncate_segment(path):
    seg = segments(path)[0]
    os.truncate(seg, seg.stat().st_size // 2)


def empty_segment(path):
    os.truncate(segments(path)[0], 0)


def delete_segment(path):
    segments(path)[0].unlink()


def garbage_toc(path):
    for toc in tocs(path):
        toc.write_bytes(b"\x00garbage, not a table of contents" * 20)


def truncate_toc(path):
    for toc in tocs(path):
        os.truncate(toc, toc.stat().st_size // 2)


def empty_toc(path):
    for toc in tocs(path):
        os.truncate(toc, 0)


def delete_toc(path):
    for toc in tocs(path):
        toc.unlink()


def foreign_schema(path):
    (path / MARKER).write_text(json.dumps({"engine": "whoosh", "schema": 0}))


def no_marker(path):
    (path / MARKER).unlink()


DAMAGE = [
    truncate_segment,
    empty_segment,
    delete_segment,
    garbage_toc,
    truncate_toc,
    empty_toc,
    delete_toc,
    foreign_schema,
    no_marker,
]


def provider():
    return iter(CORPUS)


def test_missing_index_is_created(tmp_path):
    path = tmp_path / "not" / "yet" / "index"
    with WhooshBackend(path) as backend:
        assert backend.count() == 0
        assert backend.search("báo cáo") == []
        backend.add(CORPUS[:1])
    with WhooshBackend(path) as backend:  # and reopened
        assert backend.count() == 1


def test_an_empty_directory_is_a_missing_index(tmp_path):
    (tmp_path / "index").mkdir()
    with WhooshBackend(tmp_path / "index") as backend:
        assert backend.count() == 0


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_index_raises_index_corrupt(tmp_path, damage):
    path = tmp_path / "index"
    build(path)
    damage(path)
    with pytest.raises(IndexCorrupt) as info:
        WhooshBackend(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("damage", DAMAGE)
def test_open_or_rebuild_brings_the_content_back(tmp_path, damage):
    path = tmp_path / "index"
    build(path)
    damage(path)
    with WhooshBackend.open_or_rebuild(path, provider) as backend:
        assert backend.count() == len(CORPUS)
        assert ids(backend.search("bao cao wifi")) == [CONG_VAN_WIFI.id]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]  # no .new or .old left behind
    with WhooshBackend(path) as backend:  # a healthy index from now on
        assert backend.count() == len(CORPUS)


def test_open_index_rebuilds_from_the_database_when_asked(tmp_path):
    path = tmp_path / "index"
    build(path)
    garbage_toc(path)
    with pytest.raises(IndexCorrupt):
        open_index(path)
    backend = open_index(path, rebuild_from=provider)
    try:
        assert backend.count() == len(CORPUS)
    finally:
        backend.close()


def test_open_or_rebuild_builds_a_missing_index(tmp_path):
    with WhooshBackend.open_or_rebuild(tmp_path / "index", provider) as backend:
        assert backend.count() == len(CORPUS)


def test_open_or_rebuild_leaves_a_healthy_index_alone(tmp_path):
    path = tmp_path / "index"
    build(path)

    def must_not_be_called():
        raise AssertionError("a healthy index was rebuilt")

    with WhooshBackend.open_or_rebuild(path, must_not_be_called) as backend:
        assert backend.count() == len(CORPUS)


def test_open_or_rebuild_clears_a_stale_new_directory(tmp_path):
    path = tmp_path / "index"
    stale = path.with_suffix(".new")  # left by a rebuild that crashed
    stale.mkdir()
    (stale / "MAIN_leftover.seg").write_bytes(b"half")
    with WhooshBackend.open_or_rebuild(path, provider) as backend:
        assert backend.count() == len(CORPUS)
    assert not stale.exists()


def test_a_failed_rebuild_keeps_the_old_directory(tmp_path):
    path = tmp_path / "index"
    build(path)
    garbage_toc(path)

    def failing():
        yield CORPUS[0]
        raise ConnectionError("database unreachable")

    with pytest.raises(ConnectionError):
        WhooshBackend.open_or_rebuild(path, failing)
    assert path.is_dir() and tocs(path)  # still the damaged index, for the next attempt
    with WhooshBackend.open_or_rebuild(path, provider) as backend:
        assert backend.count() == len(CORPUS)


def test_an_index_damaged_after_opening(tmp_path):
    path = tmp_path / "index"
    build(path)
    backend = WhooshBackend(path)  # opened while healthy; no searcher yet
    delete_segment(path)
    with pytest.raises(IndexCorrupt):
        backend.search("văn bản")
    with pytest.raises(IndexCorrupt):
        backend.add([IndexedDocument(id=99, text="văn bản mới")])
    with pytest.raises(IndexCorrupt):
        backend.count()
    backend.rebuild(CORPUS)  # reads nothing old: repairs in place
    assert backend.count() == len(CORPUS)
    backend.close()
    with WhooshBackend(path) as reopened:
        assert ids(reopened.search("bao cao wifi")) == [CONG_VAN_WIFI.id]


def _writer_process(path: str, start: int, barrier) -> None:
    backend = WhooshBackend(path, lock_timeout=60)
    barrier.wait()
    for batch in range(5):
        docs = [
            IndexedDocument(id=start + batch * 10 + i, subject=f"Văn bản {start} lô {batch}", text="Báo cáo kết quả.")
            for i in range(10)
        ]
        backend.add(docs)
    backend.close()


def test_two_processes_writing_at_once(tmp_path):
    path = tmp_path / "index"
    WhooshBackend(path).close()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer_process, args=(str(path), start, barrier)) for start in (1000, 2000)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    with WhooshBackend(path) as backend:
        assert backend.count() == 100
        assert len(backend.search("báo cáo", limit=200)) == 100


def test_a_held_lock_times_out_with_index_busy(tmp_path):
    path = tmp_path / "index"
    with WhooshBackend(path) as holder, WhooshBackend(path, lock_timeout=0.2) as waiter:
        lock = holder._ix.lock("WRITELOCK")
        assert lock.acquire()
        try:
            with pytest.raises(IndexBusy):
                waiter.add(CORPUS[:1])
            with pytest.raises(IndexBusy):
                waiter.delete([1])
        finally:
            lock.release()
        waiter.add(CORPUS[:1])
        assert waiter.count() == 1


def test_path_that_is_a_file(tmp_path):
    path = tmp_path / "index"
    path.write_text("not an index")
    with pytest.raises(IndexCorrupt):
        WhooshBackend(path)
    with WhooshBackend.open_or_rebuild(path, provider) as backend:
        assert backend.count() == len(CORPUS)
