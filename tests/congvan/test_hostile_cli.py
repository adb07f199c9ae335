"""The command line against a real ingested store, under hostile input: queries that used to crash
(RecursionError, rich MarkupError), a document whose text is rich markup and emoji codes, dates
beyond Python's year 9999, and answers that run out of time.

Runs go through typer's CliRunner in this process (so each run's own time is what is measured);
the slow test at the end runs the installed ``congvan`` in a subprocess for the worst ones.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from congvan.cli import app
from congvan.cli.render import snippet_text
from corpus import SAMPLES_DIR
from tests.conftest import new_database
from tests.helpers.hostile import HOSTILE

runner = CliRunner()

# The markup a document may hold, as the clerk must see it: rich's closing tag, a style tag, an
# emoji code, and the terminal's escape character.
MARKUP_SUBJECT = "kiểm thử [/] ký hiệu [bold]đậm[/bold] và :x: biểu tượng"
MARKUP_BODY = "Văn bản thử nghiệm quokka có chứa [/] và [bold]chữ[/bold] và :x: cùng [red]đỏ[/red] trong nội dung."
MARKUP_DOC = f"""UBND TỈNH QUẢNG NGÃI
SỞ KHOA HỌC VÀ CÔNG NGHỆ

Số: 77/SKHCN-VP
V/v {MARKUP_SUBJECT}
Quảng Ngãi, ngày 05 tháng 7 năm 2025

Kính gửi: Sở Nội vụ [/]

{MARKUP_BODY}
Sở Nội vụ [/] báo cáo :x: kết quả trước ngày 31/7/2025.

GIÁM ĐỐC
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """A home with the sample text exports and the markup document ingested: its environment."""
    root = tmp_path_factory.mktemp("hostile")
    url, drop = new_database(root)
    docs = root / "docs"
    docs.mkdir()
    for p in SAMPLES_DIR.glob("*.txt"):
        shutil.copy(p, docs / p.name)
    (docs / "[bold]markup [red]:x:.txt").write_text(MARKUP_DOC, encoding="utf-8")
    env = {"CONGVAN_HOME": str(root / "home"), "CONGVAN_DATABASE_URL": url}
    r = runner.invoke(app, ["ingest", str(docs)], env=env)
    assert r.exit_code == 0, r.output
    yield env
    drop()


def cli(env: dict, *args: str, **extra: str):
    """One run: (result, seconds)."""
    start = time.perf_counter()
    r = runner.invoke(app, list(args), env={**env, **extra})
    return r, time.perf_counter() - start


def assert_clean(r) -> None:
    """Exit 0, or 1 with one line of Vietnamese on stderr; never an exception or a traceback."""
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output and "Error" not in r.stdout
    assert r.exit_code in (0, 1)
    if r.exit_code == 1:
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("congvan: lỗi: "), r.stderr


@pytest.mark.parametrize("text", [t for _, t in HOSTILE], ids=[i for i, _ in HOSTILE])
@pytest.mark.parametrize("how", ["search", "ask-search", "ask"])
def test_hostile_queries_answer_in_under_2s_without_a_traceback(store, how, text):
    args = {"search": ["search", text], "ask-search": ["ask", f"tìm {text}"], "ask": ["ask", text]}[how]
    r, seconds = cli(store, *args)
    assert_clean(r)
    assert r.exit_code == 0, r.stderr  # a query never fails: at worst it finds nothing
    assert seconds < 2.0
    for line in r.stderr.strip().splitlines():  # at most a warning that the query was cut
        assert line.startswith("congvan: cảnh báo: câu"), r.stderr


def test_a_cut_query_says_so_in_one_line(store):
    r, _ = cli(store, "search", " ".join(f"tu{i}" for i in range(5000)))
    assert r.exit_code == 0
    assert r.stderr.count("\n") == 1 and "câu tìm dài quá" in r.stderr and "chỉ dùng 24 từ đầu" in r.stderr


def test_the_1000_word_query_finds_what_the_word_finds(store):
    one, _ = cli(store, "search", "wifi")
    many, _ = cli(store, "search", " ".join(["wifi"] * 1000))
    assert "1. " in one.stdout and many.stdout == one.stdout


