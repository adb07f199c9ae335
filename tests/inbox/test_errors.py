"""What cannot be ingested lands in failed/ with its reason; a bad inbox is one clear line."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from tests.helpers.inbox import (
    CONGVAN,
    Box,
    cong_van_text,
    drop,
    files_under,
    is_root,
    unprivileged,
    wait_for,
    watch_cmd,
)

OTHER_UID = 12345  # an owner that the unprivileged watcher (see unprivileged()) has no power over


def _one_line_error(r: subprocess.CompletedProcess, *fragments: str) -> None:
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    for f in fragments:
        assert f in lines[0], lines[0]


def test_missing_inbox(box: Box):
    r = box.once(cmd=watch_cmd(box.inbox / "không có", "--once"))
    _one_line_error(r, "không tìm thấy thư mục hộp thư", "không có")


def test_inbox_that_is_a_file(box: Box):
    f = box.inbox / "tệp.txt"
    f.write_text("x")
    _one_line_error(box.once(cmd=watch_cmd(f, "--once")), "không phải thư mục")


def test_read_only_inbox(box: Box):
    cmd = unprivileged(watch_cmd(box.inbox, "--once"))
    if cmd is None:
        pytest.skip("running as root without user namespaces: cannot make a folder read-only for the watcher")
    drop(box.inbox / "vb.txt", cong_van_text(1).encode())
    if is_root():
        os.chown(box.inbox, OTHER_UID, OTHER_UID)
    box.inbox.chmod(0o555)
    try:
        r = box.once(cmd=cmd)
    finally:
        box.inbox.chmod(0o755)
    _one_line_error(r, "hộp thư chỉ đọc")
    assert (box.inbox / "vb.txt").exists()


@pytest.mark.slow  # over 10 s
def test_unreadable_corrupt_and_binary_files_land_in_failed_with_reasons(box: Box):
    cmd = unprivileged(watch_cmd(box.inbox, "--once", "--stable", "0.2"))
    if cmd is None:
        pytest.skip("running as root without user namespaces: no file is unreadable to the watcher")
    secret = box.inbox / "Mật.txt"
    secret.write_text(cong_van_text(1), encoding="utf-8")
    if is_root():  # root reads anything; the watcher runs in a user namespace where this owner is unmapped
        os.chown(secret, OTHER_UID, OTHER_UID)
    secret.chmod(0o000)
    drop(box.inbox / "Hỏng.docx", b"PK\x03\x04" + os.urandom(2000))
    drop(box.inbox / "Ảnh chụp.txt", bytes(range(256)) * 20)
    drop(box.inbox / "rỗng.txt", b"")
    drop(box.inbox / "bảng tính.ods", b"PK\x03\x04 spreadsheet")
    drop(box.inbox / "tốt.txt", cong_van_text(2).encode())
    r = box.once(cmd=cmd)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    failed = box.inbox / "failed"
    reasons = {p.name: (failed / (p.name + ".reason.txt")).read_text(encoding="utf-8") for p in files_under(failed)}
    assert set(reasons) == {"Mật.txt", "Hỏng.docx", "Ảnh chụp.txt", "rỗng.txt", "bảng tính.ods"}
    for name, reason in reasons.items():
        assert reason.endswith("\n") and reason.count("\n") == 1, name  # one line
        assert " / " not in reason, name  # Vietnamese only, no English half
    assert "không đọc được tệp" in reasons["Mật.txt"]
    assert ".docx" in reasons["Hỏng.docx"]
    assert "tệp nhị phân, không phải văn bản" in reasons["Ảnh chụp.txt"]
    assert "tệp rỗng" in reasons["rỗng.txt"]
    assert "định dạng không hỗ trợ (.ods)" in reasons["bảng tính.ods"]
    assert len(files_under(box.inbox / "processed")) == 1
    # the unreadable file has no content to key a journal row on; the others have one each
    assert box.scalar("select count(*) from ingest_journal where state = 'failed'") == 4

    # A clerk moves a failed file back to try again: it is retried, on the same journal row.
    shutil.move(failed / "Hỏng.docx", box.inbox / "Hỏng.docx")
    r = box.once()
    assert r.returncode == 1
    assert (failed / "Hỏng.docx").exists() and (failed / "Hỏng.docx.reason.txt").exists()
    assert box.rows("select attempts from ingest_journal where name like '%Hỏng.docx'") == [(2,)]


@pytest.mark.slow  # over 10 s
def test_two_watchers_on_one_inbox(box: Box):
    first = box.start("--stable", "0.2")
    assert wait_for(lambda: "Đang theo dõi" in box.log_of(first), 30), box.log_of(first)
    r = box.once()
    _one_line_error(r, "một tiến trình theo dõi khác đang giữ hộp thư này", f"pid {first.pid} trên máy")
    # the first one is still at work
    drop(box.inbox / "vb.txt", cong_van_text(3).encode())
    assert wait_for(lambda: len(files_under(box.inbox / "processed")) == 1, 30), box.log_of(first)
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=30) == 0
    assert box.once().returncode == 0  # the lock went with it


def test_unreachable_database_is_one_line(box: Box, tmp_path: Path):
    env = box.env | {"CONGVAN_DATABASE_URL": "postgresql+psycopg2://congvan:x@127.0.0.1:1/none"}
    r = box.once(env=env)
    _one_line_error(r, "không mở được cơ sở dữ liệu", "--debug")
    assert "OperationalError" not in r.stderr  # the driver's words only when asked for
    r = box.once(env=env | {"CONGVAN_DEBUG": "1"})
    _one_line_error(r, "không mở được cơ sở dữ liệu", "OperationalError")


def test_status_of_a_missing_inbox(box: Box):
    r = subprocess.run([*CONGVAN, "status", str(box.inbox / "không có")], env=box.env, capture_output=True, text=True)
    _one_line_error(r, "không tìm thấy thư mục hộp thư")
