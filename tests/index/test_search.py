"""Searching: folding, exact-accent ranking, phrases, references, filters, snippets, updates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

import pytest

from index import IndexedDocument, SearchBackend, SearchFilters, SearchHit, open_index
from tests.helpers.index_corpus import (
    BAN_TIN,
    CONG_VAN_TRONG_TAM,
    CONG_VAN_WIFI,
    CORPUS,
    KE_HOACH_CDS,
    KE_HOACH_DANG,
    KE_HOACH_THIEN_TAI,
    QUYET_DINH_BAN_DO,
    THONG_BAO_DAU_GIA,
    ids,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_open_index_is_a_search_backend(tmp_path):
    backend = open_index(tmp_path / "index")
    try:
        assert isinstance(backend, SearchBackend)
        assert backend.count() == 0
    finally:
        backend.close()


def test_count(index):
    assert index.count() == len(CORPUS)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bao cao wifi", CONG_VAN_WIFI.id),
        ("BÁO CÁO wifi", CONG_VAN_WIFI.id),
        ("dak pxi", CONG_VAN_WIFI.id),
        ("Đăk Pxi", CONG_VAN_WIFI.id),
        ("ĐĂK PXI", CONG_VAN_WIFI.id),
        ("thien tai", KE_HOACH_THIEN_TAI.id),
        ("dau gia o to", THONG_BAO_DAU_GIA.id),
        (nfd("đấu giá ô tô"), THONG_BAO_DAU_GIA.id),  # a decomposed query
    ],
)
def test_folded_search(index, query, expected):
    hits = index.search(query)
    assert hits and hits[0].id == expected


def test_words_are_anded(index):
    assert CONG_VAN_WIFI.id in ids(index.search("wifi"))
    assert ids(index.search("wifi thiên tai")) == []


@pytest.mark.parametrize("doc_form", ["NFC", "NFD"])
@pytest.mark.parametrize("query_form", ["NFC", "NFD"])
def test_decomposed_documents_and_queries(empty_index, doc_form, query_form):
    doc = IndexedDocument(
        id=41,
        kind="CV",
        issuer=unicodedata.normalize(doc_form, "UBND xã Đăk Tờ Kan"),
        subject=unicodedata.normalize(doc_form, "V/v hỗ trợ người dân tiếp cận Internet"),
        text=unicodedata.normalize(doc_form, "Ủy ban nhân dân xã Đăk Tờ Kan đề nghị hỗ trợ lắp đặt điểm phát sóng."),
    )
    empty_index.add([doc])
    for query in ("Đăk Tờ Kan", "dak to kan", '"điểm phát sóng"', "hỗ trợ"):
        hits = empty_index.search(unicodedata.normalize(query_form, query))
        assert ids(hits) == [41], query
    snippet = empty_index.search(unicodedata.normalize(query_form, "phát sóng"))[0].snippet
    assert "«phát sóng»" in snippet  # the stored text is NFC, whatever came in


@pytest.mark.parametrize(
    ("query", "first", "second"),
    [
        ("bản", "bản đồ", "bán hàng"),
        ("bán", "bán hàng", "bản đồ"),
        ("Ban", "ban hành", "bán hàng"),  # capital, no accent: no exact bonus, both match
        ("hòa giải", "hoà giải", "hóa giải"),  # the other tone placement is the same word
    ],
)
def test_exact_accents_rank_first(empty_index, query, first, second):
    # Two documents alike in everything but the accents of one word, in subject and body
    def doc(i, words):
        return IndexedDocument(
            id=i, subject=f"Về việc {words} tại xã", text=f"Ủy ban nhân dân xã về việc {words} tại xã."
        )

    empty_index.add([doc(1, first), doc(2, second)])
    hits = empty_index.search(query)
    assert set(ids(hits)) == {1, 2}
    if query != "Ban":
        assert ids(hits) == [1, 2]
        assert hits[0].score > hits[1].score


def test_exact_accents_rank_first_in_the_corpus(index):
    hits = index.search("bản")
    assert hits[0].id == QUYET_DINH_BAN_DO.id  # "bản đồ" above "bán đấu giá", "Ban Chỉ đạo", "ban hành"
    assert {THONG_BAO_DAU_GIA.id, KE_HOACH_DANG.id} <= set(ids(hits))


def test_subject_outranks_a_body_only_mention(index):
    hits = index.search("phòng chống thiên tai")
    assert ids(hits)[:2] == [KE_HOACH_THIEN_TAI.id, BAN_TIN.id]


def test_subject_outranks_body_across_many_news_articles(empty_index):
    news = [
        dataclasses.replace(BAN_TIN, id=100 + i, subject=f"Bản tin địa phương số {i}", text=BAN_TIN.text * 2)
        for i in range(5)
    ]
    empty_index.add([*news, KE_HOACH_THIEN_TAI])
    assert ids(empty_index.search("phong chong thien tai"))[0] == KE_HOACH_THIEN_TAI.id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"hạ tầng số"', {KE_HOACH_CDS.id}),
        ('"ha tang so"', {KE_HOACH_CDS.id}),
        ('"chuyển đổi số"', {KE_HOACH_CDS.id, CONG_VAN_TRONG_TAM.id, KE_HOACH_DANG.id}),
        ('"số chuyển đổi"', set()),  # the same words in another order
        ('"nhà rông văn hóa" wifi', {CONG_VAN_WIFI.id}),  # a phrase ANDed with a word
        ("“xã Ia Chim”", {CONG_VAN_WIFI.id, BAN_TIN.id}),  # curly quotes
        ('"Ia Chim', {CONG_VAN_WIFI.id, BAN_TIN.id}),  # unclosed quote
        ("KH&CN", set()),  # a multi-token word is a phrase: "kh cn" is nowhere
    ],
)
def test_phrases(index, query, expected):
    assert set(ids(index.search(query))) == expected


def test_phrase_does_not_match_scattered_words(index):
    # "phát triển" and "số" both occur in the plan, but never as "phát triển số"
    assert KE_HOACH_CDS.id in ids(index.search("phát triển số"))
    assert ids(index.search('"phát triển số"')) == []


@pytest.mark.parametrize(
    "query",
    ["4664/KH-UBND", "4664/kh-ubnd", "4664 / KH-UBND", " 4664/KH-UBND ", "Kế hoạch 4664/KH-UBND", '"4664/KH-UBND"'],
)
def test_reference_in_any_spacing_or_case(index, query):
    hits = index.search(query)
    assert hits[0].id == KE_HOACH_CDS.id
    assert hits[0].reference == "4664/KH-UBND"


@pytest.mark.parametrize("query", ["02-KH/BCĐTW", "02-kh/bcđtw", "02-KH/BCDTW", "02 - KH/BCĐTW"])
def test_party_reference(index, query):
    assert index.search(query)[0].id == KE_HOACH_DANG.id


def test_reference_with_year(index):
    assert index.search("22/2025/qđ-ubnd")[0].id == QUYET_DINH_BAN_DO.id


def test_which_documents_cite_a_reference(index):
    hits = index.search("4664/KH-UBND")
    assert hits[0].id == KE_HOACH_CDS.id  # the document itself first
    citing = {h.id for h in hits if h.reference != "4664/KH-UBND"}
    assert citing == {CONG_VAN_TRONG_TAM.id, CONG_VAN_WIFI.id}
    # "4664 triệu đồng" in the auction notice is a number, not a citation
    assert THONG_BAO_DAU_GIA.id not in ids(hits)


def test_citation_field_alone_finds_the_citing_document(empty_index):
    # The citation came from a footnote the text does not hold: only the citations field knows it
    doc = IndexedDocument(id=9, kind="CV", subject="V/v góp ý dự thảo", text="Đề nghị góp ý.", citations=("57-NQ/TW",))
    empty_index.add([doc])
    assert ids(empty_index.search("57-nq/tw")) == [9]


BROWSE = [  # (filters, ids selected from the corpus), with an empty query: newest first
    (SearchFilters(kind="KH"), [7, 8, 1]),
    (SearchFilters(kind="kh"), [7, 8, 1]),
    (SearchFilters(kind="Kế hoạch"), [7, 8, 1]),
    (SearchFilters(kind="QĐ"), [4]),
    (SearchFilters(kind="qđ"), [4]),
    (SearchFilters(kind="HD"), []),  # hướng dẫn; not HĐ
    (SearchFilters(issuer="Sở Khoa học và Công nghệ"), [3]),
    (SearchFilters(issuer="Sở KH&CN"), [3]),  # abbreviation expanded
    (SearchFilters(issuer="so khoa hoc"), [3]),  # folded run of words
    (SearchFilters(issuer="UBND tỉnh Kon Tum"), [1]),
    (SearchFilters(issuer="Ủy ban nhân dân tỉnh"), [2, 4, 1]),  # "UBND tỉnh Kon Tum" expanded
    (SearchFilters(issuer="Sở Y tế"), []),
    (SearchFilters(unit="UBND xã Ia Chim"), [3]),
    (SearchFilters(unit="ia chim"), [3]),
    (SearchFilters(unit="Các doanh nghiệp viễn thông"), [3, 1]),
    (SearchFilters(unit="Sở KH&CN"), [1]),
    (SearchFilters(unit="Đăk Pxi Ia Chim"), []),  # a phrase never spans two units
    (SearchFilters(date_from=dt.date(2025, 4, 16), date_to=dt.date(2025, 6, 8)), [3, 5, 2]),  # inclusive
    (SearchFilters(date_from=dt.date(2025, 4, 17), date_to=dt.date(2025, 6, 7)), [5]),
    (SearchFilters(date_to=dt.date(2025, 1, 15)), [8, 1]),
    (SearchFilters(date_from=dt.date(2025, 6, 8)), [3]),
    (SearchFilters(reference="1260/ubnd-kgvx"), [2]),
    (SearchFilters(kind="CV", issuer="Quảng Ngãi"), [2]),
    (SearchFilters(kind="KH", date_from=dt.date(2025, 1, 1)), [7, 8]),
    (SearchFilters(issuer="..."), []),  # nothing searchable in a filter: nothing, never everything
]


@pytest.mark.parametrize(("filters", "expected"), BROWSE, ids=[repr(f) for f, _ in BROWSE])
def test_filters_alone_list_newest_first(index, filters, expected):
    hits = index.search("", filters)
    assert ids(hits) == expected
    assert all(h.score == 0.0 for h in hits)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (None, {1, 2, 3, 4, 5, 6}),
        (SearchFilters(kind="CV"), {2, 3}),
        (SearchFilters(kind="KH"), {1}),
        (SearchFilters(issuer="Sở KH&CN"), {3}),
        (SearchFilters(unit="Các sở, ban, ngành tỉnh"), {2}),
        (SearchFilters(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 4, 16)), {2, 4, 6}),
        (SearchFilters(date_from=dt.date(2025, 4, 17)), {3, 5}),
        (SearchFilters(reference="4664/KH-UBND"), {1}),
        (SearchFilters(kind="CV", date_to=dt.date(2025, 4, 16)), {2}),
    ],
)
def test_filters_restrict_a_query(index, filters, expected):
    assert set(ids(index.search("tỉnh", filters))) == expected


@pytest.mark.parametrize("query", ["", "   ", "...", "- / ,", '""', '"', "«»", "!!! ???", "\u200b\u00ad"])
def test_nothing_searchable_gives_an_empty_result(index, query):
    assert index.search(query) == []
    assert index.search(query, SearchFilters()) == []


def test_limit(index):
    assert len(index.search("ủy ban", limit=2)) == 2
    assert index.search("ủy ban", limit=0) == []


def test_hit_fields(index):
    (hit,) = index.search('"đấu giá"')
    assert isinstance(hit, SearchHit)
    assert hit == SearchHit(
        id=5,
        score=hit.score,
        snippet=hit.snippet,
        kind="TB",
        reference="115/TB-STC",
        issuer="Sở Tài chính",
        date=dt.date(2025, 5, 20),
        subject="Kết quả bán đấu giá tài sản công là xe ô tô",
    )
    assert hit.score > 0


def test_issuer_is_stored_as_given_not_expanded(index):
    hit = index.search("Kon Tum 2025")[0]
    assert hit.issuer == "UBND tỉnh Kon Tum"


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("bao cao wifi", ["«báo cáo»", "«WIFI»"]),
        ("wifi nha rong van hoa", ["«Nhà rông văn hóa»"]),
        ("dak pxi", ["«Đăk Pxi»"]),
        ('"ket qua trien khai"', ["«kết quả triển khai»"]),
    ],
)
def test_snippet_marks_accented_words_of_an_unaccented_query(index, query, marked):
    hit = index.search(query)[0]
    assert hit.id == CONG_VAN_WIFI.id
    for m in marked:
        assert m in hit.snippet
    assert "\n" not in hit.snippet


def test_snippet_without_a_text_match_is_the_opening_of_the_text(index):
    hit = index.search("4664/KH-UBND")[0]  # matched by its reference field; the words are in the text too
    assert hit.snippet.startswith("ỦY BAN NHÂN DÂN TỈNH KON TUM")
    hit = index.search("", SearchFilters(kind="QĐ"))[0]
    assert "«" not in hit.snippet and hit.snippet.startswith("QUYẾT ĐỊNH Ban hành")


def test_snippet_is_short(empty_index):
    long = "Đoạn văn mở đầu không liên quan. " * 200 + "Đề nghị báo cáo số liệu. " + "Nội dung khác. " * 200
    empty_index.add([IndexedDocument(id=1, subject="Về việc khác", text=long)])
    snippet = empty_index.search("số liệu")[0].snippet
    assert "«số liệu»" in snippet
    assert len(snippet) < 300


def test_snippet_shows_the_phrase_where_it_is_not_the_first_match(empty_index):
    text = "Số liệu tầng hầm. " + "Nội dung không liên quan đến yêu cầu. " * 40 + "Đầu tư hạ tầng số cho xã."
    empty_index.add([IndexedDocument(id=1, subject="Về việc đầu tư", text=text)])
    snippet = empty_index.search('"hạ tầng số"')[0].snippet
    assert "«hạ tầng số»" in snippet


def test_add_replaces_by_id(index):
    changed = dataclasses.replace(
        THONG_BAO_DAU_GIA, subject="Kết quả thanh lý tài sản công", text="Thông báo kết quả thanh lý máy tính."
    )
    index.add([changed])
    assert index.count() == len(CORPUS)
    assert ids(index.search("thanh lý")) == [THONG_BAO_DAU_GIA.id]
    assert ids(index.search('"đấu giá"')) == []


def test_add_the_same_id_twice_in_one_batch_keeps_the_last(empty_index):
    first = IndexedDocument(id=7, subject="Bản nháp", text="dự thảo lần một")
    last = IndexedDocument(id=7, subject="Bản chính thức", text="văn bản ban hành")
    empty_index.add([first, last])
    assert empty_index.count() == 1
    assert ids(empty_index.search("chính thức")) == [7]
    assert empty_index.search("dự thảo") == []


def test_add_accepts_a_generator_and_nothing(empty_index):
    empty_index.add(d for d in CORPUS[:3])
    empty_index.add([])
    assert empty_index.count() == 3


def test_delete(index):
    index.delete([CONG_VAN_WIFI.id, 999])  # an unknown id is ignored
    assert index.count() == len(CORPUS) - 1
    assert ids(index.search("wifi")) == []
    assert CONG_VAN_WIFI.id not in ids(index.search("4664/KH-UBND"))
    index.delete([])
    assert index.count() == len(CORPUS) - 1


def test_rebuild_drops_everything_else(index):
    index.rebuild([QUYET_DINH_BAN_DO, KE_HOACH_THIEN_TAI])
    assert index.count() == 2
    assert ids(index.search("wifi")) == []
    assert ids(index.search('"bản đồ"')) == [QUYET_DINH_BAN_DO.id]
    index.rebuild([])
    assert index.count() == 0


def test_failed_rebuild_leaves_the_index_untouched(index):
    def broken():
        yield QUYET_DINH_BAN_DO
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        index.rebuild(broken())
    with pytest.raises(ValueError, match="twice"):
        index.rebuild([QUYET_DINH_BAN_DO, QUYET_DINH_BAN_DO])
    assert index.count() == len(CORPUS)
    assert ids(index.search("wifi")) == [CONG_VAN_WIFI.id]


def test_rebuild_in_several_processes(tmp_path):
    from index.whoosh_backend import WhooshBackend

    with WhooshBackend(tmp_path / "index", procs=2) as backend:
        backend.add(CORPUS[:2])
        docs = [dataclasses.replace(d, id=d.id + 100 * n) for n in range(30) for d in CORPUS]
        backend.rebuild(docs)
        assert backend.count() == len(docs)
        assert len(backend.search("wifi", limit=100)) == 30


def test_a_second_backend_sees_writes(index, tmp_path):
    from index.whoosh_backend import WhooshBackend

    with WhooshBackend(tmp_path / "index") as other:
        assert other.count() == len(CORPUS)
        index.delete([1])
        assert other.count() == len(CORPUS) - 1  # the reader refreshes before each call
        other.add([dataclasses.replace(KE_HOACH_CDS, id=1)])
    assert index.count() == len(CORPUS)


def test_minimal_document(empty_index):
    empty_index.add([IndexedDocument(id=1, text="Nội dung duy nhất.")])
    (hit,) = empty_index.search("duy nhất")
    assert (hit.kind, hit.reference, hit.issuer, hit.date, hit.subject) == (None, None, None, None, None)
    assert re.search(r"«duy nhất»", hit.snippet)