def test_a_document_of_markup_is_found_and_shown_verbatim(store):
    r, _ = cli(store, "search", "quokka")
    assert_clean(r)
    assert r.exit_code == 0
    out = " ".join(r.stdout.split())  # rich wraps long lines
    assert MARKUP_SUBJECT in out
    assert "«quokka» có chứa [/] và [bold]chữ[/bold] và :x: cùng [red]đỏ" in out
    assert "❌" not in r.stdout and "\x1b" not in r.stdout


def test_snippets_still_highlight_their_matches_and_nothing_else():
    from rich.console import Console

    text = snippet_text("…có «quokka» và [bold]chữ[/bold] :x: \x1b[31m…")
    assert text.plain == "…có «quokka» và [bold]chữ[/bold] :x: ␛[31m…"
    bold = [text.plain[s.start : s.end] for s in text.spans if "bold" in str(s.style)]
    assert bold == ["«quokka»"]
    console = Console(force_terminal=True, color_system="standard", width=200)
    with console.capture() as cap:
        console.print(text)
    assert "\x1b[1m«quokka»" in cap.get() and "[bold]chữ[/bold] :x: ␛[31m" in cap.get()


def test_markup_in_a_document_shows_verbatim_in_every_answer(store):
    found = {
        "search-subject": cli(store, "search", "kiểm thử biểu tượng"),
        "ask": cli(store, "ask", "tìm văn bản về quokka"),
        "refs": cli(store, "refs", "77/SKHCN-VP"),
        "owe": cli(store, "owe", "--from", "1/7/2025", "--by", "31/7/2025", "--today", "1/7/2025"),
        "ask-owe": cli(store, "ask", "việc phải làm trước 31/7/2025", "--today", "1/7/2025"),
        "calendar": cli(store, "calendar", "--month", "2025-07", "--today", "1/7/2025"),
    }
    for name, (r, _) in found.items():
        assert_clean(r)
        assert r.exit_code == 0, (name, r.stderr)
        assert "❌" not in r.stdout, name
    joined = {name: " ".join(r.stdout.split()) for name, (r, _) in found.items()}
    assert MARKUP_SUBJECT in joined["search-subject"] and MARKUP_SUBJECT in joined["refs"]
    assert f"77/SKHCN-VP — {MARKUP_SUBJECT}" in joined["ask"]
    for name in ("owe", "ask-owe", "calendar"):  # the unit as the document writes it, brackets and all
        assert "[/]" in found[name][0].stdout, name


def test_markup_in_a_file_name_is_shown_verbatim(store, tmp_path):
    doc = tmp_path / "[bold]x [red]:x:.txt"
    doc.write_text(MARKUP_DOC.replace("quokka", "wombat"), encoding="utf-8")
    r, _ = cli(store, "ingest", str(doc))
    assert_clean(r)
    assert str(doc) in " ".join(r.stderr.split()) + " ".join(r.stdout.split())


def test_markup_typed_by_the_user_is_echoed_verbatim(store):
    r, _ = cli(store, "owe", "--by", "31/7/2025", "--today", "1/7/2025", "--unit", "[/] :x:", "--action", "[bold]")
    assert_clean(r)
    assert r.exit_code == 0 and "đơn vị: [/] :x:; việc: [bold]" in r.stdout


DATE_RUNS = {
    "owe-by-9999": ["owe", "--by", "31/12/9999"],
    "owe-by-1899": ["owe", "--by", "1/1/1899"],
    "owe-from-9999": ["owe", "--from", "1/1/9999", "--by", "31/12/9999"],
    "owe-today-9999": ["owe", "--by", "31/12/2025", "--today", "31/12/9999"],
    "owe-iso-0001": ["owe", "--by", "0001-01-01"],
    "calendar-9999-12": ["calendar", "--month", "9999-12"],
    "calendar-1899": ["calendar", "--month", "12/1899"],
    "calendar-today-9999": ["calendar", "--month", "7", "--today", "1/1/9999"],
    "search-to-9999": ["search", "wifi", "--to", "31/12/9999"],
    "search-from-1000": ["search", "wifi", "--from", "1/1/1000"],
    "ask-today-9999": ["ask", "tìm wifi", "--today", "31/12/9999"],
}


