"""Versions and what is no longer in force, decided in the store step.

- **Same content or another version?** Two files with the same số, ký hiệu and issuer hold the same
  document in two formats (.txt, .docx, .pdf of one text) when what matters is the same: the header
  (kind, date, trích yếu), the deadlines its tasks carry, and the wording. Bytes and layout do not
  matter: a PDF wraps lines, a .docx keeps the two-column header as a table, a portal's text export
  drops the quốc hiệu and adds image captions. So the wording is compared as folded words, outside
  the page frame (quốc hiệu, tiêu ngữ), by what each text says that the other does not: a run of
  ``CHANGED_RUN`` or more words in one with no four-word stretch found in the other is a replaced
  or added paragraph (across the formats of the bundled samples and of 60 generated documents, the
  longest such run is 12 words: a photo caption only the text export has). One deadline moved
  (02/5 → 20/5) is a changed deadline set, however short the edit.
- **Which version is current?** The one the issuer signed last: the latest document date; between
  versions of one date (or when a version has no date to go by), the one that arrived last. The
  date first, because a clerk dropping the old version after the new one (found in a folder, sent
  again by a unit) must not undo the amendment; arrival next, because an amended text re-sent under
  the same date is the one that came to correct the first, and nothing else in the files tells
  them apart (the clerk is told to check it then). Citations of the number then point at the
  current version (refs, reminders and follow-ups go to the text in use).
- **Replaced or repealed by another document** ("Quyết định này thay thế Quyết định số ...", "Bãi bỏ
  ..."; extractors.relations): the cited document is no longer in force once the later one is
  stored, whichever arrives first. Amending (sửa đổi, bổ sung, a part replaced) and correcting
  (đính chính) leave it in force: its tasks stand, the link is shown.

A document no longer in force keeps its rows; ``superseded_by_id`` says why, and the answers (owe,
calendar, ask) leave its obligations out (``in_force``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from extractors.data.frame import MOTTO, NATIONAL_TITLE, PARTY_TITLE
from extractors.relations import extract_relations
from models.schema import Citation, Document
from pipeline.extract import DocumentExtraction
from pipeline.labels import local_day, stored_label
from pipeline.status import CitationRelation, IngestStatus
from pipeline.text import fold

CHANGED_RUN = 15  # words said in one text only: a paragraph replaced (format noise measured: 12)
SHINGLE = 4
_FRAME = (NATIONAL_TITLE, MOTTO, PARTY_TITLE)


def in_force():
    """The SQL clause of a document still in force (no later version, not replaced nor repealed)."""
    return Document.superseded_by_id.is_(None)


# -- same content? ------------------------------------------------------------------------------


def _body_words(text: str) -> list[str]:
    lines = (ln for ln in fold(text).splitlines() if not any(m in ln for m in _FRAME))
    return re.findall(r"\w+", "\n".join(lines))


def _longest_unshared_run(a: list[str], b: list[str]) -> int:
    """The longest run of words of ``a`` none of whose SHINGLE-word stretches occurs in ``b``."""
    seen = {tuple(b[i : i + SHINGLE]) for i in range(max(0, len(b) - SHINGLE + 1))}
    covered = [False] * len(a)
    for i in range(max(0, len(a) - SHINGLE + 1)):
        if tuple(a[i : i + SHINGLE]) in seen:
            covered[i : i + SHINGLE] = [True] * SHINGLE
    best = run = 0
    for c in covered:
        run = 0 if c else run + 1
        best = max(best, run)
    return best


def _deadlines_of_rows(doc: Document) -> set[tuple[str, str]]:
    return {(o.due.isoformat(), o.recurrence or "") for o in doc.obligations if o.due is not None}


def _deadlines_of(ex: DocumentExtraction) -> set[tuple[str, str]]:
    return {(o.value.due.isoformat(), o.value.recurrence or "") for o in ex.obligations if o.value.due is not None}


def content_differs(stored: Document, ex: DocumentExtraction, text: str) -> bool:
    """Whether ``text`` (extracted as ``ex``) says something else than ``stored``: another deadline,
    or a paragraph one of them has and the other has not. Their headers are compared by the caller."""
    if _deadlines_of_rows(stored) != _deadlines_of(ex):
        return True
    a, b = _body_words(stored.text or ""), _body_words(text)
    return _longest_unshared_run(a, b) >= CHANGED_RUN or _longest_unshared_run(b, a) >= CHANGED_RUN


# -- versions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionOutcome:
    status: IngestStatus  # NEW_VERSION (now current) or OLD_VERSION (an earlier one, kept)
    reason: str  # what the clerk is told
    current_id: int


def _received(doc: Document) -> dt.date | None:
    times = [f.received_at for f in doc.files if f.received_at is not None]
    if not times:
        return None
    return min(local_day(t) for t in times)


def _described(doc: Document) -> str:
    """ "bản ngày 15/07/2025, nhận ngày 03/12/2026" """
    parts = [f"bản ngày {doc.date:%d/%m/%Y}" if doc.date else "bản không ghi ngày"]
    if (got := _received(doc)) is not None:
        parts.append(f"nhận ngày {got:%d/%m/%Y}")
    return ", ".join(parts)


def chain_of(session: Session, doc: Document) -> list[Document]:
    """Every version of ``doc`` (itself included), in version order: by document date when every
    version has one, then by arrival (ids grow in the order files are stored, under the ingest lock)."""
    root_id = doc.version_of_id or doc.id
    stmt = select(Document).where(or_(Document.id == root_id, Document.version_of_id == root_id))
    found = list(session.scalars(stmt))
    if doc not in found:
        found.append(doc)
    if all(d.date is not None for d in found):
        return sorted(found, key=lambda d: (d.date, d.id))
    return sorted(found, key=lambda d: d.id)


def place_version(session: Session, doc: Document, earlier: Document) -> VersionOutcome:
    """Make ``doc`` a version of ``earlier``'s document: number the versions, the last current."""
    before = chain_of(session, earlier)
    was_current = before[-1]
    doc.version_of_id = earlier.version_of_id or earlier.id
    session.flush()
    ordered = chain_of(session, doc)
    ids = {d.id for d in ordered}
    current = ordered[-1]
    for i, d in enumerate(ordered, start=1):
        d.version_no = i
        if d is not current:
            d.superseded_by_id = current.id
        elif d.superseded_by_id in ids:
            d.superseded_by_id = None  # it was an earlier version's pointer; another document's stays
    # A citation by number means the document under that number: the version in use now.
    earlier = [d.id for d in ordered if d is not current]
    for c in session.scalars(
        select(Citation).where(Citation.target_id.in_(earlier), Citation.document_id != current.id)
    ):
        c.target_id = current.id
    session.flush()
    ref = doc.reference or stored_label(doc)
    same_day = current.date is not None and any(d is not current and d.date == current.date for d in ordered)
    check = " Hai bản cùng ngày: lấy bản nhận sau làm bản hiện hành, cần kiểm tra." if same_day else ""
    if current is doc:
        reason = f"phiên bản mới của {ref} (thay {_described(was_current)}).{check}"
        return VersionOutcome(IngestStatus.NEW_VERSION, reason, doc.id)
    reason = f"phiên bản cũ của {ref} ({_described(doc)}); bản hiện hành vẫn là {_described(current)}.{check}"
    return VersionOutcome(IngestStatus.OLD_VERSION, reason, current.id)


# -- replaced, amended, corrected by another document ---------------------------------------------


def _not_earlier(later: Document, earlier: Document) -> bool:
    return later.date is None or earlier.date is None or later.date >= earlier.date


def _end(target: Document, by: Document) -> None:
    """``by`` replaces or repeals ``target``: no longer in force (a first reason stays)."""
    if target.id != by.id and target.superseded_by_id is None and _not_earlier(by, target):
        target.superseded_by_id = by.id


def mark_relations(session: Session, doc: Document, text: str) -> None:
    """Read what ``doc`` does to the documents it cites (its citations' relation) and end those it
    replaces or repeals; and end ``doc`` itself if a stored document said it replaces it."""
    relations = {r.value.reference_key: r.value.relation for r in extract_relations(text)}
    for c in doc.citations:
        c.relation = relations.get(c.reference_key)
        if c.relation and CitationRelation(c.relation).ends_target and c.target is not None:
            _end(c.target, doc)
    session.flush()
    ending = [r.value for r in CitationRelation if r.ends_target]
    stmt = select(Citation).where(Citation.target_id == doc.id, Citation.relation.in_(ending))
    for c in session.scalars(stmt.order_by(Citation.id)):
        _end(doc, c.document)
    session.flush()
