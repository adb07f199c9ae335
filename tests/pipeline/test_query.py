"""The query grammar (pipeline.query): words, phrases, references; bounded; never raises."""

from __future__ import annotations

import pytest

from pipeline.query import (
    MAX_NAME_CHARS,
    MAX_PHRASE_WORDS,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    bounded_name,
    parse_query,
    tokens,
)
from tests.helpers.hostile import HOSTILE


@pytest.mark.parametrize("text", [t for _, t in HOSTILE], ids=[i for i, _ in HOSTILE])
def test_any_string_parses_within_the_bounds(text):
    q = parse_query(text)
    assert len(q.text) <= MAX_QUERY_CHARS
    assert q.terms <= MAX_QUERY_TERMS
    for term in q.words + q.phrases + q.references:
        assert 1 <= len(tokens(term)) <= MAX_PHRASE_WORDS
    assert not any(ch < " " and ch not in "\n\t" for ch in q.text)  # controls and NUL are gone
    assert not any("\ud800" <= ch <= "\udfff" for ch in q.text)  # so are lone surrogates
    if len(text) > MAX_QUERY_CHARS or q.dropped_terms:
        assert q.notice and q.notice.startswith("câu tìm dài quá")


def test_not_a_string_is_an_empty_query():
    for value in (None, 42, b"wifi", ["wifi"]):
        assert parse_query(value).empty


def test_a_repeated_word_is_one_term():
    q = parse_query(" ".join(["báo", "Báo"] * 100))
    assert q.words == ("báo",) and q.notice is None  # case aside: the index lowercases anyway


def test_the_first_terms_are_kept_and_the_rest_counted():
    q = parse_query(" ".join(f"tu{i}" for i in range(100)))
    assert q.words == tuple(f"tu{i}" for i in range(MAX_QUERY_TERMS))
    assert q.dropped_terms == 100 - MAX_QUERY_TERMS
    assert f"chỉ dùng {MAX_QUERY_TERMS} từ đầu (bỏ {100 - MAX_QUERY_TERMS} từ)" in q.notice


def test_a_long_query_is_cut_at_a_space():
    q = parse_query("wifi " * 1000)
    assert q.text.endswith("wifi") and q.dropped_chars == 5000 - len(q.text)
    assert f"chỉ dùng {MAX_QUERY_CHARS} ký tự đầu" in q.notice


def test_engine_syntax_is_only_characters():
    q = parse_query('kind:KH title:[a TO b] wifi* AND NOT "hạ tầng" 4664/KH-UBND ~ ^')
    assert q.words == ("kind:KH", "title:[a", "TO", "b]", "wifi*", "AND", "NOT")
    assert q.phrases == ("hạ tầng",)
    assert q.references == ("4664/KH-UBND",)


def test_punctuation_control_and_invisible_characters_are_not_words():
    assert parse_query("... - / [/] \x00 \u202e 🙂").empty
    assert parse_query("wi\x00fi").words == ("wi", "fi")


def test_a_phrase_keeps_its_first_words():
    q = parse_query('"' + " ".join(f"w{i}" for i in range(40)) + '"')
    assert tokens(q.phrases[0]) == [f"w{i}" for i in range(MAX_PHRASE_WORDS)]
    assert q.dropped_words == 40 - MAX_PHRASE_WORDS and "cụm từ" in q.notice


def test_bounded_name():
    assert bounded_name(None) is None
    assert bounded_name("Sở\x00 KH&CN") == "Sở  KH&CN"
    assert len(bounded_name("Sở Nội vụ " * 100)) <= MAX_NAME_CHARS
