"""documents: versions (same số, ký hiệu and issuer, amended content) and what is no longer in force;
citations: what the citing document does to the cited one

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 18:30:00

- ``documents.version_of_id``: the first version of a document stored in several versions (NULL for
  the first itself and for a document never versioned).
- ``documents.version_no``: 1, 2, ... in the versions' order (document date, then arrival).
- ``documents.superseded_by_id``: set on a document no longer in force: an earlier version (naming
  the current one) or a document another replaces or repeals. NULL for every existing row: all
  stay in force, as they were.
- ``citations.relation``: replaces / amends / corrects / repeals, NULL for a plain citation (every
  existing row: the relation is read when a document is stored).

Plain ALTER TABLE, as in 0002 and 0003: a batch rebuild of ``documents`` on SQLite would cascade its
drop onto every row pointing at it. SQLite takes a REFERENCES clause on ADD COLUMN (the new column
is NULL), so the foreign keys are declared inline there and as constraints elsewhere. No ON DELETE:
SQLite's reflection cannot read one on an added column; the ORM clears the pointers to a deleted
Document (models.schema).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_SELF_KEYS = ("version_of_id", "superseded_by_id")


def _fk_name(column: str) -> str:
    return f"fk_documents_{column}_documents"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column in _SELF_KEYS:
        if sqlite:  # inline REFERENCES: SQLite cannot ALTER TABLE ... ADD CONSTRAINT (nor can Alembic's op)
            op.execute(f"ALTER TABLE documents ADD COLUMN {column} INTEGER REFERENCES documents (id)")
        else:
            op.add_column("documents", sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(_fk_name(column), "documents", "documents", [column], ["id"])
        op.create_index(f"ix_documents_{column}", "documents", [column], unique=False)
    op.add_column("documents", sa.Column("version_no", sa.Integer(), nullable=True))
    op.add_column("citations", sa.Column("relation", sa.String(length=16), nullable=True))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_column("citations", "relation")
    op.drop_column("documents", "version_no")
    for column in reversed(_SELF_KEYS):
        op.drop_index(f"ix_documents_{column}", table_name="documents")
        if not sqlite:
            op.drop_constraint(_fk_name(column), "documents", type_="foreignkey")
        op.drop_column("documents", column)
