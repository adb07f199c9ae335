"""The decision and the insert are one step: a process that must decide while another is storing
the same document waits for it, then sees it (merges) instead of adding a second Document.

The test holds the ingest lock in its own transaction, starts ``congvan ingest`` on the .txt of a
document, stores the .docx of that document meanwhile and only then commits."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import sessionmaker

from models.db import engine_for, write_lock
from models.schema import Document
from pipeline.ingest.ingestor import INGEST_LOCK, Ingestor
from pipeline.ingest.store import ContentStore
from pipeline.status import IngestStatus
from tests.helpers.inbox import CONGVAN, cong_van_text, env_for, wait_for, write_docx

SQLITE_REACH = 4.0  # seconds for the other process to start, read and extract, and reach the lock


def _waiting_for_advisory_lock(url: str) -> bool:
    with engine_for(url).connect() as conn:
        return bool(
            conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).scalar()
        )


@pytest.mark.slow  # a congvan ingest process started and held at the lock: about 7 s
def test_a_second_format_stored_meanwhile_is_merged_with(tmp_path: Path, database_url: str):
    body = cong_van_text(3)
    txt, docx = tmp_path / "công văn.txt", tmp_path / "công văn.docx"
    txt.write_text(body, encoding="utf-8")
    write_docx(docx, body)
    home = tmp_path / "home"
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    with factory() as session:
        write_lock(session, INGEST_LOCK)
        other = subprocess.Popen([*CONGVAN, "ingest", str(txt)], env=env_for(home, database_url),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        if database_url.startswith("postgresql"):
            assert wait_for(lambda: _waiting_for_advisory_lock(database_url), 60)
        else:
            time.sleep(SQLITE_REACH)
        assert other.poll() is None  # still waiting for the lock
        first = Ingestor(session, ContentStore(home / "corpus")).ingest(docx)
        assert first.status == IngestStatus.ADDED
        session.commit()
    out, err = other.communicate(timeout=120)
    assert other.returncode == 0, err
    assert "cùng văn bản" in err, out + err  # merged: the per-file lines go to stderr, beside the progress bar
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 1
