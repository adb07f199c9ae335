"""An annex sent as an Excel workbook: its titles as paragraphs, its table as a table, attached to
the kế hoạch it names when that is stored; a damaged workbook is one clear error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from models.db import engine_for
from models.schema import Document, DocumentFile
from pipeline.document import BlockKind
from pipeline.errors import ReadError
from pipeline.extract import extract
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.readers import read
from pipeline.status import FileRole, IngestStatus

PLAN = """UBND TỈNH QUẢNG NGÃI
SỞ KHOA HỌC VÀ CÔNG NGHỆ
Số: 123/KH-SKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 15 tháng 7 năm 2025

KẾ HOẠCH
Triển khai hệ thống WIFI công cộng năm 2025

Các đơn vị thực hiện nhiệm vụ theo Phụ lục kèm theo Kế hoạch này.

Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn An
"""


def annex_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append([None, "PHỤ LỤC"])
    sheet.append([None, "Phân công nhiệm vụ triển khai hệ thống WIFI công cộng"])
    sheet.append([None, "(Kèm theo Kế hoạch số 123/KH-SKHCN ngày 15/7/2025 của Sở Khoa học và Công nghệ)"])
    sheet.append([])
    sheet.append([None, "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành"])
    sheet.append([None, 1, "Lắp đặt điểm phát WIFI tại nhà văn hóa thôn", "UBND cấp xã", dt.date(2025, 9, 30)])
    sheet.append([None, 2.0, "Báo cáo kết quả", "UBND cấp xã", "Quý IV năm 2025"])
    book.save(path)
    return path


def test_titles_are_paragraphs_and_the_rest_a_table(tmp_path):
    raw = read(annex_workbook(tmp_path / "Phụ lục.xlsx"))
    assert raw.format == "xlsx"
    paragraphs = [b.text for b in raw.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[0] == "PHỤ LỤC" and paragraphs[2].startswith("(Kèm theo Kế hoạch số 123/KH-SKHCN")
    [table] = raw.tables()
    assert table.rows[0] == ("TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành")  # the empty column gone
    assert table.rows[1] == ("1", "Lắp đặt điểm phát WIFI tại nhà văn hóa thôn", "UBND cấp xã", "30/09/2025")
    assert table.rows[2][0] == "2"
    ex = extract(raw)
    assert ex.annex_of is not None and ex.annex_of.value.reference == "123/KH-SKHCN"
    assert ex.addressees == ()


def test_the_annex_is_attached_to_the_plan_it_names(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    store = ContentStore(tmp_path / "store")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    [added] = ingest_paths([plan], factory, store)
    assert added.status == IngestStatus.ADDED
    [annex] = ingest_paths([annex_workbook(tmp_path / "Phụ lục.xlsx")], factory, store)
    assert annex.status == IngestStatus.MERGED and annex.document_id == added.document_id
    with factory() as s:
        files = s.scalars(select(DocumentFile).where(DocumentFile.document_id == added.document_id)).all()
        assert {(f.format, f.role) for f in files} == {("txt", None), ("xlsx", FileRole.ANNEX)}
        assert s.scalar(select(Document.id).where(Document.id != added.document_id)) is None


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda good: b"not a zip at all", "không phải tệp .xlsx hợp lệ"),
        (lambda good: b"PK\x05\x06" + b"\x00" * 18, "không chứa bảng tính"),  # an empty zip
        (lambda good: good[: len(good) // 2], "bị hỏng hoặc bị cắt cụt"),  # a download cut short
    ],
)
def test_a_damaged_workbook_is_one_clear_error(tmp_path, damage, reason):
    good = annex_workbook(tmp_path / "tốt.xlsx").read_bytes()
    path = tmp_path / "hỏng.xlsx"
    path.write_bytes(damage(good))
    with pytest.raises(ReadError) as err:
        read(path)
    assert reason in err.value.reason and "\n" not in err.value.reason


def test_a_docx_renamed_xlsx_is_refused_clearly(tmp_path):
    from corpus import SAMPLES_DIR

    path = tmp_path / "cv.xlsx"
    path.write_bytes((SAMPLES_DIR / "skhcn-wifi-cong-cong.docx").read_bytes())
    with pytest.raises(ReadError, match="không chứa bảng tính"):
        read(path)
