"""The header of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I; Hướng dẫn 36-HD/VPTW).

Left column: parent agency, issuing agency, ``Số: 4664/KH-UBND``, ``V/v ...`` (công văn).
Right column: quốc hiệu, tiêu ngữ, ``Quảng Ngãi, ngày 15 tháng 7 năm 2025``.
Then, for every kind but the công văn, the kind's name (``KẾ HOẠCH``) and the trích yếu.

Text exports lose the columns; these rules read the header whichever order its lines come in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.base import Extracted, Line, TextView
from extractors.data.frame import ADDRESSEE, AUTHORITY, RECIPIENTS
from extractors.data.kinds import TITLE_KINDS, kind_of_name
from extractors.data.units import BARE_HEADS, COLLECTIVE_BODIES, LEVELS
from extractors.dates import PartialDate, find_full_dates, parse_header_date
from extractors.references import Reference, parse_header_number
from extractors.units import acronym, expand, starts_with_unit, title_case_from_caps
from pipeline.document import Region
from pipeline.text import fold

_QUOC_HIEU = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "dang cong san viet nam")
_BODY_OPENERS = re.compile(
    r"^(căn cứ|thực hiện|theo|xét|từ ngày|sau khi|nhằm|để|trên cơ sở|kính gửi|ngày \d|hôm nay|"
    r"triển khai|tiếp theo|vừa qua|trong|qua|nhận được)\b",
    re.IGNORECASE,
)
_VV = re.compile(r"^\s*(?:V/v|Về việc|V/V|v/v)\s*:?\s*", re.IGNORECASE)
# Some offices write the công văn's trích yếu with a bare "Về" ("Số: 5155/SGDĐT-GDTX" / "Về hướng dẫn
# đánh giá ..."): read as V/v only on the line right under the number, where nothing else can stand.
_VE = re.compile(r"^\s*Về\s+(?=\w)")
_NUMBER_LINE = re.compile(r"^\s*Số\b")
_HEADER_SCAN = 40  # the header never runs past the first lines of a document


@dataclass(frozen=True)
class Header:
    official: bool
    doc_type: Extracted[str]
    reference: Extracted[Reference] | None
    issuer: Extracted[str] | None
    parent: Extracted[str] | None
    place: Extracted[str] | None
    date: Extracted[PartialDate] | None
    subject: Extracted[str] | None
    title_line: int | None  # index in view.lines of the kind's title, where the body starts after it


def _is_quoc_hieu(text: str) -> bool:
    f = re.sub(r"\s+", " ", fold(text)).replace("–", "-")
    return any(q.startswith(f) or f.startswith(q) for q in _QUOC_HIEU) and len(f) > 4


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _top_lines(view: TextView) -> list[tuple[int, Line]]:
    lines = view.body_lines()[:_HEADER_SCAN]
    return [(view.lines.index(ln), ln) for ln in lines]


def extract_header(view: TextView) -> Header:
    top = _top_lines(view)
    ref = _find_number(view, top)
    place, date = _find_place_date(view, top)
    title_idx, title_kind = _find_title(top)
    quoc_hieu = any(_is_quoc_hieu(ln.text) for _, ln in top)
    framed = any(re.match(r"\s*(Kính\s+gửi|Nơi\s+nhận)\b", ln.text, re.IGNORECASE) for ln in view.body_lines())
    official = bool(ref or quoc_hieu or (title_kind and date) or framed)
    subject = _find_subject(view, top, title_idx)
    issuer, parent = _find_issuer(view, top, ref, place.value if place else None)

    if title_kind:
        doc_type = Extracted(title_kind.value, title_kind.span, "kind:title")
    elif subject and subject.rule == "subject:v/v":
        # a trích yếu under "V/v" and no kind's title is a công văn (Nghị định 30/2020, Phụ lục I), whatever
        # its ký hiệu opens with: "512/CT-CS" is Cục Thuế's, not a chỉ thị
        doc_type = Extracted("CV", subject.span, "kind:v/v")
    elif ref and ref.value.kind:
        doc_type = Extracted(ref.value.kind, ref.span, "kind:symbol")
    elif official:
        doc_type = Extracted("CV", ref.span if ref else None, "kind:cong-van")
    else:
        doc_type = Extracted("KHAC", None, "kind:not-official")

    if not official:
        # A news article or note: its first line is its title, its first full date its date.
        first = view.body_lines()[:1]
        subject = (
            Extracted(
                first[0].text,
                view.span(first[0].offset, first[0].offset + len(first[0].text)),
                "subject:first-line",
            )
            if first
            else None
        )
        date = None
        for _, ln in top[:6]:
            for s, e, day in find_full_dates(ln.text):
                date = Extracted(
                    PartialDate(day.year, day.month, day.day),
                    view.span(ln.offset + s, ln.offset + e),
                    "date:dateline",
                )
                break
            if date:
                break
        return Header(False, doc_type, None, None, None, None, date, subject, None)
    return Header(True, doc_type, ref, issuer, parent, place, date, subject, title_idx)


def _find_number(view: TextView, top: list[tuple[int, Line]]) -> Extracted[Reference] | None:
    for _, ln in top:
        if not re.match(r"\s*Số\b", ln.text):
            continue
        found = parse_header_number(ln.text)
        if found:
            ref, (s, e) = found
            return Extracted(ref, view.span(ln.offset + s, ln.offset + e), "number:so-line")
    return None


def _find_place_date(view: TextView, top: list[tuple[int, Line]]):
    for _, ln in top:
        found = parse_header_date(ln.text)
        if not found:
            continue
        place, date, (s, e) = found
        span = view.span(ln.offset + s, ln.offset + e)
        return Extracted(place.strip(), span, "place:date-line"), Extracted(date, span, "date:date-line")
    return None, None


def _find_title(top: list[tuple[int, Line]]):
    for i, (idx, ln) in enumerate(top):
        text = ln.text.strip().strip("*").strip()
        # A PDF whose header columns are narrow may put a short centred title ("KẾ HOẠCH") in the
        # right header column; a title is never in the left one (agency, Số, V/v).
        if not _is_caps(text) or ln.region is Region.HEADER_LEFT:
            continue
        kind = kind_of_name(text)
        if kind and text.lower() in TITLE_KINDS:
            return idx, Extracted(kind, None, f"kind:title:{text.lower()}")
        if i > 25:
            break
    return None, None


def _find_subject(view: TextView, top: list[tuple[int, Line]], title_idx: int | None) -> Extracted[str] | None:
    # "QUYẾT ĐỊNH / VỀ VIỆC BAN HÀNH ...": under a kind's title, "Về việc" opens the title itself
    before_title = [(i, ln) for i, ln in top if title_idx is None or i < title_idx]
    found = _subject_after_vv(view, before_title)
    if found is not None or title_idx is None:
        return found
    return _subject_under_title(view, top, title_idx)


def _subject_after_vv(view: TextView, top: list[tuple[int, Line]]) -> Extracted[str] | None:
    """Công văn: "V/v ..." under the number, possibly wrapped over several lines."""
    for pos, (_, ln) in enumerate(top):
        marker = _VV if _VV.match(ln.text) else _VE if _under_number(top, pos) else None
        if marker is None or not marker.match(ln.text) or len(ln.text) < 6:
            continue
        parts = [marker.sub("", ln.text)]
        for _, nxt in top[pos + 1 :]:
            t = nxt.text.strip()
            if _vv_stops(ln, nxt, t, parts):
                break
            parts.append(t)
        text = _clean_subject(" ".join(parts))
        return Extracted(text, view.span(ln.offset, ln.offset + len(ln.text)), "subject:v/v")
    return None


def _under_number(top: list[tuple[int, Line]], pos: int) -> bool:
    """Whether the line at ``pos`` stands right under the "Số: ..." line, in the same column."""
    if pos == 0:
        return False
    above, here = top[pos - 1][1], top[pos][1]
    return bool(_NUMBER_LINE.match(above.text)) and above.region is here.region


def _vv_stops(vv: Line, nxt: Line, t: str, parts: list[str]) -> bool:
    """Whether ``nxt`` (text ``t``) no longer continues the trích yếu opened by the V/v line ``vv``."""
    if (nxt.region is not vv.region and vv.region is not Region.BODY) or _ends_vv(t):
        return True
    if _is_caps(t) and not _is_caps(parts[-1]):
        return True  # "QUYẾT ĐỊNH / Về việc ... / ỦY BAN NHÂN DÂN XÃ X": the authority, not the trích yếu
    # in running text the trích yếu ends where a sentence of the body begins
    return vv.region is Region.BODY and bool(
        parts[-1].rstrip().endswith((".", ":")) or len(" ".join(parts)) > 300 or _BODY_OPENERS.match(t)
    )


def _subject_under_title(view: TextView, top: list[tuple[int, Line]], title_idx: int) -> Extracted[str] | None:
    """Other kinds: the lines under the title, up to the body. The first line is the trích yếu
    whatever word it opens with ("Triển khai ...", "về lãnh đạo ..."); the issuing authority of a
    quyết định follows it in capitals ("GIÁM ĐỐC SỞ NỘI VỤ") and is not part of it."""
    parts: list[str] = []
    first = None
    for idx, ln in top:
        if idx <= title_idx:
            continue
        t = ln.text.strip()
        if _title_subject_stops(t, parts):
            break
        first = first or ln
        parts.append(t)
        if len(" ".join(parts)) > 400:
            break
    if not parts or first is None:
        return None
    if len(parts) > 1 and _is_authority_line(parts[-1], parts[-2]):
        parts.pop()
    return Extracted(
        _clean_subject(" ".join(parts)), view.span(first.offset, first.offset + len(first.text)), "subject:under-title"
    )


def _is_authority_line(line: str, before: str) -> bool:
    """The issuing authority a quyết định names between its title and "Căn cứ" ("ỦY BAN NHÂN DÂN TỈNH
    SƠN LA", "THỦ TƯỚNG CHÍNH PHỦ", "GIÁM ĐỐC SỞ NỘI VỤ"): a line of its own in capitals that opens
    with an agency or a position, after a line that does not run on into it ("... CỦA", "... VÀ")."""
    if not _is_caps(line) or re.search(r"\s(?:CỦA|VÀ|VỀ|CHO|VỚI|TẠI|TỈNH|HUYỆN|XÃ)$", before.strip()):
        return False
    f = fold(line).strip()
    return starts_with_unit(line) or any(f.startswith((p, f"pho {p}")) for p in _AUTHORITY_POSITIONS)


_AUTHORITY_POSITIONS = ("thu tuong", "chu tich", "bo truong", "giam doc", "truong ban", "chanh van phong", "cuc truong")


def _title_subject_stops(t: str, parts: list[str]) -> bool:
    """Whether the line ``t`` no longer belongs to the trích yếu read so far (``parts``)."""
    if not parts:
        return not t or t.startswith(("(", "-", "+")) or fold(t).startswith(("kinh gui", "can cu"))
    caps_run = _is_caps(t) and all(_is_caps(p) for p in parts)
    # a title in capitals wraps anywhere: "... ĐẤT NƯỚC" / "TRONG KỶ NGUYÊN MỚI ..." opens no body sentence
    stops = _stops_subject(t) and not (caps_run and _BODY_OPENERS.match(t) and not fold(t).startswith("can cu"))
    return bool(
        stops
        or (_is_caps(t) and not all(_is_caps(p) for p in parts))
        or t.startswith(("(", "-", "+"))
        or t.endswith(":")
        or (t.endswith(".") and not _is_caps(t))
    )


def _ends_vv(t: str) -> bool:
    """A trích yếu after V/v runs on until the next element of the header frame."""
    f = fold(t)
    return bool(
        not t
        or _is_quoc_hieu(t)
        or parse_header_date(t)
        or re.match(r"\s*Số\s*:", t)
        or f.startswith(("kinh gui", "noi nhan", "can cu"))
        or re.match(r"^([IVX]+|\d+)\.\s", t)
    )


def _stops_subject(t: str) -> bool:
    f = fold(t)
    return bool(
        not t
        or _BODY_OPENERS.match(t)
        or _is_quoc_hieu(t)
        or parse_header_date(t)
        or re.match(r"\s*Số\s*:", t)
        or f.startswith(("kinh gui", "noi nhan"))
        or re.match(r"^([IVX]+|\d+)\.\s", t)
    )


def _clean_subject(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .;:-")


_SIGNATURE_REGIONS = (Region.SIGNATURE_LEFT, Region.SIGNATURE_RIGHT)
_PAST_HEADER = re.compile(rf"^\W*(?:{ADDRESSEE}|{RECIPIENTS}|{AUTHORITY})")


def _agency_lines(top: list[tuple[int, Line]]) -> list[Line]:
    """The all-caps agency lines at the top, before "Số:" and apart from quốc hiệu/tiêu ngữ."""
    out: list[Line] = []
    for _, ln in top:
        t = ln.text.strip()
        if ln.region is Region.HEADER_RIGHT or _is_quoc_hieu(t):
            continue
        if re.match(r"\s*Số\b", t) or _VV.match(t) or parse_header_date(t) or kind_of_name(t):
            break
        # past the header: "Kính gửi", or a signature ("TL. BỘ TRƯỞNG / CHÁNH VĂN PHÒNG") when the header was lost
        if ln.region in _SIGNATURE_REGIONS or _PAST_HEADER.match(fold(t)):
            break
        if not _is_caps(t):
            if out:
                break
            continue
        out.append(ln)
    return out


# A first header line that names no agency by itself, only the head of the one on the next line.
_OPENING_HEADS = frozenset({"van phong", "thu tuong", "ban chap hanh"})


def _join_agency_lines(lines: list[str]) -> list[str]:
    """One agency per header line, except where a portal wrapped a name ("ỦY BAN NHÂN" / "DÂN" /
    "TỈNH ĐỒNG THÁP"): a line that starts with a level word, is one word long, or follows a
    line ending in "VÀ", "&" or "-" continues the line before."""
    out: list[str] = []
    for t in lines:
        f = fold(t)
        continues = out and (
            not starts_with_unit(t)  # every agency opens with a head noun; "VÀ MÔI TRƯỜNG" continues one
            or len(t.split()) == 1
            or any(f.startswith(fold(lv) + " ") for lv in LEVELS)
            or fold(out[-1]).endswith((" va", "&", "-"))
            or fold(out[-1]).endswith(("uy ban nhan", "uy ban", "hoi dong nhan", "hoi dong"))
            # "VĂN PHÒNG" / "CHÍNH PHỦ", "THỦ TƯỚNG" / "CHÍNH PHỦ": a head alone on the first line
            or (len(out) == 1 and fold(out[0]).strip() in _OPENING_HEADS)
        )
        if continues:
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return out


def split_agencies(caps: str) -> list[str]:
    """Split a line that holds two agencies: "UBND TỈNH QUẢNG NGÃI SỞ KHOA HỌC VÀ CÔNG NGHỆ".

    A head noun starts a new agency only after a complete parent, one that names its level and
    place ("... TỈNH QUẢNG NGÃI"); inside "VĂN PHÒNG CHÍNH PHỦ" or "ỦY BAN NHÂN DÂN" it does not.
    """
    words = caps.split()
    units: list[list[str]] = [[]]
    for i, w in enumerate(words):
        cur = units[-1]
        rest = " ".join(words[i:])
        if cur and starts_with_unit(rest) and _has_place(cur):
            units.append([w])
        else:
            cur.append(w)
    return [" ".join(u) for u in units if u]


def _has_place(words: list[str]) -> bool:
    f = fold(" ".join(words))
    for lv in LEVELS:
        k = f.find(fold(lv) + " ")
        if k >= 0 and len(f[k + len(fold(lv)) :].split()) >= 1:
            return True
    return False


def _find_issuer(view: TextView, top, ref: Extracted[Reference] | None, place: str | None = None):
    lines = _agency_lines(top)
    if lines:
        agencies = [
            a for joined in _join_agency_lines([ln.text.strip() for ln in lines]) for a in split_agencies(joined)
        ]
        body = view.text
        names = [title_case_from_caps(a, body) for a in agencies]
        if len(names) > 1:
            names[-1] = _qualify(names[-1], names[-2])
        span = view.span(lines[-1].offset, lines[-1].offset + len(lines[-1].text))
        parent = (
            Extracted(
                names[-2],
                view.span(lines[0].offset, lines[0].offset + len(lines[0].text)),
                "issuer:header-parent",
            )
            if len(names) > 1
            else None
        )
        return Extracted(names[-1], span, "issuer:header"), parent
    return _issuer_from_signature(view, ref, place) or _issuer_from_symbol(view, ref), None


def _qualify(issuer: str, parent: str) -> str:
    """A bare lower line names its agency through the line above: "UBND TỈNH LÂM ĐỒNG / VĂN PHÒNG"
    is the Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng; "ĐẢNG BỘ TỈNH HÀ TĨNH / TỈNH ỦY" the Tỉnh ủy Hà Tĩnh."""
    f = fold(issuer)
    if f not in BARE_HEADS:  # a named one such as "BAN TUYÊN GIÁO" stays as written
        return issuer
    if any(f.startswith(fold(lv) + " ") for lv in LEVELS):  # "tỉnh ủy": add the parent's place
        m = re.search(rf"\b(?:{'|'.join(LEVELS)})\s+(?P<place>.+)$", parent, re.IGNORECASE)
        return f"{issuer} {m['place']}" if m else issuer
    return f"{issuer} {parent[0].lower()}{parent[1:]}" if parent.startswith("Ủy ban") else f"{issuer} {parent}"


def _issuer_from_signature(
    view: TextView, ref: Extracted[Reference] | None, place: str | None = None
) -> Extracted[str] | None:
    """Header lost: "TM. ỦY BAN NHÂN DÂN" names the body; the text names its level and place."""
    lines = view.body_lines()
    for k in range(len(lines) - 1, -1, -1):
        ln = lines[k]
        m = re.match(r"\s*(?:TM\s*\.|T/M)\s*(?P<body>.+)", ln.text)
        if not m:
            continue
        body = fold(m["body"])
        for nxt in lines[k + 1 : k + 3]:  # "TM. ỦY BAN NHÂN" / "DÂN" wrapped by a portal
            if _is_caps(nxt.text) and not re.match(r"\s*(KT|TL|TUQ|K/T)\b", nxt.text) and len(nxt.text.split()) <= 2:
                body = f"{body} {fold(nxt.text)}"
        for key, name in COLLECTIVE_BODIES.items():
            if fold(key) in body:
                return Extracted(
                    _locate_body(view, name, place),
                    view.span(ln.offset, ln.offset + len(ln.text)),
                    "issuer:signature-tm",
                )
    return None


def _locate_body(view: TextView, body: str, place: str | None = None) -> str:
    """The most frequent "<body> <level> [Name]" in the text, e.g. "UBND huyện Minh Long"."""
    short = {"Ủy ban nhân dân": "UBND", "Hội đồng nhân dân": "HĐND"}.get(body, body)
    levels = "|".join(sorted(LEVELS, key=len, reverse=True))
    # The body and level in any case; the place name only as capitalised words (case-sensitive).
    rx = re.compile(
        rf"(?i:{re.escape(body)}|{re.escape(short)})\s+(?P<level>(?i:{levels}))"
        rf"(?P<name>(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ][\wđ]*){{0,3}})"
    )
    # The level the text names most ("UBND huyện" ×9 against one cited "UBND tỉnh X"), then that
    # level's most frequent place name, the header's place first ("UBND huyện Minh Long").
    levels_seen: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for m in rx.finditer(view.text):
        level = m["level"].lower()
        if m["level"][0].isupper() and level in ("thành phố", "tỉnh"):
            level = m["level"]  # "UBND Thành phố" (Hà Nội style) keeps its capital
        levels_seen[level] += 1
        name = m["name"].strip()
        if name:
            names.setdefault(level, Counter())[name] += 1
    if not levels_seen:
        return body
    level = levels_seen.most_common(1)[0][0]
    named = names.get(level)
    if not named:
        return f"{body} {level}"
    best = next((n for n in named if place and fold(n) == fold(place)), None) or named.most_common(1)[0][0]
    return f"{body} {level} {best}"


def _issuer_from_symbol(view: TextView, ref: Extracted[Reference] | None) -> Extracted[str] | None:
    """Header lost, no collective signature: read the agency code of the ký hiệu ("SKHCN-VP")."""
    if not ref:
        return None
    parts = re.split(r"[-/]", ref.value.symbol)
    codes = [p for p in parts if not ref.value.kind or p.upper() != ref.value.kind.upper()]
    if not codes:
        return None
    code = fold(codes[0]).upper()
    heads = r"Sở|Bộ|Ban|Phòng|Văn phòng|Ủy ban nhân dân|UBND|Trung tâm|Cục|Chi cục|Viện|Thanh tra"
    seen: Counter[str] = Counter()
    for m in re.finditer(rf"\b(?:{heads})\b", view.text):
        # Try every length of name after the head: "Sở Khoa học và Công nghệ" -> SKHCN.
        words = view.text[m.start() : m.start() + 120].split()
        for n in range(2, min(len(words), 10) + 1):
            name = " ".join(words[:n]).rstrip(",.;:)")
            if acronym(name) == code:
                seen[expand(name)] += 1
                break
    if seen:
        return Extracted(seen.most_common(1)[0][0], ref.span, "issuer:symbol-acronym")
    return None
