"""Migration 0005 enters the documents already stored in the sổ văn bản đến, in arrival order,
each year from 1 (Việt Nam time), and the store step goes on from the last number.

The database at 0004 is written by the version before the register (``git archive`` of
PREVIOUS into a temporary folder, its own ``congvan ingest``), as an office has it today; the
arrival times of some files are then moved to span a new year, as a long-lived office's are."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import sessionmaker

from corpus import SAMPLES_DIR
from models.db import alembic_config, current_revision, engine_for, upgrade
from models.schema import REGISTER_ZONE, Document, RegisterEntry, as_utc
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.register import fill_marks
from pipeline.ingest.store import ContentStore
from pipeline.status import Urgency
from tests.helpers.inbox import write_docx
from tests.helpers.register import DIRECTIVE, WIFI, numbered, write_numbered

PREVIOUS = "3293ac4"  # the merge of i9-take: migration 0004, no register
REPO = Path(__file__).resolve().parents[2]


def _old_ingest(tmp_path: Path, url: str, files: list[Path]) -> None:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", PREVIOUS], capture_output=True)
    assert archive.returncode == 0, archive.stderr
    code = tmp_path / "previous"
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(code, filter="data")
    env = dict(os.environ, PYTHONPATH=str(code), CONGVAN_HOME=str(tmp_path / "old-home"), CONGVAN_DATABASE_URL=url)
    done = subprocess.run([sys.executable, "-m", "congvan.cli", "ingest", "--quiet", *map(str, files)], cwd=code,
                          env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr


def _arrive(url: str, number: str, when: dt.datetime) -> None:
    """Move the arrival of the files of the document numbered ``number`` to ``when``."""
    with engine_for(url).begin() as conn:
        conn.execute(
            text("update document_files set received_at = :t where document_id = "
                 "(select id from documents where number = :n)"),
            {"t": when.astimezone(dt.UTC), "n": number},
        )  # fmt: skip


@pytest.mark.slow  # the previous version's ingest in a process of its own: about 20 s
def test_upgrade_from_0004_numbers_the_stored_documents_in_arrival_order(tmp_path, blank_database_url):
    url = blank_database_url
    paths = write_numbered(tmp_path / "in", [11, 12, 13, 14, 15])
    paths.append(tmp_path / "in" / "cong-van-0011.docx")  # another format of số 11: one document
    write_docx(paths[-1], numbered(WIFI, 11))
    paths.append(SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf")  # a scan: a document too
    _old_ingest(tmp_path, url, paths)
    assert current_revision(url) == "0004"
    assert "register_entries" not in inspect(engine_for(url)).get_table_names()
    engine_for(url).dispose()
    z = REGISTER_ZONE
    _arrive(url, "13", dt.datetime(2025, 12, 30, 9, 0, tzinfo=z))
    _arrive(url, "11", dt.datetime(2025, 12, 31, 23, 40, tzinfo=z))  # the last of 2025 in Việt Nam
    _arrive(url, "15", dt.datetime(2026, 1, 1, 0, 10, tzinfo=z))  # still 31/12 in UTC
    _arrive(url, "12", dt.datetime(2026, 1, 2, 8, 0, tzinfo=z))
    _arrive(url, "14", dt.datetime(2026, 1, 3, 8, 0, tzinfo=z))

    upgrade(url)

    factory = sessionmaker(bind=engine_for(url), expire_on_commit=False)
    with factory() as s:
        rows = s.scalars(select(RegisterEntry).order_by(RegisterEntry.year, RegisterEntry.number)).all()
        got = [(e.year, e.number, e.document.number if e.document else None) for e in rows]
        scan_at = as_utc(next(e.received_at for e in rows if e.document.number is None))
        files = {e.document.number: len(e.document.files) for e in rows}
    # the scan came with the batch, today: it is the last of the year it arrived in
    assert files["11"] == 2  # the .docx merged with the .txt: one line of the register
    assert got[:5] == [(2025, 1, "13"), (2025, 2, "11"), (2026, 1, "15"), (2026, 2, "12"), (2026, 3, "14")]
    scan_year = scan_at.astimezone(z).year
    assert got[5:] == [(scan_year, 4 if scan_year == 2026 else 1, None)]
    assert all(e.urgency is None for e in rows)  # not read by the migration
    assert fill_marks(factory) == 5  # the store step reads them from the stored text; the scan stays unread
    assert {e.urgency for e in entries(factory) if e.document_id} >= {Urgency.NORMAL}

    later = write_numbered(tmp_path / "later", [16], source=DIRECTIVE)
    ingest_paths(later, factory, ContentStore(tmp_path / "store"))
    year = dt.datetime.now(z).year
    with factory() as s:
        doc = s.scalar(select(Document).where(Document.number == "16"))
        top = max(e.number for e in s.scalars(select(RegisterEntry).where(RegisterEntry.year == year)))
        assert (doc.register_entry.year, doc.register_entry.number) == (year, top)
    assert sorted(e.number for e in entries(factory) if e.year == year) == list(range(1, top + 1))

    engine_for(url).dispose()
    command.downgrade(alembic_config(url), "0004")
    assert "register_entries" not in inspect(engine_for(url)).get_table_names()


def entries(factory) -> list[RegisterEntry]:
    with factory() as s:
        return list(s.scalars(select(RegisterEntry)))
