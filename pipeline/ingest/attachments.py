"""The files an edXML package carries become more files of its Document.

The .edxml itself is the Document's first file (stored like any other); each attachment is then
kept in the content store byte for byte, as another DocumentFile of the same Document, under the
name its sender gave it (metadata only: the bytes go to the store under their SHA-256, and the
only file written under the sender's name is in a private temporary folder, sanitised:
"../../etc/x.pdf" is written as "x.pdf" there and nowhere else). An attachment whose bytes are
stored already (the same PDF received on its own before) is not stored twice; the note says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.schema import Document, DocumentFile
from pipeline.document import RawDocument
from pipeline.extract import DocumentExtraction
from pipeline.ingest.files import stored_name
from pipeline.ingest.store import ContentStore

_FORMAT_LEN = 8  # DocumentFile.format's width
_NAME_LEN = 500  # DocumentFile.original_name's width


def _format_of(name: str) -> str:
    return Path(name).suffix.lstrip(".").lower()[:_FORMAT_LEN] or "bin"


def store_attachments(
    session: Session, store: ContentStore, doc: Document, raw: RawDocument, received_at: dt.datetime
) -> list[str]:
    """Store ``raw``'s attachments as files of ``doc``; the notes for the ingest result."""
    notes: list[str] = []
    taken = {f.sha256 for f in doc.files}
    with tempfile.TemporaryDirectory(prefix="congvan-edxml-") as tmp:
        for i, att in enumerate(raw.attachments):
            sha = hashlib.sha256(att.data).hexdigest()
            if sha in taken:
                continue  # the same bytes twice in one package: one file
            if session.scalar(select(DocumentFile.document_id).where(DocumentFile.sha256 == sha)) is not None:
                notes.append(f"tệp đính kèm '{att.name}' đã có trong kho")
                continue
            folder = Path(tmp) / str(i)  # one folder each: two attachments may have one name
            folder.mkdir()
            path = folder / att.safe_name
            path.write_bytes(att.data)
            stored = store.put(path, sha)
            taken.add(sha)
            doc.files.append(
                DocumentFile(
                    sha256=sha, size=stored.size, format=_format_of(att.safe_name),
                    original_name=stored_name(att.name)[:_NAME_LEN], stored_path=stored.relpath,
                    received_at=received_at,
                )
            )  # fmt: skip
    return notes


def package_reason(raw: RawDocument, ex: DocumentExtraction, notes: list[str], reason: str | None) -> str | None:
    """An ingest result's reason with what the package's check found (the envelope disagreeing with
    its attachment, an attachment unread); ``reason`` as it was for any other file."""
    if raw.format != "edxml":
        return reason
    parts = [reason] if reason else []
    parts += [w for w in ex.warnings if w not in parts] + notes
    return "; ".join(parts) or None
