"""Who a document is addressed to (Kính gửi), who signs it, and who receives copies (Nơi nhận)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.base import Extracted, Line, TextView
from extractors.data.frame import opens_appendix
from extractors.units import split_units, starts_with_unit
from pipeline.document import BlockKind, Region
from pipeline.text import fold

# "KT.", "TM.", "TL.", "TUQ." (state) and "K/T", "T/M", "T/L" (party); "Q." is an acting head.
# The dot is sometimes lost ("KT GIÁM ĐỐC"): a bare mark still counts before a position in capitals.
_AUTHORITY = re.compile(
    r"^\s*(?:(?P<a>KT|TM|TL|TUQ|Q)\s*\.|(?P<b>K/T|T/M|T/L|T/U)\.?|(?P<c>KT|TM|TL|TUQ)\s+(?=[A-ZĐÂÊÔƠƯỦ]{2}))"
    r"\s*(?P<rest>[^\W\d_].*)$"
)
_AUTHORITY_NORM = {"K/T": "KT", "T/M": "TM", "T/L": "TL", "T/U": "TUQ", "Q": None}

# Positions a signer holds, most specific first (kept as data: add an office's own titles here).
POSITIONS: tuple[str, ...] = (
    "phó chánh văn phòng",
    "chánh văn phòng",
    "phó tổng giám đốc",
    "tổng giám đốc",
    "phó giám đốc",
    "giám đốc",
    "phó chủ tịch",
    "chủ tịch",
    "phó chủ nhiệm",
    "chủ nhiệm",
    "thứ trưởng",
    "bộ trưởng",
    "phó bí thư",
    "bí thư",
    "phó trưởng ban",
    "trưởng ban",
    "phó trưởng phòng",
    "trưởng phòng",
    "phó cục trưởng",
    "cục trưởng",
    "phó vụ trưởng",
    "vụ trưởng",
    "phó chánh thanh tra",
    "chánh thanh tra",
    "phó viện trưởng",
    "viện trưởng",
    "phó hiệu trưởng",
    "hiệu trưởng",
    "phó thủ trưởng",
    "thủ trưởng",
    "phó tổng cục trưởng",
    "tổng cục trưởng",
    "phó trưởng",
    "trưởng",
    "phó thủ tướng",
    "thủ tướng",
    "ủy viên",
    "thư ký",
)
_NAME = re.compile(r"^(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\wđ]*\.?\s?){2,5}$")


@dataclass(frozen=True)
class Addressee:
    name: str
    members: tuple[str, ...] = ()  # units a footnote lists for a group ("các xã, phường" -> 40 communes)


@dataclass(frozen=True)
class Signer:
    name: str | None
    position: str | None
    authority: str | None
    head: str | None = None  # "GIÁM ĐỐC" in "KT. GIÁM ĐỐC": whom the signer signs for


def _clean_item(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lstrip("-–+•").strip().rstrip(";.,").strip()


def extract_addressees(view: TextView) -> list[Extracted[Addressee]]:
    lines = view.body_lines()
    notes = view.raw.footnotes()
    for i, ln in enumerate(lines[:60]):
        m = _ADDRESSED.match(ln.text)
        if not m and not _INVITES_BELOW.search(ln.text):
            continue
        out: list[Extracted[Addressee]] = []
        rest = m["rest"].strip() if m else ""
        if rest and not rest.startswith("-"):
            for part in re.split(r"\s*;\s*", rest):
                if _clean_item(part):
                    out.append(_addressee(view, ln, part, notes))
            return out
        items = [rest] if rest else []
        item_lines = [ln] if rest else []
        for nxt in lines[i + 1 :]:
            t = nxt.text.strip()
            if not t.startswith(("-", "–", "+", "•")):
                break
            items.append(t)
            item_lines.append(nxt)
        for part_line, text in zip(item_lines, items, strict=True):
            for piece in _split_dashed(text.lstrip("-– ")):
                if _clean_item(piece):
                    out.append(_addressee(view, part_line, piece, notes))
        return out
    return []


# "Kính gửi: ..." — and a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:" / "CHỦ TỊCH UBND TỈNH điện:", whose
# dashes under it are the units it is sent to
_CAPITALS = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
# (a giấy mời with no "Kính gửi" is addressed to those its "Trân trọng kính mời:" lists)
_ADDRESSED = re.compile(
    rf"^\s*(?:(?i:Kính\s+gửi)\s*:?|[{_CAPITALS} ]{{6,120}}\s+điện\s*:|(?i:(?:trân\s+trọng\s+)?kính\s+mời)\s*:)"
    r"\s*(?P<rest>.*)$"
)

# "Thực hiện Kế hoạch số 95/KH-TTHĐND ..., Văn phòng ... trân trọng kính mời:" closing a sentence: the dashes below
_INVITES_BELOW = re.compile(r"\b(?i:(?:trân\s+trọng\s+)?kính\s+mời)\s*:\s*$")


def _split_dashed(text: str) -> list[str]:
    """ "- Sở A; - Sở B" run into one line is two addressees; a dash inside a name ("Sở Lao động -
    Thương binh và Xã hội", "Phòng Văn hóa - Xã hội") is not: a new item opens with a unit."""
    pieces = re.split(r"\s+-\s+", text)
    out = [pieces[0]]
    for piece in pieces[1:]:
        if starts_with_unit(piece) and out[-1].rstrip().endswith((";", ",")):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} - {piece}"
    return out


