"""The passes over the body's paragraphs, line by line, over one shared Context.

Each line goes to the invitation being read, then to the open sections, then to the sentences
pass; a line one pass takes whole (an invitee, "- Cơ quan chủ trì: ...") goes no further.
"""

from __future__ import annotations

import re

from extractors.base import Line, TextView
from extractors.data.kinds import kind_of_name
from extractors.obligations import invitations, sections, sentences
from extractors.obligations.clauses import numbering
from extractors.obligations.context import Context, Paragraph, Reading
from extractors.obligations.owners import Owner
from extractors.obligations.rules import OwnerBy
from pipeline.document import BlockKind, Region
from pipeline.text import fold

_RESUME = re.compile(r"^(phu luc\b|[IVX]+\.\s|dieu\s+\d)")


def read_paragraphs(reading: Reading) -> None:
    if reading.default_owners or not reading.executors:
        ctx = Context(reading, Owner(reading.default_owners, OwnerBy.DOCUMENT_DEFAULT))
    else:
        ctx = Context(reading, Owner(reading.executors, OwnerBy.EXECUTORS))
    for ln in body_lines(reading.view):
        kind, rest = numbering(ln.text.strip())
        p = Paragraph(ln, kind, rest)
        if invitations.take(ctx, p) or sections.take(ctx, p):
            continue
        sentences.read(ctx, p)
    sections.close_all(ctx)
    invitations.emit(ctx)


def body_lines(view: TextView) -> list[Line]:
    """Paragraphs of the body, without the Nơi nhận list and the signature; a plan or regulation
    issued with a quyết định follows the signature ("KẾ HOẠCH ... (Ban hành kèm theo ...)") and counts."""
    out = []
    skipping = False
    for ln in view.lines:
        if ln.kind is not BlockKind.PARAGRAPH or ln.region is not Region.BODY:
            continue
        f = fold(ln.text).strip()
        if f.startswith("noi nhan"):
            skipping = True
            continue
        if skipping:
            if not _resumes(ln.text.strip(), f):
                continue
            skipping = False
        out.append(ln)
    return out


def _resumes(text: str, f: str) -> bool:
    """After the signature: an attached plan's title ("KẾ HOẠCH"), "Phụ lục", "I. ...", "Điều 1."."""
    title = text.isupper() and kind_of_name(text) is not None
    return title or bool(_RESUME.match(f if f.startswith(("phu", "dieu")) else text))
