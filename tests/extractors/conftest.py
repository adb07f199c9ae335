"""Helpers for the extractor tests: build documents from text the way the text reader does.

Every document in these tests is written for them (invented agencies, numbers, dates and
places), following the grammar of Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW.
"""

from __future__ import annotations

from typing import Any

import pytest

from extractors.base import TextView
from pipeline.document import RawDocument
from pipeline.extract import DocumentExtraction, extract, to_contract
from pipeline.readers.text import parse_text


def raw_doc(text: str) -> RawDocument:
    blocks, warnings = parse_text(text)
    return RawDocument(source="test.txt", format="txt", blocks=tuple(blocks), warnings=tuple(warnings))


@pytest.fixture
def doc():
    """``doc(text) -> DocumentExtraction`` for a document written as plain text."""

    def build(text: str) -> DocumentExtraction:
        return extract(raw_doc(text))

    return build


@pytest.fixture
def contract():
    """``contract(text) -> dict``: the JSON record of SCHEMA.md for a document written as plain text."""

    def build(text: str) -> dict[str, Any]:
        return to_contract(extract(raw_doc(text)))

    return build


@pytest.fixture
def view():
    """``view(text) -> TextView`` over the blocks the text reader makes of ``text``."""

    def build(text: str) -> TextView:
        return TextView(raw_doc(text))

    return build
