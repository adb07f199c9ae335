"""The question set: everyday questions a văn thư and a leader ask, with diacritics or without,
with typos and shorthand, about dates past and future, years, quarters, months, recurrence, kinds of
unit, a document, a signer, an issuer, a recipient, counts, what is missing and who has not
answered, each with the intent it must be read as and the answer it must get from a real database
(the corpus of conftest_answers plus the documents below)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest_answers import TODAY, Corpus, build_corpus, cite, document, send_to, task

from models.db import session_scope
from models.schema import Document, Obligation, Unit
from pipeline.answers.ask import ask

D = dt.date


def _extend(corpus: Corpus) -> Corpus:
    """Signers; a party committee's công văn to the communes; a 2024 plan with a task never done;
    the finance department's report that answered its task."""
    with session_scope(corpus.url) as s:
        units = {u.name: u for u in s.query(Unit)}
        doc = {name: s.get(Document, i) for name, i in corpus.docs.items()}
        for name in ("cv1260", "tb"):
            doc[name].signer_name, doc[name].signer_position = "Nguyễn Ngọc Sâm", "PHÓ CHỦ TỊCH"
            doc[name].signer_authority = "KT."
        # 566's footnote lists the members of "Các doanh nghiệp viễn thông"; nothing lists the communes.
        doc["cv566"].extraction = {
            "addressee_members": {"Các doanh nghiệp viễn thông": ["Viettel Kon Tum", "VNPT Kon Tum"]}
        }
        for name in ("cv566", "cv1023"):
            doc[name].signer_name, doc[name].signer_position = "Trần Văn Hùng", "GIÁM ĐỐC"
        tu = document("CV", "45-CV/TU", "Tỉnh ủy Kon Tum", D(2025, 7, 1), "Tăng cường công tác phòng, chống thiên tai")
        tu.signer_name, tu.signer_position, tu.signer_authority = "Dương Văn Trang", "PHÓ BÍ THƯ THƯỜNG TRỰC", "T/M"
        send_to(tu, units["Các sở, ban, ngành"], units["Ủy ban nhân dân cấp xã"])
        tu_xa = task(tu, [units["Ủy ban nhân dân cấp xã"]], "báo cáo",
                     "Ủy ban nhân dân cấp xã báo cáo Ban Thường vụ Tỉnh ủy kết quả trước ngày 30/9/2025.",
                     D(2025, 9, 30))  # fmt: skip
        kh99 = document("KH", "99/KH-SNV", "Sở Nội vụ", D(2024, 1, 10), "Đào tạo, bồi dưỡng công chức năm 2024")
        old = task(kh99, [units["Sở Khoa học và Công nghệ"]], "báo cáo",
                   "Sở Khoa học và Công nghệ báo cáo nhu cầu đào tạo về Sở Nội vụ trước ngày 15/3/2024.",
                   D(2024, 3, 15))  # fmt: skip
        bc = document("BC", "180/BC-STC", "Sở Tài chính", D(2025, 6, 28), "Kết quả bố trí kinh phí WiFi công cộng")
        send_to(bc, units["Ủy ban nhân dân tỉnh Kon Tum"])
        cite(bc, "1260/UBND-KGVX", doc["cv1260"], "CV")
        s.add_all([tu, kh99, bc])
        s.flush()
        stc = s.get(Obligation, corpus.obs["stc"])
        stc.status, stc.answered_by = "answered", bc
        corpus.docs |= {"tu": tu.id, "kh99": kh99.id, "bc_stc": bc.id}
        corpus.obs |= {"tu_xa": tu_xa.id, "kh99": old.id}
    return corpus


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from models.db import upgrade

    url = f"sqlite:///{tmp_path_factory.mktemp('questions') / 'congvan.db'}"
    upgrade(url)
    return _extend(build_corpus(url))


REPORTS_BY_31_7 = {"xa", "xa_again", "ia_chim", "snv", "monthly", "weekly", "undated", "skhcn_late", "kh99"}
AFTER_31_7 = D(2025, 8, 5)

