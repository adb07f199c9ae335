"""The tables. Names follow the domain: a văn bản is a Document, a cơ quan/đơn vị a Unit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JSON}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


unit_members = Table(
    "unit_members",
    Base.metadata,
    Column("group_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)

obligation_owners = Table(
    "obligation_owners",
    Base.metadata,
    Column("obligation_id", ForeignKey("obligations.id", ondelete="CASCADE"), primary_key=True),
    Column("unit_id", ForeignKey("units.id", ondelete="CASCADE"), primary_key=True),
)


class Document(Base):
    """One official document (văn bản), with what extraction found in it."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(16), index=True)  # QĐ, KH, CV, ... KHAC
    number: Mapped[str | None] = mapped_column(String(32))
    symbol: Mapped[str | None] = mapped_column(String(128))
    reference: Mapped[str | None] = mapped_column(String(160))  # as cited: 4664/KH-UBND
    reference_key: Mapped[str | None] = mapped_column(String(160), index=True)  # spacing/case-free
    issuer: Mapped[str | None] = mapped_column(String(300))
    issuer_key: Mapped[str | None] = mapped_column(String(300), index=True)
    issuer_parent: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(120))
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # first day of what is known
    date_text: Mapped[str | None] = mapped_column(String(10))  # "2025-07" when the day was blank
    subject: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(String(120))
    signer_position: Mapped[str | None] = mapped_column(String(160))
    signer_authority: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str | None] = mapped_column(String(64))  # near-duplicate text detection
    status: Mapped[str] = mapped_column(String(16), default="extracted")  # a pipeline.status.DocumentStatus
    extraction: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the contract record, for tracing
    suspected_duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    # Versions (same số, ký hiệu and issuer, amended content): every version but the first names the
    # first (version_of_id), version_no counts them in order (1 the first, NULL for a document
    # never versioned). superseded_by_id is set on a document no longer in force: an earlier
    # version (pointing at the current one) or a document another one replaces or repeals ("Quyết
    # định này thay thế Quyết định số ..."). Its obligations stay stored but are no longer owed.
    # No ON DELETE here (SQLite's reflection cannot read one on an added column, so the migration
    # could not match it): a deleted Document's versions and the documents it superseded are let go
    # by the ORM, which sets their pointer NULL through the one-to-many sides below.
    version_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    version_no: Mapped[int | None] = mapped_column(Integer)
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    # An annex (Phụ lục, "Kèm theo Quyết định số 123/QĐ-UBND ...") that arrived as a file of its own
    # before the document it belongs to: stored as a document, annex_of_reference naming that one
    # (its reference key, "123/QĐ-UBND"), annex_of_id set once it is stored. No ON DELETE, as above.
    annex_of_reference: Mapped[str | None] = mapped_column(String(160), index=True)
    annex_of_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())
    # The search index is derived data and may lag: a row whose indexed_at is NULL or older than
    # changed_at is "behind" and is fed to the index again (index.documents). changed_at moves on
    # any ORM update of the row; indexed_at is set only after the index commit holding the row.
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)
    indexed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    files: Mapped[list[DocumentFile]] = relationship(back_populates="document", cascade="all, delete-orphan")
    addressees: Mapped[list[Addressee]] = relationship(back_populates="document", cascade="all, delete-orphan")
    citations: Mapped[list[Citation]] = relationship(
        back_populates="document", cascade="all, delete-orphan", foreign_keys="Citation.document_id"
    )
    obligations: Mapped[list[Obligation]] = relationship(
        back_populates="document", cascade="all, delete-orphan", foreign_keys="Obligation.document_id"
    )
    suspected_duplicate_of: Mapped[Document | None] = relationship(
        remote_side=[id], foreign_keys=[suspected_duplicate_of_id]
    )
    version_of: Mapped[Document | None] = relationship(
        remote_side=[id], foreign_keys=[version_of_id], back_populates="later_versions"
    )
    later_versions: Mapped[list[Document]] = relationship(foreign_keys=[version_of_id], back_populates="version_of")
    superseded_by: Mapped[Document | None] = relationship(
        remote_side=[id], foreign_keys=[superseded_by_id], back_populates="supersedes"
    )
    supersedes: Mapped[list[Document]] = relationship(foreign_keys=[superseded_by_id], back_populates="superseded_by")
    annex_of: Mapped[Document | None] = relationship(
        remote_side=[id], foreign_keys=[annex_of_id], back_populates="annexes"
    )
    annexes: Mapped[list[Document]] = relationship(foreign_keys=[annex_of_id], back_populates="annex_of")
    register_entry: Mapped[RegisterEntry | None] = relationship(back_populates="document", uselist=False)


