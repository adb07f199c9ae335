"""ocr_jobs: the OCR queue and its stored results; file_signatures: the digital signatures of a file

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 21:00:00

- ``ocr_jobs``: one row per scanned file (by its bytes' SHA-256) whose text is read by OCR in the
  background: queued, running (who, since when), done (pages, seconds, where the OCR'd PDF is kept
  under the home's ``ocr/``) or failed (why, how many tries). The same bytes are never OCR'd twice.
- ``file_signatures``: each digital signature a received file carries (a PDF signed in the
  e-office system): who signed (the certificate's subject), for which organisation, when, whether
  the file is intact since signing and whether the chain reaches a trust root the office set up.

New tables only: nothing existing changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ocr_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sha256", sa.String(length=64), nullable=False, unique=True),
        sa.Column(
            "document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True
        ),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("holder", sa.String(length=300), nullable=True),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("output_path", sa.String(length=200), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
    )
    op.create_index("ix_ocr_jobs_state", "ocr_jobs", ["state"])
    op.create_table(
        "file_signatures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "file_id", sa.Integer(), sa.ForeignKey("document_files.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("field_name", sa.String(length=200), nullable=True),
        sa.Column("signer", sa.String(length=300), nullable=True),
        sa.Column("organisation", sa.String(length=300), nullable=True),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("intact", sa.Boolean(), nullable=True),
        sa.Column("covers_whole_file", sa.Boolean(), nullable=True),
        sa.Column("trusted", sa.Boolean(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("file_signatures")
    op.drop_index("ix_ocr_jobs_state", table_name="ocr_jobs")
    op.drop_table("ocr_jobs")