# (question, the intent's kind, what the answer must hold, today if not TODAY)
#   rows: the obligations listed; overdue: those listed as overdue; count; docs: the references
#   listed; signer; tasks: how many; pending: the owners (members) not answered; cited_by; missing.
QUESTIONS = [
    # deadlines, with and without diacritics, shorthand, typos
    ("đơn vị nào phải báo cáo trước 31/7", "owe", {"rows": REPORTS_BY_31_7}),
    ("don vi nao phai bao cao truoc 31/7", "owe", {"rows": REPORTS_BY_31_7}),
    ("dv nao phai bc truoc 31/7", "owe", {"rows": REPORTS_BY_31_7}),
    ("Đơn vị nào phải báo cáo trước ngày 31/7/2025?", "owe", {"rows": REPORTS_BY_31_7}),
    ("Những đơn vị nào phải gửi báo cáo chậm nhất 31.7.2025", "owe", {"rows": REPORTS_BY_31_7}),
    # a day already past: what was due by then and never came, latest first
    (
        "đơn vị nào phải báo cáo trước 31/7",
        "owe",
        {"overdue": {"skhcn_late", "kh99", "xa", "xa_again", "ia_chim", "snv"}, "first": "snv"},
        AFTER_31_7,
    ),
    ("đơn vị nào phải báo cáo trước 31/7/2024", "owe", {"overdue": {"kh99"}}),
    # overdue, answered hidden unless asked
    ("việc nào quá hạn", "overdue", {"overdue": {"skhcn_late", "kh99"}, "first": "skhcn_late"}),
    ("viec nao qua hang", "overdue", {"overdue": {"skhcn_late", "kh99"}}),
    ("việc nào trễ hạn?", "overdue", {"overdue": {"skhcn_late", "kh99"}}),
    ("việc nào quá hạn, kể cả việc đã xong", "overdue", {"overdue": {"skhcn_late", "kh99", "stc"}}),
    ("Sở KH&CN có việc nào quá hạn?", "overdue", {"overdue": {"skhcn_late", "kh99"}}),
    ("việc nào của Sở Khoa học và Công nghệ quá hạn", "overdue", {"overdue": {"skhcn_late", "kh99"}}),
    ("việc nào của Sở Tài chính quá hạn", "overdue", {"overdue": set()}),
    ("ai chưa báo cáo", "overdue", {"overdue": {"skhcn_late", "kh99"}}),
    ("có bao nhiêu việc quá hạn", "overdue", {"count": 2}),
    ("bao nhieu viec qua han cua so noi vu", "overdue", {"count": 0}),
    # windows: weeks, months, quarters, years, days ahead
    ("hạn chót tuần này", "owe", {"rows": {"weekly", "skhcn_late", "kh99", "undated"}}),
    ("tuần sau", "owe", {"rows": {"xa", "xa_again", "ia_chim", "weekly", "undated"}}),
    ("tháng sau", "owe", {"rows": {"snv_aug", "skhcn_aug", "monthly", "weekly", "undated"}}),
    ("việc nào phải xong từ 1/8 đến 15/8", "owe", {"rows": {"snv_aug", "weekly", "undated"}}),
    ("việc nào đến hạn trong 7 ngày tới", "owe", {"rows": {"xa", "weekly", "skhcn_late", "kh99", "undated"}}),
    ("hôm nay phải làm gì", "owe", {"rows": {"skhcn_late", "kh99", "undated"}}),
    (
        "việc nào phải xong trong quý III",
        "owe",
        {
            "rows": {
                "snv",
                "snv_aug",
                "skhcn_aug",
                "xa",
                "xa_again",
                "ia_chim",
                "vnpt",
                "tu_xa",
                "monthly",
                "quarterly",
                "weekly",
                "undated",
            }
        },
    ),
    ("quý 4 năm 2025 có những hạn nào", "owe", {"rows": {"monthly", "quarterly", "yearly", "weekly", "undated"}}),
    ("việc nào có hạn trong năm 2024", "owe", {"rows": {"kh99", "undated"}}),
    ("Sở Nội vụ phải làm gì trong tháng 8", "owe", {"rows": {"snv_aug"}}),
    ("so noi vu phai lam gi trong thang 8", "owe", {"rows": {"snv_aug"}}),
    ("UBND xã Ia Chim phải báo cáo gì tháng này?", "owe", {"rows": {"ia_chim", "xa", "xa_again", "monthly"}}),
    ("Viettel Kon Tum phải báo cáo gì tuần sau", "owe", {"rows": {"weekly"}}),
    # recurrence
    ("báo cáo hằng tháng", "owe", {"rows": {"monthly"}}),
    ("những việc nào phải làm hằng quý", "owe", {"rows": {"quarterly"}}),
    ("việc báo cáo hàng tuần", "owe", {"rows": {"weekly"}}),
    ("báo cáo định kỳ hằng năm", "owe", {"rows": {"yearly"}}),
    ("việc nào phải làm trước 15/12 hằng năm", "owe", {"rows": {"yearly"}}),
    # kinds of unit
    ("sở nào phải báo cáo trước 31/7", "owe", {"rows": {"snv", "skhcn_late", "kh99", "undated"}}),
    ("xã nào phải báo cáo trong tháng 7", "owe", {"rows": {"xa", "xa_again", "ia_chim", "monthly"}}),
    ("xa nao phai bao cao trong thang 7", "owe", {"rows": {"xa", "xa_again", "ia_chim", "monthly"}}),
    # one document: its tasks, its signer, who has not answered it, its references
    ("văn bản 1260/UBND-KGVX giao những việc gì", "tasks", {"tasks": 5}),
    ("1260/ubnd-kgvx giao viec gi", "tasks", {"tasks": 5}),
    ("ai ký văn bản 1260/UBND-KGVX", "signer", {"signer": "Nguyễn Ngọc Sâm"}),
    ("ai ky 566/SKHCN-CNCĐS", "signer", {"signer": "Trần Văn Hùng"}),
    ("người ký công văn 45-CV/TU là ai", "signer", {"signer": "Dương Văn Trang"}),
    (
        "đơn vị nào chưa báo cáo theo 566/SKHCN-CNCĐS",
        "pending",
        {"pending": {"Ủy ban nhân dân cấp xã", "Viettel Kon Tum", "VNPT Kon Tum"}},
    ),
    ("những đơn vị nào chưa trả lời 1260/UBND-KGVX", "pending", {"pending": {"Sở Nội vụ", "Sở Khoa học và Công nghệ"}}),
    ("văn bản nào dẫn chiếu 4664/KH-UBND", "refs", {"cited_by": {"1260/UBND-KGVX", "566/SKHCN-CNCĐS"}}),
    (
        "van ban nao can cu 1260/ubnd-kgvx",
        "refs",
        {"cited_by": {"566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS", "215/BC-SNV", "180/BC-STC"}},
    ),
    ("859/SKHCN-CNCĐS", "refs", {"cited_by": {"1023/SKHCN-CNCĐS", "120/TB-UBND"}}),
    ("văn bản nào được dẫn chiếu nhưng chưa có trong kho", "missing", {"missing": {"859/SKHCN-CNCĐS"}}),
    ("van ban nao dan chieu ma con thieu", "missing", {"missing": {"859/SKHCN-CNCĐS"}}),
    # documents by issuer, signer, recipient, kind, period; counts
    ("văn bản nào của Tỉnh ủy Kon Tum", "docs", {"docs": {"45-CV/TU"}}),
    ("van ban nao cua tinh uy", "docs", {"docs": {"45-CV/TU"}}),
    ("Sở Khoa học và Công nghệ ban hành những văn bản nào", "docs", {"docs": {"566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS"}}),
    ("công văn nào của Sở KH&CN", "docs", {"docs": {"566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS"}}),
    ("thông báo nào của UBND tỉnh trong tháng 7", "docs", {"docs": {"120/TB-UBND"}}),
    (
        "công văn nào gửi UBND cấp xã",
        "docs",
        {"docs": {"1260/UBND-KGVX", "566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS", "45-CV/TU"}},
    ),
    (
        "công văn nào gửi UBND các xã",
        "docs",
        {"docs": {"1260/UBND-KGVX", "566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS", "45-CV/TU"}},
    ),
    ("những văn bản nào gửi Sở Nội vụ", "docs", {"docs": {"1260/UBND-KGVX"}}),
    ("báo cáo nào gửi UBND tỉnh", "docs", {"docs": {"215/BC-SNV", "180/BC-STC"}}),
    ("văn bản nào do Nguyễn Ngọc Sâm ký", "docs", {"docs": {"1260/UBND-KGVX", "120/TB-UBND"}}),
    ("van ban nao do nguyen ngoc sam ky", "docs", {"docs": {"1260/UBND-KGVX", "120/TB-UBND"}}),
    ("ông Trần Văn Hùng ký những văn bản nào", "docs", {"docs": {"566/SKHCN-CNCĐS", "1023/SKHCN-CNCĐS"}}),
    ("có bao nhiêu văn bản năm 2025", "docs", {"count": 7}),
    ("co bao nhieu van ban", "docs", {"count": 9}),
    ("bao nhiêu kế hoạch", "docs", {"count": 2}),
    ("có bao nhiêu công văn của Tỉnh ủy", "docs", {"count": 1}),
    # search and what is not a question for the register
    ("tìm văn bản về wifi công cộng", "search", {"query": "wifi công cộng"}),
    ("tra cuu nha van hoa thon", "search", {"query": "nha van hoa thon"}),
    ("xin chào", "unknown", {}),
    ("thời tiết hôm nay thế nào", "unknown", {}),
]


