"""The .doc, .rtf and .odt reader: LibreOffice's .docx read as a .docx, every failure one clear line.

The files are made by LibreOffice from the bundled .docx samples (the ``office_files`` session
fixture); each must give the contract its .docx gives, field for field.
"""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.document import Region
from pipeline.errors import ReadError, TimeLimitExceeded
from pipeline.extract import extract, to_contract
from pipeline.readers import ReadLimits, read
from tests.helpers.office import convert, copy_as, word_ready

QUICK = "skhcn-wifi-cong-cong"  # the quick loop reads this sample in each format; CI reads all five
STEMS = sorted(p.stem for p in SAMPLES_DIR.glob("*.docx"))
FORMATS = ("doc", "rtf", "odt")


def fields(raw) -> dict:
    """The contract's fields (header, citations, obligations...), less the source the file names."""
    out = to_contract(extract(raw))
    out.pop("source")
    return out


def contract(path: Path) -> dict:
    return fields(read(path))


@pytest.fixture(autouse=True)
def private_tmp(tmp_path, monkeypatch) -> Path:
    """The temporary folder the reader makes its conversion folders in, checked empty afterwards."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder
    assert list(folder.iterdir()) == [], "a conversion left its folder behind"


def _refused(path: Path, *words: str, limits: ReadLimits | None = None) -> ReadError:
    with pytest.raises(ReadError) as err:
        read(path, limits)
    reason = err.value.reason
    assert "\n" not in reason and err.value.path == str(path)
    for word in words:
        assert word in reason, reason
    return err.value


@pytest.mark.parametrize(
    ("fmt", "stem"),
    [
        pytest.param(fmt, stem, marks=() if stem == QUICK else pytest.mark.slow, id=f"{stem}.{fmt}")
        for stem in STEMS
        for fmt in FORMATS
    ],
)
def test_each_format_gives_the_contract_its_docx_gives(office_files, fmt, stem):
    path = office_files[fmt][stem]
    raw = read(path)
    assert raw.format == fmt and raw.source == str(path)
    # the header and signature blocks are tables in the official letters: kept as the regions the
    # .docx gives (all four; none in the news article), not run together into the body
    docx = read(SAMPLES_DIR / f"{stem}.docx")
    assert [(b.kind, b.region) for b in raw.blocks] == [(b.kind, b.region) for b in docx.blocks]
    if stem == QUICK:
        assert {Region.HEADER_LEFT, Region.HEADER_RIGHT, Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT} <= {
            b.region for b in raw.blocks
        }
    assert fields(raw) == contract(SAMPLES_DIR / f"{stem}.docx")


def test_a_doc_typed_in_vni_reads_as_unicode(tmp_path):
    # a Word 97 draft typed in VNI-Times, body and footnotes: the converted text goes through the
    # legacy-font path of the DocxReader, so the contract is the Unicode .docx's
    src = SAMPLES_DIR / f"{QUICK}.docx"
    typed = word_ready(src, tmp_path / f"{QUICK}.docx", font="VNI")
    doc = convert([typed], "doc", tmp_path / "doc")[QUICK]
    raw = read(doc)
    assert raw.format == "doc" and raw.metadata["legacy_font"] == "VNI"
    assert raw.blocks[0].text == "UBND TỈNH QUẢNG NGÃI"
    typed_fields = fields(raw)
    assert typed_fields.pop("warnings") == ["văn bản gõ bằng phông chữ cũ VNI, đã chuyển sang Unicode"]
    assert typed_fields == contract(src)


def test_a_docx_renamed_doc_is_read_as_the_docx_it_is(tmp_path):
    src = SAMPLES_DIR / f"{QUICK}.docx"
    raw = read(copy_as(src, tmp_path / "renamed.doc"))
    assert raw.format == "docx"
    assert fields(raw) == contract(src)


def test_an_rtf_saved_as_doc_is_read_as_rtf(office_files, tmp_path):
    # Word's "Save as: Rich Text Format" keeps the name the clerk typed, ".doc" included
    path = copy_as(office_files["rtf"][QUICK], tmp_path / "cv.doc")
    raw = read(path)
    assert raw.format == "rtf"
    assert fields(raw) == contract(SAMPLES_DIR / f"{QUICK}.docx")


def test_a_truncated_doc_is_refused_as_such(office_files, tmp_path):
    data = office_files["doc"][QUICK].read_bytes()
    path = tmp_path / "cut.doc"
    path.write_bytes(data[: len(data) // 2])
    _refused(path, "tệp .doc bị hỏng", "cắt cụt")


def test_random_bytes_after_the_ole_magic_are_refused_before_libreoffice(tmp_path):
    # LibreOffice would open this as a page of plain-text garbage, and exit 0
    path = tmp_path / "noise.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(20_000))
    _refused(path, "tệp .doc bị hỏng")


def test_a_password_protected_doc_is_refused(office_files, tmp_path):
    # Word sets fEncrypted in the File Information Block (the first bytes of WordDocument) and
    # encrypts the rest; the flag is what is read. LibreOffice cannot write such a .doc, so the
    # flag is set on a real one.
    data = bytearray(office_files["doc"][QUICK].read_bytes())
    fib = next(off for off in range(512, len(data), 512) if data[off : off + 2] == b"\xec\xa5")
    data[fib + 0x0B] |= 0x01  # the flags word at 0x0A, little-endian: 0x0100
    path = tmp_path / "locked.doc"
    path.write_bytes(bytes(data))
    start = time.monotonic()
    _refused(path, "tệp .doc được mã hóa bằng mật khẩu")
    assert time.monotonic() - start < 0.5  # told at once, without starting LibreOffice


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.rtf", b"", ("tệp rỗng",)),
        ("blank.rtf", b"{\\rtf1\\ansi }", ("tệp không có nội dung",)),
        ("notes.rtf", "Công văn số 12, gõ trong Notepad".encode(), ("nội dung không phải tệp .rtf",)),
        ("a.odt", b"PK\x03\x04 cut short", ("tệp .odt bị hỏng",)),
    ],
)
def test_an_empty_or_false_file_is_one_clear_error(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    _refused(path, *words)


def test_a_spreadsheet_renamed_odt_is_refused(tmp_path):
    path = tmp_path / "bang.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<x/>")
    _refused(path, "không phải văn bản", "opendocument.spreadsheet")


def test_a_file_libreoffice_cannot_open_says_so(tmp_path):
    # the right mimetype and nothing else: LibreOffice writes no output and exits 0
    path = tmp_path / "hollow.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    _refused(path, "không chuyển được tệp .odt sang .docx", "LibreOffice không mở được tệp")


def test_without_libreoffice_the_reason_says_so(office_files, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    _refused(office_files["rtf"][QUICK], "không chuyển được tệp .rtf sang .docx", "không tìm thấy LibreOffice")


def _conversions_running(folder: Path) -> list[int]:
    """Processes whose command line names a conversion folder under ``folder``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if str(folder).encode() in (entry / "cmdline").read_bytes():
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def test_a_conversion_over_its_time_is_killed_with_its_process_group(office_files, private_tmp):
    path = office_files["odt"][QUICK]
    start = time.monotonic()
    err = _refused(
        path, "không chuyển được tệp .odt sang .docx", "quá 0.2 giây", limits=ReadLimits(convert_seconds=0.2)
    )
    assert isinstance(err, TimeLimitExceeded) and err.code == "CV-L01"
    assert time.monotonic() - start < 5
    assert _conversions_running(private_tmp) == []


