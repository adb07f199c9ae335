"""Document kinds and their abbreviations, kept as data.

State documents: Nghị định 30/2020/NĐ-CP, Phụ lục III (administrative documents),
plus the legal-document kinds of Luật Ban hành văn bản quy phạm pháp luật that
appear in citations. Party documents: Hướng dẫn 36-HD/VPTW. A công văn has no
abbreviation; the contract calls it ``CV``.
"""

from __future__ import annotations

# (name as written, abbreviation). Longer names first where one is a prefix of another.
KINDS: tuple[tuple[str, str], ...] = (
    ("thông tư liên tịch", "TTLT"),
    ("nghị quyết liên tịch", "NQLT"),
    ("chương trình hành động", "CTr"),
    ("chương trình", "CTr"),
    ("nghị quyết", "NQ"),
    ("nghị định", "NĐ"),
    ("quyết định", "QĐ"),
    ("chỉ thị", "CT"),
    ("quy chế", "QC"),
    ("quy định", "QyĐ"),
    ("thông cáo", "TC"),
    ("thông báo", "TB"),
    ("thông tri", "TTr"),
    ("thông tư", "TT"),
    ("hướng dẫn", "HD"),
    ("kế hoạch", "KH"),
    ("phương án", "PA"),
    ("đề án", "ĐA"),
    ("dự án", "DA"),
    ("báo cáo", "BC"),
    ("biên bản", "BB"),
    ("tờ trình", "TTr"),
    ("hợp đồng", "HĐ"),
    ("công điện", "CĐ"),
    ("bản ghi nhớ", "GN"),
    ("bản thỏa thuận", "TTh"),
    ("giấy ủy quyền", "GUQ"),
    ("giấy mời", "GM"),
    ("giấy giới thiệu", "GGT"),
    ("giấy nghỉ phép", "NP"),
    ("phiếu gửi", "PG"),
    ("phiếu chuyển", "PC"),
    ("phiếu báo", "PB"),
    ("kết luận", "KL"),
    ("pháp lệnh", "PL"),
    ("hiến pháp", "HP"),
    ("luật", "LUAT"),
    ("bộ luật", "LUAT"),
    ("công văn", "CV"),
    ("văn bản", "CV"),
)

# Abbreviations as they appear in a ký hiệu ("KH-UBND", "02-KH/BCĐTW") -> contract kind.
SYMBOL_KINDS: dict[str, str] = {abbr.upper(): abbr for _, abbr in KINDS if abbr not in ("CV", "LUAT")}
SYMBOL_KINDS.update({"CV": "CV", "QĐI": "QĐ", "QYĐ": "QyĐ", "TTR": "TTr", "CTR": "CTr", "L": "LUAT"})

# Kinds whose title stands alone as a line above the trích yếu ("KẾ HOẠCH", "THÔNG BÁO").
TITLE_KINDS: dict[str, str] = {name: abbr for name, abbr in KINDS if name not in ("văn bản", "công văn")}


def kind_of_name(name: str) -> str | None:
    """Map a kind's name ("Kế hoạch", "QUYẾT ĐỊNH") to its abbreviation."""
    low = " ".join(name.lower().split())
    for full, abbr in KINDS:
        if low == full:
            return abbr
    return None


def kind_of_symbol(symbol: str) -> str | None:
    """The kind a ký hiệu names: "KH-UBND" -> KH, "QĐ-TTg" -> QĐ, "KH/BCĐTW" (party) -> KH."""
    head = symbol.replace("/", "-").split("-")[0].upper()
    return SYMBOL_KINDS.get(head)
