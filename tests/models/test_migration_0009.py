"""Migration 0009: a database of the version before it (one Document per file, unique sha256)
upgrades with its files and their digital signatures intact, and then stores a batch PDF as three
documents.

The database at 0008 is written by that version's own ``congvan ingest`` (``git archive`` of
PREVIOUS into a temporary folder); a signature row is added as the signature reader writes one.
SQLite rebuilds document_files to change its unique constraint, and that rebuild would cascade onto
file_signatures: the test is that it does not lose them."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from corpus import SAMPLES_DIR
from models.db import current_revision, engine_for, upgrade
from models.schema import Document, DocumentFile, FileSignature
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import IngestStatus
from tests.helpers.bundles import write_batch_pdf

PREVIOUS = "0c5d15f"  # migration 0008: ocr_jobs and file_signatures, one Document per file
REPO = Path(__file__).resolve().parents[2]
FILES = ("skhcn-wifi-cong-cong.docx", "skhcn-wifi-cong-cong.pdf", "ubnd-tiep-tuc-02kh-bcdtw.txt")


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


@pytest.mark.slow  # the previous version's ingest in a process of its own
def test_upgrade_to_0009_keeps_files_and_signatures_and_then_stores_a_batch_as_three(tmp_path, blank_database_url):
    url = blank_database_url
    _old_ingest(tmp_path, url, [SAMPLES_DIR / name for name in FILES])
    assert current_revision(url) == "0008"
    with engine_for(url).begin() as conn:
        old_files = conn.execute(text("select id, document_id, sha256, original_name from document_files")).all()
        pdf_id = next(f.id for f in old_files if f.original_name.endswith(".pdf"))
        conn.execute(
            text("insert into file_signatures (file_id, position, signer, intact) values (:f, 0, :s, :i)"),
            {"f": pdf_id, "s": "Nguyễn Trọng Tâm", "i": True},
        )
    engine_for(url).dispose()

    upgrade(url)
    assert current_revision(url) == "0009"
    factory = sessionmaker(bind=engine_for(url), expire_on_commit=False)
    with factory() as s:
        files = s.scalars(select(DocumentFile).order_by(DocumentFile.id)).all()
        assert [(f.id, f.document_id, f.sha256, f.original_name) for f in files] == [tuple(r) for r in old_files]
        assert {(f.part, f.parts, f.pages, f.role) for f in files} == {(1, 1, None, None)}
        (sig,) = s.scalars(select(FileSignature)).all()
        assert (sig.file_id, sig.signer, sig.intact) == (pdf_id, "Nguyễn Trọng Tâm", True)
    uniques = inspect(engine_for(url)).get_unique_constraints("document_files")
    assert [u["column_names"] for u in uniques] == [["sha256", "part"]]
    with pytest.raises(IntegrityError), engine_for(url).begin() as conn:  # the same bytes' part twice
        f = old_files[0]
        conn.execute(
            text("insert into document_files (document_id, sha256, part, parts, size, format, original_name, "
                 "stored_path, received_at) values (:d, :h, 1, 1, 1, 'pdf', 'x.pdf', 'x', '2025-07-01')"),
            {"d": f.document_id, "h": f.sha256},
        )  # fmt: skip

    (result,) = ingest_paths([write_batch_pdf(tmp_path / "ba.pdf")], factory, ContentStore(tmp_path / "store"))
    assert [r.status for r in result.parts] == [IngestStatus.MERGED, IngestStatus.MERGED, IngestStatus.ADDED]
    with factory() as s:
        assert s.scalar(select(Document).where(Document.id == result.parts[2].document_id)).symbol == "SKHCN-VP"
