"""The marks of độ khẩn and độ mật, kept as data (Nghị định 30/2020/NĐ-CP, Điều 8 and Phụ lục I;
Luật Bảo vệ bí mật nhà nước 2018, Điều 10).

A mark is printed in capitals, alone under the số, ký hiệu (or at the top of a công điện); a portal
or an e-office export may give it as a field ("Độ khẩn: Thượng khẩn"). Keys are folded
(``pipeline.text.fold``): "HỎA TỐC", "HOẢ TỐC" and "HOA TOC" are one mark.
"""

from __future__ import annotations

# Folded mark -> pipeline.status.Urgency value. Longer marks are whole cells, so "THƯỢNG KHẨN" is
# never read as "KHẨN".
URGENCY_MARKS: dict[str, str] = {
    "khan": "khan",
    "thuong khan": "thuong_khan",
    "hoa toc": "hoa_toc",
    "hoa toc hen gio": "hoa_toc",  # "HỎA TỐC HẸN GIỜ": delivered by a set hour, still hỏa tốc
}

# Folded mark -> pipeline.status.Secrecy value.
SECRECY_MARKS: dict[str, str] = {
    "mat": "mat",
    "toi mat": "toi_mat",
    "tuyet mat": "tuyet_mat",
}

# The values a "Độ khẩn:" field may hold besides the marks: an ordinary document.
URGENCY_NORMAL_VALUES: frozenset[str] = frozenset({"thuong", "binh thuong", "khong khan"})
# The values a "Độ mật:" field may hold for a document that is not secret.
SECRECY_NONE_VALUES: frozenset[str] = frozenset({"thuong", "binh thuong", "khong mat", "khong"})

# Folded field labels: "Độ khẩn:", "Mức độ khẩn:", "Độ mật:", "Mức độ mật:".
URGENCY_FIELDS: tuple[str, ...] = ("do khan", "muc do khan", "do khan cap")
SECRECY_FIELDS: tuple[str, ...] = ("do mat", "muc do mat")

# A mark stands in the header: within HEADER_LINES non-empty lines of the top, and before the first
# line opening with one of these (folded) or running prose (a line over HEADER_PROSE characters).
HEADER_ENDS: tuple[str, ...] = ("kinh gui", "can cu", "thuc hien")
HEADER_LINES = 25
HEADER_PROSE = 160
