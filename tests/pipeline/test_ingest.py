"""The store step: files become rows once, the same document in several formats is one Document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from corpus import SAMPLES_DIR
from models.db import engine_for
from models.schema import Addressee, Citation, Document, DocumentFile, Obligation, Unit
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore

TABLES = (Document, DocumentFile, Unit, Addressee, Citation, Obligation)


@pytest.fixture
def env(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    return factory, ContentStore(tmp_path / "store")


def counts(factory) -> dict[str, int]:
    with factory() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


def test_samples_become_one_document_each_and_twice_adds_nothing(env):
    factory, store = env
    first = ingest_paths([SAMPLES_DIR], factory, store)
    statuses = [r.status for r in first]
    assert statuses.count("added") == 5  # five documents, each as .txt, .docx and .pdf
    assert statuses.count("merged") == 10
    assert statuses.count("needs-ocr") == 1
    before = counts(factory)
    second = ingest_paths([SAMPLES_DIR], factory, store)
    assert {r.status for r in second} == {"duplicate"}
    assert counts(factory) == before
    with factory() as s:
        docs = s.scalars(select(Document).where(Document.status == "extracted")).all()
        assert sorted(len(d.files) for d in docs) == [3, 3, 3, 3, 3]
        wifi = next(d for d in docs if d.symbol == "SKHCN-CN&CĐS")
        # the obligation of the three files counts once
        assert [o.due.isoformat() for o in wifi.obligations if o.due] == ["2025-07-15"]
        for f in wifi.files:
            assert (store.root / f.stored_path).read_bytes() == (SAMPLES_DIR / f.original_name).read_bytes()


def test_members_of_a_footnoted_group_are_stored(env):
    factory, store = env
    ingest_paths([SAMPLES_DIR / "skhcn-wifi-cong-cong.docx"], factory, store)
    with factory() as s:
        group = s.scalar(select(Unit).where(Unit.key == "uy ban nhan dan cap xa"))
        assert group is not None and len(group.members) == 40
        assert any(m.name == "Ủy ban nhân dân phường Kon Tum" for m in group.members)


DIRECTIVE = """ỦY BAN NHÂN DÂN
HUYỆN SƠN HÀ
Số: 45/UBND-VX
V/v triển khai tiêm chủng mở rộng năm 2026
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn Hà, ngày 10 tháng 3 năm 2026
Kính gửi: Trung tâm Y tế huyện
Ủy ban nhân dân huyện đề nghị Trung tâm Y tế huyện tổng hợp, báo cáo kết quả về Ủy ban nhân dân huyện trước ngày 30/4/2026.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Phạm Văn Tư
"""

ANSWER = """TRUNG TÂM Y TẾ
HUYỆN SƠN HÀ
Số: 77/BC-TTYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn Hà, ngày 25 tháng 4 năm 2026
BÁO CÁO
Kết quả tiêm chủng mở rộng quý I năm 2026
Thực hiện Công văn số 45/UBND-VX ngày 10/3/2026 của Ủy ban nhân dân huyện về triển khai tiêm chủng mở rộng năm 2026, Trung tâm Y tế huyện báo cáo như sau:
1. Tỷ lệ tiêm chủng đạt 97%.
Nơi nhận:
- UBND huyện;
- Lưu: VT.
GIÁM ĐỐC
Lê Thị Hạnh
"""


def test_citations_resolve_in_either_order(env, tmp_path: Path):
    factory, store = env
    (tmp_path / "a.txt").write_text(ANSWER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DIRECTIVE, encoding="utf-8")
    # the report arrives first: its citation is unresolved until the directive is stored
    ingest_paths([tmp_path / "a.txt"], factory, store)
    with factory() as s:
        assert s.scalar(select(Citation.target_id).where(Citation.reference_key == "45/UBND-VX")) is None
    ingest_paths([tmp_path / "b.txt"], factory, store)
    with factory() as s:
        directive = s.scalar(select(Document).where(Document.reference == "45/UBND-VX"))
        citation = s.scalar(select(Citation).where(Citation.reference_key == "45/UBND-VX"))
        assert citation.target_id == directive.id


def test_same_number_different_text_is_kept_and_flagged(env, tmp_path: Path):
    factory, store = env
    (tmp_path / "x.txt").write_text(DIRECTIVE, encoding="utf-8")
    other = DIRECTIVE.replace("tiêm chủng mở rộng năm 2026", "phòng chống sốt xuất huyết").replace(
        "Trung tâm Y tế huyện tổng hợp", "các xã tổ chức diệt lăng quăng và"
    )
    (tmp_path / "y.txt").write_text(other, encoding="utf-8")
    results = ingest_paths([tmp_path / "x.txt", tmp_path / "y.txt"], factory, store)
    assert [r.status for r in results] == ["added", "suspected-duplicate"]
    with factory() as s:
        docs = s.scalars(select(Document).order_by(Document.id)).all()
        assert len(docs) == 2 and docs[1].suspected_duplicate_of_id == docs[0].id


def test_a_bad_file_is_reported_and_the_rest_go_on(env, tmp_path: Path):
    factory, store = env
    (tmp_path / "hong.docx").write_bytes(b"not a zip")
    shutil.copy(SAMPLES_DIR / "skhcn-de-xuat-cchc.txt", tmp_path / "tot.txt")
    results = ingest_paths(sorted(tmp_path.glob("*")), factory, store)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["hong.docx"].status == "failed" and ".docx" in by_name["hong.docx"].reason
    assert by_name["tot.txt"].status == "added"
    assert counts(factory)["documents"] == 1


def test_a_new_document_is_never_its_own_suspected_duplicate(env, tmp_path: Path):
    factory, store = env
    (tmp_path / "x.txt").write_text(DIRECTIVE, encoding="utf-8")
    [result] = ingest_paths([tmp_path / "x.txt"], factory, store)
    assert result.status == "added"
    with factory() as s:
        assert s.scalar(select(Document.suspected_duplicate_of_id)) is None
