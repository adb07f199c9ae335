"""ask: Vietnamese questions (with or without diacritics) read into owe / refs / search, and the
``ask`` command with and without the search component."""

from __future__ import annotations

import datetime as dt

import pytest
import typer
from conftest_answers import TODAY, build_corpus, names
from typer.testing import CliRunner

from congvan.cli.answers import register
from congvan.present import answer_text
from pipeline.answers.ask import EXAMPLES, ask, parse_question

D = dt.date


# --- reading the question (no database) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind", "start", "by", "action", "unit"),
    [
        ("đơn vị nào phải báo cáo trước 31/7", "owe", None, D(2025, 7, 31), "báo cáo", None),
        ("don vi nao phai bao cao truoc 31/7", "owe", None, D(2025, 7, 31), "báo cáo", None),
        ("Đơn vị nào phải báo cáo trước ngày 31/7/2025?", "owe", None, D(2025, 7, 31), "báo cáo", None),
        ("Những đơn vị nào phải gửi báo cáo chậm nhất 15.8.2025", "owe", None, D(2025, 8, 15), "báo cáo", None),
        ("việc nào của Sở KH&CN quá hạn", "overdue", None, TODAY, None, "Sở KH&CN"),
        ("viec nao cua So KH&CN qua han?", "overdue", None, TODAY, None, "So KH&CN"),
        ("Sở Nội vụ phải làm gì trong tháng 8", "owe", D(2025, 8, 1), D(2025, 8, 31), None, "Sở Nội vụ"),
        ("so noi vu phai lam gi trong thang 8", "owe", D(2025, 8, 1), D(2025, 8, 31), None, "so noi vu"),
        ("UBND xã Ia Chim phải báo cáo gì tháng này?", "owe", None, D(2025, 7, 31), "báo cáo", "UBND xã Ia Chim"),
        ("hạn chót tuần này", "owe", None, D(2025, 7, 13), None, None),
        ("han chot tuan nay", "owe", None, D(2025, 7, 13), None, None),
        ("tuần sau", "owe", D(2025, 7, 14), D(2025, 7, 20), None, None),
        ("Hạn chót tuần sau là gì?", "owe", D(2025, 7, 14), D(2025, 7, 20), None, None),
        ("tháng này", "owe", None, D(2025, 7, 31), None, None),
        ("việc đến hạn tháng sau", "owe", D(2025, 8, 1), D(2025, 8, 31), None, None),
        ("việc nào phải xong từ 1/8 đến 15/8", "owe", D(2025, 8, 1), D(2025, 8, 15), None, None),
    ],
)
def test_parse_owe_questions(question, kind, start, by, action, unit):
    intent = parse_question(question, TODAY)
    assert (intent.kind, intent.start, intent.by, intent.action, intent.unit) == (kind, start, by, action, unit)


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("văn bản nào dẫn chiếu 4664/KH-UBND", "4664/KH-UBND"),
        ("van ban nao dan chieu 4664/kh-ubnd?", "4664/kh-ubnd"),
        ("Những văn bản nào căn cứ Kế hoạch 4664/KH-UBND?", "4664/KH-UBND"),
        ("859/SKHCN-CNCĐS", "859/SKHCN-CNCĐS"),
    ],
)
def test_parse_reference_questions(question, reference):
    intent = parse_question(question, TODAY)
    assert intent.kind == "refs" and intent.reference == reference


@pytest.mark.parametrize(
    ("question", "query"),
    [
        ("tìm văn bản về wifi công cộng", "wifi công cộng"),
        ("tim van ban ve wifi cong cong", "wifi cong cong"),
        ("Tìm công văn liên quan đến chuyển đổi số cấp xã?", "chuyển đổi số cấp xã"),
        ("tra cứu nhà văn hóa thôn", "nhà văn hóa thôn"),
    ],
)
def test_parse_search_questions(question, query):
    intent = parse_question(question, TODAY)
    assert intent.kind == "search" and intent.query == query


