"""document_files: a file holding several documents, an annex attached to its document;
documents: an annex stored before the document it belongs to

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 10:00:00

- ``document_files.part`` / ``parts`` (1 of 1 for every existing row) and ``pages`` ("3-5"): three
  letters scanned into one PDF are three Documents, each with a DocumentFile pointing at the same
  stored bytes. The unique ``sha256`` becomes unique (``sha256``, ``part``), and ``sha256`` keeps
  an index of its own (the duplicate check looks bytes up by it).
- ``document_files.role``: "annex" for a Phụ lục received as a file of its own and attached to the
  document it names; NULL (the document itself) for every existing row.
- ``documents.annex_of_reference`` / ``annex_of_id``: an annex that came before its document,
  stored as a document of its own, naming that one's reference key until it is stored.

The constraint change rebuilds ``document_files`` on SQLite (batch mode: SQLite cannot drop a
constraint in place; 0001 left it unnamed, so the batch names it by a naming convention to drop
it). The rebuild drops the old table, and with foreign keys on (models.db turns them on; a PRAGMA
cannot turn them off inside the migration's transaction) that drop cascades onto
``file_signatures``: its rows are kept aside and put back, with the same file ids the rebuild
keeps. The new ``documents`` columns are plain ALTER TABLE, as in 0007, for the same reason
(a rebuild of ``documents`` would cascade onto every row pointing at it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_OLD_UNIQUE = "uq_document_files_sha256"
_NEW_UNIQUE = "uq_document_files_sha256_part"
_CONVENTION = {"uq": "uq_%(table_name)s_%(column_0_name)s"}
_KEEP = "_keep_file_signatures"
_DOCUMENT_KEYS = ("annex_of_id",)


def _rebuild_files(change) -> None:
    """Run ``change(batch_op)`` on document_files, keeping file_signatures through SQLite's rebuild."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        op.execute(f"CREATE TEMPORARY TABLE {_KEEP} AS SELECT * FROM file_signatures")
        with op.batch_alter_table("document_files", naming_convention=_CONVENTION, recreate="always") as batch_op:
            change(batch_op, sqlite)
        op.execute(f"DELETE FROM file_signatures WHERE id IN (SELECT id FROM {_KEEP})")
        op.execute(f"INSERT INTO file_signatures SELECT * FROM {_KEEP}")
        op.execute(f"DROP TABLE {_KEEP}")
    else:
        with op.batch_alter_table("document_files") as batch_op:
            change(batch_op, sqlite)


def _old_unique_name() -> str:
    """The name PostgreSQL gave 0001's unnamed UNIQUE (sha256): document_files_sha256_key."""
    for uq in sa.inspect(op.get_bind()).get_unique_constraints("document_files"):
        if uq["column_names"] == ["sha256"]:
            return uq["name"]
    return _OLD_UNIQUE


def upgrade() -> None:
    old = _old_unique_name() if op.get_bind().dialect.name != "sqlite" else _OLD_UNIQUE

    def change(batch_op, _sqlite: bool) -> None:
        batch_op.drop_constraint(old, type_="unique")
        batch_op.add_column(sa.Column("part", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("parts", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("pages", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("role", sa.String(length=8), nullable=True))
        batch_op.create_unique_constraint(_NEW_UNIQUE, ["sha256", "part"])
        batch_op.create_index("ix_document_files_sha256", ["sha256"], unique=False)

    _rebuild_files(change)
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.add_column("documents", sa.Column("annex_of_reference", sa.String(length=160), nullable=True))
    op.create_index("ix_documents_annex_of_reference", "documents", ["annex_of_reference"], unique=False)
    for column in _DOCUMENT_KEYS:
        if sqlite:  # inline REFERENCES, as in 0007
            op.execute(f"ALTER TABLE documents ADD COLUMN {column} INTEGER REFERENCES documents (id)")
        else:
            op.add_column("documents", sa.Column(column, sa.Integer(), nullable=True))
            op.create_foreign_key(f"fk_documents_{column}_documents", "documents", "documents", [column], ["id"])
        op.create_index(f"ix_documents_{column}", "documents", [column], unique=False)


def downgrade() -> None:
    """Back to one Document per file: the parts after the first of a file lose their file rows
    (their Documents stay); an attached annex's file row stays, as a file of that document."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column in reversed(_DOCUMENT_KEYS):
        op.drop_index(f"ix_documents_{column}", table_name="documents")
        if not sqlite:
            op.drop_constraint(f"fk_documents_{column}_documents", "documents", type_="foreignkey")
        op.drop_column("documents", column)
    op.drop_index("ix_documents_annex_of_reference", table_name="documents")
    op.drop_column("documents", "annex_of_reference")
    op.execute("DELETE FROM document_files WHERE part <> 1")

    def change(batch_op, _sqlite: bool) -> None:
        batch_op.drop_index("ix_document_files_sha256")
        batch_op.drop_constraint(_NEW_UNIQUE, type_="unique")
        for column in ("role", "pages", "parts", "part"):
            batch_op.drop_column(column)
        batch_op.create_unique_constraint(_OLD_UNIQUE, ["sha256"])

    _rebuild_files(change)
