"""The tables pass: task tables (Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian).

Each row is a task of its "chủ trì" unit, due by its time cell; the "phối hợp" units are partners.
A merged "Đơn vị chủ trì" (or "Thời gian") cell keeps its text in its first row only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.base import Span, TextView
from extractors.data.grammar import (
    ATTEND,
    MEETING_TIME_LABELS,
    MEMBER_LABELS,
    OWNER_LABELS,
    PARTNER_LABELS,
    TASK_LABELS,
    TIME_LABELS,
)
from extractors.dates import find_full_dates
from extractors.deadlines import Deadline, find_deadlines
from extractors.obligations.clauses import first_verb
from extractors.obligations.collector import Collector
from extractors.obligations.owners import Owner
from extractors.obligations.rules import MEETING, Found, OwnerBy
from extractors.units import distribute
from pipeline.document import Block, BlockKind
from pipeline.text import fold

# "Chủ trì: Sở Tư pháp; phối hợp: Công an tỉnh" in one cell
_CHU_TRI = re.compile(r"chủ\s+trì\s*:\s*(?P<o>[^;\n]+?)(?=\s*(?:;|\n|phối\s+hợp|$))", re.IGNORECASE)


_START_WORDS = ("bat dau", "khoi cong", "tu ngay")
_END_WORDS = ("hoan thanh", "ket thuc", "han ")


@dataclass(frozen=True)
class _Row:
    index: int
    owner: Owner
    task: str
    time: str
    partner: str


def read_tables(view: TextView, col: Collector, ref: dt.date, addressees: tuple[str, ...] = ()) -> None:
    for bi, block in enumerate(view.raw.blocks):
        sessions = _session_columns(block)
        if sessions is not None:
            _read_sessions(block, bi, sessions, col, addressees)
        cols = _task_columns(block)
        if cols is None:
            continue
        for row in _rows(block, cols):
            partners = tuple(distribute(row.partner)) if row.partner else ()
            deadlines = find_deadlines(row.time, ref, cell=True)[:1] if row.time else []
            span = Span(bi, 0, len(row.task), row=row.index, col=cols["task"])
            for d in deadlines or [None]:
                col.add(
                    row.owner,
                    first_verb(row.task),
                    d,
                    row.task,
                    span,
                    Found.TABLE_ROW,
                    partners=partners,
                    unique=("row", bi, row.index),
                )


def _session_columns(block: Block) -> tuple[int, int] | None:
    """(time column, members column) of a meeting's sessions table ("Phiên | Thời gian | Thành phần
    mời | Địa điểm"), None for any other table."""
    if block.kind is not BlockKind.TABLE or len(block.rows) < 2:
        return None
    header = [fold(c) for c in block.rows[0]]
    time = next((i for i, f in enumerate(header) if any(fold(t) == f.strip() for t in MEETING_TIME_LABELS)), None)
    members = next((i for i, f in enumerate(header) if any(fold(m) in f for m in MEMBER_LABELS)), None)
    return (time, members) if time is not None and members is not None else None


def _read_sessions(block: Block, bi: int, cols: tuple[int, int], col: Collector, addressees: tuple[str, ...]) -> None:
    """Each session obliges the units it invites to attend on its day; a unit the công văn is sent to
    is named as in "Kính gửi" ("Hiệu trưởng và 01 cán bộ ... của các trường THPT" → that addressee)."""
    time, members = cols
    for ri, row in enumerate(block.rows[1:], start=1):
        if max(time, members) >= len(row):
            continue
        day = next((d for _, _, d in find_full_dates(row[time])), None)
        if day is None or not row[members].strip():
            continue
        named = tuple(a for a in addressees if _mentions(row[members], a))
        owner = Owner(named, OwnerBy.INVITEES) if named else Owner(tuple(distribute(row[members])), OwnerBy.INVITEES)
        span = Span(bi, 0, len(row[members]), row=ri, col=members)
        deadline = Deadline(day, None, 0, 0, MEETING)
        col.add(owner, ATTEND, deadline, " | ".join(row), span, Found.TABLE_ROW, unique=("row", bi, ri), distinct=True)


def _mentions(cell: str, unit: str) -> bool:
    """Whether ``cell`` names ``unit``: most of the unit's words, beyond its kind, stand in the cell."""
    words = {w for w in fold(unit).split() if w not in ("cac", "va", "cua")}
    have = set(fold(cell).split())
    return bool(words) and len(words & have) >= 0.8 * len(words)


def _task_columns(block: Block) -> dict[str, int] | None:
    """The columns of a task table, None for any other table."""
    if block.kind is not BlockKind.TABLE or len(block.rows) < 2:
        return None
    cols = _columns(block.rows[0])
    return cols if "owner" in cols and "task" in cols else None


def _columns(header: tuple[str, ...]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        f = fold(cell)
        if any(fold(p) in f for p in PARTNER_LABELS):
            cols.setdefault("partner", i)
        elif any(fold(lbl) in f for lbl in OWNER_LABELS):
            cols.setdefault("owner", i)
        elif any(fold(lbl) in f for lbl in TIME_LABELS):
            # "Thời gian bắt đầu | Thời gian hoàn thành": a task is due when it is to be finished
            if any(w in f for w in _START_WORDS):
                cols.setdefault("start", i)
            elif any(w in f for w in _END_WORDS):
                cols["time"] = i
            else:
                cols.setdefault("time", i)
        elif any(fold(lbl) in f for lbl in TASK_LABELS):
            cols.setdefault("task", i)
    if "time" not in cols and "start" in cols:
        cols["time"] = cols["start"]
    return cols


def _rows(block: Block, cols: dict[str, int]) -> Iterator[_Row]:
    """The task rows, merged cells filled from the row above; a group row ("II. HOÀN THIỆN CƠ CHẾ")
    ends a merged run."""
    carried_owner = carried_time = ""
    for ri, row in enumerate(block.rows[1:], start=1):

        def cell(name: str, row=row) -> str:
            i = cols.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        owner, task, time, partner = cell("owner"), cell("task"), cell("time"), cell("partner")
        if not owner and not time and not task:
            continue
        if not owner and not time and not partner:
            carried_owner = carried_time = ""
            continue
        by = OwnerBy.TABLE_COLUMN if owner else OwnerBy.TABLE_MERGED
        owner, time = owner or carried_owner, time or carried_time
        carried_owner, carried_time = owner, time
        m = _CHU_TRI.search(owner)
        if m:
            owner = m["o"]
        if owner and task:
            yield _Row(ri, Owner(tuple(distribute(owner)), by), task, time, partner)
