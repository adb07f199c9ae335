"""N workers on one database give exactly the result of one.

Four watcher workers (two inboxes, two worker processes each, as on two machines sharing each
inbox) take a synthetic corpus whose documents are spread over both inboxes in three formats, with
the same bytes dropped twice and true suspected duplicates; the Documents, files, obligations and
suspected-duplicate flags must be those one worker stores from the same inboxes.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from tests.helpers.concurrent import differences, make_corpus, run_worker, snapshot, spread, waiting
from tests.helpers.inbox import files_under

DOCUMENTS = 100  # x 3 formats = 300 files, plus the copies and the second texts spread() adds
WORKERS_PER_INBOX = 2


def _inboxes(root: Path, corpus: Path) -> tuple[Path, Path]:
    a, b = root / "Hộp thư A", root / "Hộp thư B"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    spread(corpus, a, b)
    return a, b


def _run(jobs: list[tuple[str, str, str]], together: bool) -> None:
    """Each job (inbox, home, url) in a process of its own; ``together``: all at once, in step."""
    ctx = multiprocessing.get_context("spawn")  # no engine or pool shared with this process
    barrier = ctx.Barrier(len(jobs)) if together else None
    procs = [ctx.Process(target=run_worker, args=(*job, barrier)) for job in jobs]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=900)
        assert p.exitcode == 0, f"worker {p.pid} ended with {p.exitcode}"


def _one_worker(root: Path, corpus: Path, url: str) -> dict:
    a, b = _inboxes(root, corpus)
    _run([(str(a), str(root / "home"), url)], together=False)
    _run([(str(b), str(root / "home"), url)], together=False)
    assert not waiting(a) and not waiting(b)
    assert not files_under(a / "failed") and not files_under(b / "failed")
    return snapshot(url)


@pytest.mark.slow  # two ingests of 330 files, one of them by four processes at once
def test_four_workers_on_two_inboxes_store_what_one_worker_stores(
    tmp_path: Path, database_url: str, blank_database_url: str
):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, DOCUMENTS)
    expected = _one_worker(tmp_path / "one", corpus, blank_database_url)
    assert len(expected["files"]) >= 3 * DOCUMENTS and expected["flags"]  # the corpus has what is tested

    root = tmp_path / "four"
    a, b = _inboxes(root, corpus)
    home = str(root / "home")
    _run([(str(box), home, database_url) for box in (a, b) for _ in range(WORKERS_PER_INBOX)], together=True)

    assert not waiting(a) and not waiting(b)  # every file was taken, none failed
    assert not files_under(a / "failed") and not files_under(b / "failed")
    seen = snapshot(database_url)
    assert set(differences(seen, expected).values()) == {0}, differences(seen, expected)
    assert seen["files"] == expected["files"]
    assert seen["obligations"] == expected["obligations"]
    assert seen["flags"] == expected["flags"]
    assert seen["documents"] == expected["documents"]
    assert seen["verdicts"] == expected["verdicts"]
