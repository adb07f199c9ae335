"""The index keeps up with the database by itself: behind documents are fed, errors lose nothing,
a missing or damaged index is rebuilt from the database (real database, real index directories)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import sessionmaker

from index import swap
from index.documents import backlog, behind_ids, mark_indexed, now, reindex
from index.keeper import Indexer, diagnose, open_for_search
from index.whoosh_backend import WhooshBackend
from models.db import engine_for
from models.schema import Document
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from tests.helpers.inbox import CONGVAN, cong_van_text, env_for, wait_for


@pytest.fixture
def factory(database_url):
    yield sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    engine_for(database_url).dispose()


def stored(factory, tmp_path: Path, n: int, seed: int = 5, start: int = 0) -> list[str]:
    """``n`` công văn ingested with no indexer (so all behind); their references."""
    folder = tmp_path / f"in-{seed}-{start}"
    folder.mkdir()
    for i in range(start, start + n):
        (folder / f"vb {i}.txt").write_text(cong_van_text(i, seed=seed), encoding="utf-8")
    ingest_paths([folder], factory, ContentStore(tmp_path / "store"))
    with factory() as session:
        return [r for r in session.scalars(select(Document.reference).order_by(Document.id)) if r][-n:]


def caught_up(index_dir: Path, factory) -> None:
    """Index what is behind now (the first flush may rebuild in the background: wait for it)."""
    indexer = Indexer(index_dir, factory)
    indexer.flush()
    indexer.close()


def references_found(index_dir: Path, references: list[str]) -> list[str]:
    """The references a search of the index (as it is on disk, never rebuilt) finds."""
    with WhooshBackend(index_dir, create=False) as backend:
        return [r for r in references if any(h.reference == r for h in backend.search(r, limit=5))]


def test_every_behind_document_is_fed_and_marked(factory, tmp_path):
    refs = stored(factory, tmp_path, 12)
    with factory() as session:
        assert backlog(session).behind == 12
    index = tmp_path / "index"
    caught_up(index, factory)  # a first index: rebuilt whole from the database
    more = stored(factory, tmp_path, 7, start=50)
    indexer = Indexer(index, factory, batch=3)  # several batches in one flush
    assert indexer.flush() is True
    refs += more
    with factory() as session:
        state = backlog(session)
        assert (state.behind, state.indexed) == (0, 19)
        assert session.scalar(select(Document.id).where(Document.indexed_at.is_(None))) is None
    assert references_found(tmp_path / "index", refs) == refs


def test_a_flush_is_bounded_and_the_rest_follows(factory, tmp_path):
    caught_up(tmp_path / "index", factory)
    stored(factory, tmp_path, 9)
    indexer = Indexer(tmp_path / "index", factory, batch=2, per_flush=4)
    assert indexer.flush() is False and indexer.due()
    with factory() as session:
        assert backlog(session).behind == 5
    while not indexer.flush():
        pass
    with factory() as session:
        assert backlog(session).behind == 0


def test_a_row_changed_after_it_was_read_stays_behind(factory, tmp_path):
    stored(factory, tmp_path, 2)
    as_of = now()
    time.sleep(0.01)
    with factory() as session:
        first, second = behind_ids(session)
        doc = session.get(Document, first)
        doc.subject = "Trích yếu đã sửa"  # changed after the rows were read for the index
        session.commit()
        mark_indexed(session, [first, second], as_of)
        session.commit()
        assert behind_ids(session) == [first]


def test_a_write_failure_drops_nothing_and_backs_off(factory, tmp_path):
    refs = stored(factory, tmp_path, 6)
    home = tmp_path / "home"
    home.write_text("a file where the index's folder should be")  # every index write fails
    warnings: list[str] = []
    indexer = Indexer(home / "index", factory, warn=warnings.append)
    assert indexer.flush() is False  # the index is missing: a rebuild starts, and fails
    assert wait_for(lambda: not indexer.rebuilding(), 30)
    assert "dựng lại chỉ mục thất bại" in warnings[-1] and indexer.failures == 1
    tried = len(warnings)
    assert indexer.flush() is False and len(warnings) == tried  # within the backoff: not even tried
    assert not indexer.due()
    indexer.retry_at = 0.0  # the backoff over
    indexer.flush()
    assert wait_for(lambda: not indexer.rebuilding(), 30)
    assert indexer.failures == 2  # failed again, and waits longer
    with factory() as session:
        assert backlog(session).behind == 6  # nothing lost: still behind in the database
    home.unlink()  # the disk is fixed
    indexer.retry_at = 0.0
    indexer.flush()
    indexer.close()
    with factory() as session:
        assert backlog(session).behind == 0
    assert references_found(home / "index", refs) == refs


def test_diagnose(factory, tmp_path):
    path = tmp_path / "index"
    assert diagnose(path, factory) is None  # a new home: no index, nothing indexed yet
    stored(factory, tmp_path, 4)
    caught_up(path, factory)
    assert diagnose(path, factory) is None
    shutil.rmtree(path)
    assert "không có thư mục chỉ mục" in diagnose(path, factory)
    WhooshBackend(path).close()  # an empty index where four documents were
    assert "chỉ mục có 0 văn bản, cơ sở dữ liệu ghi 4" in diagnose(path, factory)
    reindex(path, factory)
    for toc in path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage" * 30)
    assert "không đọc được chỉ mục" in diagnose(path, factory)


def test_a_deleted_index_is_rebuilt_in_the_background_and_then_caught_up(factory, tmp_path):
    path = tmp_path / "index"
    refs = stored(factory, tmp_path, 8)
    indexer = Indexer(path, factory)
    indexer.flush()  # the first index, built in the background
    assert wait_for(lambda: not indexer.rebuilding(), 60)
    assert indexer.flush() is True
    shutil.rmtree(path)
    more = stored(factory, tmp_path, 3, start=100)
    indexer([1])  # the hook after a commit: the flush finds the index gone
    assert indexer.rebuilding() or indexer.flush() is False
    assert wait_for(lambda: not indexer.rebuilding(), 60)
    assert indexer.due()
    assert indexer.flush() is True
    assert references_found(path, refs + more) == refs + more
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("index")) == ["index"]


def test_rows_marked_during_a_rebuild_are_searchable_after_it_or_behind(factory, tmp_path):
    """While ``reindex`` builds a new index, a watcher goes on ingesting and writing into the old
    one. After the swap, every document the database marks as indexed is in the new index; the
    others are behind (and the next flush brings them)."""
    path = tmp_path / "index"
    refs = stored(factory, tmp_path, 40)
    indexer = Indexer(path, factory)
    indexer.flush()
    done: list[int] = []
    rebuild = threading.Thread(target=lambda: done.append(reindex(path, factory)))
    rebuild.start()
    late: list[str] = []
    for k in range(4):  # stored and flushed into the index being replaced, while it is rebuilt
        late += stored(factory, tmp_path, 1, start=200 + k)
        indexer.flush(force=True)
    rebuild.join(120)
    assert done
    with factory() as session:
        behind = set(behind_ids(session))
        marked = {d.id: d.reference for d in session.scalars(select(Document)) if d.id not in behind}
    assert references_found(path, sorted(marked.values())) == sorted(marked.values())
    assert indexer.flush(force=True) is True
    assert references_found(path, refs + late) == refs + late


def test_search_on_a_damaged_index_says_so_and_still_answers(factory, tmp_path, database_url):
    refs = stored(factory, tmp_path, 5)
    home = tmp_path / "home"
    caught_up(home / "index", factory)
    for seg in (home / "index").glob("*.seg"):
        seg.write_bytes(b"\x00" * 100)
    env = env_for(home, database_url)
    r = subprocess.run([*CONGVAN, "search", refs[2]], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    assert "Chỉ mục tìm kiếm hỏng hoặc thiếu" in r.stderr and "đang dựng lại" in r.stderr
    assert refs[2] in r.stdout
    assert references_found(home / "index", refs) == refs  # and it stays repaired


def test_search_waits_for_a_rebuild_another_process_is_running(factory, tmp_path):
    refs = stored(factory, tmp_path, 3)
    path = tmp_path / "index"
    caught_up(path, factory)
    shutil.rmtree(path)
    # A rebuild "by another process": a live pid's fresh directory, finished after a moment.
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)"])
    fresh = path.with_name(f"index.new-{sleeper.pid}-{int(time.time())}")
    fresh.mkdir()
    reaper = threading.Thread(target=sleeper.wait)  # reaped at once: a zombie's pid looks alive
    reaper.start()
    said: list[str] = []
    try:
        backend = open_for_search(path, factory, warn=said.append, wait=60)
    finally:
        reaper.join()
    try:
        assert "đang được dựng lại" in said[0] and str(sleeper.pid) in said[0]
        assert [h.reference for h in backend.search(refs[0])][:1] == [refs[0]]
    finally:
        backend.close()
    assert not swap.rebuilds(path)


def test_status_reports_the_backlog(factory, tmp_path, database_url):
    stored(factory, tmp_path, 4)
    home = tmp_path / "home"
    env = env_for(home, database_url) | {"COLUMNS": "200"}
    r = subprocess.run([*CONGVAN, "status"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Chỉ mục tìm kiếm: chậm 4 văn bản chưa tìm được" in r.stdout
    caught_up(home / "index", factory)
    r = subprocess.run([*CONGVAN, "status"], env=env, capture_output=True, text=True, timeout=120)
    assert "Chỉ mục tìm kiếm: đầy đủ" in r.stdout


def test_the_migration_leaves_every_existing_document_behind(blank_database_url):
    from alembic import command

    from models.db import alembic_config, upgrade

    upgrade(blank_database_url)
    command.downgrade(alembic_config(blank_database_url), "0002")
    with engine_for(blank_database_url).begin() as conn:
        conn.execute(
            text("insert into documents (text, status, created_at) values ('x', 'extracted', :t)"), {"t": now()}
        )
    engine_for(blank_database_url).dispose()
    upgrade(blank_database_url)
    with engine_for(blank_database_url).connect() as conn:
        row = conn.execute(text("select indexed_at, changed_at, created_at from documents")).one()
    assert row[0] is None and row[1] == row[2]
    engine_for(blank_database_url).dispose()
    command.downgrade(alembic_config(blank_database_url), "0002")
    from sqlalchemy import inspect

    columns = {c["name"] for c in inspect(engine_for(blank_database_url)).get_columns("documents")}
    assert not {"indexed_at", "changed_at"} & columns
    engine_for(blank_database_url).dispose()
