"""Files that are not one document, made at test time: several documents in one PDF, a quyết định
with its appendix after the signature, an appendix received as a file of its own.

The quyết định and its Phụ lục are written here in the form Nghị định 30/2020/NĐ-CP prescribes
(Phụ lục I: header, the articles, Nơi nhận and the signer; an appendix "Kèm theo Quyết định số
..." after the signature, with a table).
"""

from __future__ import annotations

from pathlib import Path

from corpus import SAMPLES_DIR

# Three công văn of the samples, three issuers' ký hiệu: /SKHCN-CN&CĐS, /UBND-KGVX, /SKHCN-VP.
BATCH = tuple(
    SAMPLES_DIR / f"{n}.pdf" for n in ("skhcn-wifi-cong-cong", "ubnd-tiep-tuc-02kh-bcdtw", "skhcn-de-xuat-cchc")
)
BATCH_SYMBOLS = ("SKHCN-CN&CĐS", "UBND-KGVX", "SKHCN-VP")
BATCH_PAGES = ("1-2", "3-5", "6-7")

DECISION_REF = "123/QĐ-UBND"
DECISION_SIGNER = "Trần Văn Bình"

DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 123/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ngãi, ngày 15 tháng 7 năm 2025

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác triển khai hạ tầng số tỉnh Quảng Ngãi

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.

QUYẾT ĐỊNH:

Điều 1. Thành lập Tổ công tác triển khai hạ tầng số tỉnh Quảng Ngãi gồm các thành viên có tên tại Phụ lục kèm theo Quyết định này.
Điều 2. Tổ công tác có nhiệm vụ rà soát hạ tầng số trên địa bàn tỉnh; Sở Khoa học và Công nghệ báo cáo kết quả rà soát về Ủy ban nhân dân tỉnh trước ngày 30/9/2025.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Khoa học và Công nghệ và các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:
- Như Điều 3;
- CT, các PCT UBND tỉnh;
- Lưu: VT, KGVX.

CHỦ TỊCH

Trần Văn Bình
"""

# The appendix as it follows the signature, or as a file of its own: no quốc hiệu, no Số.
ANNEX = """PHỤ LỤC
DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC TRIỂN KHAI HẠ TẦNG SỐ
(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/7/2025 của Chủ tịch UBND tỉnh Quảng Ngãi)

1. Ông Lê Minh Quang, Phó Giám đốc Sở Khoa học và Công nghệ - Tổ trưởng.
2. Bà Phạm Thị Hoa, Trưởng phòng Bưu chính, Viễn thông - Tổ phó.
3. Ông Nguyễn Hữu Đức, Chuyên viên Văn phòng UBND tỉnh - Thành viên.

TỔ TRƯỞNG
Lê Minh Quang
"""


def write_batch_pdf(path: Path) -> Path:
    """The three sample công văn, one after the other, in one PDF (7 pages)."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for pdf in BATCH:
        writer.append(str(pdf))
    with open(path, "wb") as f:
        writer.write(f)
    return path


def write_docx(path: Path, text: str) -> Path:
    """``text`` as a Word file, one paragraph per line."""
    from docx import Document as Docx

    doc = Docx()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))
    return path
