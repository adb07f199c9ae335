"""Every status congvan stores or reports, in one place, with its Vietnamese label.

The values are the strings stored in the database and printed by ``congvan extract``; a StrEnum
compares equal to its value, so rows written before this module existed read back unchanged.
Labels are what a clerk sees (CLI and web alike); nothing else in the code spells them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IngestStatus(StrEnum):
    """What happened to one file handed to the ingestor."""

    ADDED = "added"
    MERGED = "merged"  # the same document in another format: one more file of a Document
    DUPLICATE = "duplicate"  # the same bytes again
    SUSPECTED_DUPLICATE = "suspected-duplicate"  # same số + ký hiệu + issuer, an unrelated text
    NEW_VERSION = "new-version"  # same số + ký hiệu + issuer, amended content: now the current version
    OLD_VERSION = "old-version"  # an earlier version arriving after a later one: kept, not current
    NEEDS_OCR = "needs-ocr"
    FAILED = "failed"

    @property
    def label(self) -> str:
        return _INGEST_LABELS[self]


_INGEST_LABELS = {
    IngestStatus.ADDED: "đã thêm",
    IngestStatus.MERGED: "cùng văn bản, thêm định dạng",
    IngestStatus.DUPLICATE: "đã có, trùng",
    IngestStatus.SUSPECTED_DUPLICATE: "nghi trùng số",
    IngestStatus.NEW_VERSION: "phiên bản mới",
    IngestStatus.OLD_VERSION: "phiên bản cũ",
    IngestStatus.NEEDS_OCR: "cần OCR",
    IngestStatus.FAILED: "lỗi",
}


class FileRole(StrEnum):
    """What a stored file is to its Document, beyond being the document itself (NULL)."""

    ANNEX = "annex"  # a Phụ lục received as a file of its own ("Kèm theo Quyết định số ...")

    @property
    def label(self) -> str:
        return _FILE_ROLE_LABELS[self]


_FILE_ROLE_LABELS = {FileRole.ANNEX: "phụ lục"}


class DocumentStatus(StrEnum):
    """How a stored Document was read."""

    EXTRACTED = "extracted"
    NEEDS_OCR = "needs_ocr"  # a scan: kept, its text still to be read
    FAILED = "failed"

    @property
    def label(self) -> str:
        return _DOCUMENT_LABELS[self]


_DOCUMENT_LABELS = {
    DocumentStatus.EXTRACTED: "đã đọc",
    DocumentStatus.NEEDS_OCR: "chờ OCR",
    DocumentStatus.FAILED: "lỗi",
}


class OcrState(StrEnum):
    """Where a scan is in the OCR queue (pipeline.ocr.queue)."""

    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"  # tried MAX_ATTEMPTS times: the file is kept, a clerk looks at it

    @property
    def label(self) -> str:
        return _OCR_LABELS[self]


_OCR_LABELS = {
    OcrState.QUEUED: "chờ OCR",
    OcrState.RUNNING: "đang OCR",
    OcrState.DONE: "đã OCR",
    OcrState.FAILED: "OCR lỗi",
}


class ObligationStatus(StrEnum):
    """How a task stands. A changed status is an update of the same calendar event (SEQUENCE)."""

    OPEN = "open"
    ANSWERED = "answered"  # a report from its owner cites the directive
    DONE = "done"

    @property
    def label(self) -> str:
        return _OBLIGATION_LABELS[self]

    @property
    def sequence(self) -> int:
        """RFC 5545 SEQUENCE: calendar programs take the event with the higher one."""
        return list(ObligationStatus).index(self)


_OBLIGATION_LABELS = {
    ObligationStatus.OPEN: "chưa xong",
    ObligationStatus.ANSWERED: "đã báo cáo",
    ObligationStatus.DONE: "đã xong",
}


class TrackingState(StrEnum):
    """How a task stands for the clerk: derived (pipeline.answers.tracking.obligation_state) from
    what extraction and follow-up linking stored, the clerk's assignments and hand marks, and the
    due date against today. Never stored on the obligation."""

    NEW = "new"  # nobody has it yet
    IN_PROGRESS = "in_progress"  # handed to a unit (congvan assign)
    OVERDUE = "overdue"  # past its due date and not closed
    ANSWERED = "answered"  # a report from its owner cites the directive
    DONE = "done"  # marked done by hand (congvan done)

    @property
    def label(self) -> str:
        return _TRACKING_LABELS[self]

    @property
    def closed(self) -> bool:
        return self in (TrackingState.ANSWERED, TrackingState.DONE)


_TRACKING_LABELS = {
    TrackingState.NEW: "chưa xử lý",
    TrackingState.IN_PROGRESS: "đang xử lý",
    TrackingState.OVERDUE: "quá hạn",
    TrackingState.ANSWERED: _OBLIGATION_LABELS[ObligationStatus.ANSWERED],
    TrackingState.DONE: _OBLIGATION_LABELS[ObligationStatus.DONE],
}


class MarkState(StrEnum):
    """A clerk's hand mark on an obligation (models.schema.HandMark.state)."""

    DONE = "done"
    OPEN = "open"  # opened again (congvan reopen): overrides a mark or a citing report


class AuditAction(StrEnum):
    """What a person changed (models.schema.AuditEntry.action)."""

    ASSIGN = "assign"
    DONE = "done"
    REOPEN = "reopen"
    CORRECT = "correct"  # a clerk's correction of what was extracted

    @property
    def label(self) -> str:
        return _AUDIT_LABELS[self]


