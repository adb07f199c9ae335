"""The generator's two views of a document: what it says (the ground truth) and how it is laid out.

The layout is format-neutral: the .docx, .pdf and .txt writers render the same ``Layout``, so a
document reads the same whichever format it was written in. Sizes are points.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# -- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    note: str | None = None  # a footnote whose mark follows this run


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    align: str = "justify"  # "left", "center", "justify"
    indent: bool = True  # first-line indent (body paragraphs)
    size: float = 14.0
    before: float | None = None  # space before, points; None: the document's paragraph spacing
    keep: bool = False  # keep with the next paragraph (headings)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


RULE = Para((), align="center", indent=False, before=0)  # a short horizontal line under the line above it
RULE_FULL = Para((), align="center", indent=False, before=0, keep=True)  # as wide as the line above (tiêu ngữ)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    header_rows: int = 1
    bold_rows: frozenset[int] = frozenset()  # group rows ("I", "1" with a heading)
    size: float = 12.0


Block = Para | Table


@dataclass
class Layout:
    header_left: list[Para] = field(default_factory=list)
    header_right: list[Para] = field(default_factory=list)
    title: list[Para] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    sign_left: list[Para] = field(default_factory=list)
    sign_right: list[Para] = field(default_factory=list)
    appendix: list[Block] = field(default_factory=list)
    spacing: float = 6.0  # between body paragraphs: NĐ 30/2020 asks for at least 6 pt
    header_split: float = 0.42  # the header table's left column, as a fraction of the text width

    def before(self, para: Para) -> float:
        return self.spacing if para.before is None else para.before


# -- ground truth --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    number: str | None  # None: left blank (a draft)
    symbol: str
    party: bool = False
    year: int | None = None  # legal documents: 12/2024/QĐ-UBND

    @property
    def text(self) -> str:
        num = self.number or ""
        if self.party:
            return f"{num}-{self.symbol}"
        year = f"/{self.year}" if self.year else ""
        return f"{num}{year}/{self.symbol}"


@dataclass(frozen=True)
class Citation:
    reference: str
    doc_type: str
    date: dt.date | None
    issuer: str | None
    subject: str | None = None
    doc_id: str | None = None  # the generated document cited, None when outside the corpus

    def record(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "doc_type": self.doc_type,
            "date": self.date.isoformat() if self.date else None,
            "issuer": self.issuer,
            "in_corpus": self.doc_id is not None,
            "id": self.doc_id,
        }


@dataclass(frozen=True)
class Duty:
    owners: tuple[str, ...]  # as written
    owner_ids: tuple[str, ...]  # agencies of the world the owners stand for (groups expanded)
    action: str | None
    due: dt.date | None
    recurrence: str | None
    text: str
    form: str  # how the deadline is written ("date", "quarter", "yearly", "cell", ...): for analysis
    shape: str  # how the task is written ("giao", "section", "block", "table", "invite", ...)

    def record(self) -> dict[str, Any]:
        return {
            "owner": list(self.owners),
            "owner_ids": list(self.owner_ids),
            "action": self.action,
            "due": self.due.isoformat() if self.due else None,
            "recurrence": self.recurrence,
            "form": self.form,
            "shape": self.shape,
            "text": self.text,
        }


@dataclass
class Doc:
    id: str
    kind: str  # contract abbreviation: CV, KH, QĐ, BC, TB, GM, CT, NQ, HD
    role: str  # directive, plan, decision, notice, invitation, report, reminder
    ref: Ref
    issuer_id: str
    issuer: str  # the lower header line in full words (the contract's issuer)
    issuer_parent: str | None
    issuer_full: str  # unambiguous: "Sở Tài chính tỉnh Quảng Ngãi"
    place: str
    date: dt.date
    day_blank: bool  # a draft: "ngày   tháng 7 năm 2025"
    subject: str
    topic: str
    addressees: list[str] = field(default_factory=list)
    signer: dict[str, Any] | None = None
    citations: list[Citation] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    answers: str | None = None  # id of the directive this reports on
    reminds: str | None = None  # id of the directive this chases
    implements: str | None = None  # id of the superior's document this carries out
    # dates the text gives that are no new obligation: a reminder repeating the deadline it chases
    # ("restated:trước ngày 30/4/2025"), a report saying when a meeting was held ("held:2025-04-15")
    distractors: list[str] = field(default_factory=list)
    layout: Layout = field(default_factory=Layout)
    file: str = ""
    format: str = ""

    @property
    def reference(self) -> str:
        return self.ref.text

    @property
    def ref_date(self) -> dt.date:
        """The date a reader can see: a draft's blank day reads as the first of its month."""
        return self.date.replace(day=1) if self.day_blank else self.date

    def iso_date(self) -> str:
        return f"{self.date.year:04d}-{self.date.month:02d}" if self.day_blank else self.date.isoformat()

    def record(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "id": self.id,
            "role": self.role,
            "doc_type": self.kind,
            "number": self.ref.number,
            "symbol": self.ref.symbol,
            "reference": self.reference,
            "issuer": self.issuer,
            "issuer_parent": self.issuer_parent,
            "issuer_full": self.issuer_full,
            "issuer_id": self.issuer_id,
            "place": self.place,
            "date": self.iso_date(),
            "subject": self.subject,
            "topic": self.topic,
            "addressees": self.addressees,
            "signer": self.signer,
            "citations": [c.record() for c in self.citations],
            "obligations": [d.record() for d in self.duties],
            "answers": self.answers,
            "reminds": self.reminds,
            "implements": self.implements,
            "distractors": self.distractors,
        }
