"""An edXML package ingested: the .edxml the Document's first file, each attachment another file of
the same Document byte for byte, the header from the envelope checked against the attachment, a
disagreement said in the result; a package without a readable attachment still a document; the
round trip writer -> package -> ingest gives the same header and the same bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from models.db import engine_for
from models.schema import Document
from pipeline.bounded import read_and_extract
from pipeline.extract import to_contract
from pipeline.ingest.export import build_package, package_fields, package_of
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from tests.helpers.edxml import WIFI_DOCX, WIFI_FIELDS, plain_package, write_package
from tests.helpers.inbox import cong_van_text, write_docx


@pytest.fixture
def env(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    return factory, ContentStore(tmp_path / "store")


def _doc(factory, doc_id: int) -> tuple[dict, list[tuple[str, str, str]]]:
    """The stored Document's columns (and a few of its rows) and its files, read in one session."""
    with factory() as s:
        doc = s.get(Document, doc_id)
        files = [(f.original_name, f.format, f.stored_path) for f in doc.files]
        columns = {c.key: getattr(doc, c.key) for c in Document.__table__.columns}
        return columns | {"obligations": len(doc.obligations)}, files


def test_a_package_is_one_document_with_the_package_and_its_attachments(env, tmp_path: Path):
    factory, store = env
    docx = WIFI_DOCX.read_bytes()
    pkg = write_package(
        tmp_path / "goi 1234.edxml", WIFI_FIELDS, [("../../CV 1234.docx", docx), ("Phụ lục.xlsx", b"x")]
    )
    [result] = ingest_paths([pkg], factory, store)
    assert result.status == "added", result.reason
    doc, files = _doc(factory, result.document_id)
    assert [(n, f) for n, f, _ in files] == [
        ("goi 1234.edxml", "edxml"),
        ("../../CV 1234.docx", "docx"),
        ("Phụ lục.xlsx", "xlsx"),
    ]
    assert (store.root / files[0][2]).read_bytes() == pkg.read_bytes()
    assert (store.root / files[1][2]).read_bytes() == docx
    assert (store.root / files[2][2]).read_bytes() == b"x"
    # the file leaves số and day blank ("Số: /SKHCN-CN&CĐS", "tháng 7 năm 2025"): the envelope fills them
    assert (doc["reference"], doc["date_text"], doc["kind"]) == ("1234/SKHCN-CN&CĐS", "2025-07-03", "CV")
    assert (doc["issuer"], doc["place"], doc["signer_name"]) == (
        "Sở Khoa học và Công nghệ", "Quảng Ngãi", "Nguyễn Trọng Tâm",
    )  # fmt: skip
    assert doc["subject"] == WIFI_FIELDS["Subject"]
    assert doc["obligations"] and "WIFI công cộng" in doc["text"]  # the attachment was read
    assert doc["extraction"]["edxml"]["due_date"] == "2025-07-15"
    assert result.reason is None  # envelope and file agree
    again = ingest_paths([pkg], factory, store)
    assert [r.status for r in again] == ["duplicate"]


def test_an_envelope_disagreeing_with_its_attachment_keeps_its_value_and_says_so(env, tmp_path: Path):
    factory, store = env
    text = cong_van_text(123)  # "Số: 124/S...-VP"
    number_line = next(line for line in text.splitlines() if line.startswith("Số: "))
    symbol = number_line.split("/", 1)[1]
    assert number_line == f"Số: 124/{symbol}"
    write_docx(tmp_path / "cv.docx", text)
    fields = {"CodeNumber": "123", "CodeNotation": symbol, "TypeName": "Công văn"}
    pkg = write_package(tmp_path / "p.edxml", fields, [("cv.docx", (tmp_path / "cv.docx").read_bytes())])
    ((_raw, ex),) = read_and_extract(pkg)
    record = to_contract(ex, trace=True)
    assert record["reference"] == f"123/{symbol}"
    assert record["trace"]["reference"] == {"rule": "edxml.Code", "span": None}
    note = f"số trong gói edXML (123/{symbol}) khác số trong tệp đính kèm (124/{symbol})"
    assert record["warnings"] == [note]
    [result] = ingest_paths([pkg], factory, store)
    assert result.status == "added" and result.reason == note
    doc, _ = _doc(factory, result.document_id)
    assert doc["reference"] == f"123/{symbol}"


