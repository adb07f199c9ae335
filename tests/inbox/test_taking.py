"""Taking a file: never half of it. Real writer processes that pause mid-file, a writer the
watcher cannot see going on after the file was moved, and the journal keeping both hashes."""

from __future__ import annotations

import hashlib
import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.inbox import Box, cong_van_text, files_under, wait_for, watch_cmd, write_docx

pytestmark = pytest.mark.slow  # real watchers and writers that pause for seconds

STABLE = 0.8  # the stability window of these watchers, in seconds

# A writer as an office's copy tool over a slow share: the first half, a pause, the rest, all on
# one open file (the OS can see it open for writing).
WRITER = """
import sys, time
path, split, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
data = sys.stdin.buffer.read()
with open(path, "wb") as f:
    f.write(data[:split]); f.flush()
    print("half", flush=True)
    time.sleep(pause)
    f.write(data[split:]); f.flush()
"""


def _write_paused(path: Path, data: bytes, pause: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(len(data) // 2), str(pause)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(data)
    proc.stdin.close()
    assert proc.stdout.readline() == b"half\n"
    return proc


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _started(box: Box) -> subprocess.Popen:
    proc = box.start("--stable", str(STABLE), "--rescan", "60")
    assert wait_for(lambda: "Đang theo dõi" in box.log_of(proc), 30), box.log_of(proc)
    return proc


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout=30)


def _docx_bytes(text: str) -> bytes:
    out = io.BytesIO()
    from docx import Document as Docx

    doc = Docx()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_writer_pausing_twice_the_window_mid_file_yields_one_whole_document(box: Box, kind: str):
    proc = _started(box)
    text = cong_van_text(21, seed=7)
    data = text.encode() if kind == "txt" else _docx_bytes(text)
    target = box.inbox / f"Công văn chép chậm.{kind}"
    writer = _write_paused(target, data, pause=2 * STABLE + 0.4)
    assert writer.wait(timeout=30) == 0
    assert target.exists(), "taken while the writer still held it open"
    assert wait_for(lambda: not target.exists(), 30), box.log_of(proc)
    assert _stop(proc) == 0
    assert [p.read_bytes() for p in files_under(box.inbox / "processed")] == [data]
    assert files_under(box.inbox / "failed") == []  # the half .docx was never called corrupt
    assert box.scalar("select count(*) from documents") == 1
    assert box.rows("select sha256, size from document_files") == [(_sha(data), len(data))]
    assert "Nơi nhận" in box.scalar("select text from documents")  # the end of the letter
    assert box.rows("select sha256, replaces_sha256 from ingest_journal") == [(_sha(data), None)]


def _moved_copy(box: Box, name: str, folder: str) -> Path | None:
    found = [p for p in files_under(box.inbox / folder) if p.name == name]
    return found[0] if found else None


@pytest.mark.parametrize(("kind", "first_folder"), [("txt", "processed"), ("docx", "failed")])
def test_an_invisible_writer_going_on_after_the_move_ends_with_the_whole_file(box: Box, kind: str, first_folder: str):
    """A writer on another machine: it closes nothing we can see, the file looks complete, it is
    taken and moved; then the writer goes on into the moved file (simulated by reopening it)."""
    proc = _started(box)
    text = cong_van_text(22, seed=7)
    data = text.encode() if kind == "txt" else _docx_bytes(text)
    cut = data.index(b"\n", len(data) // 2) + 1 if kind == "txt" else len(data) // 2
    name = f"Công văn từ máy khác.{kind}"
    (box.inbox / name).write_bytes(data[:cut])  # the half, closed: nothing shows the writer
    assert wait_for(lambda: _moved_copy(box, name, first_folder) is not None, 30), box.log_of(proc)
    moved = _moved_copy(box, name, first_folder)
    assert moved is not None
    with open(moved, "ab") as f:  # the writer resumes where it paused
        f.write(data[cut:])
    assert wait_for(lambda: "phiên bản mới" in box.log_of(proc), 30), box.log_of(proc)
    assert _stop(proc) == 0
    assert [p.read_bytes() for p in files_under(box.inbox / "processed")] == [data]
    assert files_under(box.inbox / "failed") == [] and list((box.inbox / "failed").rglob("*.reason.txt")) == []
    assert box.scalar("select count(*) from documents") == 1
    assert box.rows("select sha256, size from document_files") == [(_sha(data), len(data))]
    assert "Nơi nhận" in box.scalar("select text from documents")
    rows = box.rows("select sha256, replaces_sha256, state from ingest_journal order by id")
    half_state = "processed" if first_folder == "processed" else "failed"
    assert rows == [(_sha(data[:cut]), None, half_state), (_sha(data), _sha(data[:cut]), "processed")]
    assert box.scalar("select count(*) from ingest_journal where finished_at is null") == 0
    # the whole version keeps the số đến the half arrived with (a failed half had none): no gap
    doc_id = box.scalar("select id from documents")
    assert box.rows("select number, document_id, note from register_entries") == [(1, doc_id, None)]


def test_a_file_touched_after_the_move_without_new_bytes_is_not_taken_again(box: Box):
    proc = _started(box)
    target = box.inbox / "Công văn 23.txt"
    target.write_text(cong_van_text(23, seed=7), encoding="utf-8")
    assert wait_for(lambda: _moved_copy(box, target.name, "processed") is not None, 30), box.log_of(proc)
    moved = _moved_copy(box, target.name, "processed")
    assert moved is not None
    moved.touch()  # a backup tool resetting times: same bytes
    time.sleep(3 * STABLE + 1)
    assert _stop(proc) == 0
    assert "phiên bản mới" not in box.log_of(proc)
    assert box.scalar("select count(*) from ingest_journal") == 1
    assert box.scalar("select count(*) from documents") == 1


def test_writing_docx_helper_still_gives_a_document(box: Box):
    """The plain case next to the paused ones: a .docx saved in one go is taken at once."""
    proc = _started(box)
    write_docx(box.inbox / "Công văn 24.docx", cong_van_text(24, seed=7))
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 1, 30), box.log_of(proc)
    assert _stop(proc) == 0
    assert box.scalar("select count(*) from documents") == 1


@pytest.mark.parametrize("step", ["revise-claimed", "revise-decided"])
def test_a_watcher_killed_while_taking_a_new_version_finishes_it_after_restart(box: Box, step: str):
    data = cong_van_text(25, seed=7).encode()
    cut = data.index(b"\n", len(data) // 2) + 1
    name = "Công văn bị ngắt.txt"
    log = box.logs / "killed.log"
    with open(log, "w") as out:
        env = box.env | {"CONGVAN_INBOX_CRASH_AT": step}
        killed = subprocess.Popen(
            watch_cmd(box.inbox, "--stable", str(STABLE), "--rescan", "60"), env=env, stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
    box.procs.append(killed)
    (box.inbox / name).write_bytes(data[:cut])
    assert wait_for(lambda: _moved_copy(box, name, "processed") is not None, 30), log.read_text()
    moved = _moved_copy(box, name, "processed")
    assert moved is not None
    with open(moved, "ab") as f:
        f.write(data[cut:])
    assert killed.wait(timeout=30) == -signal.SIGKILL, log.read_text()
    kept = data[:cut] if step == "revise-claimed" else data  # the transaction died, or had committed
    assert box.rows("select sha256 from document_files") == [(_sha(kept),)]
    proc = _started(box)
    assert wait_for(lambda: box.scalar("select count(*) from ingest_journal where finished_at is null") == 0, 30)
    assert _stop(proc) == 0
    assert [p.read_bytes() for p in files_under(box.inbox / "processed")] == [data]
    assert box.rows("select sha256 from document_files") == [(_sha(data),)]
    assert box.scalar("select count(*) from documents") == 1
    rows = box.rows("select sha256, replaces_sha256, state, attempts from ingest_journal order by id")
    attempts = 2 if step == "revise-claimed" else 1
    assert rows == [(_sha(data[:cut]), None, "processed", 1), (_sha(data), _sha(data[:cut]), "processed", attempts)]


def test_ten_slow_writers_at_once_each_end_as_one_whole_document(box: Box):
    """The red team's case: ten copies pausing past the window at once, .txt and .docx."""
    proc = _started(box)
    datas = {}
    writers = []
    for n in range(10):
        kind = "txt" if n % 2 else "docx"
        text = cong_van_text(60 + n, seed=7)
        data = text.encode() if kind == "txt" else _docx_bytes(text)
        target = box.inbox / f"Công văn chậm {n}.{kind}"
        datas[target.name] = data
        writers.append(_write_paused(target, data, pause=2 * STABLE + 0.2 * n))
    assert all(w.wait(timeout=60) == 0 for w in writers)
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 10, 60), box.log_of(proc)
    assert _stop(proc) == 0
    assert {p.name: p.read_bytes() for p in files_under(box.inbox / "processed")} == datas
    assert files_under(box.inbox / "failed") == []
    assert box.scalar("select count(*) from documents") == 10
    stored = {(sha, size) for sha, size in box.rows("select sha256, size from document_files")}
    assert stored == {(_sha(d), len(d)) for d in datas.values()}
    assert box.scalar("select count(*) from ingest_journal where replaces_sha256 is not null") == 0
