"""owe (windows, recurrences, overdue, action and unit filters), refs, missing citations, the citation
graph and follow-ups, over a corpus built with ORM objects (conftest_answers), plus their commands."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
import typer
from conftest_answers import TODAY, build_corpus, cite, document, names, send_to, task
from sqlalchemy import select
from typer.testing import CliRunner

from congvan.cli.answers import register
from models.schema import Document, Obligation, Unit
from pipeline.answers.dates import occurrences, parse_user_date, parse_user_month
from pipeline.answers.graph import GRAPHML_NS, citation_graph, to_dot, to_graphml
from pipeline.answers.owe import owe
from pipeline.answers.refs import missing_citations, refs
from pipeline.errors import QueryError
from pipeline.ingest.followups import link_followups, reminded, reminders_of

D = dt.date


# --- user dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/7", D(2025, 7, 31)),  # no year: the current year
        ("31/7/2025", D(2025, 7, 31)),
        ("2025-07-31", D(2025, 7, 31)),
        ("15.7.2025", D(2025, 7, 15)),
        ("15-7-2025", D(2025, 7, 15)),
        ("1/8/26", D(2026, 8, 1)),
        ("ngày 5 tháng 8", D(2025, 8, 5)),
        ("ngay 5 thang 8 nam 2026", D(2026, 8, 5)),
        (" 31 / 12 ", D(2025, 12, 31)),
    ],
)
def test_parse_user_date(text, expected):
    assert parse_user_date(text, TODAY) == expected


def test_a_date_without_year_is_in_the_current_year():
    assert parse_user_date("31/7") == D(dt.date.today().year, 7, 31)


@pytest.mark.parametrize("text", ["32/7", "31/13", "30/2/2025", "mai", "", "2025/07/31"])
def test_parse_user_date_refuses_what_is_not_a_date(text):
    with pytest.raises(QueryError, match="không hiểu ngày"):
        parse_user_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2025-07", (2025, 7)), ("7/2025", (2025, 7)), ("tháng 8", (2025, 8)), ("12", (2025, 12))],
)
def test_parse_user_month(text, expected):
    assert parse_user_month(text, TODAY) == expected


# --- occurrences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "recurrence", "start", "end", "expected"),
    [
        (D(2025, 12, 15), "yearly", D(2026, 12, 1), D(2026, 12, 31), [D(2026, 12, 15)]),
        (D(2025, 12, 15), "yearly", D(2026, 1, 1), D(2026, 11, 30), []),
        (D(2025, 12, 15), "yearly", D(2025, 1, 1), D(2025, 12, 14), []),  # before the first due date
        (D(2024, 2, 29), "yearly", D(2025, 1, 1), D(2025, 12, 31), [D(2025, 2, 28)]),
        (D(2025, 1, 31), "monthly", D(2025, 2, 1), D(2025, 4, 30), [D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30)]),
        (D(2025, 1, 25), "monthly", D(2025, 7, 10), D(2025, 7, 31), [D(2025, 7, 25)]),
        (D(2025, 3, 20), "quarterly", D(2025, 1, 1), D(2025, 12, 31), [D(2025, 3, 20), D(2025, 6, 20), D(2025, 9, 20), D(2025, 12, 20)]),
        (D(2025, 6, 30), "semiannual", D(2025, 1, 1), D(2026, 12, 31), [D(2025, 6, 30), D(2025, 12, 30), D(2026, 6, 30), D(2026, 12, 30)]),
        (D(2025, 7, 4), "weekly", D(2025, 7, 10), D(2025, 7, 31), [D(2025, 7, 11), D(2025, 7, 18), D(2025, 7, 25)]),
        (D(2025, 7, 4), "weekly", D(2025, 7, 11), D(2025, 7, 11), [D(2025, 7, 11)]),
        (D(2025, 7, 8), "daily", D(2025, 7, 10), D(2025, 7, 12), [D(2025, 7, 10), D(2025, 7, 11), D(2025, 7, 12)]),
    ],
)  # fmt: skip
def test_occurrences(first, recurrence, start, end, expected):
    assert occurrences(first, recurrence, start, end) == expected


# --- owe -----------------------------------------------------------------------------------------


def test_owe_from_today_lists_one_off_recurring_undated_and_overdue_apart(corpus, session):
    report = owe(session, by=D(2025, 7, 31), today=TODAY)
    assert names(corpus, report.one_off) == {"xa", "xa_again", "ia_chim", "vnpt", "snv"}
    assert names(corpus, report.recurring) == {"weekly", "monthly"}
    assert names(corpus, report.undated) == {"undated"}
    assert names(corpus, report.overdue) == {"skhcn_late", "stc"}
    assert all(r.overdue for r in report.overdue) and not any(r.overdue for r in report.one_off)
    # out of the window: August, September (quarterly), December (yearly)
    assert not names(corpus, report.rows) & {"skhcn_aug", "snv_aug", "quarterly", "yearly"}
    assert [r.deadline for r in report.one_off] == sorted(r.deadline for r in report.one_off)
    weekly = next(r for r in report.recurring if r.obligation_id == corpus.obs["weekly"])
    assert weekly.occurrences == (D(2025, 7, 11), D(2025, 7, 18), D(2025, 7, 25))
    assert weekly.deadline == D(2025, 7, 11) and weekly.recurrence_vi == "hằng tuần"
    snv = next(r for r in report.one_off if r.obligation_id == corpus.obs["snv"])
    assert (
        snv.owners == ("Sở Nội vụ",) and snv.action == "báo cáo" and snv.source == "CV 1260/UBND-KGVX ngày 16/04/2025"
    )


@pytest.mark.parametrize(
    ("start", "by", "inside", "outside"),
    [
        (D(2025, 7, 1), D(2025, 7, 15), {"xa", "weekly"}, {"xa_again", "snv", "monthly"}),
        (D(2025, 12, 1), D(2025, 12, 31), {"yearly", "quarterly", "monthly"}, {"snv"}),
        (D(2026, 12, 1), D(2026, 12, 31), {"yearly"}, set()),  # the second year's 15/12
        (D(2026, 1, 1), D(2026, 11, 30), {"monthly", "quarterly"}, {"yearly"}),
        (D(2026, 2, 1), D(2026, 2, 28), {"monthly"}, {"quarterly", "yearly"}),
        (D(2025, 8, 1), D(2025, 8, 31), {"skhcn_aug", "snv_aug", "weekly"}, {"quarterly", "snv"}),
    ],
)
def test_owe_windows(corpus, session, start, by, inside, outside):
    report = owe(session, by=by, start=start, today=TODAY)
    got = names(corpus, report.one_off + report.recurring)
    assert inside <= got
    assert not got & outside
    assert report.overdue == []  # an explicit start: nothing is listed apart


def test_yearly_occurrence_is_the_same_day(corpus, session):
    report = owe(session, by=D(2026, 12, 31), start=D(2026, 12, 1), today=TODAY)
    yearly = next(r for r in report.recurring if r.obligation_id == corpus.obs["yearly"])
    assert yearly.deadline == D(2026, 12, 15) and yearly.recurrence == "yearly"


def test_with_a_start_past_one_offs_in_the_window_are_flagged_overdue(corpus, session):
    report = owe(session, by=D(2025, 6, 30), start=D(2025, 6, 1), today=TODAY)
    assert names(corpus, [r for r in report.one_off if r.overdue]) == {"stc", "skhcn_late"}


def test_answered_and_done_obligations_are_not_overdue(corpus, session):
    session.get(Obligation, corpus.obs["stc"]).status = "answered"
    session.get(Obligation, corpus.obs["skhcn_late"]).status = "done"
    session.flush()
    assert owe(session, by=D(2025, 7, 31), today=TODAY).overdue == []


def test_window_ending_before_it_starts_is_an_error(session):
    with pytest.raises(QueryError):
        owe(session, by=D(2025, 7, 1), start=D(2025, 7, 5), today=TODAY)


def test_a_day_already_past_lists_what_was_due_by_then_and_is_still_open(corpus, session):
    report = owe(session, by=D(2025, 7, 1), today=TODAY)
    assert report.past
    assert names(corpus, report.overdue) == {"stc", "skhcn_late"}
    assert [r.deadline for r in report.overdue] == [D(2025, 6, 30), D(2025, 6, 20)]  # the latest first
    assert report.one_off == []
    assert names(corpus, report.recurring) == {"monthly", "quarterly"}  # their open occurrences up to 1/7


@pytest.mark.parametrize("action", ["báo cáo", "bao cao", "BÁO CÁO", "Bao Cao"])
def test_action_filter_ignores_diacritics_and_case(corpus, session, action):
    report = owe(session, by=D(2025, 7, 31), today=TODAY, action=action)
    assert names(corpus, report.one_off) == {"xa", "xa_again", "ia_chim", "snv"}
    assert names(corpus, report.overdue) == {"skhcn_late"}


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("hoàn thành", {"stc", "vnpt", "skhcn_aug"}),
        ("kinh phi", {"stc"}),  # matches the obligation's text, not only its action
        ("WiFi", {"stc", "skhcn_aug", "xa", "xa_again", "weekly"}),
        ("tham muu", {"snv", "snv_aug", "stc"}),
    ],
)
def test_action_filter_reads_the_text_too(corpus, session, action, expected):
    report = owe(session, by=D(2025, 12, 31), start=D(2025, 1, 1), today=TODAY, action=action)
    assert names(corpus, report.rows) == expected


XA = {"xa", "xa_again", "monthly"}


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("UBND xã Ia Chim", XA | {"ia_chim"}),  # a member matches its group's obligations, by level
        ("Xã Ia Chim", XA | {"ia_chim"}),  # as the footnote lists it: via the members table
        ("Phường Kon Tum", XA),  # another member: its own tasks none, the group's all
        ("UBND cấp xã", XA | {"ia_chim"}),  # the group matches a member's obligations
        ("Ủy ban nhân dân các xã, phường", XA | {"ia_chim"}),
        ("Viettel Kon Tum", {"weekly"}),  # member of the telecoms only through the members table
        ("các doanh nghiệp viễn thông", {"weekly", "vnpt"}),  # the group finds its listed member's task
        ("VNPT Kon Tum", {"weekly", "vnpt"}),
        ("Sở KH&CN", {"yearly", "skhcn_aug", "skhcn_late"}),  # abbreviation expanded
        ("SKHCN", {"yearly", "skhcn_aug", "skhcn_late"}),  # a stored alias
        ("Sở Khoa học", {"yearly", "skhcn_aug", "skhcn_late"}),  # prefix of the owner's key
        ("so noi vu", {"quarterly", "snv", "snv_aug"}),  # without diacritics
        ("Sở NV", {"quarterly", "snv", "snv_aug"}),  # initials
        ("Sở Tài chính", {"stc"}),
        ("Sở Giáo dục và Đào tạo", set()),
    ],
)
def test_unit_filter(corpus, session, unit, expected):
    report = owe(session, by=D(2025, 12, 31), start=D(2025, 1, 1), today=TODAY, unit=unit)
    assert names(corpus, report.rows) == expected


def test_a_commune_does_not_bring_in_its_sibling_communes(corpus, session):
    report = owe(session, by=D(2025, 12, 31), start=D(2025, 1, 1), today=TODAY, unit="Phường Kon Tum")
    assert corpus.obs["ia_chim"] not in {r.obligation_id for r in report.rows}


def test_owners_not_linked_to_units_match_by_their_written_names(corpus, session):
    doc = session.get(Document, corpus.docs["tb"])
    loose = task(
        doc, [], "báo cáo", "Sở Nội vụ báo cáo số lượng công chức cấp xã trước ngày 28/7/2025.", D(2025, 7, 28)
    )
    loose.owner_names = ["Sở Nội vụ"]
    session.flush()
    report = owe(session, by=D(2025, 7, 31), today=TODAY, unit="Sở Nội vụ")
    assert loose.id in {r.obligation_id for r in report.one_off}
    assert next(r for r in report.one_off if r.obligation_id == loose.id).owners == ("Sở Nội vụ",)


def test_unit_and_action_filters_combine(corpus, session):
    report = owe(session, by=D(2025, 8, 31), start=D(2025, 7, 1), today=TODAY, unit="Sở Nội vụ", action="tham mưu")
    assert names(corpus, report.rows) == {"snv", "snv_aug"}
    report = owe(session, by=D(2025, 8, 31), start=D(2025, 7, 1), today=TODAY, unit="Sở Nội vụ", action="báo cáo")
    assert names(corpus, report.rows) == {"snv"}


# --- refs, missing, graph --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["1260/UBND-KGVX", "1260/ubnd-kgvx", " 1260 / UBND - KGVX "])
def test_refs_both_directions(corpus, session, typed):
    report = refs(session, typed)
    assert report.in_corpus and report.document.id == corpus.docs["cv1260"]
    assert [(c.reference, c.in_corpus) for c in report.cites] == [("4664/KH-UBND", True)]
    assert report.cites[0].document.id == corpus.docs["kh"]
    assert [r.document.reference for r in report.cited_by] == ["566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS", "215/BC-SNV"]


def test_refs_marks_what_is_not_in_the_corpus(corpus, session):
    report = refs(session, "1023/SKHCN-CNCĐS")
    assert {c.reference: c.in_corpus for c in report.cites} == {
        "566/SKHCN-CNCĐS": True,
        "859/SKHCN-CNCĐS": False,
        "1260/UBND-KGVX": True,
    }
    assert report.cited_by == []


@pytest.mark.parametrize("typed", ["859/SKHCN-CNCĐS", "859/skhcn-cncđs", "859/SKHCN-CNCDS"])
def test_refs_of_a_missing_document_still_lists_who_cites_it(corpus, session, typed):
    report = refs(session, typed)
    assert not report.in_corpus and report.document is None and report.cites == []
    assert report.key == "859/SKHCN-CNCĐS"
    assert {r.document.id for r in report.cited_by} == {corpus.docs["cv1023"], corpus.docs["tb"]}


def test_refs_of_an_unknown_reference(session):
    report = refs(session, "999/QĐ-UBND")
    assert not report.in_corpus and report.cited_by == [] and report.cites == []


def test_missing_citations(corpus, session):
    missing = missing_citations(session)
    assert [(m.reference, m.count) for m in missing] == [("859/SKHCN-CNCĐS", 2)]
    assert {d.id for d in missing[0].cited_by} == {corpus.docs["cv1023"], corpus.docs["tb"]}


def test_citation_graph_dot(corpus, session):
    nodes, edges = citation_graph(session)
    assert len(nodes) == 7  # six stored documents and the missing 859
    assert {(e.source, e.target) for e in edges} == {
        (f"d{corpus.docs[a]}", f"d{corpus.docs[b]}" if b in corpus.docs else b)
        for a, b in [
            ("cv1260", "kh"),
            ("cv566", "cv1260"),
            ("cv566", "kh"),
            ("cv1023", "cv566"),
            ("cv1023", "m:859/SKHCN-CNCĐS"),
            ("cv1023", "cv1260"),
            ("tb", "m:859/SKHCN-CNCĐS"),
            ("bc_snv", "cv1260"),
        ]
    }
    dot = to_dot(nodes, edges)
    assert dot.startswith("digraph") and dot.rstrip().endswith("}")
    assert f'"d{corpus.docs["cv1260"]}" -> "d{corpus.docs["kh"]}";' in dot
    assert f'"d{corpus.docs["tb"]}" -> "m:859/SKHCN-CNCĐS";' in dot
    assert 'label="KH 4664/KH-UBND"' in dot
    assert "style=dashed" in dot and "chưa có trong kho" in dot


def test_citation_graph_graphml_parses(corpus, session):
    nodes, edges = citation_graph(session)
    root = ET.fromstring(to_graphml(nodes, edges))
    ns = {"g": GRAPHML_NS}
    assert root.tag == f"{{{GRAPHML_NS}}}graphml"
    graph = root.find("g:graph", ns)
    assert graph.get("edgedefault") == "directed"
    xml_nodes = {n.get("id"): n for n in graph.findall("g:node", ns)}
    assert len(xml_nodes) == 7 and len(graph.findall("g:edge", ns)) == len(edges) == 8
    missing = xml_nodes["m:859/SKHCN-CNCĐS"]
    assert missing.find("g:data[@key='in_corpus']", ns).text == "false"
    assert xml_nodes[f"d{corpus.docs['kh']}"].find("g:data[@key='label']", ns).text == "KH 4664/KH-UBND"
    pairs = {(e.get("source"), e.get("target")) for e in graph.findall("g:edge", ns)}
    assert (f"d{corpus.docs['bc_snv']}", f"d{corpus.docs['cv1260']}") in pairs


# --- follow-ups ----------------------------------------------------------------------------------


def _status(session, corpus, *names_):
    session.expire_all()
    return {n: session.get(Obligation, corpus.obs[n]).status for n in names_}


def test_a_report_from_an_owner_answers_its_obligation_and_no_other(corpus, session):
    report = session.get(Document, corpus.docs["bc_snv"])
    answered = link_followups(session, report)
    assert [ob.id for ob in answered] == [corpus.obs["snv"]]
    assert answered[0].answered_by_id == report.id
    # Sở Nội vụ's "tham mưu" stays open: a report answers the reporting task first;
    # other owners' tasks and the plan it did not cite are untouched.
    assert _status(session, corpus, "snv", "snv_aug", "stc", "skhcn_late", "quarterly") == {
        "snv": "answered",
        "snv_aug": "open",
        "stc": "open",
        "skhcn_late": "open",
        "quarterly": "open",
    }
    assert link_followups(session, report) == []  # already answered: nothing more to do


def _new_doc(session, corpus, kind, reference, issuer, date, cites=(), text="", to=()):
    doc = document(kind, reference, issuer, date, f"V/v thực hiện văn bản {', '.join(cites)}", text)
    for ref in cites:
        target = session.scalar(select(Document).where(Document.reference == ref))
        cite(doc, ref, target)
    send_to(doc, *(session.get(Unit, corpus.units[u]) for u in to))
    session.add(doc)
    session.flush()
    return doc


@pytest.mark.parametrize(
    ("kind", "reference", "issuer", "date", "cites", "to", "expected"),
    [
        # the right owner, citing, sent back to the directive's issuer: answers (no report-type task: all of them)
        ("CV", "2101/STC-QLNS", "Sở Tài chính", D(2025, 7, 3), ["1260/UBND-KGVX"], ["tinh"], {"stc"}),
        # wrong issuer
        ("CV", "1500/SGDĐT-VP", "Sở Giáo dục và Đào tạo", D(2025, 7, 3), ["1260/UBND-KGVX"], ["tinh"], set()),
        # the right issuer, not citing the directive
        ("CV", "2102/STC-QLNS", "Sở Tài chính", D(2025, 7, 3), [], ["tinh"], set()),
        # one commune's report does not close the task every commune owes
        ("BC", "42/BC-UBND", "Ủy ban nhân dân xã Ia Chim", D(2025, 7, 12), ["566/SKHCN-CNCĐS"], [], set()),
        # dated before the directive
        ("BC", "12/BC-STC", "Sở Tài chính", D(2025, 4, 1), ["1260/UBND-KGVX"], [], set()),
        # from an owner but sent elsewhere: it passes the task on, it does not answer
        ("CV", "2103/STC-QLNS", "Sở Tài chính", D(2025, 7, 3), ["1260/UBND-KGVX"], ["cap_xa"], set()),
    ],
)
def test_link_followups_cases(corpus, session, kind, reference, issuer, date, cites, to, expected):
    doc = _new_doc(session, corpus, kind, reference, issuer, date, cites, to=to)
    by_id = {v: k for k, v in corpus.obs.items()}
    assert {by_id[ob.id] for ob in link_followups(session, doc)} == expected
    still_open = {n for n, st in _status(session, corpus, *corpus.obs).items() if st == "open"}
    assert still_open == set(corpus.obs) - expected


def test_a_reminder_answers_nothing_and_is_linked_to_what_it_chases(corpus, session):
    reminder = session.get(Document, corpus.docs["cv1023"])
    cv566 = session.get(Document, corpus.docs["cv566"])
    cv1260 = session.get(Document, corpus.docs["cv1260"])
    # Sở KH&CN owns a reporting task in 1260, which 1023 cites; 1023 still does not answer it.
    assert link_followups(session, reminder) == []
    assert reminders_of(session, cv566) == [reminder]
    assert reminders_of(session, cv1260) == []  # cited, but 1260 is not Sở KH&CN's own directive
    assert reminded(session, reminder) == [cv566]
    assert reminded(session, cv566) == []


def test_the_same_citation_without_chasing_phrases_is_no_reminder(corpus, session):
    plain = _new_doc(
        session,
        corpus,
        "CV",
        "1100/SKHCN-CNCĐS",
        "Sở Khoa học và Công nghệ",
        D(2025, 7, 8),
        ["566/SKHCN-CNCĐS"],
        "Sở Khoa học và Công nghệ gửi kèm tài liệu hướng dẫn kỹ thuật lắp đặt điểm phát WiFi.",
    )
    cv566 = session.get(Document, corpus.docs["cv566"])
    assert plain not in reminders_of(session, cv566)
    chasing = _new_doc(
        session,
        corpus,
        "CV",
        "1101/SKHCN-CNCĐS",
        "Sở Khoa học và Công nghệ",
        D(2025, 7, 9),
        ["566/SKHCN-CNCĐS"],
        "Sở Khoa học và Công nghệ đôn đốc các xã khẩn trương báo cáo.",
    )
    assert [d.reference for d in reminders_of(session, cv566)] == ["1023/SKHCN-CNCĐS", "1101/SKHCN-CNCĐS"]
    assert chasing in reminders_of(session, cv566)


# --- the commands --------------------------------------------------------------------------------


@pytest.fixture
def cli(congvan_home, database_url):
    """Run a command against a CONGVAN_HOME whose database holds the corpus."""
    corpus = build_corpus(database_url)
    app = typer.Typer()
    register(app)

    def run(*args: str):
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})

    run.corpus = corpus
    return run


def test_cli_owe(cli):
    r = cli("owe", "--by", "31/7/2025", "--today", "10/7/2025")
    assert r.exit_code == 0, r.output
    out = r.output
    for title in ("Quá hạn", "Việc một lần", "Việc định kỳ có hạn trong kỳ", "Việc định kỳ chưa rõ ngày"):
        assert title in out
    assert out.index("Quá hạn") < out.index("Việc một lần") < out.index("Việc định kỳ có hạn")
    assert "quá hạn" in out and "Sở Tài chính" in out and "30/06/2025" in out
    assert "hằng tuần" in out and "hằng tháng" in out and "6 tháng một lần" in out
    assert "CV 1260/UBND-KGVX" in out and "Đơn vị" in out and "Văn bản nguồn" in out


def test_cli_owe_filters(cli):
    r = cli("owe", "--by", "31/8/2025", "--from", "1/8/2025", "--unit", "so noi vu", "--today", "10/7/2025")
    assert r.exit_code == 0, r.output
    assert "tham mưu" in r.output and "15/08/2025" in r.output
    assert "Sở Tài chính" not in r.output and "Quá hạn" not in r.output
    r = cli("owe", "--by", "31/7/2025", "--action", "hoan thanh", "--today", "10/7/2025")
    assert "VNPT Kon Tum" in r.output and "Sở Nội vụ" not in r.output


def test_cli_owe_bad_date_is_one_line(cli):
    r = cli("owe", "--by", "32/7")
    assert r.exit_code == 1
    assert r.output.strip().count("\n") == 0 and "không hiểu ngày" in r.output and "Traceback" not in r.output


def test_cli_refs(cli):
    r = cli("refs", "566/skhcn-cncđs")
    assert r.exit_code == 0, r.output
    assert "CV 566/SKHCN-CNCĐS" in r.output and "1260/UBND-KGVX" in r.output
    assert "Được dẫn chiếu bởi" in r.output and "1023/SKHCN-CNCĐS" in r.output
    assert "Văn bản đôn đốc" in r.output
    r = cli("refs", "859/SKHCN-CNCĐS")
    assert "chưa có trong kho" in r.output and "120/TB-UBND" in r.output
    r = cli("refs", "--missing")
    assert "859/SKHCN-CNCĐS" in r.output and "│ 2" in r.output
    assert cli("refs").exit_code == 1


def test_cli_graph(cli, tmp_path):
    r = cli("graph", "--format", "dot")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("digraph") and "->" in r.output
    out = tmp_path / "g" / "graph.graphml"
    r = cli("graph", "--format", "graphml", "--output", str(out))
    assert r.exit_code == 0, r.output
    root = ET.parse(out).getroot()
    assert len(root.findall(f".//{{{GRAPHML_NS}}}node")) == 7
