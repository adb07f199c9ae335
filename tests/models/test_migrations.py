"""The Alembic migrations build exactly the schema the models describe (on SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from models.db import engine_for
from models.schema import Base


def test_upgrade_head_matches_the_models(database_url):
    with engine_for(database_url).connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_every_table_exists_after_upgrade(database_url):
    from sqlalchemy import inspect

    names = set(inspect(engine_for(database_url)).get_table_names())
    assert set(Base.metadata.tables) <= names and "alembic_version" in names


def test_downgrade_to_0001_rebuilds_the_old_columns_and_upgrade_brings_the_rows_back(database_url, tmp_path):
    from alembic import command
    from sqlalchemy import select, text
    from sqlalchemy.orm import sessionmaker

    from corpus import SAMPLES_DIR
    from models.db import alembic_config, upgrade
    from models.schema import IngestEntry, Obligation
    from pipeline.inbox import journal
    from pipeline.ingest.ingestor import ingest_paths
    from pipeline.ingest.store import ContentStore
    from pipeline.status import IngestStatus

    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    ingest_paths([SAMPLES_DIR / "skhcn-wifi-cong-cong.docx", SAMPLES_DIR / "ubnd-tiep-tuc-02kh-bcdtw.docx"], factory,
                 ContentStore(tmp_path / "store"))  # fmt: skip
    pending = journal.claim(factory, "a" * 64, "/hộp thư/a.docx", journal.Owner("may-a", 42), None)
    merged = journal.claim(factory, "b" * 64, "/hộp thư/b.pdf", journal.Owner("may-a", 42), None)
    with factory() as session:
        assert journal.finish(session, merged, IngestStatus.MERGED, "cùng văn bản với #1 / same document", 1)
        session.commit()
        owners = {o.id: o.owner_names for o in session.scalars(select(Obligation))}
    assert any(len(names) > 1 for names in owners.values())
    engine_for(database_url).dispose()

    command.downgrade(alembic_config(database_url), "0001")
    with engine_for(database_url).connect() as conn:
        old = dict(conn.execute(text("select id, owner_text from obligations")).all())
        reasons = dict(conn.execute(text("select sha256, reason from ingest_journal")).all())
    assert old == {i: "; ".join(names) for i, names in owners.items()}
    assert reasons == {
        "a" * 64: "đang xử lý / in progress: host=may-a pid=42",
        "b" * 64: "merged: cùng văn bản với #1 / same document",
    }
    engine_for(database_url).dispose()

    upgrade(database_url)
    with factory() as session:
        assert {o.id: o.owner_names for o in session.scalars(select(Obligation))} == owners
        rows = {r.sha256: journal.Entry.of(r) for r in session.scalars(select(IngestEntry))}
    assert rows["a" * 64].owner == journal.Owner("may-a", 42) and rows["a" * 64].reason is None
    assert (rows["b" * 64].result, rows["b" * 64].reason) == (
        IngestStatus.MERGED,
        "cùng văn bản với #1 / same document",
    )
    assert pending is not None