@pytest.mark.parametrize(
    "question", ["xin chào", "thời tiết hôm nay thế nào", "", "   ", "???", "cho tôi biết điều gì đó thú vị"]
)
def test_not_understood(question):
    assert parse_question(question, TODAY).kind == "unknown"


# --- answering -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["đơn vị nào phải báo cáo trước 31/7", "don vi nao phai bao cao truoc 31/7", "DON VI NAO PHAI BAO CAO TRUOC 31/7"],
)
def test_who_must_report_before(corpus, session, question):
    answer = ask(session, question, TODAY)
    assert answer.understood and answer.kind == "owe"
    assert answer.owe.by == D(2025, 7, 31) and answer.owe.action == "báo cáo"
    assert names(corpus, answer.owe.one_off) == {"xa", "xa_again", "ia_chim", "snv"}
    assert names(corpus, answer.owe.overdue) == {"skhcn_late"}
    assert "báo cáo" in answer.summary and "31/07/2025" in answer.summary


def test_a_question_without_year_means_this_year(session):
    today = dt.date.today()
    answer = ask(session, "đơn vị nào phải báo cáo trước 31/12")
    assert answer.owe.by == D(today.year, 12, 31)


@pytest.mark.parametrize("question", ["việc nào của Sở KH&CN quá hạn", "viec nao cua so KH&CN qua han"])
def test_overdue_of_a_unit(corpus, session, question):
    answer = ask(session, question, TODAY)
    assert answer.kind == "overdue"
    assert names(corpus, answer.owe.overdue) == {"skhcn_late"}
    assert "Sở Khoa học và Công nghệ" in answer_text(answer) and "quá hạn" in answer_text(answer)
    assert "Sở Tài chính" not in answer_text(answer)


@pytest.mark.parametrize("question", ["Sở Nội vụ phải làm gì trong tháng 8", "so noi vu phai lam gi trong thang 8"])
def test_what_a_unit_must_do_in_a_month(corpus, session, question):
    answer = ask(session, question, TODAY)
    assert names(corpus, answer.owe.rows) == {"snv_aug"}
    assert answer.owe.start == D(2025, 8, 1) and answer.owe.by == D(2025, 8, 31)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hạn chót tuần này", {"weekly", "skhcn_late", "stc", "undated"}),
        ("tuần sau", {"xa", "xa_again", "ia_chim", "weekly", "undated"}),
        (
            "tháng này",
            {"xa", "xa_again", "ia_chim", "vnpt", "snv", "weekly", "monthly", "skhcn_late", "stc", "undated"},
        ),
    ],
)
def test_relative_periods(corpus, session, question, expected):
    assert names(corpus, ask(session, question, TODAY).owe.rows) == expected


@pytest.mark.parametrize("question", ["văn bản nào dẫn chiếu 4664/KH-UBND", "van ban nao dan chieu 4664/kh-ubnd"])
def test_which_documents_cite(corpus, session, question):
    answer = ask(session, question, TODAY)
    assert answer.kind == "refs" and answer.refs.in_corpus
    assert {r.document.id for r in answer.refs.cited_by} == {corpus.docs["cv1260"], corpus.docs["cv566"]}
    assert "1260/UBND-KGVX" in answer_text(answer)


def test_refs_of_a_missing_document(corpus, session):
    answer = ask(session, "văn bản nào dẫn chiếu 859/SKHCN-CNCĐS?", TODAY)
    assert not answer.refs.in_corpus and "chưa có trong kho" in answer.summary
    assert len(answer.refs.cited_by) == 2


def test_missing_citations_question(session):
    answer = ask(session, "Văn bản nào được dẫn chiếu nhưng chưa có trong kho?", TODAY)
    assert answer.kind == "missing" and [m.reference for m in answer.missing] == ["859/SKHCN-CNCĐS"]


