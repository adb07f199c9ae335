"""The clerk's follow-through through the command line, on SQLite or PostgreSQL: the directives
and then the answers ingested (real files, tests/helpers/tracking.py), then assign, mark done, read
the audit log, and see ``owe`` leave out what is done."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from typer.testing import CliRunner

from congvan.cli import app
from congvan.config import Settings
from models.db import engine_for
from models.schema import Assignment, AuditEntry, Document, HandMark
from pipeline.ingest.followups import link_followups
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import IngestStatus
from tests.helpers.tracking import IA_CHIM_REPORT, WIFI, directives, ia_chim_report, skhcn_report

runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "250"}, catch_exceptions=False)


@pytest.fixture
def office(congvan_home: Path, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CONGVAN_USER", "chi.lan")
    first = directives(tmp_path / "in")
    (tmp_path / "later").mkdir()
    later = [ia_chim_report(tmp_path / "later"), skhcn_report(tmp_path / "later")]
    # Ingested as `congvan ingest` does (its follow-up hook), in this process: the commands under
    # test are the follow-through ones, and a reader process per file would cost seconds.
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    for batch in (first, later):
        done = ingest_paths(batch, factory, ContentStore(congvan_home / "corpus"), on_document=[link_followups])
        assert {r.status for r in done} == {IngestStatus.ADDED}
    return database_url


def _aware(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def test_assign_then_done_then_the_audit_log_says_who_when_and_what_changed(office):
    start = dt.datetime.now(dt.UTC)
    r = cli("assign", WIFI, "--task", "1", "--to", "Phòng Kế hoạch", "--person", "Anh Minh", "--due", "14/7/2025",
            "--note", "Khẩn trương đôn đốc các xã", "--today", "12/7/2025")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert f"Đã giao {WIFI}#1 cho Phòng Kế hoạch, người xử lý: Anh Minh, hạn 14/07/2025" in r.output
    r = cli("done", f"{WIFI}#1", "--by-document", IA_CHIM_REPORT.lower(), "--note", "xã đã gửi", "--today", "12/7/2025")
    assert r.exit_code == 0, r.output
    assert f"{WIFI}#1: đã xong" in r.output and "(trước đó: đang xử lý)" in r.output
    end = dt.datetime.now(dt.UTC)

    with Session(engine_for(office)) as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [(e.actor, e.action, e.object_kind, e.object_label) for e in rows] == [
            ("chi.lan", "assign", "obligation", f"{WIFI}#1"),
            ("chi.lan", "done", "obligation", f"{WIFI}#1"),
        ]
        assert all(start <= _aware(e.at) <= end for e in rows)
        assert rows[0].before is None
        assert rows[0].after == {
            "to": "Phòng Kế hoạch", "person": "Anh Minh", "due": "2025-07-14", "note": "Khẩn trương đôn đốc các xã",
            "task": True,
        }  # fmt: skip
        assert rows[1].before == {"state": "in_progress"}
        assert rows[1].after == {"state": "done", "by_document": "BC 45/BC-UBND ngày 10/07/2025", "note": "xã đã gửi"}
        report = s.scalar(select(Document).where(Document.reference == IA_CHIM_REPORT))
        mark = s.scalars(select(HandMark)).one()
        assert (mark.answer_document_id, mark.actor, mark.state) == (report.id, "chi.lan", "done")
        assert s.scalars(select(Assignment)).one().actor == "chi.lan"

    r = cli("audit", "--since", f"{start.astimezone():%d/%m/%Y}")
    assert r.exit_code == 0, r.output
    for shown in ("chi.lan", "giao xử lý", "đánh dấu xong", "Phòng Kế hoạch", "đang xử lý", "đã xong", "45/BC-UBND"):
        assert shown in r.output, shown
    assert "obligation" not in r.output  # no internals without --debug
    assert "[obligation #" in cli("--debug", "audit").output
    assert "Chưa có thay đổi nào" in cli("audit", "--since", "1/1/2199").output


def test_owe_leaves_out_a_task_marked_done_and_shows_the_state_and_the_task_number(office):
    window = ("owe", "--from", "1/7/2025", "--by", "31/7/2025", "--action", "báo cáo", "--today", "12/7/2025")
    before = cli(*window).output
    assert "15/07/2025" in before and "việc 1" in before and "chưa xử lý" in before
    late = ("owe", "--by", "31/12/2025", "--today", "20/7/2025")
    assert "15/07/2025" in cli(*late).output.split("Quá hạn")[1]
    r = cli("done", WIFI, "--task", "1", "--today", "12/7/2025")
    assert r.exit_code == 0, r.output
    assert "15/07/2025" not in cli(*window).output
    assert "15/07/2025" not in cli(*late).output
    r = cli("reopen", f"{WIFI}#1", "--today", "12/7/2025")
    assert r.exit_code == 0 and "chưa xử lý" in r.output
    assert "15/07/2025" in cli(*window).output


def test_a_group_task_on_the_command_line_shows_who_has_answered(office):
    assert cli("done", f"{WIFI}#1", "--member", "Phường Đăk Cấm", "--today", "12/7/2025").exit_code == 0
    r = cli("track", WIFI, "--today", "12/7/2025")
    assert r.exit_code == 0, r.output
    assert f"{WIFI}#1 — Ủy ban nhân dân cấp xã: 2/40 đơn vị đã trả lời" in r.output
    line = next(x for x in r.output.splitlines() if "xã Ia Chim" in x and "BC 45/BC-UBND" in x)
    assert "đã báo cáo" in line
    assert "đánh dấu tay: chi.lan" in next(x for x in r.output.splitlines() if "phường Đăk Cấm" in x)


BAD = (
    (("done", "999/XYZ-ABC"), "CV-T01"),
    (("assign", "999/XYZ-ABC", "--to", "Phòng Kế hoạch"), "CV-T01"),
    (("done", f"{WIFI}#9"), "CV-T03"),
    (("done", f"{WIFI}#1", "--member", "UBND xã Không Có"), "CV-T04"),
    (("done", f"{WIFI}#1", "--occurrence", "15/7/2025"), "CV-T05"),
)


def test_a_bad_reference_is_one_line_in_vietnamese_and_changes_nothing(office):
    for args, code in BAD:
        r = cli(*args)
        assert r.exit_code == 1, args
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and f"[{code}]" in lines[0] and lines[0].startswith("congvan: lỗi"), r.stderr
        assert "Traceback" not in r.output
    assert "không có văn bản số, ký hiệu «999/XYZ-ABC» trong kho" in cli(*BAD[0][0]).stderr
    with Session(engine_for(office)) as s:
        assert s.scalars(select(AuditEntry)).all() == [] and s.scalars(select(HandMark)).all() == []


def test_the_commands_help_is_vietnamese():
    for command, words in (("assign", "Giao văn bản"), ("done", "Đánh dấu đã xong"), ("audit", "Nhật ký thay đổi")):
        r = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert r.exit_code == 0 and words in r.output


def test_who_acts_is_congvan_user_else_the_login(tmp_path: Path):
    assert Settings.from_env({"CONGVAN_HOME": str(tmp_path), "CONGVAN_USER": "  chi  lan "}).user == "chi lan"
    import getpass

    assert Settings.from_env({"CONGVAN_HOME": str(tmp_path)}).user == getpass.getuser()
