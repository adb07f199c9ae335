"""the clerk's follow-through: assignments, hand marks and the audit log

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:20:00

- ``assignments``: a document or one obligation handed to a unit (as typed, matched to a Unit when
  one exists) and a person, with the clerk's due date and ý kiến chỉ đạo, who and when.
- ``hand_marks``: an obligation marked done (or open again) by hand, for one member of a group
  owner and/or one occurrence of a recurring task, with the answering document if given.
- ``audit_log``: every change a person makes, with who, when, what and before/after as JSON.

New tables only: ``obligations.status`` as extraction and follow-up linking store it stays as is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("obligation_id", sa.Integer(), sa.ForeignKey("obligations.id", ondelete="CASCADE"), nullable=True),
        sa.Column("assignee", sa.String(length=300), nullable=False),
        sa.Column("unit_id", sa.Integer(), sa.ForeignKey("units.id", ondelete="SET NULL"), nullable=True),
        sa.Column("person", sa.String(length=120), nullable=True),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_assignments_document_id", "assignments", ["document_id"])
    op.create_index("ix_assignments_obligation_id", "assignments", ["obligation_id"])
    op.create_table(
        "hand_marks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("obligation_id", sa.Integer(), sa.ForeignKey("obligations.id", ondelete="CASCADE"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("units.id", ondelete="SET NULL"), nullable=True),
        sa.Column("occurrence", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column(
            "answer_document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_hand_marks_obligation_id", "hand_marks", ["obligation_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("object_kind", sa.String(length=24), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("object_label", sa.String(length=300), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index("ix_hand_marks_obligation_id", table_name="hand_marks")
    op.drop_table("hand_marks")
    op.drop_index("ix_assignments_obligation_id", table_name="assignments")
    op.drop_index("ix_assignments_document_id", table_name="assignments")
    op.drop_table("assignments")