def test_two_conversions_at_once_both_succeed(office_files):
    paths = [office_files["doc"][QUICK], office_files["odt"][QUICK], office_files["doc"][QUICK]]
    with ThreadPoolExecutor(max_workers=3) as pool:
        contracts = list(pool.map(contract, paths))
    expected = contract(SAMPLES_DIR / f"{QUICK}.docx")
    assert contracts == [expected] * 3


def test_read_limits_apply_to_the_converted_docx(office_files):
    _refused(
        office_files["doc"][QUICK],
        "tệp .doc sau khi chuyển sang .docx",
        "giải nén quá lớn",
        limits=ReadLimits(max_part_bytes=2_000),
    )


def test_a_name_with_spaces_and_dots_is_converted(office_files, tmp_path):
    path = copy_as(office_files["doc"][QUICK], tmp_path / "-cv 12.2025 (bản cũ).doc")
    assert read(path).source == str(path)
    # the conversion happened in its private folder: nothing written beside the original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["-cv 12.2025 (bản cũ).doc", "tmp"]


def test_a_doc_renamed_docx_is_read_as_the_doc_it_is(office_files, tmp_path):
    path = copy_as(office_files["doc"][QUICK], tmp_path / "renamed.docx")
    raw = read(path)
    assert raw.format == "doc" and raw.source == str(path)
    assert fields(raw) == contract(SAMPLES_DIR / f"{QUICK}.docx")


def test_a_password_protected_odt_is_refused(office_files, tmp_path):
    # an encrypted .odt keeps mimetype and manifest in the clear, the manifest naming how each
    # part is encrypted; LibreOffice cannot be told a password on its command line to write one
    path = tmp_path / "locked.odt"
    with zipfile.ZipFile(office_files["odt"][QUICK]) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = data.replace(
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml">'
                    b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
                    b'<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AAAA"/>'
                    b"</manifest:encryption-data></manifest:file-entry>",
                )
                assert b"encryption-data" in data
            dst.writestr(info, data)
    _refused(path, "tệp .odt được mã hóa bằng mật khẩu")


def test_a_web_page_saved_as_doc_is_converted_as_html(tmp_path):
    # Word's "Save as Web Page" under a .doc name, as document systems serve their exports
    path = tmp_path / "cv-web.doc"
    path.write_text(
        '<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"></head><body>'
        "<table><tr><td><p>ỦY BAN NHÂN DÂN</p><p>XÃ AN PHÚ</p><p>Số: 12/UBND-VX</p></td>"
        "<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p>"
        "<p>An Phú, ngày 2 tháng 8 năm 2025</p></td></tr></table>"
        "<p>Kính gửi: Phòng Văn hóa và Thông tin</p></body></html>",
        encoding="utf-8",
    )
    raw = read(path)
    assert raw.format == "html"
    assert [b.text for b in raw.blocks if b.region is Region.HEADER_LEFT][-1] == "Số: 12/UBND-VX"
    assert fields(raw)["number"] == "12" and fields(raw)["symbol"] == "UBND-VX"
