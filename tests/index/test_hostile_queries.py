"""Hostile queries against a real Whoosh index: bounded Whoosh queries, answers in time, a time limit
enforced by Whoosh's TimeLimitCollector."""

from __future__ import annotations

import time

import pytest
from whoosh.searching import TimeLimit

from index.backend import IndexedDocument, SearchFilters
from index.whoosh_query import build_query
from pipeline.deadline import Deadline
from pipeline.errors import AnswerTimeout
from pipeline.query import MAX_QUERY_TERMS
from tests.helpers.hostile import HOSTILE

HOSTILE_IDS = [i for i, _ in HOSTILE]
HOSTILE_TEXTS = [t for _, t in HOSTILE]


def _leaves(q) -> int:
    children = list(q.children())
    return 1 if not children else sum(_leaves(c) for c in children)


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=HOSTILE_IDS)
def test_hostile_queries_answer_quickly_with_a_bounded_query(index, text):
    q = build_query(text)
    # Each term is at most a handful of field clauses: subject, body, issuer, exact bonuses, a
    # reference's two keys; nothing like the thousands that made Whoosh recurse past the stack.
    assert q is None or _leaves(q) <= MAX_QUERY_TERMS * 12
    start = time.perf_counter()
    hits = index.search(text)
    filtered = index.search(text, SearchFilters(issuer=text, unit=text, kind=text[:50]))
    assert time.perf_counter() - start < 2.0
    assert isinstance(hits, list) and isinstance(filtered, list)


def test_the_1000_word_query_that_crashed_finds_what_one_word_finds(index):
    one = [h.id for h in index.search("báo")]
    assert one and [h.id for h in index.search(" ".join(["báo"] * 1000))] == one


def test_engine_syntax_matches_as_text_not_as_operators(index):
    # "NOT" is a word to look for, not a negation: a document without it does not match.
    assert index.search("wifi NOT") == []
    assert [h.id for h in index.search("wifi*")] == [h.id for h in index.search("wifi")]


# Words every document of the big index holds: a query of all of them matches everything, and
# intersecting and scoring 24 full postings lists takes long enough to be stopped.
COMMON = (
    "wifi công cộng báo cáo kết quả thực hiện kế hoạch năm tỉnh sở ủy ban nhân dân văn bản quyết định triển khai đơn vị"
)


@pytest.fixture
def big_index(empty_index):
    body = (COMMON + " ") * 4
    empty_index.add(IndexedDocument(id=i, subject=f"Báo cáo wifi số {i}", text=f"{body} mã{i}") for i in range(1000))
    empty_index.search("wifi")  # the searcher opened: what is timed below is the search itself
    return empty_index


def test_a_search_past_its_time_limit_is_stopped_by_the_collector(big_index):
    start = time.perf_counter()
    assert len(big_index.search(COMMON, deadline=Deadline(60))) == 20  # in time: answered
    full = time.perf_counter() - start
    start = time.perf_counter()
    with pytest.raises(AnswerTimeout) as caught:
        big_index.search(COMMON, deadline=Deadline(0.05))
    stopped = time.perf_counter() - start
    assert isinstance(caught.value.__context__, TimeLimit)  # Whoosh's TimeLimitCollector stopped it
    assert caught.value.code == "CV-Q04" and "hết thời gian trả lời" in str(caught.value)
    assert stopped < max(full / 2, 0.5), (stopped, full)
