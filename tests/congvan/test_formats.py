"""``--format csv|json`` on every answer command, on real documents ingested into a fresh home (the
follow-through samples, tests/helpers/tracking.py): the output parses, has the documented keys and
the real values (a known số/ký hiệu, a known deadline), and holds only data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker
from typer.testing import CliRunner

from congvan.cli import app
from congvan.cli.formats import (
    AUDIT_KEYS,
    HIT_KEYS,
    MISSING_KEYS,
    MONTH_KEYS,
    OWE_KEYS,
    REF_KEYS,
    TASK_KEYS,
    answer_record,
    answer_rows,
)
from models.db import engine_for
from pipeline.answers.ask import Answer
from pipeline.answers.intents import Ask
from pipeline.ingest.followups import link_followups
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import IngestStatus
from tests.helpers.tracking import IA_CHIM_REPORT, WIFI, directives, ia_chim_report, skhcn_report

runner = CliRunner()
DAY = ("--today", "12/7/2025")


def cli(*args: str):
    r = runner.invoke(app, list(args), env={"COLUMNS": "250"}, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


@pytest.fixture
def office(congvan_home: Path, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CONGVAN_USER", "chi.lan")
    first = directives(tmp_path / "in")
    (tmp_path / "later").mkdir()
    later = [ia_chim_report(tmp_path / "later"), skhcn_report(tmp_path / "later")]
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    for batch in (first, later):
        done = ingest_paths(batch, factory, ContentStore(congvan_home / "corpus"), on_document=[link_followups])
        assert {r.status for r in done} == {IngestStatus.ADDED}
    # one change for the audit log
    cli("assign", f"{WIFI}#1", "--to", "Phòng Kế hoạch", "--due", "14/7/2025", *DAY)
    return database_url


def _wifi_task(rows: list[dict]) -> dict:
    return next(r for r in rows if r["so_ky_hieu"] == f"{WIFI}#1")


def _check_owe(rows: list[dict]) -> None:
    task = next(r for r in rows if WIFI in r["van_ban_nguon"] and str(r["viec_so"]) == "1")
    assert task["han"] == "2025-07-15" and task["nhom"] == "một lần" and task["tinh_trang"] == "đang xử lý"
    assert "báo cáo" in task["viec"].lower() and "cấp xã" in str(task["don_vi"])


def _check_refs(rows: list[dict]) -> None:
    cited = next(r for r in rows if r["so_ky_hieu"] == WIFI)
    assert cited["quan_he"] == "dẫn chiếu" and cited["trong_kho"] in (True, "có")
    assert cited["ngay"] == "2025-07-01" and "Khoa học" in cited["co_quan_ban_hanh"]


def _check_search(rows: list[dict]) -> None:
    assert WIFI in [r["so_ky_hieu"] for r in rows]


def _check_track(rows: list[dict]) -> None:
    task = _wifi_task(rows)
    assert str(task["viec_so"]) == "1" and task["han"] == "2025-07-15" and task["giao_cho"] == "Phòng Kế hoạch"
    assert task["han_xu_ly"] == "2025-07-14" and task["tinh_trang"] == "đang xử lý"


def _check_audit(rows: list[dict]) -> None:
    assert [(r["nguoi"], r["thao_tac"], r["doi_tuong"]) for r in rows] == [("chi.lan", "giao xử lý", f"{WIFI}#1")]
    assert "Phòng Kế hoạch" in rows[0]["sau"] and rows[0]["luc"][:4].isdigit()


def _check_month(rows: list[dict]) -> None:
    due = [r for r in rows if r["ngay"] == "2025-07-15"]
    assert due and all(r["ngay"].startswith("2025-07") for r in rows)


def _check_cited_by(rows: list[dict]) -> None:
    citing = next(r for r in rows if r["so_ky_hieu"] == IA_CHIM_REPORT)
    assert citing["quan_he"] == "được dẫn chiếu bởi" and citing["ngay"] == "2025-07-10"


def _check_missing(rows: list[dict]) -> None:
    assert all(int(r["so_van_ban_dan_chieu"]) >= 1 and r["so_ky_hieu"] for r in rows)


# (command line, CSV header, what the records must show, where JSON keeps its list)
COMMANDS = {
    "owe": (("owe", "--from", "1/7/2025", "--by", "31/7/2025", *DAY), OWE_KEYS, _check_owe, None),
    "ask": (("ask", "đơn vị nào phải báo cáo trước 31/7/2025", *DAY), OWE_KEYS, _check_owe, "viec"),
    "ask-refs": (("ask", f"văn bản nào dẫn chiếu {WIFI}?"), REF_KEYS, _check_cited_by, "dan_chieu"),
    "ask-missing": (
        ("ask", "văn bản nào được dẫn chiếu nhưng chưa có trong kho"),
        MISSING_KEYS,
        _check_missing,
        "chua_co_trong_kho",
    ),
    "ask-search": (("ask", "tìm văn bản về wifi"), HIT_KEYS, _check_search, "ket_qua"),
    "refs": (("refs", IA_CHIM_REPORT), REF_KEYS, _check_refs, None),
    "search": (("search", "wifi"), HIT_KEYS, _check_search, None),
    "track": (("track", WIFI, *DAY), TASK_KEYS, _check_track, "viec"),
    "audit": (("audit",), AUDIT_KEYS, _check_audit, None),
    "calendar": (("calendar", "--month", "2025-07", *DAY), MONTH_KEYS, _check_month, None),
}


def _json_rows(name: str, data, key: str | None) -> list[dict]:
    rows = data[key] if key else data
    if name in ("refs", "ask-refs"):  # what it cites, and what cites it, each marked as the CSV marks them
        rows = [{"quan_he": "dẫn chiếu", **r} for r in rows["dan_chieu"]] + [
            {"quan_he": "được dẫn chiếu bởi", **r} for r in rows["duoc_dan_chieu_boi"]
        ]
    if name.startswith("ask"):
        assert data["cau_hoi_hieu_la"] and data["loai"]
    return rows


@pytest.mark.parametrize("name", list(COMMANDS))
def test_csv_and_json_carry_the_real_values(office, name):
    args, keys, check, key = COMMANDS[name]
    table = cli(*args).stdout  # stdout: a search's first run may warn on stderr that it heals the index
    out = cli(*args, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(csv.reader(io.StringIO(out)).__next__()) == tuple(keys)
    check(rows)
    data = json.loads(cli(*args, "-f", "json").stdout)
    check(_json_rows(name, data, key))
    for data_out in (out, json.dumps(data, ensure_ascii=False)):
        assert "[bold" not in data_out and "\\u" not in data_out  # data only, Vietnamese as written
    assert cli(*args, "-f", "table").stdout == table  # the default is the table


def test_ids_only_with_debug(office):
    plain = json.loads(cli("owe", "--by", "31/7/2025", "-f", "json", *DAY).stdout)
    assert not any("id" in k.split("_") for row in plain for k in row)
    debug = json.loads(cli("--debug", "owe", "--by", "31/7/2025", "-f", "json", *DAY).stdout)
    assert all(isinstance(row["id_viec"], int) for row in debug)
    header = next(csv.reader(io.StringIO(cli("--debug", "owe", "--by", "31/7/2025", "-f", "csv", *DAY).stdout)))
    assert header == [*OWE_KEYS, "id_viec", "id_van_ban"]
    assert "id" not in next(csv.reader(io.StringIO(cli("search", "wifi", "-f", "csv").stdout)))


def test_refs_missing_and_the_document_as_json(office):
    data = json.loads(cli("refs", IA_CHIM_REPORT, "--missing", "-f", "json").stdout)
    assert data["dan_chieu"]["van_ban"]["so_ky_hieu"] == IA_CHIM_REPORT
    assert all(set(m) == set(MISSING_KEYS) for m in data["chua_co_trong_kho"])
    r = cli("refs", "--missing", "-f", "csv").stdout
    assert next(csv.reader(io.StringIO(r))) == list(MISSING_KEYS)


def test_an_answer_not_understood_is_still_data():
    answer = Answer(Ask.UNKNOWN, False, "Chưa hiểu câu hỏi “xyz”.", examples=("ví dụ",))
    assert answer_record(answer) == {
        "cau_hoi_hieu_la": "Chưa hiểu câu hỏi “xyz”.", "loai": Ask.UNKNOWN.value, "vi_du": ["ví dụ"]
    }  # fmt: skip
    assert answer_rows(answer) == (["cau_hoi_hieu_la"], [["Chưa hiểu câu hỏi “xyz”."]])


def test_the_format_help_is_vietnamese():
    for command in ("owe", "ask", "refs", "search", "track", "audit", "calendar", "register"):
        r = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert r.exit_code == 0 and "Cách in: table (bảng), csv hoặc json" in r.output, command
