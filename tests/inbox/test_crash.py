"""kill -9 at any instant loses nothing: every file ends in processed/, failed/ or duplicates/,
with one journal row per distinct file and one Document per distinct document.

Two kinds of test: the watcher killed at each named step of the crash-safety argument
(CONGVAN_INBOX_CRASH_AT makes the process SIGKILL itself there), and killed by the test with
SIGKILL at random instants during a batch, then restarted, several times over.
"""

from __future__ import annotations

import hashlib
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers.inbox import CONGVAN, Box, cong_van_text, drop, files_under, wait_for

pytestmark = pytest.mark.slow  # real watchers killed and restarted, dozens of times

FOLDERS = ("processed", "failed", "duplicates")


def _everywhere(box: Box, name: str) -> list[Path]:
    """Every copy of a file called ``name`` in the inbox or its three folders."""
    return [p for p in box.inbox.rglob(name) if p.is_file()]


CASES = [
    # step, kind of file, journal state right after the kill, Documents then, attempts at the end
    ("claimed", "good", "pending", 0, 2),
    ("ingested", "good", "pending", 0, 2),
    ("decided", "good", "processed", 1, 1),
    ("noted", "good", "processed", 1, 1),
    ("moved", "good", "processed", 1, 1),
    ("decided", "corrupt", "failed", 0, 1),
    ("noted", "corrupt", "failed", 0, 1),
    ("decided", "stored", "duplicate", 1, 1),
]


# where the restart files each kind of file, and the journal's final state for it
FOLDER_OF = {"good": "processed", "corrupt": "failed", "stored": "duplicates"}
STATE_OF = {"good": "processed", "corrupt": "failed", "stored": "duplicate"}


@pytest.mark.parametrize(("step", "kind", "state_after_kill", "docs_after_kill", "attempts"), CASES)
def test_killed_at_each_step_then_restarted(
    box: Box, tmp_path: Path, step, kind, state_after_kill, docs_after_kill, attempts
):
    name, data = _file_of(kind)
    if kind == "stored":  # already taken in by `congvan ingest`: the inbox copy is a duplicate
        _ingest(box, tmp_path / "trước.txt", data)
    drop(box.inbox / "Văn thư" / name, data)

    r = box.once(env=box.env | {"CONGVAN_INBOX_CRASH_AT": step})
    _assert_as_the_kill_left_it(box, r, name, step, state_after_kill, docs_after_kill)

    r = box.once()
    assert r.returncode == (1 if kind == "corrupt" else 0), r.stderr
    _assert_filed_once(box, name, data, kind)
    if step in ("decided", "noted"):
        assert "sau khi khởi động lại" in r.stdout  # completed, not ingested again
    _assert_journal_and_documents(box, kind, attempts)


def _file_of(kind: str) -> tuple[str, bytes]:
    """The name and bytes dropped: a truncated .docx for ``corrupt``, a công văn's text otherwise."""
    if kind == "corrupt":
        return "Công văn số 5.docx", b"PK\x03\x04 truncated"
    return "Công văn số 5.txt", cong_van_text(5, seed=11).encode()


def _ingest(box: Box, path: Path, data: bytes) -> None:
    path.write_bytes(data)
    assert subprocess.run([*CONGVAN, "ingest", "-q", str(path)], env=box.env).returncode == 0


def _assert_as_the_kill_left_it(box: Box, r, name: str, step: str, state: str, docs: int) -> None:
    """Right after the kill: the file in one place, the journal row and the Documents as ``step`` left them."""
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert len(_everywhere(box, name)) == 1  # never lost, never copied
    assert box.rows("select state, attempts from ingest_journal") == [(state, 1)]
    assert box.scalar("select count(*) from documents") == docs
    moved_already = step == "moved"
    assert (box.inbox / "Văn thư" / name).exists() is not moved_already


def _assert_filed_once(box: Box, name: str, data: bytes, kind: str) -> None:
    """After the restart: one copy, unchanged, in its kind's folder under the same sub-folder,
    with the reason it failed or the note of what it duplicates."""
    copies = _everywhere(box, name)
    assert len(copies) == 1
    assert copies[0].relative_to(box.inbox).parts[0] == FOLDER_OF[kind]
    assert copies[0].read_bytes() == data
    assert copies[0].parent.name == "Văn thư"  # the sub-folder path is kept
    if kind == "corrupt":
        reason = copies[0].with_name(name + ".reason.txt").read_text(encoding="utf-8")
        assert reason.count("\n") == 1 and " / " not in reason and "docx" in reason
    if kind == "stored":
        assert "#1" in copies[0].with_name(name + ".note.txt").read_text(encoding="utf-8")


