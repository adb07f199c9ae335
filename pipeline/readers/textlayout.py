"""Two columns laid out with spaces or tabs in a plain-text export.

A text export of an official document often keeps the header and signature side by side:

    UBND TỈNH NGHỆ AN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    SỞ NỘI VỤ                                      Độc lập - Tự do - Hạnh phúc
    Số: 1234/SNV-CCHC                      Nghệ An, ngày 05 tháng 02 năm 2026
    ...
    Nơi nhận:                                          KT. GIÁM ĐỐC
    - Như trên;                                        PHÓ GIÁM ĐỐC

Read line by line, the two columns mix ("SỞ NỘI VỤ Độc lập - Tự do"). These rules find the
header and signature zones, the column where the right side starts (from lines whose right part
is a known right-column element: quốc hiệu, tiêu ngữ, the date line, KT./TM., a position) and
split each line of the zone there. A zone with no such line is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.data.frame import MOTTO, NATIONAL_TITLE, PARTY_TITLE, POSITION_TITLES
from extractors.data.kinds import TITLE_KINDS
from pipeline.text import fold

# What sits in the right column of a header or a signature block: quốc hiệu, tiêu ngữ, the place
# and date ("Nghệ An, ngày 05 tháng 02 năm 2026"), an authority mark ("KT.", also typed "K/T"), a position.
_RIGHT_MARK = re.compile(
    rf"^({NATIONAL_TITLE}|{MOTTO}\s*[-–]|{PARTY_TITLE}|[^,/\d\s][^,/]{{1,39}},\s*ngay\b|(kt|tm|tl|tuq|q)\s*\.|"
    rf"(k/t|t/m|t/l)\b|(pho\s+)?({'|'.join(POSITION_TITLES)}))"
)
_BODY_START = re.compile(
    r"^\s*(kinh gui|can cu|thuc hien|theo|xet|sau khi|de |ngay \d|hom nay|thi hanh)\b"
    r"|^\s*(quyet dinh|ke hoach|thong bao|bao cao|to trinh|giay moi|chi thi|nghi quyet|huong dan|chuong trinh"
    r"|cong van)\s*:?\s*$"
)
_SIGNATURE_START = re.compile(r"^\s*noi nhan\b")
_SIGNATURE_END = re.compile(
    r"^\s*(phu luc|\d+\.\s|[ivx]+\.\s|(ke hoach|quy che|quy dinh|huong dan|chuong trinh|de an|danh muc)\s*$)"
)
_GAP = re.compile(r"\S(\s{3,}|\t+)(?=\S)")
_HEADER_LINES = 30
# A person's name alone: two to five capitalised words ("Đặng Văn Khiêm", "Vàng Seo Chẩn")
_SIGNER_NAME = re.compile(
    r"^(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\w]*\s?){2,5}$"
)
RAGGED = -1  # a zone's right_col when its columns are set apart by gaps that do not line up
_RAGGED_SPREAD = 8  # columns: right-hand parts starting further apart than this do not line up
_TITLES = frozenset(fold(k) for k in TITLE_KINDS)
_PROSE_CHARS = 110
_SIGNATURE_LINES = 30


@dataclass(frozen=True)
class Zone:
    kind: str  # "header" | "signature"
    start: int
    end: int  # exclusive
    right_col: int  # 0 when the columns are separated by tabs rather than aligned with spaces


def _inner_tab(line: str) -> int | None:
    """Where a tab separates two parts of a line ("UBND TỈNH X<TAB>CỘNG HÒA ..."), if one does."""
    stripped = line.lstrip()
    k = stripped.find("\t")
    if k <= 0 or not stripped[k:].strip():
        return None
    return len(line) - len(stripped) + k


def _tabbed(lines: list[str]) -> bool:
    for line in lines:
        k = _inner_tab(line)
        if k is not None and _RIGHT_MARK.match(fold(line[k:].strip())):
            return True
    return False


def _expand(line: str) -> str:
    return line.expandtabs(8)


def _right_starts(line: str) -> list[int]:
    """Columns where a right-hand part could start in ``line``: after a wide gap or an inner tab."""
    out = []
    exp = _expand(line)
    for m in _GAP.finditer(exp):
        out.append(m.end(1))
    return out


def _right_col(lines: list[str]) -> int | None:
    """The leftmost column of a known right-column element in these lines (after a gap or indented)."""
    cols = _right_cols(lines)
    return min(cols) if cols else None


def _right_cols(lines: list[str]) -> list[int]:
    """Where a known right-column element starts, line by line."""
    cols: list[int] = []
    for line in lines:
        exp = _expand(line)
        for col in _right_starts(line):
            if col >= 16 and _RIGHT_MARK.match(fold(exp[col:])):
                cols.append(col)
                break
        else:
            indent = len(exp) - len(exp.lstrip())
            if indent >= 24 and _RIGHT_MARK.match(fold(exp.strip())):
                cols.append(indent)
    return cols


def find_zones(lines: list[str]) -> list[Zone]:
    """The header zone at the top and the signature zone from the last "Nơi nhận:", where laid out in columns."""
    zones: list[Zone] = []
    header = _header_zone(lines)
    if header is not None:
        zones.append(header)
    signature = _signature_zone(lines, header.end if header else 0)
    if signature is not None:
        zones.append(signature)
    return zones


def _header_zone(lines: list[str]) -> Zone | None:
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None:
        return None
    end = first
    while end < len(lines) and end - first < _HEADER_LINES:
        # a body opener starts a sentence with a capital; "thực hiện ..." in lower case continues V/v
        if end > first and lines[end].strip()[:1].isupper() and _BODY_START.match(fold(lines[end])):
            break
        if end > first and _opens_body(lines[end]):
            break
        end += 1
    col = _zone_column(lines[first:end])
    return Zone("header", first, end, col) if col is not None else None


def _opens_body(line: str) -> bool:
    """A kind's title alone ("KẾT LUẬN", "CÔNG ĐIỆN") or a line of running prose: no header line is
    either, so the header's columns end before it ("Tại hội nghị ngày 07/4/2026, sau khi nghe ...")."""
    s = line.strip()
    return fold(s) in _TITLES or (len(s) > _PROSE_CHARS and "\t" not in s and "   " not in s)