@pytest.mark.parametrize("args", DATE_RUNS.values(), ids=DATE_RUNS.keys())
def test_dates_outside_1900_2199_are_refused_in_one_line(store, args):
    r, _ = cli(store, *args)
    assert_clean(r)
    assert r.exit_code == 1
    assert "[CV-Q05]" in r.stderr and "1900–2199" in r.stderr


ASK_DATES = [
    "đơn vị nào phải báo cáo trước 31/12/9999",
    "việc phải làm trong tháng 12 năm 9999",
    "việc phải làm từ 1/1/1800 đến 2/2/1800",
    "hạn chót 31/12/10000",
    "việc phải làm tháng sau",  # with --today in December 2199: January 2200
]


@pytest.mark.parametrize("question", ASK_DATES)
def test_ask_with_a_date_outside_the_years_says_so(store, question):
    r, _ = cli(store, "ask", question, "--today", "15/12/2199")
    assert_clean(r)
    assert r.exit_code == 0 and "Chưa hiểu câu hỏi" in r.stdout


def test_the_years_at_the_edges_still_answer(store):
    for args in (["owe", "--by", "31/12/2199", "--today", "1/1/1900"], ["calendar", "--month", "2199-12"]):
        r, _ = cli(store, *args)
        assert_clean(r)
        assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["search", "wifi"],
        ["ask", "tìm wifi"],
        ["ask", "đơn vị nào phải báo cáo trước 31/12/2025", "--today", "1/7/2025"],
        ["owe", "--by", "31/12/2025", "--today", "1/7/2025"],
        ["calendar", "--month", "2025-07"],
        ["refs", "77/SKHCN-VP"],
        ["refs", "--missing"],
        ["graph"],
    ],
    ids=lambda a: "-".join(a[:2]),
)
def test_an_answer_out_of_time_says_so_in_one_line(store, args):
    r, _ = cli(store, *args, CONGVAN_ANSWER_SECONDS="0.000001")
    assert_clean(r)
    assert r.exit_code == 1 and "[CV-Q04] hết thời gian trả lời" in r.stderr


def test_a_bad_time_limit_setting_is_one_line(store):
    r, _ = cli(store, "search", "wifi", CONGVAN_ANSWER_SECONDS="soon")
    assert_clean(r)
    assert r.exit_code == 1 and "CONGVAN_ANSWER_SECONDS" in r.stderr


WORST = {
    "10kB-pasted-page": dict(HOSTILE)["10kB-pasted-page"],
    "1000-repeated-words": dict(HOSTILE)["1000-repeated-words"],
    "5000-distinct-words": dict(HOSTILE)["5000-distinct-words"],
    "boolean-and-fields": "AND OR NOT kind: title:[a TO b] * ? ~ ^ (",
    "markup": "[/] [bold] :x:",
}


@pytest.mark.slow
@pytest.mark.parametrize("how", ["search", "ask"])
def test_the_real_command_survives_the_worst_queries(store, how):
    exe = Path(sys.executable).with_name("congvan")
    env = {**os.environ, **store}
    queries = [*WORST.values(), os.fsdecode(b"wifi \xff\xfe c\xf4ng")]  # argv that is not UTF-8
    for q in queries:
        r = subprocess.run(
            [str(exe), how, q if how == "search" else f"tìm {q}"], env=env, capture_output=True, timeout=60
        )
        err = r.stderr.decode("utf-8", "replace")
        assert r.returncode == 0 and "Traceback" not in err, err
        assert all(line.startswith("congvan: cảnh báo: ") for line in err.splitlines()), err
    r = subprocess.run([str(exe), "search", "quokka"], env=env, capture_output=True, timeout=60, text=True)
    assert MARKUP_SUBJECT in " ".join(r.stdout.split())