def _addressee(view: TextView, ln: Line, text: str, notes: dict[str, str]) -> Extracted[Addressee]:
    block = view.raw.blocks[ln.block]
    members: tuple[str, ...] = ()
    for ref in block.notes:
        note = notes.get(ref.note_id, "")
        parts = [p.strip(" .;") for p in re.split(r"\s*;\s*", note) if p.strip(" .;")]
        if len(parts) >= 2:
            members = tuple(parts)
            break
    start = ln.text.find(text.strip())
    span = view.span(ln.offset + max(start, 0), ln.offset + max(start, 0) + len(text.strip()))
    return Extracted(Addressee(_clean_item(text), members), span, "addressee:kinh-gui")


def _signature_lines(view: TextView) -> list[Line]:
    """Lines of the signature block: the right column when the reader knows it, else the text's tail."""
    right = [ln for ln in view.lines if ln.region is Region.SIGNATURE_RIGHT]
    if right:
        return right
    body = _before_appendix([ln for ln in view.lines if ln.kind is BlockKind.PARAGRAPH])
    last_auth = None
    for k, ln in enumerate(body):
        if _AUTHORITY.match(ln.text.strip()) and len(ln.text) < 120:
            last_auth = k
    if last_auth is not None:
        start = last_auth
        while start > 0 and _AUTHORITY.match(body[start - 1].text.strip()) and len(body[start - 1].text) < 120:
            start -= 1
        return [ln for ln in body[start : start + 8] if not _SIGNED_MARK.match(fold(ln.text.strip()))][:6]
    # No KT./TM.: the head signs directly; look for a position line followed by a name.
    for k in range(len(body) - 1, 0, -1):
        t = body[k].text.strip()
        before = k - 1
        while before > 0 and _SIGNED_MARK.match(fold(body[before].text.strip())):
            before -= 1  # "GIÁM ĐỐC" / "(Đã ký)" / "Vàng Seo Chẩn"
        if _NAME.match(t) and _position_in(body[before].text) and len(body[before].text) < 60:
            return [body[before], body[k]]
    return []


def _before_appendix(lines: list[Line]) -> list[Line]:
    """The lines up to the appendix that follows the signature block, if any: a quyết định's
    "PHỤ LỤC / DANH SÁCH THÀNH VIÊN ... (Kèm theo Quyết định số 123/QĐ-UBND ...)" after "Nơi nhận"
    and the signer lists names and titles ("Tổ trưởng ... Lê Minh Quang") that are not its signer."""
    closed = False
    for k, ln in enumerate(lines):
        text = ln.text.strip()
        if closed and opens_appendix(text):
            return lines[:k]
        closed = closed or fold(text).startswith("noi nhan") or bool(_AUTHORITY.match(text))
    return lines


# "(Đã ký)", "[đã ký]", "(Đã ký và đóng dấu)": a copy's note where the signature was, between the
# position and the name
_SIGNED_MARK = re.compile(r"^[(\[]?\s*(?:da ky(?: va dong dau)?|ky ten|signed)\s*[)\]]?$")


def _position_in(text: str) -> str | None:
    """The position a caps line names: at its end ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), or at its start
    followed by the unit ("VỤ TRƯỞNG VỤ PHÁP CHẾ" -> "vụ trưởng vụ pháp chế")."""
    f = " ".join(text.lower().split()).strip(" ,")
    for p in POSITIONS:
        if f.endswith(p):
            return p
    for p in POSITIONS:
        if f.startswith(p + " ") and len(f.split()) <= len(p.split()) + 6:
            return f
    return None


def _render_position(p: str) -> str:
    """ "phó giám đốc" -> "Phó Giám đốc"; a unit after the position keeps its own capital
    ("vụ trưởng vụ pháp chế" -> "Vụ trưởng Vụ Pháp chế")."""
    words = p.split()
    out: list[str] = []
    for i, w in enumerate(words):
        if i == 0 or (words[i - 1] == "phó" and i == 1):
            out.append(w.capitalize())
        elif i >= 2 and any(" ".join(words[:i]).endswith(q) for q in POSITIONS) and w in _UNIT_WORDS:
            out.append(w.capitalize())
            if i + 1 < len(words):
                words[i + 1] = words[i + 1].capitalize()
        else:
            out.append(w)
    return " ".join(out)


