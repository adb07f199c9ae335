"""An edXML envelope's header fields, checked against what the attached document says.

The sending system fills the envelope from its own register (QCVN 102:2016): Code is the số and
ký hiệu it gave the document, From/OrganName its issuer, PromulgationInfo its place and date,
SignerInfo who signed. The attached file often is the draft the number was written into by hand
or stamped on later ("Số: /SKHCN-VP", "ngày   tháng 7 năm 2025"), so the envelope fills what the
file leaves blank. Where both give a value and they disagree, the envelope's is kept (it is what
the sender registered) and the disagreement is said, for the clerk to check:
"số trong gói edXML (123/UBND-VP) khác số trong tệp đính kèm (124/UBND-VP)". Where they agree, the
file's own value is kept with its span, so that the same document received as a bare .pdf is
still recognised as the same. Lists (To, ToPlaces) only fill: a Nơi nhận block carries "Như
trên" and "Lưu: VT" that no envelope lists, so two lists differing says nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from extractors.base import Extracted
from extractors.data.kinds import kind_of_name
from extractors.dates import PartialDate, valid
from extractors.header import Header
from extractors.parties import Addressee, Signer
from extractors.references import Reference, parse_header_number
from extractors.references import key as ref_key
from extractors.units import unit_key
from pipeline.text import fold

RULE = "edxml"
_SAME_SUBJECT = 0.85
_YMD = re.compile(r"^\s*((?:19|20|21)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[\sT])")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20|21)\d\d)(?:$|\s)")
_AUTHORITY = re.compile(r"^\s*(KT|TM|TL|TUQ|Q)\b\.?\s*(.*)$", re.IGNORECASE)
# A party document's ký hiệu names its kind before the slash ("KH/TU"); a state one does not.
_PARTY_NOTATION = re.compile(r"^[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ]")


@dataclass(frozen=True)
class Envelope:
    """The header an envelope gives, each value with the element it came from as its rule."""

    reference: Extracted[Reference] | None = None
    issuer: Extracted[str] | None = None
    place: Extracted[str] | None = None
    date: Extracted[PartialDate] | None = None
    doc_type: Extracted[str] | None = None
    subject: Extracted[str] | None = None
    signer: Extracted[Signer] | None = None
    addressees: tuple[Extracted[Addressee], ...] = ()
    recipients: tuple[Extracted[str], ...] = ()
    due: dt.date | None = None
    document_id: str | None = None
    attachments: tuple[str, ...] = ()


def _x(value, element: str):
    return Extracted(value, None, f"{RULE}.{element}") if value else None


def parse_date(text: str | None) -> PartialDate | None:
    """ "2025/07/15", "2025-07-15T00:00:00", "15/07/2025" -> PartialDate; None for anything else."""
    if not text:
        return None
    if m := _YMD.match(text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _DMY.match(text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    return PartialDate(y, mo, d) if valid(y, mo, d) else None


def parse_code(number: str | None, notation: str | None) -> Reference | None:
    """Code's CodeNumber and CodeNotation as a Reference: "123" + "UBND-VP" -> 123/UBND-VP,
    "02" + "KH/TU" -> 02-KH/TU (party), "22" + "2013/QĐ-TTg" -> 22/2013/QĐ-TTg. A notation that
    holds the whole reference ("123/UBND-VP") is read as it is; anything not read whole is None."""
    notation = (notation or "").strip().strip("/-")
    number = (number or "").strip()
    if not notation:
        return None
    if not number or notation.startswith(number + "/") or notation.startswith(number + "-"):
        text = notation
    elif _PARTY_NOTATION.match(notation):
        text = f"{number}-{notation}"
    else:
        text = f"{number}/{notation}"
    found = parse_header_number(f"Số: {text}")
    if found is None or ref_key(found[0].text) != ref_key(text):
        return None
    return found[0]


def _signer(fields: Mapping) -> Signer | None:
    name, position, competence = fields.get("FullName"), fields.get("Position"), fields.get("Competence")
    if not (name or position):
        return None
    authority = head = None
    if competence and (m := _AUTHORITY.match(competence)):
        authority = m[1].upper() if m[1].upper() != "Q" else None
        head = m[2] or None
    return Signer(name, position, authority, head)


def read_envelope(fields: Mapping | None) -> Envelope | None:
    """The Envelope of the fields ``pipeline.readers.edxml`` read; None when there are none."""
    if not fields:
        return None
    issuer = (fields.get("From") or {}).get("OrganName")
    to = [o["OrganName"] for o in fields.get("To") or () if o.get("OrganName")]
    due = parse_date(fields.get("DueDate"))
    return Envelope(
        reference=_x(parse_code(fields.get("CodeNumber"), fields.get("CodeNotation")), "Code"),
        issuer=_x(issuer, "From.OrganName"),
        place=_x(fields.get("Place"), "PromulgationInfo.Place"),
        date=_x(parse_date(fields.get("PromulgationDate")), "PromulgationInfo.PromulgationDate"),
        doc_type=_x(kind_of_name(fields.get("TypeName") or ""), "DocumentType.TypeName"),
        subject=_x(fields.get("Subject"), "Subject"),
        signer=_x(_signer(fields), "SignerInfo"),
        addressees=tuple(Extracted(Addressee(n), None, f"{RULE}.To") for n in dict.fromkeys(to)),
        recipients=tuple(Extracted(p, None, f"{RULE}.ToPlaces") for p in fields.get("ToPlaces") or ()),
        due=due.first_day() if due else None,
        document_id=fields.get("DocumentId"),
        attachments=tuple(fields.get("Attachments") or ()),
    )


# -- agreeing or not ------------------------------------------------------------------------------


def _same_reference(env: Reference, own: Reference) -> bool:
    """The same số and ký hiệu; a file whose number is blank ("Số: /UBND-VP") agrees with any
    number under the same ký hiệu."""
    if ref_key(env.text) == ref_key(own.text):
        return True
    return own.number is None and ref_key(env.symbol) == ref_key(own.symbol)


def _same_unit(a: str, b: str) -> bool:
    """One agency, however written: "Sở KH&CN" and "SỞ KHOA HỌC VÀ CÔNG NGHỆ", or one name with its
    province after it ("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")."""
    ka, kb = unit_key(a), unit_key(b)
    return ka == kb or ka.startswith(kb + " ") or kb.startswith(ka + " ")


def _same_date(env: PartialDate, own: PartialDate) -> bool:
    """The same day; a file's blank day or month ("ngày   tháng 7 năm 2025") agrees with any."""
    return (
        env.year == own.year
        and (own.month is None or own.month == env.month)
        and (own.day is None or own.day == env.day)
    )


