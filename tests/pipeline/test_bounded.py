"""The bounded reader: each bomb fails within the time limit in a real worker process, under the
memory limit, and the files behind it are read at once; the worker is reused, and replaced after
a kill; what it returns is what reading in-process returns."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.bounded import BoundedReader, Limits, read_and_extract
from pipeline.errors import LimitExceeded, MemoryLimitExceeded, ReadError, TimeLimitExceeded
from pipeline.extract import to_contract
from pipeline.readers import ReadLimits
from tests.helpers import bombs

SECONDS = 3.0
MEMORY_MB = 900
SMALL = [SAMPLES_DIR / n for n in ("skhcn-wifi-cong-cong.txt", "minh-long-ha-tang-so.docx", "skhcn-de-xuat-cchc.pdf")]


@pytest.fixture(scope="module")
def bomb_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bombs")


# name -> (maker, what the reason says)
BOMBS = {
    "xml-10mib.docx": (lambda p: bombs.xml_docx(p, 10 * 2**20), f"vượt quá giới hạn thời gian {SECONDS:g} giây"),
    "xml-60mib.docx": (lambda p: bombs.xml_docx(p, 60 * 2**20), "giải nén quá lớn (trên 50 MB"),
    "lying-headers.docx": (lambda p: bombs.lying_docx(p), "khai báo sai kích thước"),
    "5000-pages.pdf": (lambda p: bombs.pages_pdf(p, 5000), "PDF có 5000 trang, vượt quá giới hạn 2000 trang"),
    # pdfium parses the page before its objects can be counted (1-2 s): on a loaded machine the
    # time limit may be what stops it; either way it is bounded and says why
    "million-objects.pdf": (
        lambda p: bombs.text_objects_pdf(p, 1_000_000),
        ("1000000 đối tượng", f"vượt quá giới hạn thời gian {SECONDS:g} giây"),
    ),
    "one-line-10mb.txt": (lambda p: bombs.one_line_text(p, 10_000_000), "tệp văn bản quá lớn (10 MB > 8 MB)"),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(BOMBS))
def test_a_bomb_fails_within_the_limits_and_the_files_behind_it_are_read(bomb_dir, name):
    maker, reason = BOMBS[name]
    path = maker(bomb_dir / name)
    with BoundedReader(Limits(seconds=SECONDS, memory_mb=MEMORY_MB)) as reader:
        reader(SMALL[0])  # warm, as the watcher's worker is
        start = time.monotonic()
        with pytest.raises(ReadError) as err:
            reader(path)
        elapsed = time.monotonic() - start
        assert elapsed < SECONDS + 1.5, elapsed
        assert any(r in err.value.reason for r in (reason if isinstance(reason, tuple) else (reason,))), err.value
        assert "\n" not in err.value.reason
        assert reader.last_peak_mb is not None and reader.last_peak_mb < MEMORY_MB
        start = time.monotonic()
        for p in SMALL:
            ((raw, _ex),) = reader(p)
            assert raw.blocks
        assert time.monotonic() - start < 30


def test_the_worker_is_reused_and_replaced_after_a_file_over_the_time_limit(tmp_path):
    hang = bombs.xml_docx(tmp_path / "treo.docx", 10 * 2**20)
    with BoundedReader(Limits(seconds=1.5)) as reader:
        for p in SMALL:
            reader(p)
        assert reader.started == 1  # one warm worker for every file
        with pytest.raises(TimeLimitExceeded) as err:
            reader(hang)
        assert err.value.reason == ("vượt quá giới hạn thời gian 1.5 giây (CV-L01)")
        assert err.value.code == "CV-L01"
        ((raw, _ex),) = reader(SMALL[0])  # the next file goes on at once, in a fresh worker
        assert raw.blocks and reader.started == 2


@pytest.mark.slow
def test_a_file_over_the_memory_limit_fails_with_the_limit_named(tmp_path):
    # pdfium holds every object of a page: a million of them need about 500 MB
    path = bombs.text_objects_pdf(tmp_path / "nặng.pdf", 1_000_000)
    with BoundedReader(Limits(seconds=60, memory_mb=450)) as reader:
        with pytest.raises(MemoryLimitExceeded) as err:
            reader(path)
        assert "vượt quá giới hạn bộ nhớ 450 MB" in err.value.reason and err.value.code == "CV-L02"
        ((raw, _ex),) = reader(SMALL[0])
        assert raw.blocks


def test_the_readers_caps_apply_in_the_worker(tmp_path):
    path = bombs.pages_pdf(tmp_path / "dày.pdf", 30)
    with (
        BoundedReader(Limits(read=ReadLimits(max_pages=20))) as reader,
        pytest.raises(LimitExceeded, match="PDF có 30 trang, vượt quá giới hạn 20 trang"),
    ):
        reader(path)


def test_the_worker_gives_what_reading_in_this_process_gives():
    files = sorted(p for p in SAMPLES_DIR.iterdir() if ".scan." not in p.name)
    with BoundedReader() as reader:
        for p in files:
            parts, here = reader(p), read_and_extract(p)
            assert [raw for raw, _ex in parts] == [raw for raw, _ex in here]
            assert [to_contract(ex, trace=True) for _raw, ex in parts] == [
                to_contract(ex, trace=True) for _raw, ex in here
            ]


def test_a_relative_path_means_the_same_in_the_worker(monkeypatch):
    with BoundedReader() as reader:
        reader(SMALL[0])  # the worker starts in one folder...
        monkeypatch.chdir(SAMPLES_DIR)  # ...the caller moves to another
        ((raw, _ex),) = reader(Path(SMALL[1].name))
        assert raw.source == SMALL[1].name


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.slow
def test_a_worker_whose_caller_is_killed_ends_itself(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from pipeline.bounded import ORPHAN_GRACE

    hang = bombs.xml_docx(tmp_path / "treo.docx", 10 * 2**20)
    env = {**os.environ, "CONGVAN_HOME": str(tmp_path / "home"), "CONGVAN_TIME_LIMIT": "6"}
    proc = subprocess.Popen([sys.executable, "-m", "congvan.cli", "extract", str(hang)], env=env)
    time.sleep(4)  # the worker has warmed up and is deep in the file, its 6 s not yet over
    workers = bombs.descendants(proc.pid)
    assert workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 6 + ORPHAN_GRACE + 5
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
