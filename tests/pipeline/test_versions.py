"""Versions: an amended document under the same number is a new version, never a silent merge; a
document replacing another ends it. Real files (a generated corpus document as .txt and .docx, its
amended text written beside it), the real store, SQLite or PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from models.db import engine_for
from models.schema import Citation, Document
from pipeline.answers.owe import owe
from pipeline.answers.versions import history
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import CitationRelation, IngestStatus
from tests.helpers.inbox import write_docx
from tests.helpers.versions import amended_directive


@pytest.fixture
def env(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    return factory, ContentStore(tmp_path / "store")


@pytest.fixture
def directive(tmp_path: Path) -> dict[str, Path]:
    return amended_directive(tmp_path)


def _dues(factory) -> list[dt.date]:
    with factory() as s:
        report = owe(s, by=dt.date(2025, 3, 31), start=dt.date(2025, 1, 1), today=dt.date(2025, 1, 20))
        return sorted(r.deadline for r in report.one_off if r.source.endswith("2353-CV/TU ngày 13/01/2025"))


def test_the_same_document_as_txt_and_docx_still_merges(env, directive):
    factory, store = env
    results = ingest_paths([directive["txt"], directive["docx"]], factory, store)
    assert [r.status for r in results] == [IngestStatus.ADDED, IngestStatus.MERGED]
    assert _dues(factory) == [dt.date(2025, 2, 18)]


def test_an_amended_version_is_kept_and_only_its_deadline_is_owed(env, directive):
    factory, store = env
    first = ingest_paths([directive["txt"], directive["docx"]], factory, store)
    [result] = ingest_paths([directive["amended"]], factory, store)
    assert result.status == IngestStatus.NEW_VERSION and result.document_id != first[0].document_id
    assert result.reason.startswith("phiên bản mới của 2353-CV/TU (thay bản ngày 13/01/2025, nhận ngày ")
    assert "Hai bản cùng ngày: lấy bản nhận sau làm bản hiện hành, cần kiểm tra." in result.reason
    with factory() as s:
        old, new = s.scalars(select(Document).order_by(Document.id)).all()
        assert (old.version_no, new.version_no) == (1, 2) and new.version_of_id == old.id
        assert old.superseded_by_id == new.id and new.superseded_by_id is None
        assert len(old.files) == 2 and len(new.files) == 1  # both versions kept, with their files
        assert dt.date(2025, 2, 18) in {o.due for o in old.obligations}  # stored, no longer owed
        assert any("danh sách đảng viên tiêu biểu" in o.text for o in new.obligations)  # the new task
    assert _dues(factory) == [dt.date(2025, 2, 28), dt.date(2025, 3, 10)]  # the new deadlines only
    with factory() as s:
        h = history(s, new.id)
        assert [(v.version_no, v.current) for v in h.versions] == [(1, False), (2, True)]


def test_the_new_version_in_another_format_merges_with_it(env, directive, tmp_path):
    factory, store = env
    docx = tmp_path / "amended" / "2353-CV-TU-sua.docx"
    write_docx(docx, directive["amended"].read_text(encoding="utf-8"))
    results = ingest_paths([directive["txt"], directive["amended"], docx, directive["docx"]], factory, store)
    statuses = [r.status for r in results]
    assert statuses == [IngestStatus.ADDED, IngestStatus.NEW_VERSION, IngestStatus.MERGED, IngestStatus.MERGED]
    assert results[2].document_id == results[1].document_id and results[3].document_id == results[0].document_id
    assert _dues(factory) == [dt.date(2025, 2, 28), dt.date(2025, 3, 10)]


def test_an_old_version_dropped_after_the_new_one_does_not_undo_it(env, directive, tmp_path):
    """The document date decides first: here both carry 13/01/2025, so arrival decides, and the
    clerk is told to check; a re-dated amendment dropped before its original stays current."""
    factory, store = env
    redated = tmp_path / "amended" / "2353-CV-TU-sua-ngay.txt"
    text = directive["amended"].read_text(encoding="utf-8")
    redated.write_text(text.replace("ngày 13 tháng 01 năm 2025", "ngày 20 tháng 01 năm 2025"), encoding="utf-8")
    [new] = ingest_paths([redated], factory, store)
    [old] = ingest_paths([directive["txt"]], factory, store)
    assert new.status == IngestStatus.ADDED and old.status == IngestStatus.OLD_VERSION
    assert "phiên bản cũ của 2353-CV/TU (bản ngày 13/01/2025" in old.reason
    assert "bản hiện hành vẫn là bản ngày 20/01/2025" in old.reason
    with factory() as s:
        assert s.get(Document, new.document_id).superseded_by_id is None
        assert s.get(Document, old.document_id).superseded_by_id == new.document_id
        report = owe(s, by=dt.date(2025, 3, 31), start=dt.date(2025, 1, 1), today=dt.date(2025, 1, 25))
        dues = {r.deadline for r in report.one_off if "2353-CV/TU" in r.source}
        assert dues == {dt.date(2025, 2, 28), dt.date(2025, 3, 10)}


REPLACING = """TỈNH ỦY TÂY NINH
Số 2400-CV/TU
V/v thực hiện nhiệm vụ học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025
ĐẢNG CỘNG SẢN VIỆT NAM
Tây Ninh, ngày 05 tháng 02 năm 2025
Kính gửi: Ban Tuyên giáo Tỉnh ủy
Công văn này thay thế Công văn số 2353-CV/TU ngày 13/01/2025 của Ban Thường vụ Tỉnh ủy.
Đề nghị Ban Tuyên giáo Tỉnh ủy báo cáo kết quả học tập và làm theo Bác về Ban Thường vụ Tỉnh ủy trước ngày 15/3/2025.
Nơi nhận:
- Như trên;
- Lưu Văn phòng Tỉnh ủy.
BÍ THƯ
Đoàn Hồng Tâm
"""


@pytest.mark.parametrize("replacing_first", [False, True], ids=["replaced-first", "replacing-first"])
def test_a_replacing_document_links_to_the_replaced_and_ends_its_tasks(env, directive, tmp_path, replacing_first):
    factory, store = env
    replacing = tmp_path / "2400-CV-TU.txt"
    replacing.write_text(REPLACING, encoding="utf-8")
    order = [replacing, directive["txt"]] if replacing_first else [directive["txt"], replacing]
    ingest_paths(order, factory, store)
    with factory() as s:
        old = s.scalar(select(Document).where(Document.reference == "2353-CV/TU"))
        new = s.scalar(select(Document).where(Document.reference == "2400-CV/TU"))
        citation = s.scalar(select(Citation).where(Citation.document_id == new.id))
        assert (citation.relation, citation.target_id) == (CitationRelation.REPLACES, old.id)
        assert old.superseded_by_id == new.id
        report = owe(s, by=dt.date(2025, 3, 31), start=dt.date(2025, 1, 1), today=dt.date(2025, 1, 20))
        assert {(r.source.split()[1], r.deadline) for r in report.one_off} == {("2400-CV/TU", dt.date(2025, 3, 15))}
        h = history(s, old.id)
        assert [(r.direction, r.relation, r.other.reference) for r in h.relations] == [
            ("in", CitationRelation.REPLACES, "2400-CV/TU")
        ]
        assert h.in_force is False and h.superseded_by is not None and h.superseded_by.reference == "2400-CV/TU"


def test_citations_of_the_number_follow_the_current_version(env, directive, tmp_path):
    factory, store = env
    citing = tmp_path / "2400-CV-TU.txt"
    citing.write_text(REPLACING.replace("Công văn này thay thế", "Thực hiện"), encoding="utf-8")
    ingest_paths([directive["txt"], citing], factory, store)
    [new] = ingest_paths([directive["amended"]], factory, store)
    with factory() as s:
        c = s.scalar(select(Citation).where(Citation.reference_key == "2353-CV/TU"))
        assert (c.relation, c.target_id) == (None, new.document_id)
        assert s.get(Document, new.document_id).superseded_by_id is None  # a plain citation ends nothing


def test_a_correction_is_linked_and_the_corrected_document_stays_owed(env, directive, tmp_path):
    factory, store = env
    correction = tmp_path / "2401-CV-TU.txt"
    text = REPLACING.replace("Số 2400-CV/TU", "Số 2401-CV/TU").replace("Công văn này thay thế", "Đính chính")
    correction.write_text(text.replace("V/v thực hiện", "V/v đính chính Công văn số 2353-CV/TU về"), encoding="utf-8")
    ingest_paths([directive["txt"], correction], factory, store)
    with factory() as s:
        old = s.scalar(select(Document).where(Document.reference == "2353-CV/TU"))
        assert old.superseded_by_id is None
        h = history(s, old.id)
        assert [(r.direction, r.relation) for r in h.relations] == [("in", CitationRelation.CORRECTS)]
    assert _dues(factory) == [dt.date(2025, 2, 18)]


def test_the_clerk_is_told_on_ingest_and_refs_shows_versions_and_relations(congvan_home, directive, tmp_path):
    import os
    import subprocess
    import sys

    def run(*args: str) -> str:  # wide: rich wraps at 80 columns without a terminal
        env = {**os.environ, "COLUMNS": "250"}
        r = subprocess.run(
            [sys.executable, "-m", "congvan.cli", *args], capture_output=True, text=True, timeout=300, env=env
        )
        assert r.returncode == 0, r.stderr
        return " ".join((r.stdout + r.stderr).split())

    replacing = tmp_path / "2400-CV-TU.txt"
    replacing.write_text(REPLACING, encoding="utf-8")
    run("ingest", str(directive["txt"]))
    out = run("ingest", str(directive["amended"]))
    assert "phiên bản mới" in out and "phiên bản mới của 2353-CV/TU (thay bản ngày 13/01/2025" in out
    run("ingest", str(replacing))
    refs = run("refs", "2353-CV/TU")
    assert "Các phiên bản" in refs and "bị thay thế bởi CV 2400-CV/TU ngày 05/02/2025" in refs
    shown = run("show", "2353-CV/TU")  # one document shown with its versions and what replaced it
    assert "Các phiên bản" in shown and "Không còn hiệu lực: thay bằng CV 2400-CV/TU" in shown
    assert "Không còn hiệu lực: thay bằng CV 2400-CV/TU" in refs
    assert "Văn bản này thay thế CV 2353-CV/TU" in run("refs", "2400-CV/TU")
