"""documents: when the search index last took each document (indexed_at) and when it last changed

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 14:00:00

- ``changed_at``: when the row last changed (set by the ORM on every update); filled from
  ``created_at`` for the rows there are.
- ``indexed_at``: when an index commit holding the document succeeded; NULL for every existing
  row, so the first watcher (or ``congvan reindex``) after the upgrade feeds them all to the index
  again: nothing says they were in it.

Plain ALTER TABLE, as in 0002: a batch rebuild of ``documents`` on SQLite would cascade its drop
onto every row pointing at it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("documents", sa.Column("indexed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index("ix_documents_indexed_at", "documents", ["indexed_at"], unique=False)
    documents = sa.table("documents", sa.column("created_at", sa.DateTime), sa.column("changed_at", sa.DateTime))
    op.get_bind().execute(documents.update().values(changed_at=documents.c.created_at))


def downgrade() -> None:
    op.drop_index("ix_documents_indexed_at", table_name="documents")
    op.drop_column("documents", "indexed_at")
    op.drop_column("documents", "changed_at")
