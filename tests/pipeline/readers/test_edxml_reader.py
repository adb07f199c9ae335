"""Reading edXML packages: the envelope's fields, the attachments byte for byte, the main one read
for the text; hostile XML (external entities, entity expansion) refused before anything is read;
malformed envelopes, missing, non-base64 and oversized attachments each one clear error."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.errors import LimitExceeded, ReadError
from pipeline.readers import SUFFIXES, ReadLimits, read
from pipeline.readers.edxml import safe_name
from tests.helpers.edxml import WIFI_DOCX, WIFI_FIELDS, attachment_xml, plain_package, write_package, zipped


def test_edxml_is_a_format_the_project_reads():
    assert ".edxml" in SUFFIXES


def test_a_package_gives_its_fields_its_attachments_and_the_main_ones_text(tmp_path: Path):
    docx = WIFI_DOCX.read_bytes()
    pkg = write_package(tmp_path / "goi.edxml", WIFI_FIELDS, [("Phụ lục.xlsx", b"PK-not-read"), ("CV 1234.docx", docx)])
    raw = read(pkg)
    assert raw.format == "edxml"
    fields = raw.metadata["edxml"]
    assert fields["CodeNumber"] == "1234" and fields["From"]["OrganName"] == "Sở Khoa học và Công nghệ"
    assert fields["FullName"] == "Nguyễn Trọng Tâm" and fields["DueDate"] == "2025/07/15"
    assert [a.name for a in raw.attachments] == ["Phụ lục.xlsx", "CV 1234.docx"]
    assert raw.attachments[1].data == docx and raw.attachments[1].main
    assert not raw.attachments[0].main
    assert "WIFI công cộng" in raw.text  # the .docx was read for the text, not the annex


def test_namespace_free_packages_with_inline_attachments_are_read_by_local_name(tmp_path: Path):
    docx = WIFI_DOCX.read_bytes()
    inline = (
        "<Attachment><ContentId>a1</ContentId><AttachmentName>van-ban.docx</AttachmentName>"
        "<ContentTransferEncoding>base64</ContentTransferEncoding>"
        f"<ContentTransferEncoded>{base64.encodebytes(docx).decode()}</ContentTransferEncoded></Attachment>"
    )  # the data wrapped at 76 columns, as MIME tools write base64
    raw = read(plain_package(tmp_path / "p.edxml", "về việc thử", manifest=inline))
    assert raw.metadata["edxml"]["CodeNotation"] == "SNV-VP"
    assert raw.attachments[0].data == docx


def test_a_zip_a_gateway_wraps_the_file_in_is_taken_off(tmp_path: Path):
    docx = WIFI_DOCX.read_bytes()
    pkg = plain_package(
        tmp_path / "z.edxml", "x", attachments=attachment_xml("cv.pdf", zipped("cv.pdf", b"%PDF-1.4 x"))
    )
    raw = read(pkg)
    assert raw.attachments[0].data == b"%PDF-1.4 x"
    # a .docx is a zip itself: never unwrapped
    pkg = plain_package(tmp_path / "d.edxml", "x", attachments=attachment_xml("cv.docx", docx))
    assert read(pkg).attachments[0].data == docx


def test_external_entities_are_refused_and_nothing_is_read_from_disk(tmp_path: Path):
    secret = tmp_path / "mat-khau.txt"
    secret.write_text("MẬT-KHẨU-BÍ-MẬT", encoding="utf-8")
    pkg = tmp_path / "xxe.edxml"
    pkg.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE edXML [<!ENTITY s SYSTEM "file://{secret}">]>\n'
        "<edXML><MessageHeader><Subject>&s;</Subject></MessageHeader></edXML>",
        encoding="utf-8",
    )
    before = os.stat(secret).st_atime_ns
    with pytest.raises(ReadError) as e:
        read(pkg)
    assert "khai báo DTD hoặc thực thể XML" in e.value.reason and "\n" not in str(e.value)
    assert "MẬT-KHẨU" not in str(e.value)
    assert os.stat(secret).st_atime_ns == before


def test_billion_laughs_is_refused(tmp_path: Path):
    levels = ['<!ENTITY l0 "ha">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    pkg = tmp_path / "lol.edxml"
    pkg.write_text(
        f"<?xml version='1.0'?><!DOCTYPE edXML [{''.join(levels)}]><edXML><MessageHeader><Subject>&l9;</Subject>"
        "</MessageHeader></edXML>",
        encoding="utf-8",
    )
    with pytest.raises(ReadError, match="khai báo DTD hoặc thực thể XML"):
        read(pkg)


def test_malformed_and_foreign_xml_are_one_clear_error(tmp_path: Path):
    bad = tmp_path / "hong.edxml"
    bad.write_text("<edXML><MessageHeader><Subject>x</Subject></MessageHeader>", encoding="utf-8")
    with pytest.raises(ReadError, match=r"gói edXML không phải XML hợp lệ \(lỗi ở dòng 1, cột \d+\)"):
        read(bad)
    other = tmp_path / "khac.edxml"
    other.write_text("<html><body>x</body></html>", encoding="utf-8")
    with pytest.raises(ReadError, match="không phải gói edXML"):
        read(other)


def test_a_declared_attachment_missing_is_an_error(tmp_path: Path):
    ref = "<Reference><ContentId>cid:9</ContentId><AttachmentName>CV 77.pdf</AttachmentName></Reference>"
    with pytest.raises(ReadError) as e:
        read(plain_package(tmp_path / "thieu.edxml", "x", manifest=ref))
    assert e.value.reason == "gói edXML thiếu tệp đính kèm 'CV 77.pdf'"
    empty = "<AttachmentEncoded><Attachment><AttachmentName>CV 77.pdf</AttachmentName></Attachment></AttachmentEncoded>"
    with pytest.raises(ReadError) as e:
        read(plain_package(tmp_path / "rong.edxml", "x", attachments=empty))
    assert e.value.reason == "gói edXML thiếu dữ liệu của tệp đính kèm 'CV 77.pdf'"


def test_an_attachment_that_is_not_base64_is_an_error(tmp_path: Path):
    pkg = plain_package(tmp_path / "b64.edxml", "x", attachments=attachment_xml("CV.pdf", "không phải base64 !!"))
    with pytest.raises(ReadError) as e:
        read(pkg)
    assert e.value.reason == "tệp đính kèm 'CV.pdf' trong gói edXML không phải dữ liệu base64 hợp lệ"


def test_an_oversized_attachment_is_refused_with_the_limit_named(tmp_path: Path):
    bomb = zipped("cv.pdf", b"\0" * (3 << 20))  # 3 MB inflated from a few KB
    pkg = plain_package(tmp_path / "lon.edxml", "x", attachments=attachment_xml("cv.pdf", bomb))
    assert pkg.stat().st_size < 64 * 1024
    with pytest.raises(LimitExceeded) as e:
        read(pkg, ReadLimits(max_bytes=1 << 20))
    assert e.value.reason == "tệp đính kèm 'cv.pdf' trong gói edXML vượt giới hạn dung lượng 1 MB (CV-L03)"
    # the package itself over the size limit is refused before it is parsed
    big = write_package(tmp_path / "to.edxml", WIFI_FIELDS, [("cv.docx", os.urandom(2 << 20))])
    with pytest.raises(LimitExceeded, match="tệp quá lớn"):
        read(big, ReadLimits(max_bytes=2 << 20))


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/x.pdf", "x.pdf"),
        ("..\\..\\Windows\\cv.docx", "cv.docx"),
        ("/etc/passwd", "passwd"),
        ("..", "tep-dinh-kem-3.pdf"),
        ("", "tep-dinh-kem-3.pdf"),
        (".bashrc", "bashrc"),
        ('a<b>:"c|?*.pdf', "a_b___c___.pdf"),
        ("Công văn\x00 số 5.docx", "Công văn_ số 5.docx"),
    ],
)
def test_attachment_names_are_bare_safe_file_names(name: str, safe: str):
    assert safe_name(name, 3, "application/pdf") == safe


def test_a_long_name_is_cut_keeping_its_extension():
    cut = safe_name("Kế hoạch " * 60 + ".docx", 1, None)
    assert cut.endswith(".docx") and len(cut.encode()) <= 200


def test_a_traversing_name_writes_nothing_outside_a_private_folder(tmp_path: Path, monkeypatch):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    pkg = write_package(work / "p.edxml", WIFI_FIELDS, [("../../x.docx", WIFI_DOCX.read_bytes())])
    raw = read(pkg)
    assert raw.attachments[0].name == "../../x.docx" and raw.attachments[0].safe_name == "x.docx"
    assert "WIFI công cộng" in raw.text
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "a" / "x.docx").exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a", "b", "p.edxml"]


def test_a_scanned_main_attachment_leaves_the_envelope_alone(tmp_path: Path):
    scan = (SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf").read_bytes()
    raw = read(write_package(tmp_path / "scan.edxml", WIFI_FIELDS, [("cv.pdf", scan)]))
    assert raw.blocks == ()
    assert raw.warnings == ("tệp đính kèm 'cv.pdf' là bản quét, cần OCR: chỉ dùng thông tin trong gói edXML",)
    assert raw.attachments[0].data == scan
