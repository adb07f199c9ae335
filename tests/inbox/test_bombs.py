"""Every file bounded, end to end: bombs dropped into the inbox (and given to ``congvan ingest``
and ``congvan extract``) each end failed with their reason within the time limit, in a worker
whose memory stays under the limit, while the small files dropped behind them are processed."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers import bombs
from tests.helpers.bombs import PeakSampler
from tests.helpers.inbox import CONGVAN, Box, cong_van_text, drop, files_under, write_docx

SECONDS = 4
MEMORY_MB = 900
LIMITS = {"CONGVAN_TIME_LIMIT": str(SECONDS), "CONGVAN_MEMORY_LIMIT_MB": str(MEMORY_MB)}

# name -> (maker, a fragment of its reason)
BOMBS = {
    "Xml 10 MiB.docx": (lambda p: bombs.xml_docx(p, 10 * 2**20), f"vượt quá giới hạn thời gian {SECONDS} giây"),
    "Xml 60 MiB.docx": (lambda p: bombs.xml_docx(p, 60 * 2**20), "giải nén quá lớn"),
    "Khai báo sai.docx": (lambda p: bombs.lying_docx(p), "khai báo sai kích thước"),
    "5000 trang.pdf": (lambda p: bombs.pages_pdf(p, 5000), "vượt quá giới hạn 2000 trang"),
    # pdfium parses the page before its objects are counted: on a loaded machine the time limit may
    # stop it first (either way bounded, with its reason)
    "Triệu đối tượng.pdf": (
        lambda p: bombs.text_objects_pdf(p, 1_000_000),
        ("đối tượng, vượt quá giới hạn", f"vượt quá giới hạn thời gian {SECONDS} giây"),
    ),
    "Một dòng 10 MB.txt": (lambda p: bombs.one_line_text(p, 10_000_000), "tệp văn bản quá lớn"),
}


def _run(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[subprocess.CompletedProcess, float, float]:
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = PeakSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate(timeout=timeout)
    sampler.done = True
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), time.monotonic() - start, sampler.peak_mb


def _make(folder: Path, names) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [BOMBS[n][0](folder / n) for n in names]


def _small_files(folder: Path) -> list[Path]:
    """Three ordinary công văn, one per format a clerk drops (.txt, .docx, and a second .txt)."""
    folder.mkdir(parents=True, exist_ok=True)
    a, b, c = folder / "Công văn 901.txt", folder / "Công văn 902.docx", folder / "Công văn 903.txt"
    a.write_text(cong_van_text(901), encoding="utf-8")
    write_docx(b, cong_van_text(902))
    c.write_text(cong_van_text(903), encoding="utf-8")
    return [a, b, c]


@pytest.mark.slow
def test_the_watcher_fails_each_bomb_with_its_reason_and_goes_on(box: Box, tmp_path):
    made = _make(tmp_path / "bombs", BOMBS)
    for p in made:  # the bombs first, the small files behind them
        drop(box.inbox / p.name, p.read_bytes())
    time.sleep(0.05)
    for p in _small_files(tmp_path / "small"):
        drop(box.inbox / p.name, p.read_bytes())
    r, elapsed, peak = _run(
        [*CONGVAN, "watch", str(box.inbox), "--once", "--stable", "0.2"], {**box.env, **LIMITS}, timeout=300
    )
    assert "Traceback" not in r.stderr, r.stderr
    failed = box.inbox / "failed"
    assert sorted(p.name for p in files_under(failed)) == sorted(BOMBS)
    for name, (_maker, fragment) in BOMBS.items():
        reason = (failed / (name + ".reason.txt")).read_text(encoding="utf-8")
        assert any(f in reason for f in (fragment if isinstance(fragment, tuple) else (fragment,))), (name, reason)
        assert "(CV-L0" in reason or "khai báo sai" in reason, reason
    processed = [p.name for p in files_under(box.inbox / "processed")]
    assert sorted(processed) == ["Công văn 901.txt", "Công văn 902.docx", "Công văn 903.txt"]
    assert box.scalar("select count(*) from documents") == 3
    assert box.in_inbox() == []
    # one bomb runs to the time limit, the others are refused by their caps in about a second each
    assert elapsed < 60, elapsed
    assert peak < MEMORY_MB, peak


@pytest.mark.slow
def test_congvan_ingest_bounds_every_file_the_same_way(box: Box, tmp_path):
    folder = tmp_path / "nhận"
    _make(folder, ["Xml 10 MiB.docx", "5000 trang.pdf"])
    _small_files(folder)
    r, elapsed, peak = _run([*CONGVAN, "ingest", str(folder)], {**box.env, **LIMITS}, timeout=300)
    assert r.returncode == 1
    assert "Traceback" not in r.stderr, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("congvan: lỗi")]
    assert len(errors) == 2, r.stderr
    assert any("Xml 10 MiB.docx" in e and f"vượt quá giới hạn thời gian {SECONDS} giây" in e for e in errors), errors
    assert any("5000 trang.pdf" in e and "vượt quá giới hạn 2000 trang" in e for e in errors), errors
    assert box.scalar("select count(*) from documents") == 3
    assert elapsed < 60 and peak < MEMORY_MB, (elapsed, peak)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Xml 10 MiB.docx", "Khai báo sai.docx", "Triệu đối tượng.pdf", "Một dòng 10 MB.txt"])
def test_congvan_extract_on_a_bomb_is_one_line_and_exit_1(box: Box, tmp_path, name):
    (path,) = _make(tmp_path / "b", [name])
    r, elapsed, peak = _run([*CONGVAN, "extract", str(path)], {**box.env, **LIMITS}, timeout=120)
    assert r.returncode == 1 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    fragments = BOMBS[name][1] if isinstance(BOMBS[name][1], tuple) else (BOMBS[name][1],)
    assert name in lines[0] and any(f in lines[0] for f in fragments), lines[0]
    assert elapsed < SECONDS + 15, elapsed  # start-up (the worker warms in about 2 s) plus the limit
    assert peak < MEMORY_MB, peak


def test_congvan_extract_refuses_a_huge_pdf_fast(box: Box, tmp_path):
    path = bombs.pages_pdf(tmp_path / "dày.pdf", 100)
    r, _elapsed, _peak = _run([*CONGVAN, "extract", str(path)], {**box.env, "CONGVAN_MAX_PAGES": "50"}, timeout=120)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"congvan: lỗi: {path}: PDF có 100 trang, vượt quá giới hạn 50 trang (CV-L03)"
    ]