def _same_text(a: str, b: str) -> bool:
    fa, fb = " ".join(fold(a).split()), " ".join(fold(b).split())
    return fa == fb or SequenceMatcher(None, fa, fb).ratio() >= _SAME_SUBJECT


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _dmy(d: PartialDate) -> str:
    parts = [f"{d.day:02d}" if d.day else None, f"{d.month:02d}" if d.month else None, str(d.year)]
    return "/".join(p for p in parts if p)


def _checked(label, env, own, same, show, notes: list[str], fuller=lambda _env, _own: False):
    """The value a field keeps: the file's when both agree (the envelope's if ``fuller``: the file's
    number or day left blank), the envelope's when the file has none or they disagree (noted)."""
    if env is None:
        return own
    if own is None:
        return env
    if same(env.value, own.value):
        return env if fuller(env.value, own.value) else own
    notes.append(f"{label} trong gói edXML ({show(env.value)}) khác {label} trong tệp đính kèm ({show(own.value)})")
    return env


def _kind(env: Extracted[str] | None, own: Extracted[str], notes: list[str]) -> Extracted[str]:
    """A file's kind read from its title or its V/v is its own word; one only guessed (a ký hiệu, a
    frame with no title) gives way to the envelope's without a word."""
    if env is None or env.value == own.value:
        return own
    if own.rule.startswith(("kind:title", "kind:v/v")):
        notes.append(f"loại văn bản trong gói edXML ({env.value}) khác loại văn bản trong tệp đính kèm ({own.value})")
    return env


def check_header(header: Header, env: Envelope) -> tuple[Header, list[str]]:
    """``header`` with the envelope's values where the file has none or disagrees, and the notes."""
    notes: list[str] = []
    blank_number = lambda _env, own: own.number is None  # noqa: E731
    reference = _checked("số", env.reference, header.reference, _same_reference, lambda r: r.text, notes, blank_number)
    issuer = _checked("cơ quan ban hành", env.issuer, header.issuer, _same_unit, str, notes)
    place = _checked("nơi ban hành", env.place, header.place, _same_text, str, notes)
    blank_day = lambda _env, own: own.day is None  # noqa: E731
    date = _checked("ngày ban hành", env.date, header.date, _same_date, _dmy, notes, blank_day)
    subject = _checked("trích yếu", env.subject, header.subject, _same_text, _short, notes)
    doc_type = _kind(env.doc_type, header.doc_type, notes)
    official = header.official or any(x is not None for x in (env.reference, env.issuer, env.date))
    changed = dataclasses.replace(
        header, official=official, reference=reference, issuer=issuer, place=place, date=date,
        subject=subject, doc_type=doc_type,
    )  # fmt: skip
    return changed, notes


def _same_signer(env: Signer, own: Signer) -> bool:
    if env.name and own.name:
        return fold(env.name) == fold(own.name)
    return bool(env.position and own.position) and fold(env.position or "") == fold(own.position or "")


def check_parties(
    env: Envelope,
    signer: Extracted[Signer] | None,
    addressees: tuple[Extracted[Addressee], ...],
    recipients: tuple[Extracted[str], ...],
) -> tuple[Extracted[Signer] | None, tuple, tuple, list[str]]:
    """The signer checked like a header field; Kính gửi and Nơi nhận filled from To and ToPlaces
    only where the file has none."""
    notes: list[str] = []
    show = lambda s: s.name or s.position or ""  # noqa: E731
    signer = _checked("người ký", env.signer, signer, _same_signer, show, notes)
    return signer, addressees or env.addressees, recipients or env.recipients, notes
