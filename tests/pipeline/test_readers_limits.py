"""The cheap guards before the heavy work: each cap refuses a real file fast, with its reason,
and a file just under it is read as before. Limits are lowered so that the files stay small."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.errors import LimitExceeded, ReadError
from pipeline.extract import extract
from pipeline.readers import ReadLimits, read
from pipeline.readers.encoding import decode, utf16_without_bom
from tests.helpers import bombs


def _refused(path: Path, limits: ReadLimits, *fragments: str, kind: type[ReadError] = LimitExceeded) -> str:
    start = time.monotonic()
    with pytest.raises(kind) as err:
        read(path, limits)
    assert time.monotonic() - start < 3
    reason = err.value.reason
    assert "\n" not in reason
    for f in fragments:
        assert f in reason, reason
    return reason


def test_docx_part_over_its_cap_is_refused_while_inflating(tmp_path):
    path = bombs.xml_docx(tmp_path / "to.docx", 3 * 2**20)
    reason = _refused(path, ReadLimits(max_part_bytes=2**20), "word/document.xml", "giải nén quá lớn", "1 MB")
    assert reason.endswith("(CV-L03)")
    assert read(path, ReadLimits(max_part_bytes=4 * 2**20)).blocks  # under the cap: read as usual


def test_docx_parts_over_the_total_cap_are_refused(tmp_path):
    path = bombs.xml_docx(tmp_path / "to.docx", 3 * 2**20)
    _refused(path, ReadLimits(max_unzipped_bytes=2 * 2**20), "giải nén quá lớn (trên 2 MB, có thể là bom zip)")


def test_docx_whose_zip_header_lies_is_refused_without_inflating_it(tmp_path):
    # the central directory claims 4 KB; the data inflates to 256 MiB (zipfile alone would inflate
    # it all in one call before truncating to the claimed size)
    path = bombs.lying_docx(tmp_path / "lies.docx", inflated=256 * 2**20)
    _refused(path, ReadLimits(), "khai báo sai kích thước", "word/document.xml", kind=ReadError)


def test_pdf_over_the_page_limit_is_refused_not_cut_short(tmp_path):
    path = bombs.pages_pdf(tmp_path / "dày.pdf", 60)
    _refused(path, ReadLimits(max_pages=50), "PDF có 60 trang", "vượt quá giới hạn 50 trang")
    assert read(path, ReadLimits(max_pages=60)).pages == 60


def test_pdf_page_over_the_object_limit_is_refused(tmp_path):
    path = bombs.text_objects_pdf(tmp_path / "rác.pdf", 5000)
    _refused(path, ReadLimits(max_page_objects=4000), "trang 1", "5000 đối tượng", "4000")


def test_pdf_page_over_the_character_limit_is_refused(tmp_path):
    path = bombs.text_objects_pdf(tmp_path / "rác.pdf", 5000)
    _refused(path, ReadLimits(max_page_chars=3000), "trang 1", "ký tự", "3000")


def test_text_over_the_size_cap_is_refused_before_it_is_read(tmp_path):
    path = bombs.one_line_text(tmp_path / "dòng.txt", 3 * 2**20)
    _refused(path, ReadLimits(max_text_bytes=2 * 2**20), "tệp văn bản quá lớn (3 MB > 2 MB)")


def test_file_over_the_size_limit_names_its_code(tmp_path):
    path = SAMPLES_DIR / "skhcn-wifi-cong-cong.pdf"
    _refused(path, ReadLimits(max_bytes=1000), "tệp quá lớn", "(CV-L03)")


@pytest.mark.slow
def test_a_long_single_line_is_read_in_linear_time(tmp_path):
    """One line of prose, 4 times longer, costs about 4 times as much (it was quadratic: a 100 KB
    line took 45 s, a 10 MB one over 4 minutes)."""

    def cost(size: int) -> float:
        path = bombs.one_line_text(tmp_path / f"line-{size}.txt", size)
        start = time.monotonic()
        extract(read(path))
        return time.monotonic() - start

    cost(20_000)  # warm: the spaCy pipeline is loaded once
    small, large = cost(100_000), cost(400_000)
    assert large < 7 * small + 1, (small, large)
    assert large < 20, large


# -- UTF-16 without a byte-order mark ------------------------------------------------------------

_VIETNAMESE = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/UBND-VP\nKính gửi: Sở Tài chính\n"
)

SHOULD_MATCH = [
    ("utf-16-le", _VIETNAMESE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be", _VIETNAMESE.encode("utf-16-be"), "utf-16-be"),
    ("le, ascii only", b"".join(c.encode("utf-16-le") for c in "So: 12/UBND\nKinh gui: So Tai chinh\n"), "utf-16-le"),
    ("le, all accented", "Ủy ban nhân dân tỉnh Quảng Nam đề nghị các sở thực hiện".encode("utf-16-le"), "utf-16-le"),
]
MUST_NOT_MATCH = [
    ("utf-8", _VIETNAMESE.encode("utf-8")),
    ("cp1258", "Tài chính, Hà Nam, Đà Nẵng".encode("cp1258", errors="replace")),
    ("utf-32-le", _VIETNAMESE.encode("utf-32-le")),
    ("odd length", _VIETNAMESE.encode("utf-16-le") + b"x"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" * 20),
    ("elf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" * 50),
    ("all zeros", b"\x00" * 4096),
    ("int16 counters", b"".join(i.to_bytes(2, "little") for i in range(1000))),
    ("two bytes", b"a\x00"),
]


@pytest.mark.parametrize(("name", "data", "encoding"), SHOULD_MATCH, ids=[c[0] for c in SHOULD_MATCH])
def test_utf16_without_bom_is_recognised_and_decoded(name, data, encoding):
    assert utf16_without_bom(data) == encoding
    text, enc, _font = decode(data)
    assert enc == encoding
    assert text == data.decode(encoding)


@pytest.mark.parametrize(("name", "data"), MUST_NOT_MATCH, ids=[c[0] for c in MUST_NOT_MATCH])
def test_what_is_not_utf16_without_bom_is_not_taken_for_it(name, data):
    assert utf16_without_bom(data) is None


def test_a_utf16_text_file_without_bom_is_read_as_the_document(tmp_path):
    text = (SAMPLES_DIR / "skhcn-wifi-cong-cong.txt").read_text(encoding="utf-8")
    path = tmp_path / "xuất từ Word.txt"
    path.write_bytes(text.encode("utf-16-le"))
    raw = read(path)
    assert raw.metadata["encoding"] == "utf-16-le"
    assert raw.blocks == read(SAMPLES_DIR / "skhcn-wifi-cong-cong.txt").blocks
    with pytest.raises(ReadError, match="nhị phân"):  # a binary with NULs anywhere is still refused
        (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 64)
        read(tmp_path / "bin.txt")
