"""``congvan register`` and ``congvan show`` on real ingested documents, as separate processes."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.answers.register import COLUMNS, REGISTER_TITLE
from tests.helpers.inbox import CONGVAN
from tests.helpers.register import DIRECTIVE, WIFI, numbered


def run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([*CONGVAN, *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture
def stored(congvan_home: Path, tmp_path: Path) -> Path:
    """A hỏa tốc directive (1260/UBND-KGVX) and a công văn citing it (900/SKHCN-CN&CĐS), ingested."""
    inbox = tmp_path / "đến"
    inbox.mkdir()
    (inbox / "1-chi-dao.txt").write_text(numbered(DIRECTIVE, 1260, "HỎA TỐC"), encoding="utf-8")
    (inbox / "2-wifi.txt").write_text(numbered(WIFI, 900), encoding="utf-8")
    r = run("ingest", str(inbox))
    assert r.returncode == 0, r.stderr
    return congvan_home


def test_register_xlsx_is_the_form_with_its_columns_and_rows(stored, tmp_path):
    out = tmp_path / "sổ đến.xlsx"
    r = run("register", "--xlsx", str(out), "--office", "Sở Khoa học và Công nghệ")
    assert r.returncode == 0, r.stderr
    ws = load_workbook(out).active
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[0][0] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" and cells[1][0] == REGISTER_TITLE
    header = next(i for i, row in enumerate(cells) if row[0] == "Ngày đến")
    assert tuple(cells[header]) == COLUMNS
    assert cells[header + 1] == [f"({i})" for i in range(1, 10)]
    rows = cells[header + 2 :]
    assert [(row[1], row[3]) for row in rows] == [(1, "1260/UBND-KGVX"), (2, "900/SKHCN-CN&CĐS")]
    assert rows[0][2] == "Ủy ban nhân dân tỉnh Quảng Ngãi" and rows[0][5].startswith("Công văn: tiếp tục rà soát")
    assert rows[0][8] == "hỏa tốc" and rows[1][8] is None  # the mark is noted; an ordinary one has none
    assert ws.print_title_rows == f"${header + 1}:${header + 2}"  # the headers on every printed page
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.cell(row=header + 3, column=6).alignment.wrap_text and ws.cell(row=header + 3, column=6).border.left.style
    assert ws.column_dimensions["F"].width > ws.column_dimensions["B"].width


def test_register_prints_table_csv_and_json(stored):
    table = run("register")
    assert table.returncode == 0, table.stderr
    assert REGISTER_TITLE in table.stdout and "1260/UBND-KGVX" in table.stdout and "2 văn bản." in table.stdout
    csv_out = run("register", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("Ngày đến,Số đến,Tác giả") and len(csv_out) == 3
    data = json.loads(run("register", "--format", "json").stdout)
    assert [(e["so_den"], e["so_ky_hieu"], e["do_khan"]) for e in data["van_ban"]] == [
        (1, "1260/UBND-KGVX", "hỏa tốc"), (2, "900/SKHCN-CN&CĐS", "thường")
    ]  # fmt: skip
    assert run("register", "--month", "1/2020", "--format", "json").stdout.count("so_den") == 0
    bad = run("register", "--month", "13/2025")
    assert bad.returncode == 1 and "CV-Q02" in bad.stderr and "Traceback" not in bad.stderr


def test_show_prints_header_register_entry_tasks_and_citations(stored):
    r = run("show", "1260/ubnd-kgvx")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert out.startswith("Công văn 1260/UBND-KGVX tháng 07/2025")
    assert "KHAC" not in out and "[#" not in out and "(chưa số" not in out  # no kind codes, no ids
    assert "Ủy ban nhân dân tỉnh Quảng Ngãi" in out and "Nguyễn Ngọc Sâm" in out
    assert "số đến 1/" in out and "độ khẩn: hỏa tốc" in out and "độ mật: không" in out
    assert "1-chi-dao.txt" in out and str(stored / "corpus") in out  # the original and where it is kept
    assert "Việc văn bản giao" in out and "30/07/2025" in out and "quá hạn" in out
    assert "1453/BC-SKHCN" in out and "chưa có trong kho" in out  # what it cites
    assert "Được dẫn chiếu bởi" in out and "900/SKHCN-CN&CĐS" in out  # what cites it
    assert 'congvan done "1260/UBND-KGVX#1"' in out  # tasks addressed as the clerk's commands take them
    assert "[#" in run("--debug", "show", "1260/UBND-KGVX").stdout
    assert run("show", "1260 UBND KGVX").stdout.startswith("Công văn 1260/UBND-KGVX")


def test_show_lists_documents_under_one_number_and_says_how_to_choose(stored, tmp_path):
    other = tmp_path / "khác.txt"
    text = numbered(DIRECTIVE, 1260).replace("tiếp tục rà soát", "tạm dừng triển khai")
    other.write_text(text.replace("Xét nội dung", "Thay cho nội dung trước, xét lại"), encoding="utf-8")
    assert run("ingest", str(other)).returncode == 0
    r = run("show", "1260/UBND-KGVX")
    assert r.returncode == 0, r.stderr
    assert "Có 2 văn bản" in r.stdout and "--number 1/" in r.stdout
    picked = run("show", "1260/UBND-KGVX", "--number", "3")
    assert "tạm dừng triển khai" in picked.stdout and "số đến 3/" in picked.stdout
    missing = run("show", "9999/UBND-KGVX")
    assert missing.returncode == 1 and "chưa có trong kho" in missing.stdout


def test_show_tells_how_tasks_stand_after_assign_and_done(stored):
    assert run("assign", "1260/UBND-KGVX#2", "--to", "Phòng Kế hoạch").returncode == 0
    out = run("show", "1260/UBND-KGVX").stdout
    assert "Giao cho" in out and "Phòng Kế hoạch" in out and "đang xử lý" in out
    assert run("done", "1260/UBND-KGVX#2", "--note", "đã rà soát").returncode == 0
    assert "đã xong" in run("show", "1260/UBND-KGVX").stdout
