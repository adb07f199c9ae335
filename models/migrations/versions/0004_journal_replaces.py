"""the journal row of a re-taken file names the hash it replaces

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 14:30:00

- ``ingest_journal.replaces_sha256``: a file that changed after it was taken (a writer on a network
  share that the watcher could not see, going on after the file was moved to processed/) is
  ingested again as a new version; the new row names the SHA-256 of the version it replaces, so the
  journal keeps both hashes. NULL for every existing row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ingest_journal", sa.Column("replaces_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    op.drop_column("ingest_journal", "replaces_sha256")
