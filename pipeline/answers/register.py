"""The sổ đăng ký văn bản đến as an answer: its lines for a year or a month, in số đến order.

The columns are those of Nghị định 30/2020, Phụ lục IV (mẫu sổ đăng ký văn bản đến): Ngày đến, Số
đến, Tác giả, Số ký hiệu, Ngày tháng, Tên loại và trích yếu nội dung, Đơn vị hoặc người nhận, Ký
nhận, Ghi chú. Plain dataclasses out: the command line prints them, writes them as a workbook, a
web page shows them the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from extractors.data.kinds import KINDS
from models.schema import INCOMING_REGISTER, REGISTER_ZONE, RegisterEntry, register_time
from pipeline.deadline import NO_DEADLINE, Deadline
from pipeline.labels import partial_date
from pipeline.status import Secrecy, Urgency

# The form's columns, in its order and words (Phụ lục IV).
COLUMNS: tuple[str, ...] = (
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu",
    "Ngày tháng",
    "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận",
    "Ký nhận",
    "Ghi chú",
)
REGISTER_TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
UNREAD = "cần kiểm tra"  # what a mark not read (a scan) shows: nothing is said that is not known

_NAMES: dict[str, str] = {}
for _name, _abbr in KINDS:
    _NAMES.setdefault(_abbr, _name[0].upper() + _name[1:])
# "CTr" also stands for a chương trình hành động; "TTr" is a tờ trình or a thông tri: the form
# gets the plain word, or none, rather than a wrong one.
_NAMES.update({"CV": "Công văn", "CTr": "Chương trình", "TTr": ""})


def kind_name(kind: str | None) -> str:
    """The kind in words, as the form's "Tên loại" writes it: "Kế hoạch", "Công văn"; "" for a
    document whose kind is not one of Nghị định 30's (KHAC) or unknown."""
    return _NAMES.get(kind or "", "")


def marks_text(urgency: str | None, secrecy: str | None) -> str:
    """ "hỏa tốc", "khẩn, mật"; "" for an ordinary document; "cần kiểm tra" when not read."""
    if urgency is None:
        return UNREAD
    parts = [Urgency(urgency).label] if urgency != Urgency.NORMAL else []
    if secrecy:
        parts.append(Secrecy(secrecy).label)
    return ", ".join(parts)


@dataclass(frozen=True)
class RegisterRow:
    """One line of the register."""

    number: int  # số đến
    received_at: dt.datetime  # ngày đến, in Việt Nam's time
    issuer: str | None  # tác giả
    reference: str | None  # số, ký hiệu
    date: dt.date | None
    date_text: str | None
    kind: str | None
    subject: str | None
    recipient: str | None  # đơn vị hoặc người nhận: empty until assigned
    signed_for: str | None
    note: str | None
    urgency: str | None  # a pipeline.status.Urgency value; None: not read
    secrecy: str | None
    document_id: int | None  # for links and --debug; None when the document was removed

    @property
    def received_text(self) -> str:
        return f"{self.received_at:%d/%m/%Y}"

    @property
    def date_shown(self) -> str:
        return partial_date(self.date, self.date_text) if self.date else ""

    @property
    def title(self) -> str:
        """Tên loại và trích yếu nội dung: "Kế hoạch: Chuyển đổi số năm 2025"."""
        name, subject = kind_name(self.kind), (self.subject or "").strip()
        return f"{name}: {subject}" if name and subject else name or subject

    @property
    def marks(self) -> str:
        return marks_text(self.urgency, self.secrecy)

    @property
    def remarks(self) -> str:
        """Ghi chú: the clerk's note, with the độ khẩn/độ mật a register notes beside the line."""
        parts = [p for p in (self.marks, self.note) if p]
        return "; ".join(parts)


@dataclass
class RegisterBook:
    register: str
    year: int | None
    month: int | None
    rows: list[RegisterRow]

    @property
    def period(self) -> str:
        """ "năm 2025", "tháng 07/2025", or "" for the whole register."""
        if self.year and self.month:
            return f"tháng {self.month:02d}/{self.year}"
        return f"năm {self.year}" if self.year else ""


def row_of(entry: RegisterEntry) -> RegisterRow:
    doc = entry.document
    return RegisterRow(
        number=entry.number,
        received_at=register_time(entry.received_at),
        issuer=doc.issuer if doc else None,
        reference=doc.reference if doc else None,
        date=doc.date if doc else None,
        date_text=doc.date_text if doc else None,
        kind=doc.kind if doc else None,
        subject=doc.subject if doc else None,
        recipient=entry.recipient,
        signed_for=entry.signed_for,
        note=entry.note,
        urgency=entry.urgency,
        secrecy=entry.secrecy,
        document_id=entry.document_id,
    )


def _month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime(year, month, 1, tzinfo=REGISTER_ZONE)
    end = dt.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=REGISTER_ZONE)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def register_book(
    session: Session,
    year: int | None = None,
    month: int | None = None,
    register: str = INCOMING_REGISTER,
    deadline: Deadline = NO_DEADLINE,
) -> RegisterBook:
    """The lines of ``register`` for ``year`` (or one ``month`` of it; every year when neither is
    given), by year then số đến."""
    stmt = select(RegisterEntry).where(RegisterEntry.register == register)
    if year is not None:
        stmt = stmt.where(RegisterEntry.year == year)
    if year is not None and month is not None:
        start, end = _month_bounds(year, month)
        stmt = stmt.where(RegisterEntry.received_at >= start, RegisterEntry.received_at < end)
    stmt = stmt.order_by(RegisterEntry.year, RegisterEntry.number).options(selectinload(RegisterEntry.document))
    rows: list[RegisterRow] = []
    for entry in session.scalars(stmt):
        deadline.check()
        rows.append(row_of(entry))
    return RegisterBook(register, year, month, rows)
