"""The store step for files that are not one document (pipeline.ingest.parts and annexes).

Three letters in one PDF are three Documents, each with its own số đến, obligations, citations and
search entry, and a file row pointing at the same stored bytes with its pages; the same PDF again
adds nothing. An annex received alone is attached to its quyết định, or waits for it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from models.db import engine_for
from models.schema import Citation, Document, DocumentFile, Obligation, RegisterEntry
from pipeline.answers.document import view_of
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import FileRole, IngestStatus
from tests.helpers.bundles import (
    ANNEX,
    BATCH_PAGES,
    BATCH_SYMBOLS,
    DECISION,
    DECISION_REF,
    DECISION_SIGNER,
    write_batch_pdf,
    write_docx,
)


@pytest.fixture
def env(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    return factory, ContentStore(tmp_path / "store")


def _count(factory, table) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_three_letters_in_one_pdf_are_three_documents_and_the_same_pdf_again_adds_nothing(env, tmp_path):
    factory, store = env
    batch = write_batch_pdf(tmp_path / "ba van ban.pdf")
    indexed: list[int] = []
    (result,) = ingest_paths([batch], factory, store, after_commit=indexed.extend)
    assert result.status == IngestStatus.ADDED
    assert [r.status for r in result.parts] == [IngestStatus.ADDED] * 3
    assert result.reason.startswith("tệp gồm 3 văn bản; văn bản 1: #")
    assert "(trang 3-5)" in result.reason
    assert indexed == result.new_document_ids and len(set(indexed)) == 3  # each one searched
    with factory() as s:
        docs = [s.get(Document, i) for i in indexed]
        assert [d.symbol for d in docs] == list(BATCH_SYMBOLS)
        assert [[(f.part, f.parts, f.pages) for f in d.files] for d in docs] == [
            [(k, 3, pages)] for k, pages in enumerate(BATCH_PAGES, start=1)
        ]
        assert len({f.stored_path for d in docs for f in d.files}) == 1  # the bytes stored once
        assert (store.root / docs[0].files[0].stored_path).read_bytes() == batch.read_bytes()
        numbers = [s.scalar(select(RegisterEntry.number).where(RegisterEntry.document_id == d.id)) for d in docs]
        assert numbers == [1, 2, 3]  # three số đến
        assert all(d.obligations for d in docs) and all(d.citations for d in docs)
        assert docs[1].signer_name == "Nguyễn Ngọc Sâm" and docs[0].signer_name == "Nguyễn Trọng Tâm"
        shown = view_of(s, docs[1], dt.date(2025, 7, 1)).files  # what ``congvan show`` lists
        assert [f.name for f in shown] == ["ba van ban.pdf (văn bản 2/3, trang 3-5)"]
        obligations, citations = _count(factory, Obligation), _count(factory, Citation)
    (again,) = ingest_paths([batch], factory, store)
    assert again.status == IngestStatus.DUPLICATE and again.new_document_ids == []
    assert _count(factory, Document) == 3 and _count(factory, DocumentFile) == 3
    assert (_count(factory, Obligation), _count(factory, Citation)) == (obligations, citations)
    assert _count(factory, RegisterEntry) == 3


def test_a_decision_with_its_appendix_in_one_file_is_one_document_signed_by_its_signer(env, tmp_path):
    factory, store = env
    path = tmp_path / "qd-123.txt"
    path.write_text(DECISION + "\n" + ANNEX, encoding="utf-8")
    (result,) = ingest_paths([path], factory, store)
    assert result.status == IngestStatus.ADDED and result.parts == ()
    with factory() as s:
        (doc,) = s.scalars(select(Document)).all()
        assert (doc.reference, doc.signer_name, doc.signer_position) == (DECISION_REF, DECISION_SIGNER, "Chủ tịch")


def _decision(tmp_path: Path) -> Path:
    path = tmp_path / "qd-123.txt"
    path.write_text(DECISION, encoding="utf-8")
    return path


def test_an_annex_received_after_its_decision_is_a_file_of_it(env, tmp_path):
    factory, store = env
    annex = write_docx(tmp_path / "phu-luc.docx", ANNEX)
    (qd, pl) = ingest_paths([_decision(tmp_path), annex], factory, store)
    assert pl.status == IngestStatus.MERGED and pl.document_id == qd.document_id
    assert pl.reason == f"phụ lục của Quyết định số {DECISION_REF} (#{qd.document_id}), thêm vào văn bản đó"
    assert pl.new_document_ids == []
    with factory() as s:
        (doc,) = s.scalars(select(Document)).all()
        assert [(f.original_name, f.role) for f in doc.files] == [("qd-123.txt", None), ("phu-luc.docx", "annex")]
        assert [f.name for f in view_of(s, doc, dt.date(2025, 7, 1)).files] == ["qd-123.txt", "phu-luc.docx (phụ lục)"]
        assert _count(factory, RegisterEntry) == 1  # no số đến of its own
    (again,) = ingest_paths([annex], factory, store)
    assert again.status == IngestStatus.DUPLICATE


def test_an_annex_received_before_its_decision_waits_for_it_and_is_linked_when_it_comes(env, tmp_path):
    factory, store = env
    annex = write_docx(tmp_path / "phu-luc.docx", ANNEX)
    (pl,) = ingest_paths([annex], factory, store)
    assert pl.status == IngestStatus.ADDED
    assert pl.reason == f"phụ lục của Quyết định số {DECISION_REF}, chưa có văn bản chính trong kho"
    with factory() as s:
        waiting = s.get(Document, pl.document_id)
        assert waiting.annex_of_reference == DECISION_REF and waiting.annex_of_id is None
        assert waiting.addressees == [] and waiting.kind != "CV"  # never a công văn with a garbage Kính gửi
    (qd,) = ingest_paths([_decision(tmp_path)], factory, store)
    assert qd.status == IngestStatus.ADDED
    with factory() as s:
        main = s.get(Document, qd.document_id)
        assert [a.id for a in main.annexes] == [pl.document_id]
        assert s.get(Document, pl.document_id).annex_of_id == main.id
        assert [f.role for f in main.files] == [None]
    assert FileRole.ANNEX.label == "phụ lục"
