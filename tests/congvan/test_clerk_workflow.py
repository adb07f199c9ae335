"""The clerk's day on the bundled samples, through the command line, on SQLite or PostgreSQL.

The samples are the seed documents as text exports, Word files and text-layer PDFs (and one scan):
ingest them, then ask who owes what by when, what cites what, where a document is, and take the
deadlines into a calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from sqlalchemy import func, select
from typer.testing import CliRunner

from congvan.cli import app
from corpus import SAMPLES_DIR
from models.db import engine_for
from models.schema import Citation, Document, DocumentFile, Obligation, Unit

runner = CliRunner()


def cli(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


@pytest.fixture
def ingested(congvan_home, database_url):
    r = cli("ingest", "--quiet", str(SAMPLES_DIR))
    assert r.exit_code == 0, r.output
    return database_url


def row_counts(url: str) -> dict[str, int]:
    from sqlalchemy.orm import Session

    with Session(engine_for(url)) as s:
        return {
            t.__tablename__: s.scalar(select(func.count()).select_from(t))
            for t in (Document, DocumentFile, Unit, Citation, Obligation)
        }


def test_ingesting_everything_twice_adds_no_rows(ingested):
    before = row_counts(ingested)
    r = cli("ingest", "--quiet", str(SAMPLES_DIR))
    assert r.exit_code == 0
    assert row_counts(ingested) == before
    assert before["documents"] == 6  # five documents in three formats each, and the scan kept for OCR


def test_who_must_report_in_july_2025(ingested):
    from sqlalchemy.orm import Session

    from pipeline.answers.owe import owe

    with Session(engine_for(ingested)) as s:
        report = owe(
            s, by=dt.date(2025, 7, 31), start=dt.date(2025, 7, 1), today=dt.date(2026, 11, 21), action="báo cáo"
        )
        got = [(r.deadline, r.owners) for r in report.one_off]
    assert got == [
        (dt.date(2025, 7, 15), ("Ủy ban nhân dân cấp xã",)),  # from the Sở KH&CN công văn
        (dt.date(2025, 7, 30), ("Các sở, ban, ngành",)),
        (dt.date(2025, 7, 31), ("Sở Khoa học và Công nghệ",)),
    ]
    r = cli("owe", "--from", "1/7/2025", "--by", "31/7/2025", "--action", "báo cáo", "--today", "21/11/2026")
    assert r.exit_code == 0, r.output
    assert "15/07/2025" in r.output and "31/07/2025" in r.output


def test_without_from_the_window_starts_today_and_overdue_is_apart(ingested):
    r = cli("owe", "--by", "31/12/2026", "--today", "21/11/2026")
    assert r.exit_code == 0, r.output
    assert "quá hạn" in r.output.lower()
    overdue = r.output.split("Quá hạn")[1] if "Quá hạn" in r.output else r.output.split("quá hạn")[1]
    assert "15/07/2025" in overdue


def test_refs_shows_citing_document_and_missing_plan(ingested):
    r = cli("refs", "02-KH/BCĐTW")
    assert r.exit_code == 0, r.output
    assert "/UBND-KGVX" in r.output
    assert "chưa có trong kho" in r.output


def test_calendar_ics_parses_back_with_the_deadlines_and_yearly_rules(ingested, tmp_path):
    out = tmp_path / "han.ics"
    r = cli("calendar", "--ics", str(out))
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(out.read_bytes())
    events = [e for e in cal.walk("VEVENT")]
    starts = {e.decoded("DTSTART") for e in events}
    for day in (dt.date(2025, 7, 15), dt.date(2025, 7, 30), dt.date(2025, 7, 31)):
        assert day in starts
    yearly = [e for e in events if e.get("RRULE") and e["RRULE"]["FREQ"] == ["YEARLY"]]
    assert any(e.decoded("DTSTART") == dt.date(2025, 12, 15) for e in yearly)
    assert all(e.walk("VALARM") for e in events)
    # stable UIDs: a second export names the same events
    out2 = tmp_path / "han2.ics"
    cli("calendar", "--ics", str(out2))
    uids2 = {str(e["UID"]) for e in Calendar.from_ical(out2.read_bytes()).walk("VEVENT")}
    assert {str(e["UID"]) for e in events} == uids2


def test_search_without_diacritics_ranks_the_wifi_cong_van_first(ingested):
    r = cli("search", "bao cao wifi")
    assert r.exit_code == 0, r.output
    first = r.output.split("\n1. ")[0] if r.output.startswith("1.") else r.output.split("2. ")[0]
    assert "/SKHCN-CN&CĐS" in first and "Sở Khoa học và Công nghệ" in first


def test_reindex_rebuilds_a_deleted_index(ingested, congvan_home):
    import shutil

    shutil.rmtree(congvan_home / "index")
    r = cli("search", "wifi")
    assert r.exit_code == 0 and "/SKHCN-CN&CĐS" in r.output  # rebuilt from the database on open
    r = cli("reindex")
    assert r.exit_code == 0 and "5 văn bản" in r.output


def test_a_word_97_doc_and_an_odt_are_stored_with_their_docx(congvan_home, database_url, office_files, tmp_path):
    # through `congvan ingest`, so each file is read in the bounded worker (LibreOffice under its
    # memory cap): the .doc and the .odt of a sample are the same document as its .docx, and kept
    folder = tmp_path / "received"
    folder.mkdir()
    stem = "skhcn-wifi-cong-cong"
    for src in (SAMPLES_DIR / f"{stem}.docx", office_files["doc"][stem], office_files["odt"][stem]):
        (folder / src.name).write_bytes(src.read_bytes())
    r = cli("ingest", str(folder))
    assert r.exit_code == 0, r.output
    from sqlalchemy.orm import Session

    with Session(engine_for(database_url)) as s:
        docs = s.scalars(select(Document)).all()
        assert len(docs) == 1 and docs[0].symbol == "SKHCN-CN&CĐS"
        files = {f.original_name: f for f in docs[0].files}
        assert {n: f.format for n, f in files.items()} == {
            f"{stem}.docx": "docx",
            f"{stem}.doc": "doc",
            f"{stem}.odt": "odt",
        }
        for name, f in files.items():
            assert (congvan_home / "corpus" / f.stored_path).read_bytes() == (folder / name).read_bytes()