def test_search_calls_the_injected_function(session):
    calls: list[str] = []

    def search(query: str) -> list:
        calls.append(query)
        return [{"reference": "566/SKHCN-CNCĐS", "subject": "Triển khai hệ thống WIFI công cộng"}]

    answer = ask(session, "tìm văn bản về wifi công cộng", TODAY, search=search)
    assert calls == ["wifi công cộng"]
    assert answer.kind == "search" and len(answer.results) == 1
    assert "566/SKHCN-CNCĐS — Triển khai hệ thống WIFI công cộng" in answer_text(answer)


def test_search_without_a_search_function_says_so(session):
    answer = ask(session, "tìm văn bản về wifi công cộng", TODAY)
    assert answer.understood and answer.results is None and "chưa sẵn sàng" in answer.message


def test_a_failing_search_is_reported_not_raised(session):
    def broken(query: str) -> list:
        raise RuntimeError("chỉ mục chưa được lập")

    answer = ask(session, "tìm văn bản về wifi", TODAY, search=broken)
    assert "chỉ mục chưa được lập" in answer.message


@pytest.mark.parametrize("question", ["xin chào", "thời tiết hôm nay thế nào", "", "phải báo cáo trước 35/7"])
def test_not_understood_answers_with_examples(session, question):
    answer = ask(session, question, TODAY)
    assert not answer.understood and answer.kind == "unknown"
    assert "Chưa hiểu câu hỏi" in answer.summary
    assert answer.examples == EXAMPLES
    text = answer_text(answer)
    assert "Đơn vị nào phải báo cáo trước 31/7?" in text and "Tìm văn bản về wifi công cộng" in text


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def cli(congvan_home, database_url):
    """Run a command against a CONGVAN_HOME whose database holds the corpus."""
    build_corpus(database_url)
    app = typer.Typer()
    register(app)

    def run(*args: str):
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})

    return run


def test_cli_ask_owe(cli):
    r = cli("ask", "don vi nao phai bao cao truoc 31/7/2025", "--today", "10/7/2025")
    assert r.exit_code == 0, r.output
    assert "Việc “báo cáo” của mọi đơn vị" in r.output
    assert "Sở Nội vụ" in r.output and "31/07/2025" in r.output and "quá hạn" in r.output


def test_cli_ask_refs(cli):
    r = cli("ask", "văn bản nào dẫn chiếu 4664/KH-UBND")
    assert r.exit_code == 0, r.output
    assert "Được dẫn chiếu bởi" in r.output and "566/SKHCN-CNCĐS" in r.output


def test_cli_ask_not_understood(cli):
    r = cli("ask", "xin chào")
    assert r.exit_code == 0 and "Chưa hiểu câu hỏi" in r.output and "Việc nào của Sở KH&CN quá hạn?" in r.output


def _ask_with(search):
    """The answer commands registered with this search hook instead of the home's index."""
    app = typer.Typer()
    register(app, search=search)
    return lambda *args: CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})


def test_cli_ask_search_uses_the_search_hook_it_is_given(cli):
    seen: list[str] = []

    def search_documents(query):
        seen.append(query)
        return [{"reference": "1023/SKHCN-CNCĐS", "subject": "Đôn đốc báo cáo WIFI công cộng"}]

    r = _ask_with(search_documents)("ask", "tìm văn bản về wifi công cộng")
    assert r.exit_code == 0, r.output
    assert seen == ["wifi công cộng"] and "1023/SKHCN-CNCĐS — Đôn đốc báo cáo WIFI công cộng" in r.output


def test_cli_ask_search_without_a_search_hook(cli):
    r = _ask_with(None)("ask", "tìm văn bản về wifi công cộng")
    assert r.exit_code == 0, r.output
    assert "tìm kiếm toàn văn chưa sẵn sàng" in r.output


def test_cli_ask_search_goes_to_the_index_by_default(cli):
    r = cli("ask", "tìm văn bản về wifi công cộng")  # the index is built from the database on first open
    assert r.exit_code == 0, r.output
    assert "566/SKHCN-CNCĐS" in r.output
