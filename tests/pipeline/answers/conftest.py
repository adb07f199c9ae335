"""Fixtures the answer tests share: the corpus of conftest_answers in a fresh database, a session on it."""

from __future__ import annotations

import pytest
from conftest_answers import Corpus, build_corpus

from models.db import session_scope


@pytest.fixture
def corpus(database_url) -> Corpus:
    """The corpus in a fresh database (tests/conftest.py: SQLite, or PostgreSQL in CI)."""
    return build_corpus(database_url)


@pytest.fixture
def session(corpus):
    with session_scope(corpus.url) as s:
        yield s
