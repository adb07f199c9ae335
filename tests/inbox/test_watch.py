"""`congvan watch` as clerks use it: real processes, real files, a real database."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from tests.helpers.inbox import CONGVAN, Box, cong_van_text, drop, files_under, wait_for, write_docx


def _month_folder(box: Box) -> Path:
    now = dt.datetime.now()
    return box.inbox / "processed" / f"{now:%Y}" / f"{now:%m}"


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    return proc.wait(timeout=30)


@pytest.mark.slow  # over 10 s
def test_a_file_written_slowly_is_taken_only_when_complete(box: Box):
    proc = box.start("--stable", "1.5", "--rescan", "60")
    assert wait_for(lambda: "Đang theo dõi" in box.log_of(proc), 30), box.log_of(proc)
    data = cong_van_text(7).encode() * 3  # a few kilobytes, written in 12 pieces
    target = box.inbox / "Công văn chậm.txt"
    pieces = [data[i : i + len(data) // 12 + 1] for i in range(0, len(data), len(data) // 12 + 1)]
    with open(target, "wb") as f:
        for piece in pieces:
            f.write(piece)
            f.flush()
            time.sleep(0.4)  # well under the stability delay: the writer is still at work
            assert target.exists(), "taken while still being written"
    assert wait_for(lambda: not target.exists(), 30)
    moved = _month_folder(box) / "Công văn chậm.txt"
    assert moved.read_bytes() == data
    assert box.scalar("select size from document_files") == len(data)  # the whole file was ingested
    assert box.scalar("select count(*) from ingest_journal") == 1
    assert _stop(proc) == 0


@pytest.mark.slow  # over 10 s
def test_two_hundred_files_dropped_at_once_are_each_ingested_once(box: Box, tmp_path: Path):
    proc = box.start("--stable", "0.5", "--rescan", "60")
    assert wait_for(lambda: "Đang theo dõi" in box.log_of(proc), 30), box.log_of(proc)
    staging = tmp_path / "staging"
    (staging / "Phòng Tổng hợp" / "Tháng 7").mkdir(parents=True)
    for n in range(200):
        # some in a folder that is moved in whole (one event for the folder, none for its files)
        folder = staging / "Phòng Tổng hợp" / "Tháng 7" if n % 5 == 0 else staging
        (folder / f"Công văn số {n + 1}.txt").write_text(cong_van_text(n, seed=1), encoding="utf-8")
    for p in sorted(staging.glob("*.txt")):
        os.replace(p, box.inbox / p.name)
    os.replace(staging / "Phòng Tổng hợp", box.inbox / "Phòng Tổng hợp")
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 200, 120), box.log_of(proc)[-3000:]
    assert _stop(proc) == 0
    assert box.in_inbox() == []
    assert files_under(box.inbox / "failed") == [] and files_under(box.inbox / "duplicates") == []
    assert len(files_under(_month_folder(box) / "Phòng Tổng hợp" / "Tháng 7")) == 40
    assert box.scalar("select count(*) from documents") == 200
    assert box.scalar("select count(distinct reference) from documents") == 200
    assert box.scalar("select count(*) from document_files") == 200
    assert box.rows("select state, count(*), min(attempts), max(attempts) from ingest_journal group by state") == [
        ("processed", 200, 1, 1)
    ]
    assert box.scalar("select count(*) from ingest_journal where finished_at is null") == 0


def test_a_dropped_file_is_searchable_while_the_watcher_runs(box: Box):
    proc = box.start("--stable", "0.3", "--rescan", "60")
    assert wait_for(lambda: "Đang theo dõi" in box.log_of(proc), 30), box.log_of(proc)
    write_docx(box.inbox / "Công văn tìm.docx", cong_van_text(60, seed=9))
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 1, 30), box.log_of(proc)
    reference = box.scalar("select reference from documents")
    assert wait_for(lambda: reference in box.search(reference), 10, interval=0.5)  # not waiting for a next file
    assert _stop(proc) == 0


def test_polling_mode_takes_files_in_folders_created_after_start(box: Box):
    proc = box.start("--poll", "0.3", "--stable", "0.3", "--rescan", "60")
    assert wait_for(lambda: "Đang theo dõi" in box.log_of(proc), 30), box.log_of(proc)
    for n in range(5):
        drop(box.inbox / "Đơn vị mới" / f"vb {n}.txt", cong_van_text(n, seed=2).encode())
        drop(box.inbox / f"gốc {n}.txt", cong_van_text(n + 50, seed=2).encode())
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 10, 60), box.log_of(proc)[-3000:]
    assert _stop(proc) == 0
    assert box.scalar("select count(*) from documents") == 10


def test_temporary_hidden_and_own_files_are_left_alone_names_keep_their_folders(box: Box):
    ignored = [
        "~$Công văn.docx", ".~lock.Công văn.docx#", "tải về.part", "bản tin.crdownload", "ghi.tmp",
        "Thumbs.db", ".DS_Store", "._Công văn.docx", ".Công văn.txt.a1B2c3", "cũ.docx.reason.txt",
        "Tổ/.git/config.txt",
    ]  # fmt: skip
    for name in ignored:
        drop(box.inbox / name, b"not for the inbox")
    (box.inbox / "tải về.part").write_bytes(cong_van_text(1).encode())  # still downloading
    deep = box.inbox / "Phòng Hành chính" / "Tháng 7 năm 2025" / "Công văn số 12 gửi Sở Nội vụ.txt"
    drop(deep, cong_van_text(12, seed=3).encode())
    r = box.once()
    assert r.returncode == 0, r.stderr
    for name in ignored:
        assert (box.inbox / name).exists(), name
    assert (_month_folder(box) / "Phòng Hành chính" / "Tháng 7 năm 2025" / "Công văn số 12 gửi Sở Nội vụ.txt").exists()
    assert box.scalar("select count(*) from documents") == 1
    assert box.scalar("select name from ingest_journal").endswith(
        "Phòng Hành chính/Tháng 7 năm 2025/Công văn số 12 gửi Sở Nội vụ.txt"
    )


def test_the_same_file_dropped_twice_lands_in_duplicates_with_a_note(box: Box):
    data = cong_van_text(3, seed=4).encode()
    drop(box.inbox / "Công văn 3.txt", data)
    assert box.once().returncode == 0
    drop(box.inbox / "Công văn 3.txt", data)  # the clerk is not sure it went through
    drop(box.inbox / "bản sao" / "Công văn 3 (copy).txt", data)
    r = box.once()
    assert r.returncode == 0, r.stderr
    dups = files_under(box.inbox / "duplicates")
    assert sorted(p.name for p in dups) == ["Công văn 3 (copy).txt", "Công văn 3.txt"]
    note = (box.inbox / "duplicates" / "Công văn 3.txt.note.txt").read_text(encoding="utf-8")
    doc_id = box.scalar("select id from documents")
    assert f"#{doc_id}" in note and "4004/" in note and "04/01/2025" in note and "Trùng hoàn toàn" in note
    assert box.scalar("select count(*) from documents") == 1
    assert box.scalar("select count(*) from ingest_journal") == 1
    assert len(files_under(box.inbox / "processed")) == 1


def test_a_file_stored_by_congvan_ingest_is_a_duplicate_in_the_inbox(box: Box, tmp_path: Path):
    path = tmp_path / "đã nhập.txt"
    path.write_text(cong_van_text(9, seed=5), encoding="utf-8")
    r = subprocess.run([*CONGVAN, "ingest", str(path)], env=box.env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    shutil.copy(path, box.inbox / "nhập lại.txt")
    assert box.once().returncode == 0
    assert (box.inbox / "duplicates" / "nhập lại.txt.note.txt").exists()
    assert box.rows("select state, document_id is not null from ingest_journal") == [("duplicate", True)]


def test_same_name_different_content_never_overwrites(box: Box):
    drop(box.inbox / "báo cáo.txt", cong_van_text(21, seed=6).encode())
    assert box.once().returncode == 0
    drop(box.inbox / "báo cáo.txt", cong_van_text(22, seed=6).encode())
    assert box.once().returncode == 0
    names = sorted(p.name for p in files_under(box.inbox / "processed"))
    assert names == ["báo cáo (2).txt", "báo cáo.txt"]
    assert box.scalar("select count(*) from documents") == 2


def test_a_scan_needing_ocr_is_kept_as_needs_ocr_in_processed(box: Box):
    shutil.copy(SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf", box.inbox / "bản quét.pdf")
    r = box.once()
    assert r.returncode == 0, r.stderr
    assert (_month_folder(box) / "bản quét.pdf").exists()
    assert box.scalar("select status from documents") == "needs_ocr"
    assert box.scalar("select result from ingest_journal") == "needs-ocr"


def test_docx_through_the_inbox(box: Box):
    write_docx(box.inbox / "Kế hoạch.docx", cong_van_text(30, seed=7))
    r = box.once()
    assert r.returncode == 0, r.stderr
    assert box.scalar("select reference from documents").startswith("7031/")
    assert box.scalar("select format from document_files") == "docx"


def test_status_shows_the_queue(box: Box):
    drop(box.inbox / "lỗi.docx", b"PK\x03\x04 broken zip")
    drop(box.inbox / "tốt.txt", cong_van_text(40, seed=8).encode())
    assert box.once().returncode == 1  # one failed
    drop(box.inbox / "đang chờ.txt", cong_van_text(41, seed=8).encode())
    r = subprocess.run(
        [*CONGVAN, "status", str(box.inbox)],
        env=box.env | {"COLUMNS": "200"}, capture_output=True, text=True,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "Đang chờ (1)" in out and "đang chờ.txt" in out
    assert "Đang xử lý (0)" in out
    assert "Đã xử lý hôm nay (1)" in out and "tốt.txt" in out and "đã thêm" in out
    assert "Lỗi (1)" in out and "lỗi.docx" in out and "tệp .docx bị hỏng hoặc bị cắt cụt" in out
    r = subprocess.run([*CONGVAN, "status"], env=box.env | {"COLUMNS": "200"}, capture_output=True, text=True)
    assert r.returncode == 0 and "tệp .docx bị hỏng hoặc bị cắt cụt" in r.stdout