_UNIT_WORDS = ("vụ", "cục", "sở", "ban", "phòng", "văn", "viện", "trung", "thanh")


def extract_signer(view: TextView) -> Extracted[Signer] | None:
    """The last authority mark (KT/TM/TL/TUQ) and the last position before the name win.

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn A" is signed KT by a
    Phó Chủ tịch; "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" by a Phó Giám đốc.
    """
    lines = _signature_lines(view)
    if not lines:
        return None
    authority = head = position = name = None
    for ln in lines:
        t = re.sub(r"\s+", " ", ln.text).strip()
        if not t or t.startswith("-") or fold(t).startswith("noi nhan") or _SIGNED_MARK.match(fold(t)):
            continue
        m = _AUTHORITY.match(t)
        if m:
            a = m["a"] or m["b"] or m["c"]
            authority = _AUTHORITY_NORM.get(a, a)
            t = m["rest"].strip()
            head = t
        # A portal may flatten the block into one line: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trần Nam".
        tail = re.search(r"(?:^|\s)((?:[A-ZĐ][a-zà-ỹđ]+\s?){2,5})$", t)
        caps = t[: tail.start(1)].strip() if tail else t
        if caps and caps.isupper() and _position_in(caps):
            position = _position_in(caps)
        if tail and _NAME.match(tail.group(1).strip()):
            name = tail.group(1).strip()
            break
    if not (position or name):
        return None
    signer = Signer(name, _render_position(position) if position else None, authority, head)
    first = lines[0]
    return Extracted(signer, view.span(first.offset, first.offset + len(first.text)), "signer:block")


def extract_recipients(view: TextView) -> list[Extracted[str]]:
    """The "Nơi nhận" list: each "- ..." item, wrapped items joined (not a form's in an appendix)."""
    lines = _before_appendix([ln for ln in view.lines if ln.kind is BlockKind.PARAGRAPH])
    start = None
    for k, ln in enumerate(lines):
        if fold(ln.text).strip().startswith("noi nhan"):
            start = k
    if start is None:
        return []
    out: list[Extracted[str]] = []
    head = re.sub(r"^\s*Nơi\s+nhận\s*:?", "", lines[start].text, flags=re.IGNORECASE).strip()
    items: list[tuple[str, Line]] = []
    for piece in re.split(r"\s+(?=-\s)", head):
        if piece.strip(" -"):
            items.append((piece, lines[start]))
    for ln in lines[start + 1 :]:
        t = ln.text.strip()
        if t.startswith(("-", "+")):
            items.append((t, ln))
        elif items and ln.region is not Region.SIGNATURE_RIGHT and not _AUTHORITY.match(t) and not t.isupper():
            if items[-1][0].rstrip().endswith((";", ".")):
                break
            items[-1] = (f"{items[-1][0]} {t}", items[-1][1])
        else:
            break
    for text, ln in items:
        clean = _clean_item(text)
        if clean:
            out.append(Extracted(clean, view.span(ln.offset, ln.offset + len(ln.text)), "recipient:noi-nhan"))
    return out


# "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Giáo dục và Đào tạo, Chủ tịch UBND các huyện,
# thành phố ... chịu trách nhiệm thi hành Quyết định này": a quyết định's closing article names who
# carries it out, as a công văn's "Kính gửi" does.
_EXECUTORS = re.compile(
    r"^(?:Điều\s+\d+\s*\.\s*)?(?P<who>.{8,600}?)\s+(?:chịu|có)\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành\b",
    re.IGNORECASE,
)


def extract_executors(view: TextView) -> list[Extracted[str]]:
    """The units the closing article of a quyết định (or chỉ thị) charges with carrying it out."""
    for ln in reversed(view.lines):
        if ln.region is not Region.BODY:
            continue
        m = _EXECUTORS.match(ln.text.strip())
        if not m:
            continue
        who = re.sub(r"^(?:Các\s+ông\s*\(bà\)|Các\s+ông,?\s+bà|Ông\s*\(bà\))\s*:?\s*", "", m["who"].strip())
        # the Chánh Văn phòng publishes it, and "... liên quan" names nobody
        names = [
            n
            for n in split_units(who)
            if not fold(n).startswith("chanh van phong") and not fold(n).endswith("lien quan")
        ]
        start = ln.offset + m.start("who")
        return [Extracted(n, view.span(start, start + len(m["who"])), "executors:closing-article") for n in names]
    return []
