"""The sections pass: numbered headings that name the owner of the items under them.

"1. Sở Tài chính" / "- Chủ trì tham mưu bố trí kinh phí ..." : Sở Tài chính owns each dash.
"1. Số hóa hồ sơ hộ tịch" / "- Cơ quan chủ trì: Sở Tư pháp." / "- Thời gian thực hiện: 2026-2027.":
a task block, owned by its "chủ trì" (never its "phối hợp") and due by its "Thời gian".
"""

from __future__ import annotations

import re

from extractors.base import Span
from extractors.data.grammar import OUTPUT_LABELS, OWNER_LABELS, PARTNER_LABELS, TIME_LABELS
from extractors.deadlines import find_deadlines
from extractors.obligations.clauses import RANK, action, first_verb, label, recipient
from extractors.obligations.context import Context, Paragraph, Reading, Section
from extractors.obligations.owners import Owner, heading_owner
from extractors.obligations.rules import Found, OwnerBy
from extractors.units import distribute


def take(ctx: Context, p: Paragraph) -> bool:
    """Open the section a heading starts; read a task block's labels. True when the line is only a label."""
    if p.heading:
        _open(ctx, p)
    if p.kind == "dash" and ctx.sections:
        return _block_label(ctx.sections[-1], p.rest)
    return False


def close_all(ctx: Context) -> None:
    while ctx.sections:
        _close(ctx.reading, ctx.sections.pop())


def undated_item(ctx: Context, p: Paragraph, clause: str, span: Span | None) -> bool:
    """A dash or lettered item without a date under a heading that names its owner, opening with a verb:
    "1. Sở Tài chính" / "- Hướng dẫn các đơn vị thanh quyết toán kinh phí theo quy định." True when added."""
    owner = ctx.section_owner()
    if p.kind not in ("dash", "letter") or owner is None:
        return False
    verb = first_verb(clause)
    if not verb:
        return False
    ctx.reading.col.add(owner, verb, None, clause, span, Found.SECTION_ITEM, recipient=recipient(clause))
    return True


def _open(ctx: Context, p: Paragraph) -> None:
    rank = RANK[p.kind or ""]
    while ctx.sections and ctx.sections[-1].rank >= rank:
        _close(ctx.reading, ctx.sections.pop())
    ctx.sections.append(Section(rank, heading_owner(p.rest), p.rest, p.line))


def _block_label(section: Section, rest: str) -> bool:
    """ "- Cơ quan chủ trì: ...", "- Thời gian thực hiện: ..." (after a chủ trì), "- Cơ quan phối hợp: ...",
    "- Sản phẩm: ...": the labels of a task block, no task of their own."""
    owner = label(rest, OWNER_LABELS, unless=PARTNER_LABELS)
    if owner:
        section.block_owner = owner
        return True
    time = label(rest, TIME_LABELS)
    if time and section.block_owner is not None:
        section.block_time = time
        return True
    return bool(label(rest, PARTNER_LABELS) or label(rest, OUTPUT_LABELS))


def _close(reading: Reading, section: Section) -> None:
    """A task block ends with its section: its heading is the task."""
    if not section.block_owner:
        return
    owner = Owner(tuple(distribute(section.block_owner)), OwnerBy.BLOCK_LABEL)
    deadlines = find_deadlines(section.block_time, reading.ref, cell=True)[:1] if section.block_time else []
    title = re.sub(r"[:.]\s*$", "", section.title)
    ln = section.line
    span = reading.view.span(ln.offset, ln.offset + len(ln.text))
    for d in deadlines or [None]:
        reading.col.add(
            owner,
            action(title[:40]) or first_verb(title),
            d,
            title,
            span,
            Found.BLOCK,
            unique=("block", ln.block),
        )
