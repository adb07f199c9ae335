"""pipeline.readers.split and parts: a file holding several documents is cut where each begins.

Each case is a real file written here and read by its reader; the rules are those of the frame of
an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW for the Party's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.bounded import read_and_extract
from pipeline.extract import extract, to_contract
from pipeline.readers import read
from pipeline.readers.parts import read_parts
from pipeline.readers.split import split
from tests.helpers.bundles import (
    ANNEX,
    BATCH,
    BATCH_PAGES,
    BATCH_SYMBOLS,
    DECISION,
    DECISION_SIGNER,
    write_batch_pdf,
    write_docx,
)
from tests.helpers.inbox import cong_van_text

PARTY = """ĐẢNG BỘ TỈNH QUẢNG NGÃI
HUYỆN ỦY MINH LONG
Số 125-CV/HU
V/v triển khai học tập chuyên đề năm 2025

ĐẢNG CỘNG SẢN VIỆT NAM

Minh Long, ngày 10 tháng 7 năm 2025

Kính gửi: Các chi bộ, đảng bộ trực thuộc.

Ban Thường vụ Huyện ủy đề nghị các chi bộ báo cáo kết quả học tập chuyên đề trước ngày 30/8/2025.

Nơi nhận:
- Như trên;
- Lưu Văn phòng Huyện ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Đinh Thị Lan
"""

# An appendix page repeating the quốc hiệu, with no Số: still the quyết định's.
ANNEX_WITH_TITLE = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

PHỤ LỤC
DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC
(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi)

1. Ông Lê Minh Quang, Phó Giám đốc Sở Khoa học và Công nghệ - Tổ trưởng.
"""

# A form the quyết định prescribes, after its signature: a header to be filled in.
FORM = """Mẫu số 01
TÊN CƠ QUAN, ĐƠN VỊ
Số: ......./BC-.....

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

BÁO CÁO
Kết quả rà soát hạ tầng số

Nơi nhận:
- Như trên;
- Lưu: VT.

THỦ TRƯỞNG CƠ QUAN
"""

# A công văn that quotes another's header in its body, before its own signature.
QUOTING = """UBND TỈNH QUẢNG NGÃI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 77/SKHCN-VP
V/v hướng dẫn trình bày văn bản

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ngãi, ngày 3 tháng 7 năm 2025

Kính gửi: Các phòng, đơn vị thuộc Sở.

Phần đầu văn bản trình bày như sau:
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/SKHCN-VP
Các phòng, đơn vị báo cáo việc áp dụng trước ngày 30/7/2025.

Nơi nhận:
- Như trên;
- Lưu: VT, VP.

GIÁM ĐỐC

Nguyễn Văn Hải
"""

SHOULD_SPLIT = {
    "hai công văn": [cong_van_text(1), cong_van_text(2)],
    "ba công văn": [cong_van_text(3), cong_van_text(4), cong_van_text(5)],
    "quyết định có phụ lục rồi công văn": [DECISION + "\n" + ANNEX, cong_van_text(6)],
    "văn bản của Đảng rồi công văn": [PARTY, cong_van_text(7)],
    "công văn rồi văn bản của Đảng": [cong_van_text(8), PARTY],
}

MUST_NOT_SPLIT = {
    "một công văn": [cong_van_text(1)],
    "quyết định và phụ lục kèm theo": [DECISION, ANNEX],
    "phụ lục lặp quốc hiệu, không có Số": [DECISION, ANNEX_WITH_TITLE],
    "mẫu biểu để điền": [DECISION, FORM],
    "phụ lục rồi mẫu biểu": [DECISION, ANNEX, FORM],
    "trích dẫn phần đầu văn bản khác": [QUOTING],
}


def _write(tmp_path: Path, texts: list[str], suffix: str, name: str = "tep") -> Path:
    text = "\n".join(texts)
    path = tmp_path / f"{name}{suffix}"
    if suffix == ".docx":
        write_docx(path, text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("case", SHOULD_SPLIT, ids=str)
def test_each_document_with_its_own_header_after_a_signature_is_a_part(tmp_path, case, suffix):
    texts = SHOULD_SPLIT[case]
    parts = split(read(_write(tmp_path, texts, suffix)))
    assert [p.metadata["part"] for p in parts] == [f"{k}/{len(texts)}" for k in range(1, len(texts) + 1)]
    for k, (part, text) in enumerate(zip(parts, texts, strict=True)):
        got = to_contract(extract(part), source="x")
        want = to_contract(extract(read(_write(tmp_path, [text], suffix, f"rieng-{k}"))), source="x")
        assert got["reference"] is not None and got["reference"] == want["reference"]
        for key in ("issuer", "addressees", "signer", "recipients", "citations", "obligations"):
            assert got[key] == want[key], key


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("case", MUST_NOT_SPLIT, ids=str)
def test_an_appendix_a_form_or_a_quoted_header_stays_with_its_document(tmp_path, case, suffix):
    raw = read(_write(tmp_path, MUST_NOT_SPLIT[case], suffix))
    assert split(raw) == (raw,)


def test_a_decision_with_its_appendix_keeps_its_signer(tmp_path):
    for suffix in (".txt", ".docx"):
        ((_raw, ex),) = read_and_extract(_write(tmp_path, [DECISION, ANNEX], suffix))
        record = to_contract(ex)
        assert record["reference"] == "123/QĐ-UBND"
        assert record["signer"] == {"name": DECISION_SIGNER, "position": "Chủ tịch", "authority": None}
        assert record["recipients"] == ["Như Điều 3", "CT, các PCT UBND tỉnh", "Lưu: VT, KGVX"]


def test_a_plan_with_its_appendix_on_later_pages_is_one_document():
    for suffix in (".pdf", ".docx", ".txt"):
        parts = read_parts(SAMPLES_DIR / f"minh-long-ha-tang-so{suffix}")
        assert len(parts) == 1 and "part" not in parts[0].metadata


def test_three_letters_in_one_pdf_are_three_documents_each_as_read_alone(tmp_path):
    batch = write_batch_pdf(tmp_path / "ba-van-ban.pdf")
    parts = read_and_extract(batch)
    assert [raw.metadata["pages"] for raw, _ex in parts] == list(BATCH_PAGES)
    assert [raw.metadata["part"] for raw, _ex in parts] == ["1/3", "2/3", "3/3"]
    for (raw, ex), alone, symbol in zip(parts, BATCH, BATCH_SYMBOLS, strict=True):
        ((alone_raw, alone_ex),) = read_and_extract(alone)
        got, want = to_contract(ex, source="x"), to_contract(alone_ex, source="x")
        assert got["symbol"] == symbol
        assert got == want  # số, issuer, signer, Nơi nhận, citations, obligations: as if read alone
        first = int(raw.metadata["pages"].split("-")[0])
        assert [b.page - first + 1 if b.page else None for b in raw.blocks] == [b.page for b in alone_raw.blocks]
