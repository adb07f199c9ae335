"""End to end: the project's own extractor reads the generated ground truth back.

Twenty documents are written in each format (the same documents: the differences between
formats are the readers'), read with ``pipeline.readers.read`` and extracted with
``pipeline.extract.extract``, and compared with the manifest by ``corpus.generator.check``.

The thresholds sit a little under what was measured on larger corpora (300 documents in each
format): header fields 0.998, cited references 1.000, dated obligations 0.97-0.99 recall. What
the extractor misses there is on purpose left in the generator, because real documents contain
it (see the report in corpus/generator/check.py's output): units the gazetteer lacks ("Báo Đồng
Tháp", "Bảo hiểm xã hội tỉnh", "Thị ủy ..."), verbs the owner grammar does not know ("công khai",
"đẩy nhanh"), and in PDFs a time cell wrapped inside a table ("Tháng" / "9/2024").
"""

from __future__ import annotations

import pytest

from corpus.generator import FORMATS, generate
from corpus.generator.check import HEADER_FIELDS, agreement


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("roundtrip")
    generate(out, 20, seed=2024, formats=FORMATS, every_format=True)
    result = agreement(out)
    print("\n" + result.summary())
    return result


@pytest.mark.parametrize("fmt", FORMATS)
def test_header_fields_are_read_back(report, fmt):
    assert report.docs[fmt] == 20
    assert report.header_rate(fmt) >= 0.95, report.summary() + "\n" + "\n".join(report.misses)
    for field in HEADER_FIELDS:
        assert report.field_rate(field, fmt) >= 0.9, (field, report.summary())


@pytest.mark.parametrize("fmt", FORMATS)
def test_cited_references_are_found(report, fmt):
    cites = report.total(report.citations, fmt)
    assert cites.gold > 20
    assert cites.recall >= 0.95, report.summary()
    assert cites.precision >= 0.9, report.summary()
    assert report.total(report.citation_dates, fmt).recall >= 0.95


@pytest.mark.parametrize("fmt", FORMATS)
def test_dated_obligations_are_found(report, fmt):
    obligations = report.total(report.obligations, fmt)
    assert obligations.gold > 30
    assert obligations.recall >= 0.9, report.summary() + "\n" + "\n".join(report.misses)
    assert obligations.precision >= 0.9, report.summary()
