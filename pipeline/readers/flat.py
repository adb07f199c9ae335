"""Flat text: a frame whose lines were run together into one.

Text copied out of some viewers, or a scan's OCR without layout, loses the frame's line breaks:

    ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH VĂN PHÒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do -
    Hạnh phúc Số: 15/TB-VPUB Hà Tĩnh, ngày 09 tháng 01 năm 2026 THÔNG BÁO Kết luận của ...

    Nơi nhận: - Chủ tịch, các PCT UBND tỉnh; - Lưu: VT, GT1. TL.
    CHỦ TỊCH CHÁNH VĂN PHÒNG Lê Thị Minh Hằng

The frame's own grammar (Nghị định 30/2020, Phụ lục I) says where its lines were: the agency
before the quốc hiệu, the tiêu ngữ after it, "Số:" and the place-and-date line, the kind's title in
capitals. A line holding two or more of these is broken back at them; an authority mark ("TL.",
"KT.") left at the end of the Nơi nhận list goes back to the signer's line it opens.
"""

from __future__ import annotations

import itertools
import re

from extractors.data.kinds import TITLE_KINDS

_CAPS = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
_QUOC_HIEU = r"(?:CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)"
_TIEU_NGU = r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
_NUMBER = r"Số\s*:?\s*(?:\d{1,6}[a-z]?)?\s*[/-]\s*[" + _CAPS + r"]"
# "Hà Tĩnh, ngày 09 tháng 01 năm 2026", "Thành phố Hồ Chí Minh, ngày ...": a place in title case
# (never a code in capitals such as "VPUB"), a blank day or month in a draft ("ngày   tháng 5")
_PLACE_WORD = r"[" + _CAPS + r"][a-zđà-ỹ.]+"
_DATE = rf"(?<!\S){_PLACE_WORD}(?:\s+[\wđ.]+){{0,5}}?,\s*ngày\s+[\d\s]{{0,3}}tháng\s+[\d\s]{{0,3}}năm\s+\d{{4}}"
_TITLES = "|".join(sorted((re.escape(k.upper()) for k in TITLE_KINDS), key=len, reverse=True))

# Where a new frame line starts inside a flat one: before each of these, and after the tiêu ngữ,
# the date line and a party header's "*".
_STARTS = re.compile(rf"{_QUOC_HIEU}|{_TIEU_NGU}|(?<!\S){_NUMBER}|{_DATE}")
_TITLE_AFTER_DATE = re.compile(rf"\s+(?=(?:{_TITLES})(?:\s|$))")
_TITLE = re.compile(rf"(?:{_TITLES})(?=\s|$)")
_ANCHORS = (re.compile(_QUOC_HIEU), re.compile(_TIEU_NGU), re.compile(_NUMBER), re.compile(_DATE))
# "... - Lưu: VT, GT1. TL." : the signer's authority mark stranded at the end of the list
# (after the list's last item: "VT, KT." is the Kinh tế department keeping a copy)
# ("- Lưu: VT. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ": the mark may bring the signer's lines with it)
_STRANDED_MARK = re.compile(rf"(?<=[.;])\s(?P<mark>(?:KT|TM|TL|TUQ|K/T|T/M)\.?(?:\s+[{_CAPS}][{_CAPS}./]*)*)\s*$")
# "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": each mark opens a line of the signature
_INNER_MARK = re.compile(r"\s+(?=(?:KT|TM|TL|TUQ|K/T|T/M)\.\s)")
_MARK_START = re.compile(r"(?:KT|TM|TL|TUQ|K/T|T/M)\b")


def _break(line: str) -> list[str]:
    cuts = {0, len(line)}
    for m in _STARTS.finditer(line):
        cuts.add(m.start())
        if not m.group(0).startswith(("CỘNG", "ĐẢNG", "Số")):
            cuts.add(m.end())
            title = _TITLE_AFTER_DATE.match(line, m.end())
            kind = title and _TITLE.match(line, title.end())
            if kind:  # "THÔNG BÁO Kết luận của ...": the kind's title on its own line above the trích yếu
                cuts.add(kind.end())
    for m in re.finditer(r"\s\*\s", line):
        cuts.add(m.start())
        cuts.add(m.end())
    points = sorted(cuts)
    parts = (line[a:b].strip(" *") for a, b in itertools.pairwise(points))
    return [p for p in parts if p]


def unflatten(lines: list[str]) -> list[str]:
    """``lines`` with each flat frame line broken back into the frame's lines."""
    out: list[str] = []
    carry = ""
    for i, line in enumerate(lines):
        if carry:
            out.extend(_INNER_MARK.split(f"{carry} {line.lstrip()}"))
            carry = ""
            continue
        # a table row keeps its cells and two columns set with spaces keep their gap: the table
        # reader and the column finder split those
        columns = "|" in line or "\t" in line or "   " in line.strip()
        if not columns and sum(1 for a in _ANCHORS if a.search(line)) >= 2:
            out.extend(_break(line))
            continue
        m = _STRANDED_MARK.search(line)
        if m and "Lưu" in line and _opens_position(lines[i + 1] if i + 1 < len(lines) else ""):
            out.append(line[: m.start()])
            carry = m["mark"]
            continue
        out.append(line)
    if carry:
        out.append(carry)
    return out


def _opens_position(line: str) -> bool:
    """The signer's position in capitals ("CHỦ TỊCH CHÁNH VĂN PHÒNG Lê Thị Minh Hằng"), not another mark."""
    s = line.strip()
    head = s.split()[:2]
    return bool(head) and all(w.isupper() for w in head) and not _MARK_START.match(s)
