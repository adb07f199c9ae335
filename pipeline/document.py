"""The contract between readers and extractors: one RawDocument per file.

A reader turns bytes into ordered blocks; extractors never see the file format.
All text is Unicode NFC (see ``pipeline.text.clean``) from the moment it is read.

Layout regions carry what the page shows and plain text loses: an official
document's header is two columns (agency, Số, V/v on the left; quốc hiệu,
tiêu ngữ, place and date on the right) and its signature block is two columns
(Nơi nhận left, signer right). Readers that know the layout (docx tables, PDF
word positions) tag those blocks; readers that do not (plain text) leave BODY,
and extractors must cope with both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    TABLE = "table"
    FOOTNOTE = "footnote"


class Region(StrEnum):
    HEADER_LEFT = "header-left"
    HEADER_RIGHT = "header-right"
    BODY = "body"
    SIGNATURE_LEFT = "signature-left"
    SIGNATURE_RIGHT = "signature-right"


@dataclass(frozen=True)
class NoteRef:
    """A footnote mark inside a paragraph: at ``offset`` in its text, pointing to footnote ``note_id``."""

    offset: int
    note_id: str


@dataclass(frozen=True)
class Block:
    """One paragraph, table or footnote.

    ``text`` holds a paragraph's or footnote's text with hard line breaks kept as
    ``\\n``; ``rows`` holds a table's cells (row by row, column by column, each
    cell's text NFC, paragraphs inside a cell joined by ``\\n``).
    """

    kind: BlockKind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    region: Region = Region.BODY
    page: int | None = None
    notes: tuple[NoteRef, ...] = ()
    note_id: str | None = None  # for FOOTNOTE blocks: the id the NoteRefs point to

    @property
    def is_table(self) -> bool:
        return self.kind is BlockKind.TABLE


@dataclass(frozen=True)
class SignatureInfo:
    """One digital signature a file carries (a PDF signed in the e-office system), as checked when read.

    ``intact``: the signed byte ranges still hash to the signed digest; ``covers_whole_file``: nothing
    was appended after signing; ``trusted``: the certificate chain reaches a trust root the office
    configured (None: no root configured, or the chain could not be built). None everywhere means
    "not known", never "fine"; ``problem`` says in Vietnamese why a signature could not be checked.
    """

    field_name: str | None = None
    signer: str | None = None  # the certificate subject's common name: "Nguyễn Văn An"
    organisation: str | None = None  # O, then OU: "Ủy ban nhân dân tỉnh Quảng Ngãi"
    signed_at: dt.datetime | None = None
    intact: bool | None = None
    covers_whole_file: bool | None = None
    modified_after: bool | None = None  # content changed after signing (not a later signature or form fill)
    trusted: bool | None = None
    problem: str | None = None


@dataclass(frozen=True)
class Attachment:
    """A file a package carries (an edXML envelope's attachment), decoded: ``name`` as the sender
    wrote it (kept as metadata only, never used as a path), ``safe_name`` a bare file name that is
    (no folder, no "..": "../../etc/x.pdf" becomes "x.pdf"), ``data`` the bytes byte for byte."""

    name: str
    safe_name: str
    content_type: str | None
    description: str | None
    data: bytes
    main: bool = False  # the one read for the text


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns: the document's blocks in reading order, its pages and metadata.

    ``attachments``: the files a package carries beside the one it was read from (edXML), for the
    store step to keep as more files of the same document."""

    source: str
    format: str  # "txt", "docx", "pdf", "edxml"; "doc", "rtf", "odt", "html" (read through LibreOffice)
    blocks: tuple[Block, ...]
    pages: int = 1
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    signatures: tuple[SignatureInfo, ...] = ()  # a signed PDF's digital signatures, in file order
    attachments: tuple[Attachment, ...] = ()

    def footnotes(self) -> dict[str, str]:
        return {b.note_id: b.text for b in self.blocks if b.kind is BlockKind.FOOTNOTE and b.note_id}

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.PARAGRAPH]

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.TABLE]

    @property
    def text(self) -> str:
        """The whole text in reading order (tables as tab-separated rows), for search and debugging."""
        parts: list[str] = []
        for b in self.blocks:
            if b.kind is BlockKind.TABLE:
                parts.extend("\t".join(c.replace("\n", " ") for c in row) for row in b.rows)
            else:
                parts.append(b.text)
        return "\n".join(parts)
