"""The sổ văn bản đến in the store step: each new Document gets the next số đến of its arrival
year, under the ingest lock; another format, the same bytes again or a failed file takes none.
Two real ``congvan ingest`` processes storing 50 documents at once number them 1..50."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from corpus import SAMPLES_DIR
from models.db import engine_for
from models.schema import REGISTER_ZONE, Document, RegisterEntry, as_utc
from pipeline.ingest.ingestor import Ingestor, ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import IngestStatus, Secrecy, Urgency
from tests.helpers.inbox import CONGVAN, env_for
from tests.helpers.register import DIRECTIVE, write_numbered


@pytest.fixture
def factory(database_url):
    return sessionmaker(bind=engine_for(database_url), expire_on_commit=False)


def entries(factory) -> list[RegisterEntry]:
    with factory() as s:
        return list(s.scalars(select(RegisterEntry).order_by(RegisterEntry.year, RegisterEntry.number)))


def ingest_at(factory, store: ContentStore, path: Path, when: dt.datetime) -> IngestResult:  # noqa: F821
    with factory() as s:
        result = Ingestor(s, store, clock=lambda: when).ingest(path)
        s.commit()
    return result


@pytest.mark.slow  # two congvan ingest processes of 25 files each: 20-60 s on a loaded machine
def test_two_concurrent_ingest_processes_number_fifty_documents_one_to_fifty(tmp_path, database_url, factory):
    half_a = write_numbered(tmp_path / "a", range(101, 151, 2))
    half_b = write_numbered(tmp_path / "b", range(102, 151, 2))
    assert len(half_a) == len(half_b) == 25
    env = env_for(tmp_path / "home", database_url)
    procs = [
        subprocess.Popen(
            [*CONGVAN, "ingest", str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for folder in (tmp_path / "a", tmp_path / "b")
    ]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, out + err
        assert "đã thêm 25" in out + err, out + err
    rows = entries(factory)
    assert [e.number for e in rows] == list(range(1, 51))  # no gap, no repeat
    assert len({e.document_id for e in rows}) == 50 and None not in {e.document_id for e in rows}
    arrivals = [as_utc(e.received_at) for e in rows]
    assert arrivals == sorted(arrivals)  # numbered in arrival order
    with factory() as s:
        numbers = {d.id: d.number for d in s.scalars(select(Document))}
    taken = [int(numbers[e.document_id]) for e in rows]
    assert sorted(taken) == list(range(101, 151))  # each of the 50 documents, from both processes
    from_a = [i for i, n in enumerate(taken) if n % 2]
    from_b = [i for i, n in enumerate(taken) if not n % 2]
    assert min(from_a) < max(from_b) and min(from_b) < max(from_a)  # the two took numbers meanwhile


def test_only_a_new_document_takes_a_number(tmp_path, factory):
    store = ContentStore(tmp_path / "store")
    results = ingest_paths([SAMPLES_DIR / "skhcn-wifi-cong-cong.txt", SAMPLES_DIR / "skhcn-wifi-cong-cong.docx",
                            SAMPLES_DIR / "skhcn-wifi-cong-cong.txt", tmp_path / "missing.txt",
                            SAMPLES_DIR / "skhcn-de-xuat-cchc.scan.pdf", SAMPLES_DIR / "minh-long-ha-tang-so.pdf"],
                           factory, store)  # fmt: skip
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    results += ingest_paths([broken], factory, store)
    assert [r.status for r in results] == [
        IngestStatus.ADDED, IngestStatus.MERGED, IngestStatus.DUPLICATE, IngestStatus.FAILED,
        IngestStatus.NEEDS_OCR, IngestStatus.ADDED, IngestStatus.FAILED,
    ]  # fmt: skip
    rows = entries(factory)
    assert [(e.number, e.document_id) for e in rows] == [
        (1, results[0].document_id), (2, results[4].document_id), (3, results[5].document_id)
    ]  # fmt: skip
    assert [e.urgency for e in rows] == [Urgency.NORMAL, None, Urgency.NORMAL]  # the scan's marks are unread
    with factory() as s:
        wifi = s.get(Document, results[0].document_id)
        first = min(as_utc(f.received_at) for f in wifi.files)
        assert as_utc(wifi.register_entry.received_at) == first  # ngày đến: the first file's arrival


def test_a_document_arriving_in_a_new_year_starts_at_one(tmp_path, factory):
    store = ContentStore(tmp_path / "store")
    paths = write_numbered(tmp_path / "in", [201, 202, 203, 204])
    late = dt.datetime(2026, 12, 31, 23, 50, tzinfo=REGISTER_ZONE)  # 16:50 UTC, still 2026 in Việt Nam
    new_year = dt.datetime(2027, 1, 1, 0, 5, tzinfo=REGISTER_ZONE)  # 17:05 UTC on 31/12, 2027 in Việt Nam
    ingest_at(factory, store, paths[0], late - dt.timedelta(days=1))
    ingest_at(factory, store, paths[1], late)
    ingest_at(factory, store, paths[2], new_year)
    ingest_at(factory, store, paths[3], new_year + dt.timedelta(hours=1))
    assert [(e.year, e.number) for e in entries(factory)] == [(2026, 1), (2026, 2), (2027, 1), (2027, 2)]


def test_a_number_cannot_be_given_twice(tmp_path, factory):
    ingest_paths(write_numbered(tmp_path / "in", [301]), factory, ContentStore(tmp_path / "store"))
    first = entries(factory)[0]
    with factory() as s, pytest.raises(IntegrityError):
        s.add(RegisterEntry(register=first.register, year=first.year, number=first.number,
                            received_at=dt.datetime.now(dt.UTC)))  # fmt: skip
        s.commit()


def test_the_marks_under_the_number_are_stored(tmp_path, factory):
    marks = {401: "HỎA TỐC", 402: "THƯỢNG KHẨN", 403: "MẬT", 404: None}
    paths = write_numbered(tmp_path / "in", list(marks), source=DIRECTIVE, marks=marks)
    prose = (SAMPLES_DIR / "skhcn-wifi-cong-cong.txt").read_text(encoding="utf-8")
    assert "quan tâm chỉ đạo" in prose
    (tmp_path / "in" / "khẩn trương.txt").write_text(prose.replace("quan tâm chỉ đạo", "khẩn trương chỉ đạo, KHẨN"))
    ingest_paths([*paths, tmp_path / "in" / "khẩn trương.txt"], factory, ContentStore(tmp_path / "store"))
    assert [(e.urgency, e.secrecy) for e in entries(factory)] == [
        (Urgency.FLASH, None), (Urgency.VERY_URGENT, None), (Urgency.NORMAL, Secrecy.CONFIDENTIAL),
        (Urgency.NORMAL, None), (Urgency.NORMAL, None),
    ]  # fmt: skip
