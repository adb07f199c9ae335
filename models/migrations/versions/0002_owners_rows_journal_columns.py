"""owners as rows; the journal's holder and result in their own columns

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 12:00:00

- ``obligation_owners_written``: one row per owner of an obligation as the document writes it,
  with its position; filled from ``obligations.owner_text`` ("UBND cấp xã; Sở Tài chính", split
  on ";" and stripped, empty parts dropped), which is then dropped.
- ``ingest_journal``: ``holder_host`` and ``holder_pid`` (who works on a pending file) and
  ``result`` (the ingest's status) leave ``reason`` to the human text. A pending row's reason
  "đang xử lý / in progress: host=may-a pid=4242" becomes holder may-a, 4242 and no reason; a
  decided one's "merged: cùng văn bản với #3 / same document" becomes result ``merged`` and that
  reason; a failed one keeps its reason, with result ``failed``.

Columns are added and dropped with plain ALTER TABLE (SQLite ≥ 3.35 drops a column in place):
a batch rebuild of ``obligations`` would drop the old table, and with foreign keys on SQLite
would cascade that drop onto the rows that point at it (its owners, its unit links).
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_HOLDER_RX = re.compile(r"host=(?P<host>\S+) pid=(?P<pid>\d+)")
_HOLDER_TAG = "đang xử lý / in progress: host={host} pid={pid}"
_STATUSES = ("added", "merged", "duplicate", "suspected-duplicate", "needs-ocr", "failed")

obligations = sa.table("obligations", sa.column("id", sa.Integer), sa.column("owner_text", sa.String))
owners = sa.table(
    "obligation_owners_written",
    sa.column("obligation_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("position", sa.Integer),
)
journal = sa.table(
    "ingest_journal",
    sa.column("id", sa.Integer),
    sa.column("state", sa.String),
    sa.column("reason", sa.Text),
    sa.column("holder_host", sa.String),
    sa.column("holder_pid", sa.Integer),
    sa.column("result", sa.String),
)


def upgrade() -> None:
    op.create_table(
        "obligation_owners_written",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("obligation_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=600), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["obligation_id"], ["obligations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_obligation_owners_written_obligation_id", "obligation_owners_written", ["obligation_id"], unique=False
    )
    _owners_to_rows(op.get_bind())
    op.drop_column("obligations", "owner_text")

    op.add_column("ingest_journal", sa.Column("holder_host", sa.String(length=255), nullable=True))
    op.add_column("ingest_journal", sa.Column("holder_pid", sa.Integer(), nullable=True))
    op.add_column("ingest_journal", sa.Column("result", sa.String(length=24), nullable=True))
    _journal_to_columns(op.get_bind())


def _owners_to_rows(bind) -> None:
    rows = []
    for ob_id, text in bind.execute(sa.select(obligations.c.id, obligations.c.owner_text)):
        names = [p.strip() for p in (text or "").split(";") if p.strip()]
        rows += [{"obligation_id": ob_id, "name": n, "position": i} for i, n in enumerate(names)]
    if rows:
        bind.execute(owners.insert(), rows)


def _journal_to_columns(bind) -> None:
    for row_id, state, reason in bind.execute(sa.select(journal.c.id, journal.c.state, journal.c.reason)).all():
        values = _split_reason(state, reason)
        if values:
            bind.execute(journal.update().where(journal.c.id == row_id).values(**values))


def _split_reason(state: str, reason: str | None) -> dict:
    if state == "pending":
        m = _HOLDER_RX.search(reason or "")
        return {"holder_host": m["host"], "holder_pid": int(m["pid"]), "reason": None} if m else {}
    if state == "failed":
        return {"result": "failed"}
    status, _, detail = (reason or "").partition(": ")
    if status not in _STATUSES:
        return {}
    return {"result": status, "reason": detail or None}


def downgrade() -> None:
    bind = op.get_bind()
    # NOT NULL needs a default to be added in place; the rows get their text right after.
    op.add_column("obligations", sa.Column("owner_text", sa.String(length=600), nullable=False, server_default=""))
    names: dict[int, list[str]] = {}
    for ob_id, name in bind.execute(
        sa.select(owners.c.obligation_id, owners.c.name).order_by(owners.c.obligation_id, owners.c.position)
    ):
        names.setdefault(ob_id, []).append(name)
    for ob_id, written in names.items():
        bind.execute(obligations.update().where(obligations.c.id == ob_id).values(owner_text="; ".join(written)))
    op.drop_index("ix_obligation_owners_written_obligation_id", table_name="obligation_owners_written")
    op.drop_table("obligation_owners_written")

    rows = bind.execute(
        sa.select(
            journal.c.id, journal.c.state, journal.c.reason, journal.c.holder_host, journal.c.holder_pid
        ).add_columns(journal.c.result)
    ).all()
    for row_id, state, reason, host, pid, result in rows:
        bind.execute(
            journal.update()
            .where(journal.c.id == row_id)
            .values(reason=_joined_reason(state, reason, host, pid, result))
        )
    op.drop_column("ingest_journal", "result")
    op.drop_column("ingest_journal", "holder_pid")
    op.drop_column("ingest_journal", "holder_host")


def _joined_reason(state: str, reason: str | None, host: str | None, pid: int | None, result: str | None) -> str | None:
    if state == "pending":
        return _HOLDER_TAG.format(host=host, pid=pid) if host is not None else reason
    if state == "failed" or not result:
        return reason
    return result + (f": {reason}" if reason else "")