class DocumentFile(Base):
    """A file as received, kept byte for byte in the content-addressed store.

    A file holding several documents (three letters scanned into one PDF) is one DocumentFile per
    document, all pointing at the same stored bytes: ``part`` of ``parts``, on ``pages`` ("3-5").
    The same bytes are one file per part (unique sha256 and part). ``role`` is "annex" for a
    Phụ lục received as a file of its own and attached to its document; NULL for the document itself.
    """

    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("sha256", "part", name="uq_document_files_sha256_part"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    part: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    parts: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    pages: Mapped[str | None] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(String(8))
    size: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(8))
    original_name: Mapped[str] = mapped_column(String(500))
    stored_path: Mapped[str] = mapped_column(String(200))  # relative to the store root
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    document: Mapped[Document] = relationship(back_populates="files")
    signatures: Mapped[list[FileSignature]] = relationship(
        back_populates="file", cascade="all, delete-orphan", order_by="FileSignature.position"
    )


class FileSignature(Base):
    """A digital signature a received file carries (a PDF signed in the e-office system), as read
    when the file was stored: who signed it, for which organisation, when, whether the file is
    intact since, and whether the certificate chain reaches a trust root the office configured
    (NULL: no root configured, "không xác minh được gốc tin cậy")."""

    __tablename__ = "file_signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("document_files.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # order in the file
    field_name: Mapped[str | None] = mapped_column(String(200))
    signer: Mapped[str | None] = mapped_column(String(300))  # the certificate subject's common name
    organisation: Mapped[str | None] = mapped_column(String(300))
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    intact: Mapped[bool | None] = mapped_column(Boolean)  # the signed bytes unchanged since signing
    covers_whole_file: Mapped[bool | None] = mapped_column(Boolean)  # nothing added after the signature
    trusted: Mapped[bool | None] = mapped_column(Boolean)
    summary: Mapped[str | None] = mapped_column(Text)  # the clerk's one line, in Vietnamese

    file: Mapped[DocumentFile] = relationship(back_populates="signatures")


