"""Any name the file system allows is taken and moved out under a name that fits; symlinks, FIFOs
and other special files are never followed nor opened, by ``watch`` or ``ingest``, and are
reported once as skipped."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.inbox.names import NAME_RESERVE, NOTE_SUFFIX, REASON_SUFFIX, is_temporary
from pipeline.ingest.files import NAME_MAX, fit_name
from tests.helpers.inbox import CONGVAN, Box, cong_van_text, files_under, wait_for

NON_UTF8 = os.fsdecode(b"C\xf4ng v\xe3n c\xf5 1258.txt")  # an old code page over Samba
LONG_STEM = "Công văn số 12 của Ủy ban nhân dân tỉnh về việc triển khai kế hoạch chuyển đổi số năm 2025"


def _long(suffix: str, nbytes: int = 240) -> str:
    """A Vietnamese name of exactly ``nbytes`` bytes (about 80 characters)."""
    name = LONG_STEM
    while len((name + suffix).encode()) < nbytes:
        name += " đợt"
    while len((name + suffix).encode()) > nbytes:
        name = name[:-1]
    name = name.rstrip() + "x" * (nbytes - len((name.rstrip() + suffix).encode()))
    assert len((name + suffix).encode()) == nbytes
    return name + suffix


def _names_fit(folder: Path) -> None:
    for p in folder.rglob("*"):
        assert len(os.fsencode(p.name)) <= NAME_MAX, p


@pytest.mark.slow  # watcher runs, over 5 s
def test_a_non_utf8_name_a_240_byte_name_and_dot_dot_txt_are_ingested_and_moved(box: Box):
    names = [NON_UTF8, _long(".txt"), "..txt"]
    for n, name in enumerate(names):
        (box.inbox / name).write_bytes(cong_van_text(30 + n, seed=8).encode())
    r = box.once()
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "UnicodeEncodeError" not in r.stdout + r.stderr
    assert "C\ufffdng v\ufffdn" in r.stdout  # shown with replacement characters
    assert box.in_inbox() == [] and not (box.inbox / "..txt").exists()
    assert len(files_under(box.inbox / "processed")) == 3
    assert files_under(box.inbox / "failed") == []
    assert box.scalar("select count(*) from documents") == 3
    stored = {n for (n,) in box.rows("select original_name from document_files")}
    assert r"C\xf4ng v\xe3n c\xf5 1258.txt" in stored and "..txt" in stored and _long(".txt") in stored
    status = subprocess.run([*CONGVAN, "status", str(box.inbox)], env=box.env, capture_output=True, text=True)
    assert status.returncode == 0 and "Traceback" not in status.stderr, status.stderr


@pytest.mark.slow  # watcher runs, over 5 s
def test_a_240_byte_name_that_fails_or_is_a_duplicate_is_moved_out(box: Box):
    data = cong_van_text(40, seed=8).encode()
    (box.inbox / _long(".txt")).write_bytes(data)
    assert box.once().returncode == 0
    (box.inbox / _long(".txt")).write_bytes(data)  # the same bytes again, the same long name
    (box.inbox / "Tổ 1").mkdir()
    (box.inbox / "Tổ 1" / _long(".txt")).write_bytes(data)  # and once more in a folder
    (box.inbox / _long(".docx")).write_bytes(b"PK\x03\x04 not really a docx")  # fails
    (box.inbox / "Tổ 1" / _long(".docx", 255)).write_bytes(b"PK\x03\x04 neither")  # NAME_MAX itself
    (box.inbox / os.fsdecode(b"h\xf4ng.docx")).write_bytes(b"PK\x03\x04 broken too")  # not UTF-8, fails
    r = box.once()
    assert r.returncode == 1, r.stdout + r.stderr  # failures make --once say so
    assert box.in_inbox() == [], box.in_inbox()
    dups, failed = files_under(box.inbox / "duplicates"), files_under(box.inbox / "failed")
    assert len(dups) == 2 and len(failed) == 3, (dups, failed)
    assert "UnicodeEncodeError" not in r.stdout + r.stderr and "Traceback" not in r.stderr
    for p in dups:
        assert p.with_name(p.name + NOTE_SUFFIX).exists()
        assert p.suffix == ".txt"
    for p in failed:
        assert p.with_name(p.name + REASON_SUFFIX).read_text(encoding="utf-8").strip()
        assert p.suffix == ".docx"
    _names_fit(box.inbox)
    assert box.scalar("select count(*) from documents") == 1


def _specials(box: Box, outside: Path) -> None:
    secret = outside / "passwd"
    secret.write_text("root:x:0:0:MẬT-KHẨU-BÍ-MẬT:/root:/bin/bash\n", encoding="utf-8")
    (box.inbox / "mật khẩu.txt").symlink_to(secret)
    (box.inbox / "Tổ 2").mkdir()
    (box.inbox / "Tổ 2" / "thư mục liên kết").symlink_to(outside, target_is_directory=True)
    os.mkfifo(box.inbox / "ống.txt")
    (box.inbox / "Công văn thật.txt").write_text(cong_van_text(50, seed=8), encoding="utf-8")


def _nothing_of_outside(box: Box) -> None:
    assert box.scalar("select count(*) from documents") == 1
    assert box.scalar("select count(*) from documents where text like '%MẬT-KHẨU%'") == 0
    assert (box.inbox / "mật khẩu.txt").is_symlink() and (box.inbox / "ống.txt").exists()


def test_ingest_never_follows_a_symlink_nor_opens_a_fifo_and_says_so_once(box: Box, tmp_path: Path):
    outside = tmp_path / "ngoài"
    outside.mkdir()
    (outside / "Công văn ngoài.txt").write_text(cong_van_text(51, seed=8), encoding="utf-8")
    _specials(box, outside)
    args = [*CONGVAN, "ingest", str(box.inbox), str(box.inbox / "mật khẩu.txt"), str(box.inbox / "ống.txt")]
    r = subprocess.run(args, env=box.env, capture_output=True, text=True, timeout=60)  # a FIFO would hang
    assert r.returncode == 0, r.stdout + r.stderr
    skipped = [line for line in r.stderr.splitlines() if "bỏ qua: " in line]
    assert len(skipped) == 3, r.stderr  # the symlink, the FIFO, the folder link: once each, though named twice
    assert sum("mật khẩu.txt" in line for line in skipped) == 1 and sum("ống.txt" in line for line in skipped) == 1
    _nothing_of_outside(box)


@pytest.mark.slow  # watcher runs, over 5 s
def test_watch_skips_a_symlink_and_a_fifo_reports_them_once_and_status_does_not_call_them_waiting(
    box: Box, tmp_path: Path
):
    outside = tmp_path / "ngoài"
    outside.mkdir()
    _specials(box, outside)
    proc = box.start("--stable", "0.3", "--rescan", "1")  # several rescans while the test waits
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 1, 30), box.log_of(proc)
    time.sleep(3.5)
    os.kill(proc.pid, 15)
    assert proc.wait(timeout=30) == 0
    log = box.log_of(proc)
    assert log.count("bỏ qua, không phải tệp thường") == 3, log  # each once, however many rescans
    assert "mật khẩu.txt" in log and "ống.txt" in log and "thư mục liên kết" in log
    _nothing_of_outside(box)
    status = subprocess.run([*CONGVAN, "status", str(box.inbox)], env=box.env, capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    assert "Đang chờ (0)" in status.stdout and "Bỏ qua" in status.stdout, status.stdout


def test_shortened_names_fit_keep_their_extension_and_stay_apart(tmp_path: Path):
    names = [_long(".docx", 255), _long(".docx", 254), os.fsdecode(b"\xf4" * 250 + b".txt"), "ngắn.pdf"]
    fitted = [fit_name(n, NAME_RESERVE) for n in names]
    assert len(set(fitted)) == 4 and fitted[3] == "ngắn.pdf"
    for name, short in zip(names, fitted, strict=True):
        assert short.endswith(Path(name).suffix)
        for extra in ("", " (9999)", REASON_SUFFIX, NOTE_SUFFIX):
            stem, _, ext = short.rpartition(".")
            candidate = f"{stem} (9999).{ext}" if extra == " (9999)" else short + extra
            (tmp_path / candidate).write_bytes(b"x")  # the file system itself says it fits


def test_temporary_names_stay_ignored_dot_names_are_taken():
    for name in ("~$x.docx", ".~lock.x.docx#", "x.part", "x.tmp", ".x.docx.AbC123", "._x.docx", ".DS_Store"):
        assert is_temporary(name), name
    for name in ("..txt", ".ẩn.txt", "Công văn.docx", NON_UTF8):
        assert not is_temporary(name), name


def test_ingest_takes_a_non_utf8_name_and_reports_a_failing_one_without_an_encoding_error(box: Box):
    (box.inbox / NON_UTF8).write_bytes(cong_van_text(52, seed=8).encode())
    (box.inbox / os.fsdecode(b"h\xf4ng.docx")).write_bytes(b"PK\x03\x04 broken")
    r = subprocess.run([*CONGVAN, "ingest", str(box.inbox)], env=box.env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 1, r.stdout + r.stderr  # one failed
    assert "Traceback" not in r.stderr and "h\ufffdng.docx" in r.stderr and "C\ufffdng v\ufffdn" in r.stderr
    assert box.rows("select original_name from document_files") == [(r"C\xf4ng v\xe3n c\xf5 1258.txt",)]
