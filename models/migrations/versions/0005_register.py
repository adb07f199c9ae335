"""the sổ văn bản đến: a register entry (số đến, ngày đến, độ khẩn, độ mật) per received document

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 18:30:00

- ``register_entries``: one row per received Document, numbered from 1 in each register and year
  (unique on register, year, number), with the columns of Nghị định 30/2020 Phụ lục IV that are
  not the Document's own (Đơn vị hoặc người nhận, Ký nhận, Ghi chú: empty).
- The documents already stored are entered in the sổ "đến" in arrival order (the first of their
  files' ``received_at``, the document's ``created_at`` for one without a file; ties by id), each
  year numbered from 1 in Việt Nam's time. Their độ khẩn and độ mật are left NULL ("not read"):
  a migration does not run the extractors (models import nothing of ours); the store step fills
  them from the stored text (pipeline.ingest.register.fill_marks) on the next write.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# As models.schema.REGISTER_TIMEZONE and INCOMING_REGISTER when this was written: a migration is a
# snapshot, and must number the same way whatever the models say later.
_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
_REGISTER = "đến"


def _utc(value) -> dt.datetime:
    if isinstance(value, str):  # SQLite hands back text when read without the ORM's types
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def upgrade() -> None:
    op.create_table(
        "register_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("register", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=True),
        sa.Column("secrecy", sa.String(length=16), nullable=True),
        sa.Column("recipient", sa.String(length=300), nullable=True),
        sa.Column("signed_for", sa.String(length=160), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id"),
        sa.UniqueConstraint("register", "year", "number"),
    )
    _number_stored_documents()


def _number_stored_documents() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT d.id, d.created_at, MIN(f.received_at) FROM documents d "
            "LEFT JOIN document_files f ON f.document_id = d.id GROUP BY d.id, d.created_at"
        )
    ).all()
    arrivals = sorted((_utc(first or created), doc_id) for doc_id, created, first in rows if first or created)
    entries = sa.table(
        "register_entries",
        sa.column("document_id", sa.Integer), sa.column("register", sa.String), sa.column("year", sa.Integer),
        sa.column("number", sa.Integer), sa.column("received_at", sa.DateTime(timezone=True)),
    )  # fmt: skip
    counters: dict[int, int] = {}
    values = []
    for received, doc_id in arrivals:
        year = received.astimezone(_ZONE).year
        counters[year] = counters.get(year, 0) + 1
        values.append(
            {"document_id": doc_id, "register": _REGISTER, "year": year, "number": counters[year],
             "received_at": received}
        )  # fmt: skip
    if values:
        bind.execute(entries.insert(), values)


def downgrade() -> None:
    op.drop_table("register_entries")