class OcrJob(Base):
    """A scanned file whose text is read by OCR in the background (pipeline.ocr.queue): one row per
    file's bytes, so the same bytes are OCR'd once. ``output_path`` is the OCR'd PDF, relative to
    the home's ``ocr/`` folder, kept so that a re-read never OCRs again."""

    __tablename__ = "ocr_jobs"
    __table_args__ = (Index("ix_ocr_jobs_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(16))  # a pipeline.status.OcrState
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    holder: Mapped[str | None] = mapped_column(String(300))  # host:pid while running
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    pages: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[float | None] = mapped_column(Float)
    output_path: Mapped[str | None] = mapped_column(String(200))
    error: Mapped[str | None] = mapped_column(Text)


class Unit(Base):
    """A cơ quan or đơn vị under its canonical name, with aliases and members (a group's communes)."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)  # folded, abbreviations expanded
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))

    aliases: Mapped[list[UnitAlias]] = relationship(back_populates="unit", cascade="all, delete-orphan")
    members: Mapped[list[Unit]] = relationship(
        secondary=unit_members,
        primaryjoin=lambda: Unit.id == unit_members.c.group_id,
        secondaryjoin=lambda: Unit.id == unit_members.c.member_id,
        backref="groups",
    )
    parent: Mapped[Unit | None] = relationship(remote_side=[id])


class UnitAlias(Base):
    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class Addressee(Base):
    """A unit after Kính gửi, as written, linked to its canonical Unit."""

    __tablename__ = "addressees"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[Document] = relationship(back_populates="addressees")
    unit: Mapped[Unit | None] = relationship()


class Citation(Base):
    """A reference from a document to another, resolved when the cited document is in the corpus."""

    __tablename__ = "citations"
    __table_args__ = (UniqueConstraint("document_id", "reference_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    reference: Mapped[str] = mapped_column(String(160))
    reference_key: Mapped[str] = mapped_column(String(160), index=True)
    kind: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    subject: Mapped[str | None] = mapped_column(Text)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    # What the citing document does to the cited one (a pipeline.status.CitationRelation: replaces,
    # amends, corrects, repeals), NULL for a plain citation ("Căn cứ ...").
    relation: Mapped[str | None] = mapped_column(String(16))

    document: Mapped[Document] = relationship(back_populates="citations", foreign_keys=[document_id])
    target: Mapped[Document | None] = relationship(foreign_keys=[target_id])


class Obligation(Base):
    """A task a document assigns: owners, action, deadline, recurrence, and how it stands."""

    __tablename__ = "obligations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    action: Mapped[str | None] = mapped_column(String(80), index=True)
    recipient: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    recurrence: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="open")  # a pipeline.status.ObligationStatus
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    rule: Mapped[str | None] = mapped_column(String(120))
    span_block: Mapped[int | None] = mapped_column(Integer)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="obligations", foreign_keys=[document_id])
    answered_by: Mapped[Document | None] = relationship(foreign_keys=[answered_by_id])
    owners: Mapped[list[Unit]] = relationship(secondary=obligation_owners)
    # Loaded with the obligation: every answer (owe, calendar, refs) prints the owners.
    written_owners: Mapped[list[ObligationOwner]] = relationship(
        back_populates="obligation",
        cascade="all, delete-orphan",
        order_by="ObligationOwner.position",
        lazy="selectin",
    )

    @property
    def owner_names(self) -> tuple[str, ...]:
        """The owners as the document writes them, in its order ("UBND cấp xã", "Sở Tài chính")."""
        return tuple(o.name for o in self.written_owners)

    @owner_names.setter
    def owner_names(self, names: Iterable[str]) -> None:
        stripped = [n.strip() for n in names]
        self.written_owners = [ObligationOwner(name=n, position=i) for i, n in enumerate(n for n in stripped if n)]

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.recurrence is None and self.due < today


class ObligationOwner(Base):
    """An owner of an obligation as the document writes it ("UBND cấp xã"), at its place in the
    document's order; the canonical units are ``Obligation.owners``. Stored as ``Addressee`` is."""

    __tablename__ = "obligation_owners_written"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(600))  # one name may be as long as a whole sentence's subject
    position: Mapped[int] = mapped_column(Integer, default=0)

    obligation: Mapped[Obligation] = relationship(back_populates="written_owners")


class IngestEntry(Base):
    """The journal of files taken in: one row per distinct file (by content), with its state.

    The inbox watcher writes a row before it touches a file and completes it after, so a process
    killed at any instant leaves either a finished row or one to retry, never a second row.
    """

    __tablename__ = "ingest_journal"
    __table_args__ = (Index("ix_ingest_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    state: Mapped[str] = mapped_column(String(16))  # a pipeline.status.JournalState
    holder_host: Mapped[str | None] = mapped_column(String(255))  # while pending: who works on it
    holder_pid: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[str | None] = mapped_column(String(24))  # once decided: a pipeline.status.IngestStatus
    reason: Mapped[str | None] = mapped_column(Text)  # the human text: why it failed, what it merged with
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # A file that changed after it was taken (a writer we could not see went on) is taken again as
    # a new version: its row names the hash of the version it replaces.
    replaces_sha256: Mapped[str | None] = mapped_column(String(64))


# --- the clerk's follow-through, kept beside what extraction found (never over it) -------------


class Assignment(Base):
    """A document, or one of its obligations, handed to a unit (and a person) with the clerk's
    deadline and ý kiến chỉ đạo. Handing it again adds a row: the latest one is current."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    obligation_id: Mapped[int | None] = mapped_column(ForeignKey("obligations.id", ondelete="CASCADE"), index=True)
    assignee: Mapped[str] = mapped_column(String(300))  # as the clerk typed it: "Phòng Kế hoạch"
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))  # when one matches
    person: Mapped[str | None] = mapped_column(String(120))
    due: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)  # ý kiến chỉ đạo
    actor: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    unit: Mapped[Unit | None] = relationship()


class HandMark(Base):
    """A clerk's verdict on an obligation: done (or open again), for the whole obligation or for one
    member of a group owner, for one occurrence of a recurring task or for all of a one-off one.
    The latest mark for the same (obligation, member, occurrence) is the one that counts."""

    __tablename__ = "hand_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("obligations.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    occurrence: Mapped[dt.date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))  # a pipeline.status.MarkState
    answer_document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

    member: Mapped[Unit | None] = relationship()
    answer_document: Mapped[Document | None] = relationship()


class AuditEntry(Base):
    """Every change a person makes (assign, done, reopen, a correction): who, when, on what, and the
    state before and after as JSON. The object is named as the clerk saw it, so that the row still
    reads after the document is gone."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(24))  # a pipeline.status.AuditAction
    object_kind: Mapped[str] = mapped_column(String(24))  # "document", "obligation"
    object_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: the history outlives the row
    object_label: Mapped[str] = mapped_column(String(300))  # "1234/SKHCN-VP#2"
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# The register's clock: a document's year and ngày đến are those of the office, in Việt Nam.
REGISTER_TIMEZONE = "Asia/Ho_Chi_Minh"
INCOMING_REGISTER = "đến"  # the sổ văn bản đến every received document is entered in by default
REGISTER_ZONE = ZoneInfo(REGISTER_TIMEZONE)


def as_utc(value: dt.datetime) -> dt.datetime:
    """A stored time as an aware UTC time: SQLite hands back the UTC value without its zone."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def register_time(value: dt.datetime) -> dt.datetime:
    """A stored time as the register reads it, in Việt Nam's time."""
    return as_utc(value).astimezone(REGISTER_ZONE)


class RegisterEntry(Base):
    """A line of the sổ đăng ký văn bản đến (Nghị định 30/2020, Điều 22 and Phụ lục IV): the số
    đến a received Document was given, in its register and year.

    Numbers run from 1 in each register each year, in arrival order, with no gap and never reused:
    they are given in the ingest transaction under its write lock (pipeline.ingest.register), and
    the unique constraint keeps two alike out whatever happens. An entry outlives its Document (a
    version taken too early and replaced): its number stays used, the row says why in ``note``.
    The form's Tác giả, Số ký hiệu, Ngày tháng and Tên loại và trích yếu are the Document's own
    columns, read from it (one owner per fact); the rest of the form's columns are here."""

    __tablename__ = "register_entries"
    __table_args__ = (UniqueConstraint("register", "year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), unique=True)
    register: Mapped[str] = mapped_column(String(40), default=INCOMING_REGISTER)  # the sổ
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)  # số đến
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))  # ngày đến: first arrival
    urgency: Mapped[str | None] = mapped_column(String(16))  # a pipeline.status.Urgency; NULL: not read
    secrecy: Mapped[str | None] = mapped_column(String(16))  # a pipeline.status.Secrecy; NULL: not secret
    # Đơn vị hoặc người nhận: empty until the document is handed to someone (assignment fills it,
    # or an answer reads it from the assignment's table instead).
    recipient: Mapped[str | None] = mapped_column(String(300))
    signed_for: Mapped[str | None] = mapped_column(String(160))  # Ký nhận: who signed for it
    note: Mapped[str | None] = mapped_column(Text)  # Ghi chú
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, server_default=func.now())

    document: Mapped[Document | None] = relationship(back_populates="register_entry")
