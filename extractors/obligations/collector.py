"""The obligation value and the collector every pass adds to: one task is kept once."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from extractors.base import Extracted, Span
from extractors.deadlines import Deadline
from extractors.obligations.owners import Owner
from extractors.obligations.rules import Found
from pipeline.status import Recurrence
from pipeline.text import fold


@dataclass(frozen=True)
class Obligation:
    owners: tuple[str, ...]
    action: str | None
    due: dt.date | None
    recurrence: Recurrence | None
    text: str
    recipient: str | None = None
    partners: tuple[str, ...] = ()


class Collector:
    def __init__(self) -> None:
        self.items: list[Extracted[Obligation]] = []
        self.keys: set[tuple] = set()

    def add(
        self,
        owner: Owner | None,
        action: str | None,
        deadline: Deadline | None,
        text: str,
        span: Span | None,
        found: Found,
        recipient: str | None = None,
        partners: tuple[str, ...] = (),
        unique=None,
        distinct: bool = False,
    ) -> None:
        """Keep one task once. ``distinct``: the caller knows this is a task of its own however like
        the others it reads (the sessions of one conference: "Hội nghị 1 ... ngày 26/11, buổi sáng",
        "Hội nghị 2 ... ngày 26/11, buổi chiều")."""
        if owner is None or not owner.names:
            return
        owners = owner.names
        due = deadline.due if deadline else None
        rec = deadline.recurrence if deadline else None
        k = (tuple(fold(o) for o in owners), due, rec, unique if unique is not None else fold(text)[:80])
        if k in self.keys or (not distinct and self._repeated(owners, due, rec, text)):
            return
        self.keys.add(k)
        ob = Obligation(tuple(owners), action, due, rec, re.sub(r"\s+", " ", text).strip(), recipient, tuple(partners))
        rule = "+".join((found, owner.by, deadline.rule) if deadline else (found, owner.by))
        self.items.append(Extracted(ob, span, rule))

    def _repeated(self, owners, due, rec, text: str) -> bool:
        """The same task said again in other words: a news article repeats its lead ("UBND tỉnh Quảng
        Nam thống nhất tổ chức họp ... vào ngày 18/6" / "UBND tỉnh còn thống nhất tổ chức họp ...")."""
        if due is None and rec is None:
            return False
        keys = [fold(o) for o in owners]
        for item in self.items:
            ob = item.value
            if ob.due != due or ob.recurrence != rec:
                continue
            theirs = [fold(o) for o in ob.owners]
            related = any(a.startswith(b) or b.startswith(a) for a in keys for b in theirs)
            if related and SequenceMatcher(None, fold(ob.text), fold(text)).ratio() >= 0.6:
                return True
        return False
