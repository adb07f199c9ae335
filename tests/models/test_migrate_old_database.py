"""A database made by the previous version upgrades to head with its data intact.

How the old database is made, honestly and offline: the previous version's own files are taken
from this repository's history (``git archive`` of PREVIOUS, the last commit before the owners
became rows and the journal got its columns) into a temporary folder, and its own CLI ingests the
samples and runs its own inbox watcher once. That code only knows migration 0001, so the database
it leaves is exactly what a clerk's office has today, written by the code that wrote it there.
A pending journal row (a watcher killed mid-file) cannot be left by a clean run: it is inserted
with the text the previous version's watcher wrote (``Owner.tag``).

Then ``alembic upgrade head`` (this version), and the clerk's answers (``owe``, ``refs``,
``search``, both indexes rebuilt from the rows by ``reindex``) are compared with those of a database ingested afresh at head from
the same files in the same order. The same test runs on PostgreSQL when CONGVAN_TEST_DATABASE_URL
is set (each database is one of its own on that server).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import sessionmaker

from corpus import SAMPLES_DIR
from models.db import engine_for, upgrade
from models.schema import IngestEntry, Obligation
from pipeline.inbox import journal
from pipeline.status import IngestStatus, JournalState
from tests.helpers.inbox import cong_van_text

pytestmark = pytest.mark.slow

PREVIOUS = "f9aca4a"  # "Obligation.owner_names: one reader of the owners as written"
REPO = Path(__file__).resolve().parents[2]
TODAY = "2025-07-01"
PENDING_SHA = "ab" * 32
OLD_PENDING_REASON = "đang xử lý / in progress: host=may-cu pid=4242"

# The clerk's questions whose answers must not change (CLI arguments after ``congvan``).
QUESTIONS = (
    ("owe", "--by", "31/12/2025", "--from", "1/1/2025", "--today", TODAY),
    ("owe", "--by", "31/12/2025", "--unit", "UBND cấp xã", "--today", TODAY),
    ("owe", "--by", "31/12/2025", "--action", "báo cáo", "--today", TODAY),
    ("refs", "--missing"),
    ("refs", "4664/KH-UBND"),
    ("search", "wifi công cộng"),
    ("search", "chuyen doi so", "--unit", "Sở Khoa học và Công nghệ"),
    ("search", "hạ tầng số"),
)


def _previous_version(dest: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", PREVIOUS], capture_output=True, check=False
    )
    assert archive.returncode == 0, f"the previous version {PREVIOUS} must be in this clone's history: {archive.stderr}"
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def _congvan(code: Path, home: Path, url: str, *args: str) -> str:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(code), CONGVAN_HOME=str(home), CONGVAN_DATABASE_URL=url, COLUMNS="200", PYTHONUNBUFFERED="1"
    )
    done = subprocess.run(
        [sys.executable, "-m", "congvan.cli", *args], cwd=code, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode in (0, 1), f"congvan {' '.join(args)}: {done.stderr}"
    return done.stdout


def _fill(code: Path, home: Path, url: str, inbox: Path) -> None:
    """What an office did: ingest the samples, then drop files into the inbox (a new công văn, the
    same bytes again, another format of a stored one, a scan, a broken file), run the watcher once."""
    samples = [str(p) for p in sorted(SAMPLES_DIR.iterdir()) if ".scan." not in p.name]
    _congvan(code, home, url, "ingest", "--quiet", *samples)
    inbox.mkdir()
    (inbox / "công văn mới.txt").write_text(cong_van_text(3, seed=11), encoding="utf-8")
    for name in ("skhcn-wifi-cong-cong.docx", "skhcn-de-xuat-cchc.scan.pdf"):
        shutil.copy(SAMPLES_DIR / name, inbox / name)
    (inbox / "hỏng.docx").write_bytes(b"PK\x03\x04 not a real docx")
    (inbox / "mới.txt").write_text(
        (SAMPLES_DIR / "tin-quang-nam-wifi.txt").read_text(encoding="utf-8") + "\nBản sao.\n"
    )
    _congvan(code, home, url, "watch", str(inbox), "--once", "--stable", "0.2")


def _journal(url: str, inbox: Path) -> list[tuple]:
    """The journal's rows as the clerk's history reads them. A reason is kept as the version that
    wrote it worded it (the previous one wrote "đã có / already stored"), so only whether a row
    has one is compared, not its words."""
    prefix = journal.display_path(inbox.resolve()) + "/"
    with sessionmaker(bind=engine_for(url))() as session:
        entries = [journal.Entry.of(r) for r in session.scalars(select(IngestEntry))]
    return sorted(
        (e.name.removeprefix(prefix), e.state, e.result, bool(e.reason), e.document_id)
        for e in entries
        if e.sha256 != PENDING_SHA
    )


def _owners(url: str) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    with sessionmaker(bind=engine_for(url))() as session:
        obs = session.scalars(select(Obligation).order_by(Obligation.id)).all()
        return {o.id: (o.owner_names, tuple(sorted(u.key for u in o.owners))) for o in obs}


def test_a_database_of_the_previous_version_upgrades_with_its_data(tmp_path, blank_database_url, database_url):
    old_code = _previous_version(tmp_path / "previous")
    old_url, old_home = blank_database_url, tmp_path / "old-home"
    _fill(old_code, old_home, old_url, tmp_path / "old-inbox")
    with engine_for(old_url).begin() as conn:
        assert conn.scalar(text("select version_num from alembic_version")) == "0001"
        assert "owner_text" in {c["name"] for c in inspect(conn).get_columns("obligations")}
        conn.execute(
            text("insert into ingest_journal (sha256, name, state, reason, started_at, attempts) "
                 "values (:sha, '/hộp thư/đang dở.docx', 'pending', :reason, CURRENT_TIMESTAMP, 1)"),
            {"sha": PENDING_SHA, "reason": OLD_PENDING_REASON},
        )  # fmt: skip
    engine_for(old_url).dispose()

    upgrade(old_url)

    new_code, new_home = REPO, tmp_path / "new-home"
    _fill(new_code, new_home, database_url, tmp_path / "new-inbox")
    assert _owners(old_url) == _owners(database_url)
    assert any(len(names) > 1 for names, _ in _owners(old_url).values())  # several owners, in order
    assert _journal(old_url, tmp_path / "old-inbox") == _journal(database_url, tmp_path / "new-inbox")
    results = {row[2] for row in _journal(old_url, tmp_path / "old-inbox")}
    assert results == set(IngestStatus) - {
        IngestStatus.SUSPECTED_DUPLICATE,
        IngestStatus.NEW_VERSION,
        IngestStatus.OLD_VERSION,
    }
    factory = sessionmaker(bind=engine_for(old_url))
    pending = journal.lookup(factory, PENDING_SHA)
    assert pending.state == JournalState.PENDING and pending.reason is None
    assert pending.owner == journal.Owner("may-cu", 4242)

    # The index is derived from the rows alone; both are rebuilt so that their scores compare (an
    # index grown file by file weighs terms over other segments than one written at once).
    for home, url in ((old_home, old_url), (new_home, database_url)):
        assert "Đã dựng lại chỉ mục" in _congvan(new_code, home, url, "reindex")
    for question in QUESTIONS:
        migrated = _congvan(new_code, old_home, old_url, *question)
        fresh = _congvan(new_code, new_home, database_url, *question)
        assert migrated == fresh, question
        assert migrated.strip(), question
