"""Malformed, hostile or odd files: each ends in a one-line ReadError naming the file, quickly."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest
from _pdfmaker import Page, make_pdf

from pipeline.errors import NeedsOCR, ReadError
from pipeline.readers import ReadLimits, read

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


def failure(path: Path, match: str | None = None) -> ReadError:
    """Read ``path`` expecting a ReadError; check it is one line, names the file, came fast."""
    start = time.monotonic()
    with pytest.raises(ReadError) as err:
        read(path)
    elapsed = time.monotonic() - start
    message = str(err.value)
    assert "\n" not in message
    assert path.name in message
    assert elapsed < 5, f"took {elapsed:.1f}s"
    if match is not None:
        assert match in message.lower(), message
    return err.value


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".txt"])
def test_empty_file(tmp_path, suffix):
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    failure(path, "tệp rỗng")


def test_random_bytes_named_docx(tmp_path):
    path = tmp_path / "random.docx"
    path.write_bytes(os.urandom(4096))
    failure(path, "không phải tệp .docx hợp lệ")


def test_zip_without_word_document(tmp_path):
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    failure(path, "word/document.xml")


def test_truncated_docx(tmp_path):
    data = (SAMPLES / "minh-long-ha-tang-so.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    failure(path, "tệp .docx bị hỏng hoặc bị cắt cụt")


def test_docx_with_broken_xml(tmp_path):
    path = tmp_path / "broken-xml.docx"
    with zipfile.ZipFile(SAMPLES / "skhcn-wifi-cong-cong.docx") as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(name, data)
    failure(path, "xml trong tệp .docx bị hỏng")


def test_encrypted_docx(tmp_path):
    # Word stores a password-protected .docx as an OLE compound file with an "EncryptedPackage"
    # stream. No library here writes one: this is the signature the reader looks for.
    path = tmp_path / "locked.docx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    failure(path, "được mã hóa bằng mật khẩu")


def test_legacy_doc_renamed_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    failure(path, "tệp word cũ (.doc")


def test_truncated_pdf(tmp_path):
    data = (SAMPLES / "minh-long-ha-tang-so.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    failure(path, "pdf bị cắt cụt")


def test_random_bytes_named_pdf(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(os.urandom(4096))
    failure(path, "không phải tệp pdf")


def test_pdf_with_garbage_body(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(4096) + b"\n%%EOF\n")
    failure(path)


def test_docx_renamed_pdf(tmp_path):
    path = tmp_path / "really-a-docx.pdf"
    path.write_bytes((SAMPLES / "skhcn-wifi-cong-cong.docx").read_bytes())
    failure(path, "zip")


def test_encrypted_pdf(tmp_path):
    page = Page()
    page.text(72, 100, "Noi dung mat", 12)
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf([page], user_password="matkhau"))
    failure(path, "pdf được mã hóa")


def test_scanned_pdf_needs_ocr():
    err = failure(SAMPLES / "skhcn-de-xuat-cchc.scan.pdf", "ocr")
    assert isinstance(err, NeedsOCR)


def test_binary_file_named_txt(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 64)
    failure(path)


def test_huge_file_is_refused_by_size(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    failure(path, "tệp quá lớn")


def test_unsupported_suffix(tmp_path):
    path = tmp_path / "sheet.ods"  # a LibreOffice Calc sheet: no reader
    path.write_bytes(b"PK\x03\x04 not really")
    failure(path, "định dạng không hỗ trợ")


def test_docx_that_unzips_too_large(tmp_path):
    # the real cap is 200 MiB of unzipped parts; lowered so that the test needs no huge file
    path = tmp_path / "bomb.docx"
    path.write_bytes((SAMPLES / "skhcn-wifi-cong-cong.docx").read_bytes())
    with pytest.raises(ReadError, match="bom zip"):
        read(path, ReadLimits(max_unzipped_bytes=10_000))
