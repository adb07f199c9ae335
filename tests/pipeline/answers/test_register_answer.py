"""The register and one document as answers (plain dataclasses), on documents ingested with set
arrival times: a year, a month in Việt Nam's time, the form's columns, and ``show``'s picks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import sessionmaker

from models.db import engine_for
from models.schema import REGISTER_ZONE
from pipeline.answers.document import show
from pipeline.answers.register import kind_name, register_book
from pipeline.ingest.ingestor import Ingestor
from pipeline.ingest.store import ContentStore
from tests.helpers.register import DIRECTIVE, WIFI, write_numbered

Z = REGISTER_ZONE
ARRIVALS = {
    501: dt.datetime(2025, 6, 30, 23, 30, tzinfo=Z),  # June in Việt Nam, though 16:30 UTC
    502: dt.datetime(2025, 7, 1, 0, 30, tzinfo=Z),  # July in Việt Nam, 30/6 in UTC
    503: dt.datetime(2025, 7, 31, 16, 0, tzinfo=Z),
    504: dt.datetime(2026, 1, 2, 8, 0, tzinfo=Z),
}


@pytest.fixture
def factory(database_url, tmp_path):
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    store = ContentStore(tmp_path / "store")
    paths = write_numbered(tmp_path / "in", list(ARRIVALS), source=WIFI)
    paths += write_numbered(tmp_path / "in2", [1260], source=DIRECTIVE, marks={1260: "TỐI MẬT"})
    for path, when in zip(paths, [*ARRIVALS.values(), dt.datetime(2026, 1, 3, 9, 0, tzinfo=Z)], strict=True):
        with factory() as s:
            Ingestor(s, store, clock=lambda when=when: when).ingest(path)
            s.commit()
    return factory


def test_a_year_of_the_register_in_number_order_with_the_form_columns(factory):
    with factory() as s:
        book = register_book(s, year=2025)
    assert [(r.number, r.reference) for r in book.rows] == [
        (1, "501/SKHCN-CN&CĐS"), (2, "502/SKHCN-CN&CĐS"), (3, "503/SKHCN-CN&CĐS")
    ]  # fmt: skip
    first = book.rows[0]
    assert first.received_text == "30/06/2025" and first.issuer == "Sở Khoa học và Công nghệ"
    assert first.title.startswith("Công văn: đề nghị báo cáo") and first.date_shown == "07/2025"
    assert first.recipient is None and first.remarks == ""  # not assigned yet; an ordinary document
    assert book.period == "năm 2025"


def test_a_month_is_the_office_s_month(factory):
    with factory() as s:
        july = register_book(s, year=2025, month=7)
        next_year = register_book(s, year=2026)
    assert [r.number for r in july.rows] == [2, 3] and july.period == "tháng 07/2025"
    assert [(r.number, r.reference, r.remarks) for r in next_year.rows] == [
        (1, "504/SKHCN-CN&CĐS", ""), (2, "1260/UBND-KGVX", "tối mật")
    ]  # fmt: skip


def test_show_gives_the_document_with_its_entry_tasks_and_citations(factory):
    with factory() as s:
        report = show(s, "1260/ubnd-kgvx", today=dt.date(2025, 8, 1))
    [v] = report.documents
    assert (v.kind_name, v.reference, v.dated) == ("Công văn", "1260/UBND-KGVX", "tháng 07/2025")
    assert (v.entry.number, v.entry.secrecy, v.entry.urgency) == (2, "toi_mat", "thuong")
    assert [f.name for f in v.files] == ["cong-van-1260.txt"]
    assert v.files[0].received_at == dt.datetime(2026, 1, 3, 9, 0, tzinfo=Z)
    due = {t.due: t.status for t in v.tasks if t.due}
    assert due[dt.date(2025, 7, 30)] == "quá hạn" and all(t.status for t in v.tasks)
    assert {c.reference for c in v.cites} >= {"02-KH/BCĐTW", "1453/BC-SKHCN"}
    assert sorted(c.document.reference for c in v.cited_by) == [f"{n}/SKHCN-CN&CĐS" for n in ARRIVALS]


def test_show_picks_one_of_several_by_number_and_year(factory, tmp_path):
    with factory() as s:
        assert show(s, "501/SKHCN-CN&CĐS", pick=(1, 2025)).documents[0].entry.number == 1
        assert show(s, "501/SKHCN-CN&CĐS", pick=(1, 2026)).documents == []
        assert show(s, "chưa có/ABC").documents == []


@pytest.mark.parametrize(("kind", "name"), [("KH", "Kế hoạch"), ("CV", "Công văn"), ("QĐ", "Quyết định"),
                                            ("KHAC", ""), (None, ""), ("TTr", "")])  # fmt: skip
def test_kind_names_are_words_never_codes(kind, name):
    assert kind_name(kind) == name