def _names(world: Corpus, rows) -> set[str]:
    by_id = {v: k for k, v in world.obs.items()}
    return {by_id[r.obligation_id] for r in rows}


def test_the_set_is_large_enough():
    assert len(QUESTIONS) >= 60


def _owe_checks(world: Corpus, answer, expect: dict) -> None:
    if "rows" in expect:
        assert _names(world, answer.owe.rows) == expect["rows"]
    if "overdue" in expect:
        assert _names(world, answer.owe.overdue) == expect["overdue"]
        assert answer.owe.one_off == []
    if "first" in expect:
        assert _names(world, answer.owe.overdue[:1]) == {expect["first"]}  # the most urgent first
    if "count" in expect:
        assert answer.count == expect["count"] and f"Có {expect['count']} " in answer.summary


def _document_checks(answer, expect: dict) -> None:
    if "docs" in expect:
        assert {d.reference for d in answer.documents} == expect["docs"]
    if "signer" in expect:
        assert [d.signer.split(" (")[0] for d in answer.documents] == [expect["signer"]]
        assert expect["signer"] in answer.summary
    if "tasks" in expect:
        assert len(answer.tasks) == expect["tasks"]
    if "pending" in expect:
        assert {p.owner for p in answer.pending} == expect["pending"]
    if "cited_by" in expect:
        assert {c.document.reference for c in answer.refs.cited_by} == expect["cited_by"]
    if "missing" in expect:
        assert {m.reference for m in answer.missing} == expect["missing"]
    if "query" in expect:
        assert answer.intent.query == expect["query"]


@pytest.mark.parametrize("case", QUESTIONS, ids=[q[0] for q in QUESTIONS])
def test_question(world, case):
    question, kind, expect, *when = case
    with session_scope(world.url) as session:
        answer = ask(session, question, when[0] if when else TODAY)
        assert answer.kind == kind, answer.summary
        assert answer.understood == (kind != "unknown")
        _owe_checks(world, answer, expect)
        _document_checks(answer, expect)


@pytest.mark.parametrize(
    ("question", "key", "header"),
    [
        ("có bao nhiêu văn bản năm 2025", "van_ban", "so_ky_hieu"),
        ("đơn vị nào chưa báo cáo theo 566/SKHCN-CNCĐS", "chua_tra_loi", "don_vi"),
        ("1260/ubnd-kgvx giao viec gi", "cac_viec", "viec_so"),
    ],
)
def test_new_answers_print_as_json_and_csv(world, question, key, header):
    from congvan.cli.formats import answer_record, answer_rows

    with session_scope(world.url) as session:
        answer = ask(session, question, TODAY)
        record = answer_record(answer)
        columns, rows = answer_rows(answer)
    assert record[key] and header in columns and rows
    assert ("so_luong" in record) == (answer.count is not None)
