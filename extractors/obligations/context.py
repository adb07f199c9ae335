"""What the paragraphs read so far say about the next task: the open sections, the document's
owner, the invitation being read. The passes over the paragraphs share this one state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extractors.base import Line, TextView
from extractors.obligations.collector import Collector
from extractors.obligations.owners import Owner
from extractors.obligations.rules import OwnerBy


@dataclass(frozen=True)
class Reading:
    """What every pass reads against: the document, where tasks go, the dates deadlines are read by."""

    view: TextView
    col: Collector
    ref: dt.date
    default_owners: tuple[str, ...]  # the addressees (a báo cáo: its issuer)
    doc_date: dt.date | None
    executors: tuple[str, ...] = ()  # a quyết định's closing article, when it has no addressees


@dataclass(frozen=True)
class Paragraph:
    """One body line split into its numbering ("1.", "a)", "-") and the rest."""

    line: Line
    kind: str | None
    rest: str

    @property
    def heading(self) -> bool:
        """Numbered ("1.", "II.", "a)", "Điều 2."), not a dash item."""
        return self.kind is not None and self.kind != "dash"


@dataclass
class Section:
    """A numbered heading still open: the dashes and sub-sections under it are its items."""

    rank: int
    owner: Owner | None  # the unit the heading names: "2. Ủy ban nhân dân cấp xã"
    title: str
    line: Line
    block_owner: str | None = None  # "- Cơ quan chủ trì: Sở Tư pháp." under the heading
    block_time: str | None = None  # "- Thời gian thực hiện: Quý III/2026." after it


@dataclass
class Invitation:
    """A giấy mời as read so far: who is invited, and the day of the meeting."""

    invitees: list[str] = field(default_factory=list)
    collecting: bool = False  # under "... trân trọng kính mời:", each dash is an invitee
    # the day of each session: "Hội nghị 1 ... Thời gian: ngày 26/11", "Hội nghị 2 ... ngày 27/11"
    meetings: list[tuple[dt.date, Line]] = field(default_factory=list)
    # a schedule of sessions under the invitees: "1. Buổi sáng, thứ Ba, ngày 14/10/2025: Đoàn làm việc với Sở Y tế"
    sessions: list[tuple[dt.date, Line]] = field(default_factory=list)


@dataclass
class Context:
    reading: Reading
    doc_owner: Owner  # who takes a task nobody is named for
    sections: list[Section] = field(default_factory=list)  # outermost first
    invitation: Invitation = field(default_factory=Invitation)
    # the unit the last naming sentence named, and the outermost section it was named in:
    # "1. Báo cáo tuần / Các cơ quan, đơn vị gửi ..." then "4. Báo cáo năm / - Báo cáo năm gửi trước ..."
    carried: Owner | None = None
    carried_in: Section | None = None

    def carry(self, owner: Owner) -> None:
        self.carried, self.carried_in = owner, self.sections[0] if self.sections else None

    def carried_owner(self) -> Owner | None:
        """The unit an earlier sentence named, while still inside the same outermost section."""
        here = self.sections[0] if self.sections else None
        if self.carried is None or here is not self.carried_in:
            return None
        return Owner(self.carried.names, OwnerBy.CARRIED)

    def section_owner(self) -> Owner | None:
        """The owner named by the innermost open heading that names one."""
        return next((s.owner for s in reversed(self.sections) if s.owner and s.owner.names), None)

    def in_block(self) -> bool:
        """Under a task block's "Cơ quan chủ trì:" line."""
        return bool(self.sections) and self.sections[-1].block_owner is not None
