"""The page frame of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I), as folded text.

Every văn bản hành chính sits in the same frame around its body:

    UBND TỈNH QUẢNG NGÃI                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM   <- quốc hiệu
    SỞ KHOA HỌC VÀ CÔNG NGHỆ                      Độc lập - Tự do - Hạnh phúc   <- tiêu ngữ
           -------                                   ---------------          <- decoration
    Số: 12/SKHCN-VP                        Quảng Ngãi, ngày 2 tháng 8 năm 2025
    V/v triển khai wifi công cộng
                        Kính gửi: Các sở, ban, ngành
    ... body ...
    Nơi nhận:                                          KT. GIÁM ĐỐC              <- authority mark
    - Như trên;                                        PHÓ GIÁM ĐỐC              <- position
    - Lưu: VT.                                         Nguyễn Văn A

Readers use these words to tell a layout table or zone from a data table; extractors use them to
find where the header, the addressees and the signature are. Every entry is in ``fold`` form
(lower case, no diacritics, đ → d) and is matched against folded text.
"""

from __future__ import annotations

import re

from pipeline.text import fold

# Quốc hiệu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; a Party document's "ĐẢNG CỘNG SẢN VIỆT NAM".
NATIONAL_TITLE = "cong hoa xa hoi"
PARTY_TITLE = "dang cong san viet nam"
# Tiêu ngữ under the quốc hiệu: "Độc lập - Tự do - Hạnh phúc".
MOTTO = "doc lap"

# What opens the right column of the header: quốc hiệu, tiêu ngữ, the Party's title.
RIGHT_HEADER_MARKS: tuple[str, ...] = (NATIONAL_TITLE, MOTTO, PARTY_TITLE)
# What shows a block is the header: the right column's marks, or the left column's "Số:" and "V/v".
HEADER_MARKS: tuple[str, ...] = (*RIGHT_HEADER_MARKS, "so:", "v/v")

# "Kính gửi: Sở Tài chính; Sở Nội vụ" names the addressees right under the header.
ADDRESSEE = "kinh gui"
# "Nơi nhận:" heads the distribution list, the left column of the signature block.
RECIPIENTS = "noi nhan"

# Authority marks before the signer's position: "KT. GIÁM ĐỐC" (ký thay), "TM. ỦY BAN NHÂN DÂN"
# (thay mặt), "TL." (thừa lệnh), "TUQ." (thừa ủy quyền), "Q. GIÁM ĐỐC" (quyền), "T/M BAN THƯỜNG VỤ".
# Party documents write "K/T", "T/M", "T/L" and may drop the dot ("K/T BAN THƯỜNG VỤ").
AUTHORITY = r"(?:(?:kt|tm|tl|tuq|q|t/m)\s*\.|(?:k/t|t/m|t/l)\.?\s)"
# Positions a signer holds: "CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "TRƯỞNG BAN", "BÍ THƯ", "CHÁNH VĂN PHÒNG".
SIGNER_POSITIONS: tuple[str, ...] = ("chu tich", "giam doc", "truong", "bi thu", "thu truong", "chanh van phong")
# A signer's line: an authority mark opening it, or a position anywhere in it.
SIGNER = re.compile(rf"^{AUTHORITY}|{'|'.join(SIGNER_POSITIONS)}")
# The titles a signer's position line opens with, "PHÓ " before any of them ("PHÓ CHỦ TỊCH").
POSITION_TITLES: tuple[str, ...] = (
    "giam doc",
    "chu tich",
    "truong ban",
    "bi thu",
    "chanh van phong",
    "bo truong",
    "thu truong",
    "chu nhiem",
    "cuc truong",
    "vu truong",
    "truong phong",
    "hieu truong",
    "chanh thanh tra",
    "chi huy truong",
    "tong cuc truong",
    "vien truong",
    "vien truong",
    "tong giam doc",
)

# What opens an appendix after the signature, or a form it prescribes, rather than a document:
# "PHỤ LỤC II", "Phụ lục", "(Kèm theo Quyết định số 123/QĐ-UBND ngày ...)", "Mẫu số 01", and the
# caps titles "DANH SÁCH ...", "DANH MỤC ...", "BIỂU MẪU ..." (``APPENDIX_CAPS``, matched only on a
# line in capitals: "Danh sách gửi kèm" in a sentence is not one).
APPENDIX_HEAD = re.compile(r"^[(\[]?\s*(?:phu luc\b|kem theo\b|mau so\b)")
APPENDIX_CAPS = re.compile(r"^(?:danh sach|danh muc|bieu mau|phu bieu)\b")


def opens_appendix(line: str) -> bool:
    """Whether a line (as written, not folded) is an appendix's or a form's title."""
    text = line.strip()
    folded = fold(text)
    return bool(APPENDIX_HEAD.match(folded) or (text.isupper() and APPENDIX_CAPS.match(folded)))


# The place and date line of the header's right column: "Quảng Ngãi, ngày 2 tháng 8 năm 2025".
DATE_LINE = re.compile(r"^[^\d,]{2,40},\s*ngay\b")

# A line that only draws: the rule under the agency's name or the tiêu ngữ ("-------", "———",
# "_____", "* * *", "─────"), a row of dots or bullets ("......", "•••"). Three marks at least:
# a lone "-" or "." is text (a list dash whose item wrapped, the full stop after a lost footnote mark).
DECORATION = re.compile(r"^\s*(?:[-–—_=~*·•─━.]\s*){3,}$")

# A page saved from a legal portal opens with the portal's own metadata block, one label a line
# ("Số hiệu:", "Loại văn bản:", "Nơi ban hành:", "Người ký:", "Ngày ban hành:", "Tình trạng:").
PORTAL_LABELS: tuple[str, ...] = (
    "so hieu",
    "ky hieu",
    "loai van ban",
    "noi ban hanh",
    "co quan ban hanh",
    "nguoi ky",
    "ngay ban hanh",
    "ngay hieu luc",
    "ngay het hieu luc",
    "ngay cong bao",
    "so cong bao",
    "tinh trang",
    "tinh trang hieu luc",
    "linh vuc",
    "nganh",
    "do khan",  # read by extractors.marks from the block (the store step's độ khẩn)
    "do mat",
)
# Site text after the document: lists of related documents, the portal's notices to its readers.
PORTAL_FURNITURE: tuple[str, ...] = (
    r"^van ban (?:lien quan|goc|tieng anh|duoc hop nhat|bi thay the|thay the|huong dan)\b",
    r"^(?:hieu luc|tinh trang|cap nhat|ngay cap nhat|luot xem)\s*:",
    r"^van ban nay chua cap nhat",
    r"\b(?:quy khach|quy thanh vien|ban doc)\b",
    r"\bdang nhap\b",
    r"\bcopyright\b|©",
    r"https?://|\bwww\.",
)