def _signature_zone(lines: list[str], header_end: int) -> Zone | None:
    """From the last "Nơi nhận:" to what ends the block (an appendix, a numbered section), below ``header_end``."""
    starts = [i for i, ln in enumerate(lines) if _SIGNATURE_START.match(fold(ln))]
    if not starts:
        return None
    start = starts[-1]
    end = start + 1
    while end < len(lines) and end - start < _SIGNATURE_LINES and not _SIGNATURE_END.match(fold(lines[end])):
        end += 1
    # "T/M BAN THƯỜNG VỤ" may stand right above "Nơi nhận:", alone in the right column
    while start > 0 and _indent(lines[start - 1]) >= 24 and start > header_end:
        start -= 1
    col = _zone_column(lines[start:end])
    if col is None or start < header_end:
        return None
    return Zone("signature", start, end, col)


def _zone_column(lines: list[str]) -> int | None:
    """Where the right column starts in a zone's lines (0: the columns are tab-separated), if they are in two."""
    if _tabbed(lines):
        return 0
    cols = _right_cols(lines)
    if _ragged(lines):
        return RAGGED
    return min(cols) if cols and min(cols) >= 20 else None


def _gap_cols(lines: list[str]) -> list[int]:
    """Where a right-column element starts after a run of spaces, line by line (any column)."""
    cols = []
    for line in lines:
        exp = _expand(line)
        for m in _GAP.finditer(exp):
            if m.start() > len(exp) - len(exp.lstrip()) and _RIGHT_MARK.match(fold(exp[m.end(1) :])):
                cols.append(m.end(1))
                break
    return cols


def _ragged(lines: list[str]) -> bool:
    """Two columns set apart by runs of spaces that do not line up ("Nơi nhận:      KT. TRƯỞNG BAN" /
    "- Như thành phần mời;      PHÓ TRƯỞNG BAN"): right-column elements after gaps, far apart."""
    cols = _gap_cols(lines)
    return len(cols) >= 2 and max(cols) - min(cols) > _RAGGED_SPREAD


def _indent(line: str) -> int:
    exp = _expand(line)
    return len(exp) - len(exp.lstrip()) if exp.strip() else 0


def split_line(line: str, right_col: int) -> tuple[str, str]:
    """(left, right) parts of a zone line: split at the last wide gap that ends near the right column;
    a line indented to the right column, or holding only a right-column element, is all right."""
    exp = _expand(line)
    if not exp.strip():
        return "", ""
    if right_col == RAGGED:
        text = exp.strip()
        m = _GAP.search(text)
        if m:
            return text[: m.start(1) + 0].strip(), text[m.end(1) :].strip()
        indent = len(exp) - len(exp.lstrip())
        return ("", text) if indent >= 4 and not text.startswith(("-", "–", "+")) else (text, "")
    if right_col == 0:
        k = _inner_tab(line)
        if k is not None:
            return line[:k].strip(), line[k:].strip()
        text = line.strip()
        if line.startswith("\t") and _RIGHT_MARK.match(fold(text)) and not fold(text).startswith(("kt", "tm", "tl")):
            return "", text
        if line.startswith("\t") and _SIGNER_NAME.match(text):
            return "", text  # "<TAB><TAB>Đặng Văn Khiêm": the signer's name under the right column
        return text, ""
    starts = [c for c in _right_starts(line) if c >= right_col - 6]
    if starts:
        col = starts[0]
        return exp[:col].strip(), exp[col:].strip()
    indent = len(exp) - len(exp.lstrip())
    text = exp.strip()
    if indent >= right_col - 6 or (indent >= 8 and _RIGHT_MARK.match(fold(text))):
        return "", text
    if _RIGHT_MARK.match(fold(text)) and not fold(text).startswith(("kt", "tm", "tl", "q")):
        return "", text  # quốc hiệu, tiêu ngữ or date line on a line of its own
    return text, ""