_AUDIT_LABELS = {
    AuditAction.ASSIGN: "giao xử lý",
    AuditAction.DONE: "đánh dấu xong",
    AuditAction.REOPEN: "mở lại",
    AuditAction.CORRECT: "sửa",
}


class CitationRelation(StrEnum):
    """What a document does to one it cites, when it says so ("Quyết định này thay thế Quyết định
    số ..."). A plain citation ("Căn cứ ...", "Thực hiện ...") has none (NULL in the database)."""

    REPLACES = "replaces"  # thay thế: the cited document is no longer in force
    AMENDS = "amends"  # sửa đổi, bổ sung; or a part replaced or repealed ("bãi bỏ Điều 3 của ...")
    CORRECTS = "corrects"  # đính chính: errors corrected, the cited document stays in force
    REPEALS = "repeals"  # bãi bỏ, hủy bỏ, thu hồi: the cited document is no longer in force

    @property
    def label(self) -> str:
        return _RELATION_LABELS[self]

    @property
    def passive_label(self) -> str:
        """How the cited document's side reads it: "bị thay thế bởi"."""
        return _RELATION_PASSIVE[self]

    @property
    def ends_target(self) -> bool:
        """Whether the cited document's obligations are no longer owed once this one is stored."""
        return self in (CitationRelation.REPLACES, CitationRelation.REPEALS)


_RELATION_LABELS = {
    CitationRelation.REPLACES: "thay thế",
    CitationRelation.AMENDS: "sửa đổi, bổ sung",
    CitationRelation.CORRECTS: "đính chính",
    CitationRelation.REPEALS: "bãi bỏ",
}
_RELATION_PASSIVE = {
    CitationRelation.REPLACES: "bị thay thế bởi",
    CitationRelation.AMENDS: "được sửa đổi, bổ sung bởi",
    CitationRelation.CORRECTS: "được đính chính bởi",
    CitationRelation.REPEALS: "bị bãi bỏ bởi",
}


class JournalState(StrEnum):
    """A file's row in the inbox journal: pending → processed | failed | duplicate."""

    PENDING = "pending"
    PROCESSED = "processed"
    FAILED = "failed"
    DUPLICATE = "duplicate"

    @property
    def finished(self) -> bool:
        return self is not JournalState.PENDING

    @property
    def label(self) -> str:
        return _JOURNAL_LABELS[self]


_JOURNAL_LABELS = {
    JournalState.PENDING: "đang xử lý",
    JournalState.PROCESSED: "đã nhập",
    JournalState.FAILED: "lỗi",
    JournalState.DUPLICATE: "trùng, đã có",
}


@dataclass(frozen=True)
class _Step:
    label: str
    months: int  # months between occurrences; 0 for day steps
    days: int  # days between occurrences; 0 for month steps
    freq: str  # RFC 5545 FREQ
    interval: int  # RFC 5545 INTERVAL


class Recurrence(StrEnum):
    """How often a recurring task comes back ("hằng tháng", "6 tháng một lần", "hằng năm")."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        return _STEPS[self].label

    @property
    def months(self) -> int:
        return _STEPS[self].months

    @property
    def days(self) -> int:
        return _STEPS[self].days

    @property
    def rrule(self) -> tuple[str, int]:
        """(FREQ, INTERVAL) of the RFC 5545 RRULE."""
        return _STEPS[self].freq, _STEPS[self].interval


_STEPS = {
    Recurrence.DAILY: _Step("hằng ngày", 0, 1, "DAILY", 1),
    Recurrence.WEEKLY: _Step("hằng tuần", 0, 7, "WEEKLY", 1),
    Recurrence.MONTHLY: _Step("hằng tháng", 1, 0, "MONTHLY", 1),
    Recurrence.QUARTERLY: _Step("hằng quý", 3, 0, "MONTHLY", 3),
    Recurrence.SEMIANNUAL: _Step("6 tháng một lần", 6, 0, "MONTHLY", 6),
    Recurrence.YEARLY: _Step("hằng năm", 12, 0, "YEARLY", 1),
}


def label_of(enum: type[StrEnum], value: str | None) -> str:
    """The Vietnamese label of a stored value, or the value itself when it is not one we know."""
    if not value:
        return ""
    try:
        return enum(value).label  # type: ignore[attr-defined]
    except ValueError:
        return value


class Urgency(StrEnum):
    """Độ khẩn of a document (Nghị định 30/2020, Điều 8 and Phụ lục I): the mark under its số, ký
    hiệu. A document read with no mark is ``NORMAL``; one not read (a scan) has none stored."""

    NORMAL = "thuong"
    URGENT = "khan"
    VERY_URGENT = "thuong_khan"
    FLASH = "hoa_toc"

    @property
    def label(self) -> str:
        return _URGENCY_LABELS[self]


_URGENCY_LABELS = {
    Urgency.NORMAL: "thường",
    Urgency.URGENT: "khẩn",
    Urgency.VERY_URGENT: "thượng khẩn",
    Urgency.FLASH: "hỏa tốc",
}


class Secrecy(StrEnum):
    """Độ mật of a document (Luật Bảo vệ bí mật nhà nước 2018): none stored for a document that is
    not secret."""

    CONFIDENTIAL = "mat"
    SECRET = "toi_mat"
    TOP_SECRET = "tuyet_mat"

    @property
    def label(self) -> str:
        return _SECRECY_LABELS[self]


_SECRECY_LABELS = {
    Secrecy.CONFIDENTIAL: "mật",
    Secrecy.SECRET: "tối mật",
    Secrecy.TOP_SECRET: "tuyệt mật",
}
