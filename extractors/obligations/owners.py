"""Who a phrase names: the unit phrase opening a clause, the unit after a directive, a heading's unit.

A unit phrase ends where its verb starts: "Sở Khoa học và Công nghệ | chủ trì, phối hợp ...".
The owner is never a unit after a preposition: "báo cáo *về* Sở X" names the recipient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.data.grammar import DIRECTIVES, VERBS
from extractors.obligations.rules import OwnerBy
from extractors.units import distribute, head_length, starts_with_unit
from pipeline.text import fold

# Verbs compare on lowercase NFC, not folded: folding makes "tài" (Tài chính) the preposition "tại".
_VERBS_L = sorted({v.lower() for v in VERBS}, key=len, reverse=True)
_DIRECTIVES_L = sorted({d.lower() for d in DIRECTIVES}, key=len, reverse=True)
_DIRECTIVE = re.compile(
    r"(?:^|[\s,:;])(?P<d>" + "|".join(re.escape(d) for d in DIRECTIVES) + r")\s+(?:cho\s+)?", re.IGNORECASE
)
# "mời đại diện lãnh đạo Sở Y": the unit behind the people sent on its behalf
DELEGATE = re.compile(r"^(?:đại\s+diện\s+)?(?:lãnh\s+đạo\s+)?(?:đại\s+diện\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Owner:
    """The units a task falls to and the rule that chose them."""

    names: tuple[str, ...]
    by: OwnerBy


def first_named(*owners: Owner | None) -> Owner | None:
    """The first candidate that names a unit, else the last one: a clause's own owner, then its
    section's, then the document's."""
    for owner in owners:
        if owner is not None and owner.names:
            return owner
    return owners[-1]


def starts_with_any(f: str, words_f: list[str]) -> str | None:
    for w in words_f:
        if f.startswith(w) and (len(f) == len(w) or not f[len(w)].isalnum()):
            return w
    return None


# "Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ ... đề cao trách nhiệm": the address before the posts
_COMRADES = re.compile(r"^(?:các\s+)?đồng\s+chí\s+(?=\S)", re.IGNORECASE)


def unit_phrase(text: str) -> tuple[tuple[str, ...], int] | None:
    """The unit phrase opening ``text`` and where it ends: "Sở X chủ trì ..." -> (("Sở X",), 4)."""
    comrades = _COMRADES.match(text)
    if comrades:
        found = unit_phrase(text[comrades.end() :])
        return (found[0], comrades.end() + found[1]) if found else None
    if not starts_with_unit(text):
        return None
    named = _named_with_abbreviation(text)
    if named:
        return named
    end = 0
    head_end = head_length(text)  # "Đoàn kiểm tra": the head's own words are no verbs
    for w in re.finditer(r"\S+", text):
        if w.start() >= head_end and _verb_at(text, w):
            break
        token = w.group(0)
        if token.startswith("("):
            break
        end = w.end()
        if token.endswith(":"):
            # "các Tập đoàn: A, B" lists the members of a group; any other colon ends the phrase.
            if re.match(r"(?i)^\s*(?:các|những)\s+\S+(?:\s+\S+)?:$", text[: w.end()]):
                continue
            break
        if w.start() > 160:
            break
    phrase = text[:end].strip(" ,;:.")
    if not phrase:
        return None
    return tuple(o for o in distribute(phrase) if o), end


# "Phòng Cảnh sát quản lý hành chính về trật tự xã hội (PC06) chỉ đạo ...": a name's abbreviation
# closes the name, whatever verbs ("quản lý") the name holds
_ABBREVIATED = re.compile(r"^(?P<name>[^(),;:]{3,120}?)\s*\((?P<abbr>[A-ZĐ][A-ZĐ0-9&./-]{1,11})\)")


def _named_with_abbreviation(text: str) -> tuple[tuple[str, ...], int] | None:
    m = _ABBREVIATED.match(text)
    if not m or _DIRECTIVE.search(m["name"]):
        return None
    return (m["name"].strip(),), m.end()


def _verb_at(text: str, w: re.Match[str]) -> bool:
    """A verb opens the word ``w``. A capitalised word continues a proper name: "Bộ Xây dựng", "Sở
    Tài chính" are no verbs; after a comma in a list of units "tổ chức" is the noun ("các cơ quan, tổ chức")."""
    rest_l = text[w.start() :].lower()
    noun = rest_l.startswith("tổ chức") and text[: w.start()].rstrip().endswith(",")
    return not w.group(0)[:1].isupper() and not noun and bool(starts_with_any(rest_l, _VERBS_L))