def _assert_journal_and_documents(box: Box, kind: str, attempts: int) -> None:
    rows = box.rows("select state, attempts, finished_at is not null from ingest_journal")
    assert rows == [(STATE_OF[kind], attempts, True)]
    assert box.scalar("select count(*) from documents") == (0 if kind == "corrupt" else 1)
    assert box.scalar("select count(*) from document_files") == (0 if kind == "corrupt" else 1)
    if kind == "good":  # searchable too, though the kill may have come before the index was written
        assert box.indexed() == 1


def test_sigkill_at_random_instants_during_a_batch(box: Box):
    seed = int(time.time())
    rng = random.Random(seed)
    names = _drop_batch(box)
    distinct = {hashlib.sha256(d).hexdigest() for d in names.values()}
    assert len(distinct) == 45

    kills = _kill_while_at_work(box, names, rng, seed)
    proc = box.start("--stable", "0.2", "--rescan", "30")
    assert wait_for(lambda: _done(box) == len(names), 60), f"seed {seed}: {box.log_of(proc)[-2000:]}"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert kills >= 3, f"the batch finished before the kills (seed {seed})"

    _assert_each_filed_once(box, names, seed)
    _assert_one_row_and_one_document_each(box, distinct, seed)


def _drop_batch(box: Box) -> dict[str, bytes]:
    """45 công văn, every fourth file in a sub-folder; the name of each file and its bytes."""
    names: dict[str, bytes] = {}
    for n in range(45):
        names[f"Công văn số {n + 1}.txt"] = cong_van_text(n, seed=12).encode()
    for n in range(5):  # five of them dropped twice, under another name
        names[f"bản sao {n + 1}.txt"] = names[f"Công văn số {n * 7 + 1}.txt"]
    for i, (name, data) in enumerate(names.items()):
        drop(box.inbox / ("Phòng Kế hoạch" if i % 4 == 0 else "") / name, data)
    return names


def _done(box: Box) -> int:
    """How many files the watcher has put away, in any of the three folders."""
    return sum(len(files_under(box.inbox / f)) for f in FOLDERS)


def _kill_while_at_work(box: Box, names: dict[str, bytes], rng: random.Random, seed: int) -> int:
    """Start the watcher and SIGKILL it mid-batch, up to six times or until the batch is done;
    how many times it was killed."""
    kills = 0
    for _ in range(6):
        before = _done(box)
        if before == len(names):
            break
        proc = box.start("--stable", "0.2", "--rescan", "30")
        wait_for(lambda before=before: _done(box) > before, 30, interval=0.01)  # it is at work
        time.sleep(rng.uniform(0.0, 0.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        kills += 1
        for name in names:  # after every kill: each file still exists exactly once
            assert len(_everywhere(box, name)) == 1, f"{name} (seed {seed})"
    return kills


def _assert_each_filed_once(box: Box, names: dict[str, bytes], seed: int) -> None:
    assert box.in_inbox() == []
    assert len(files_under(box.inbox / "processed")) == 45, f"seed {seed}"
    assert len(files_under(box.inbox / "duplicates")) == 5
    assert files_under(box.inbox / "failed") == []
    for name, data in names.items():
        (copy,) = _everywhere(box, name)
        assert copy.read_bytes() == data


def _assert_one_row_and_one_document_each(box: Box, distinct: set[str], seed: int) -> None:
    rows = box.rows("select sha256, state, finished_at is not null from ingest_journal")
    assert sorted(r[0] for r in rows) == sorted(distinct), f"seed {seed}"  # one row per distinct file
    assert {(r[1], r[2]) for r in rows} == {("processed", True)}
    assert box.scalar("select count(*) from documents") == 45
    assert box.scalar("select count(*) from document_files") == 45
    assert box.scalar("select count(distinct reference) from documents") == 45
    assert box.indexed() == 45  # and all of them searchable