def test_a_package_without_a_readable_attachment_is_made_of_its_header(env, tmp_path: Path):
    factory, store = env
    pkg = plain_package(tmp_path / "chi-phong-bi.edxml", "về việc cử cán bộ dự tập huấn chuyển đổi số")
    [result] = ingest_paths([pkg], factory, store)
    assert result.status == "added"
    assert result.reason == "gói edXML không có tệp đính kèm: chỉ dùng thông tin trong gói"
    doc, files = _doc(factory, result.document_id)
    assert [f for _, f, _ in files] == ["edxml"]
    assert (doc["reference"], doc["issuer"], doc["date_text"], doc["kind"]) == (
        "77/SNV-VP", "Sở Nội vụ", "2025-08-04", "CV",
    )  # fmt: skip
    assert doc["subject"] == "về việc cử cán bộ dự tập huấn chuyển đổi số"


@pytest.mark.parametrize(
    ("manifest", "attachments", "reason"),
    [
        ("<Reference><ContentId>c1</ContentId><AttachmentName>cv.pdf</AttachmentName></Reference>", "",
         "gói edXML thiếu tệp đính kèm 'cv.pdf'"),
        ("", "<Attachment><AttachmentName>cv.pdf</AttachmentName><ContentTransferEncoded>@@@</ContentTransferEncoded>"
         "</Attachment>", "tệp đính kèm 'cv.pdf' trong gói edXML không phải dữ liệu base64 hợp lệ"),
    ],
)  # fmt: skip
def test_a_broken_package_fails_with_its_reason_and_stores_nothing(env, tmp_path, manifest, attachments, reason):
    factory, store = env
    pkg = plain_package(tmp_path / "hong.edxml", "x", attachments=attachments, manifest=manifest)
    [result] = ingest_paths([pkg], factory, store)
    assert (result.status, result.reason) == ("failed", reason)
    with factory() as s:
        assert s.scalar(select(Document.id)) is None
    assert pkg.exists()


def test_round_trip_a_stored_document_to_a_package_and_back(env, tmp_path: Path):
    factory, store = env
    [first] = ingest_paths([WIFI_DOCX], factory, store)
    with factory() as s:
        doc = s.get(Document, first.document_id)
        fields, files = package_of(doc, store)
        before = {k: getattr(doc, k) for k in HEADER}
        docx_sha = doc.files[0].sha256
    assert files[0].data == WIFI_DOCX.read_bytes()
    out = tmp_path / "home" / "gui-di.edxml"
    out.parent.mkdir()
    out.write_bytes(build_package(fields, files))
    other = ContentStore(tmp_path / "other-store")  # another office, its own database
    factory2 = sessionmaker(bind=engine_for(f"sqlite:///{tmp_path / 'other.db'}"), expire_on_commit=False)
    from models.db import upgrade

    upgrade(f"sqlite:///{tmp_path / 'other.db'}")
    [back] = ingest_paths([out], factory2, other)
    assert back.status == "added" and back.reason is None
    with factory2() as s:
        doc2 = s.get(Document, back.document_id)
        assert {k: getattr(doc2, k) for k in HEADER} == before
        assert [f.format for f in doc2.files] == ["edxml", "docx"]
        assert doc2.files[1].sha256 == docx_sha
        assert (other.root / doc2.files[1].stored_path).read_bytes() == WIFI_DOCX.read_bytes()
        assert package_fields(doc2) == fields


HEADER = ("kind", "reference", "issuer", "place", "date_text", "subject", "signer_name", "signer_position")