def _after_prefix(clause: str) -> str:
    """Drop what precedes the subject: "Để ..., ", "Trên cơ sở ..., ", "Đối với ..., ", a label "Báo cáo tháng: "."""
    c = clause.strip()
    c = re.sub(r"^(?:đồng thời|ngoài ra|bên cạnh đó|mặt khác)\s*,?\s*", "", c, flags=re.IGNORECASE)
    # a leading time adverbial: "Định kỳ 6 tháng, X báo cáo", "Hằng tuần, X tổng hợp"
    # "Định kỳ 6 tháng, năm, các phòng ... báo cáo": the periods listed after the first
    c = re.sub(
        r"^(?:định kỳ|hằng|hàng|mỗi|trước ngày|chậm nhất)\b[^,:;]{0,40},\s*(?:(?:hằng\s+|hàng\s+)?(?:năm|quý|quí|tháng"
        r"|tuần|(?:0?6|sáu)\s+tháng)\s*,\s*)*",
        "",
        c,
        flags=re.IGNORECASE,
    )
    m = re.match(
        r"^(?:để|trên cơ sở|đối với|căn cứ|nhằm|với vai trò|trong|trường hợp|sau khi|ngay sau khi|khi|trước khi"
        r"|kết thúc)\b[^,:]{0,200},\s*",
        c,
        re.IGNORECASE,
    )
    if m:
        c = c[m.end() :]
    m = re.match(r"^[^:]{2,60}:\s*", c)
    if m and (starts_with_unit(c[m.end() :]) or starts_with_any(c[m.end() :].lower(), _DIRECTIVES_L)):
        c = c[m.end() :]
    return c


def owner_in(clause: str, addressees: tuple[str, ...] = ()) -> Owner | None:
    """The owner a clause names: the unit after a directive ("giao Sở X", "mời đại diện Sở Y"), else its subject.

    "đề nghị Quý Sở ..." names the addressees of the công văn.
    """
    best: Owner | None = None
    for m in _DIRECTIVE.finditer(clause):
        lead = fold(clause[max(0, m.start() - 12) : m.start("d")])
        if lead.endswith(("duoc ", "da ", "duoc", "nhiem vu ")):
            continue  # "được giao": passive, not a directive
        if m["d"].lower() == "giao" and re.match(r"ban\s+\w", clause[m.end() :]) and clause[m.end()] == "b":
            continue  # "duy trì giao ban với ...": a briefing; "giao Ban Tuyên giáo" is written in capitals
        if re.search(r"(?:ho so|van ban|to trinh|danh sach|phieu)\s*$", lead):
            continue  # "lập hồ sơ đề nghị thanh tra": a dossier, not a request
        after = DELEGATE.sub("", clause[m.end() :].lstrip(": "), count=1)
        if addressees and re.match(r"^quý\s+\w+", after, re.IGNORECASE):
            best = Owner(addressees, OwnerBy.ADDRESSEE)
            continue
        found = unit_phrase(after)
        if found:
            best = _named(found[0], OwnerBy.DIRECTIVE, addressees)
    if best:
        return best
    subject = _after_prefix(clause)
    found = unit_phrase(subject)
    if not found:
        return None
    led = _LEADS.match(subject[found[1] :])
    if led:
        # "Đảng ủy lãnh đạo Ủy ban nhân dân phường: ban hành ...": the party body leads, the body it
        # leads carries the task; both are named
        under = unit_phrase(subject[found[1] + led.end() :])
        if under:
            return Owner((*under[0], *found[0]), OwnerBy.SUBJECT)
    return _named(found[0], OwnerBy.SUBJECT, addressees)


_LEADS = re.compile(r"^\s*lãnh\s+đạo(?:\s*,\s*chỉ\s+đạo)?\s+", re.IGNORECASE)


# "Đề nghị các đơn vị đăng ký ...": the units a công văn is sent to, named by their kind
_GENERIC = frozenset(
    fold(g)
    for g in ("các đơn vị", "các cơ quan, đơn vị", "các cơ quan, đơn vị, địa phương", "các địa phương", "các cơ quan")
)


def _named(names: tuple[str, ...], by: OwnerBy, addressees: tuple[str, ...]) -> Owner:
    """The owner ``names`` a clause gives; a generic "các đơn vị" stands for the addressees, kept with them."""
    if addressees and len(names) == 1 and fold(names[0]) in _GENERIC:
        return Owner((names[0], *addressees), OwnerBy.ADDRESSEE)
    return Owner(names, by)


def unit_within(text: str) -> tuple[str, ...] | None:
    """The first unit phrase inside ``text``, after the people it names ("lãnh đạo các ban ...")."""
    for m in re.finditer(r"(?:^|\s)(?=\S)", text):
        found = unit_phrase(text[m.end() :])
        if found:
            return found[0]
    return None


def is_topic(heading: str) -> bool:
    """ "Về công tác chuyển đổi số ...: giao Sở X ...": a heading naming a topic, not an owner."""
    return fold(heading).startswith("ve ")


def heading_owner(rest: str) -> Owner | None:
    """The owner a numbered heading names: "Ủy ban nhân dân cấp xã", "Giao Sở X:", "Đề nghị: Hội Y"."""
    t = rest.strip()
    if is_topic(t):
        return None
    # "Nhiệm vụ của Tổ công tác", "Trách nhiệm của các sở, ngành", "Đối với các sở, ban, ngành": the
    # unit after "của" / "đối với"
    duty = (
        r"^(?:(?:nhiệm\s+vụ|trách\s+nhiệm|nhiệm\s+vụ\s+và\s+quyền\s+hạn)\s+(?:của|cho)"
        r"|(?:riêng\s+)?đối\s+với)\s+"
    )
    t = re.sub(duty, "", t, flags=re.IGNORECASE)
    d = starts_with_any(t.lower(), _DIRECTIVES_L)
    if d:
        t = t[len(d) :].lstrip(" :")
    found = unit_phrase(t)
    return Owner(found[0], OwnerBy.SECTION_HEADING) if found else None
