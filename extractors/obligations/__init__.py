"""Obligations: who must do what, by when, how often.

A document assigns tasks in a few shapes, each read by its own pass:
- sections: numbered sections whose heading names the owner ("1. Ủy ban nhân dân cấp xã" and dashes
  under it), and "Cơ quan chủ trì: ... / Thời gian thực hiện: ..." blocks under a numbered task;
- sentences: sentences that name the owner ("Giao Sở X chủ trì ...", "Đề nghị các doanh nghiệp ... báo
  cáo ...", "UBND tỉnh Thanh Hóa khẩn trương báo cáo ... trước ngày 01 tháng 12 năm 2025");
- invitations: a giấy mời's invitees and its "Thời gian:", a meeting named in running text;
- tables: task tables (Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian).
The owner is never a "phối hợp" unit nor a unit after a preposition (báo cáo *về* Sở X). Each
obligation's rule names its pass and why it has its owner (rules.py).
"""

from __future__ import annotations

import datetime as dt

from extractors.base import Extracted, TextView
from extractors.obligations.collector import Collector, Obligation
from extractors.obligations.context import Reading
from extractors.obligations.owners import Owner, owner_in, unit_phrase
from extractors.obligations.paragraphs import read_paragraphs
from extractors.obligations.rules import Found, OwnerBy
from extractors.obligations.tables import read_tables

__all__ = ["Found", "Obligation", "Owner", "OwnerBy", "extract_obligations", "owner_in", "unit_phrase"]


def extract_obligations(
    view: TextView,
    ref_date: dt.date,
    default_owners: tuple[str, ...] = (),
    doc_date: dt.date | None = None,
    executors: tuple[str, ...] = (),
) -> list[Extracted[Obligation]]:
    """``doc_date`` (the document's own date, when known) drops one-off dates before it: a báo cáo
    recounting what was done "trong Quý IV năm 2025" assigns nothing. ``executors``: who a
    quyết định's closing article charges, the owners of its items when nobody else is named."""
    col = Collector()
    read_paragraphs(Reading(view, col, ref_date, default_owners, doc_date, executors))
    read_tables(view, col, ref_date, default_owners)
    return col.items
