"""Follow-ups: a report that answers a directive, a reminder that chases one.

A later document that cites a directive and is issued by one of the owners of an open obligation
in it answers that obligation ("Thực hiện Công văn số 1260/UBND-KGVX ..., Sở Nội vụ báo cáo ...").
A later document from the directive's own issuer that cites it with chasing phrases ("đến nay một
số xã chưa báo cáo", "đôn đốc") is a reminder of it. Reminders are not stored: they follow from the
citations and the text, so they are computed when asked for.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from extractors.units import unit_key
from models.schema import Citation, Document, Obligation, Unit
from pipeline.status import ObligationStatus
from pipeline.text import fold

# Phrases (regexes over folded text) by which a document chases an earlier one.
REMINDER_PATTERNS: tuple[str, ...] = (
    r"\bden nay\b.{0,80}?\bchua\s+(?:co\s+)?(?:bao cao|gui|nop|thuc hien|hoan thanh|trien khai|cap nhat)",
    r"\bchua nhan duoc\b.{0,60}?\b(?:bao cao|van ban|y kien)",
    r"\bdon doc\b",
    r"\bnhac lai\b",
    r"\bnhac nho\b",
    r"\bkhan truong\s+(?:bao cao|gui|nop|hoan thanh|thuc hien|trien khai|cap nhat)",
    r"\bqua han\b.{0,60}?\bchua\b",
)
_REMINDER_RX = tuple(re.compile(p) for p in REMINDER_PATTERNS)

# Actions a report answers. When an owner has several open tasks in the directive, a report from
# it closes these first; the others (e.g. "triển khai") stay open until someone says otherwise.
RESPONSE_ACTIONS: tuple[str, ...] = ("báo cáo", "gửi", "nộp", "đề xuất", "cập nhật", "tổng hợp", "góp ý")


def is_reminder_text(text: str) -> bool:
    f = " ".join(fold(text).split())
    return any(rx.search(f) for rx in _REMINDER_RX)


def is_reminder(document: Document) -> bool:
    return is_reminder_text(f"{document.subject or ''}\n{document.text or ''}")


def _issuer_keys(session: Session, document: Document) -> set[str]:
    """The issuer's canonical key and its aliases' keys (a Sở may be stored under "Sở KH&CN")."""
    found = {k for k in (document.issuer_key, unit_key(document.issuer) if document.issuer else None) if k}
    if found:
        stmt = select(Unit).where(Unit.key.in_(found)).options(selectinload(Unit.aliases))
        for u in session.scalars(stmt):
            found |= {a.key for a in u.aliases}
    return found


def _owner_keys(ob: Obligation) -> set[str]:
    if ob.owners:
        return {k for u in ob.owners for k in (u.key, *(a.key for a in u.aliases))}
    return {unit_key(name) for name in ob.owner_names}


def _not_earlier(later: Document, earlier: Document) -> bool:
    """Undated documents get the benefit of the doubt; a dated one must not precede what it answers."""
    return later.date is None or earlier.date is None or later.date >= earlier.date


def cited_documents(session: Session, document: Document) -> list[Document]:
    """The stored documents ``document`` cites (resolved citations, or matched by reference key)."""
    out: dict[int, Document] = {}
    unresolved = []
    for c in sorted(document.citations, key=lambda c: c.id):
        if c.target is not None:
            out.setdefault(c.target.id, c.target)
        else:
            unresolved.append(c.reference_key)
    if unresolved:
        stmt = select(Document).where(Document.reference_key.in_(unresolved)).order_by(Document.id)
        for d in session.scalars(stmt):
            if d.reference_key in unresolved and all(o.reference_key != d.reference_key for o in out.values()):
                out.setdefault(d.id, d)
    out.pop(document.id, None)
    return list(out.values())


# Kinds of document that answer by nature, whoever they are addressed to and whatever they say.
REPORT_KINDS: tuple[str, ...] = ("BC",)


def _addressee_keys(document: Document) -> set[str]:
    keys: set[str] = set()
    for a in document.addressees:
        if a.unit is not None:
            keys |= {a.unit.key, *(al.key for al in a.unit.aliases)}
        keys.add(unit_key(a.name))
    return keys


def _answers(session: Session, document: Document, directive: Document, ob: Obligation) -> bool:
    """Does ``document`` (issued by one of ``ob``'s owners, citing ``directive``) answer ``ob``?

    A report does. A reminder does not: it chases others, even when it cites the directive as its
    basis. Any other document does when it goes back to whoever asked (the directive's issuer or the
    obligation's recipient); one sent elsewhere ("Kính gửi: UBND các xã") only passes the task on.
    Without addressees on record, the citation and the issuer are all there is to go on.
    """
    if (document.kind or "").upper() in REPORT_KINDS:
        return True
    if is_reminder(document):
        return False
    sent_to = _addressee_keys(document)
    if not sent_to:
        return True
    asked_by = _issuer_keys(session, directive)
    if ob.recipient:
        asked_by.add(unit_key(ob.recipient))
    return bool(sent_to & asked_by)


def _is_reply(ob: Obligation) -> bool:
    return fold(ob.action or "") in {fold(a) for a in RESPONSE_ACTIONS}


def link_followups(session: Session, document: Document) -> list[Obligation]:
    """Mark "answered" the open obligations ``document`` answers, and return them.

    An obligation owned by a group ("UBND cấp xã") is not answered by one member's report: every
    commune owes it, so only a document from the group itself (as keyed) closes it.
    """
    issuer = _issuer_keys(session, document)
    if not issuer:
        return []
    answered: list[Obligation] = []
    for directive in cited_documents(session, document):
        if not _not_earlier(document, directive):
            continue
        owned = [ob for ob in directive.obligations if _owner_keys(ob) & issuer]
        # Chosen among all the owner's tasks, open or not, so that answering again does not spill
        # over onto the tasks a report does not answer.
        replies = [ob for ob in owned if _is_reply(ob)]
        for ob in replies or owned:
            if ob.status == ObligationStatus.OPEN and _answers(session, document, directive, ob):
                ob.status = ObligationStatus.ANSWERED
                ob.answered_by = document
                answered.append(ob)
    session.flush()
    return answered


def _dated(docs: list[Document]) -> list[Document]:
    return sorted(docs, key=lambda d: (d.date or dt.date.max, d.id))


def reminders_of(session: Session, document: Document) -> list[Document]:
    """Later documents from ``document``'s own issuer that cite it and chase it."""
    issuer = _issuer_keys(session, document)
    if not issuer:
        return []
    clause = Citation.target_id == document.id
    if document.reference_key:
        clause = or_(clause, Citation.reference_key == document.reference_key)
    citing_ids = set(session.scalars(select(Citation.document_id).where(clause)))
    citing_ids.discard(document.id)
    if not citing_ids:
        return []
    citing = session.scalars(select(Document).where(Document.id.in_(citing_ids)))
    return _dated(
        [d for d in citing if _not_earlier(d, document) and issuer & _issuer_keys(session, d) and is_reminder(d)]
    )


def reminded(session: Session, document: Document) -> list[Document]:
    """The earlier documents ``document`` is a reminder of (the other direction of reminders_of)."""
    if not is_reminder(document):
        return []
    issuer = _issuer_keys(session, document)
    return _dated(
        [
            d
            for d in cited_documents(session, document)
            if _not_earlier(document, d) and issuer & _issuer_keys(session, d)
        ]
    )


def member_replies(session: Session, directive: Document, ob: Obligation, members: list[Unit]) -> dict[int, Document]:
    """The members of a group owner of ``ob`` who have answered it: {member id: its earliest later
    document citing ``directive`` that answers ``ob`` as ``link_followups`` decides (a report, or a
    reply sent back to whoever asked)}. ``link_followups`` closes a group's task only on the group's
    own report; this says member by member who has answered and who has not."""
    # As link_followups chooses: a report closes the owner's reply tasks ("báo cáo", "gửi") first.
    groups = {u.id for u in ob.owners}
    replies = [o for o in directive.obligations if {u.id for u in o.owners} & groups and _is_reply(o)]
    if replies and ob not in replies:
        return {}
    keys = {m.id: {m.key, *(a.key for a in m.aliases)} for m in members}
    clause = Citation.target_id == directive.id
    if directive.reference_key:
        clause = or_(clause, Citation.reference_key == directive.reference_key)
    citing_ids = set(session.scalars(select(Citation.document_id).where(clause))) - {directive.id}
    if not citing_ids:
        return {}
    found: dict[int, Document] = {}
    for doc in _dated(list(session.scalars(select(Document).where(Document.id.in_(citing_ids))))):
        if not _not_earlier(doc, directive):
            continue
        issuer = _issuer_keys(session, doc)
        for member_id, own in keys.items():
            if member_id not in found and issuer & own and _answers(session, doc, directive, ob):
                found[member_id] = doc
    return found
