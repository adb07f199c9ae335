"""The synthetic corpus generator: determinism, counts and formats, valid files, a consistent manifest."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from corpus.generator import FORMATS, MANIFEST, generate, plan, read_manifest


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(out, 45, seed=3, formats=FORMATS)
    return out


@pytest.fixture(scope="module")
def planned() -> list:
    """A larger corpus, planned but not written: enough for chains, reports and reminders to appear."""
    return plan(400, seed=5)


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_same_seed_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(a, 12, seed=7, formats=FORMATS)
    generate(b, 12, seed=7, formats=FORMATS)
    assert _files(a) == _files(b)


def test_another_seed_gives_another_corpus(tmp_path):
    generate(tmp_path / "a", 6, seed=1, formats=("txt",))
    generate(tmp_path / "b", 6, seed=2, formats=("txt",))
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_count_and_round_robin_formats(tmp_path):
    paths = generate(tmp_path, 7, seed=0, formats=("docx", "pdf", "txt"))
    assert [p.suffix for p in paths] == [".docx", ".pdf", ".txt", ".docx", ".pdf", ".txt", ".docx"]
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    records = read_manifest(tmp_path)
    assert [r["file"] for r in records] == [p.name for p in paths]
    assert [r["format"] for r in records] == [p.suffix[1:] for p in paths]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*(p.name for p in paths), MANIFEST])


def test_weighted_mix_and_every_format(tmp_path):
    paths = generate(tmp_path / "mix", 6, seed=0, formats=("docx", "docx", "pdf"))
    assert Counter(p.suffix for p in paths) == {".docx": 4, ".pdf": 2}
    every = generate(tmp_path / "all", 4, seed=0, formats=FORMATS, every_format=True)
    assert len(every) == 12
    records = read_manifest(tmp_path / "all")
    assert len({r["id"] for r in records}) == 4 and len(records) == 12


def test_default_is_docx_and_zero_is_empty(tmp_path):
    assert {p.suffix for p in generate(tmp_path / "d", 3)} == {".docx"}
    assert generate(tmp_path / "z", 0) == []
    assert read_manifest(tmp_path / "z") == []


@pytest.mark.parametrize("formats", [(), ("doc",), ("docx", "odt")])
def test_unknown_formats_are_refused(tmp_path, formats):
    with pytest.raises(ValueError):
        generate(tmp_path, 2, formats=formats)


def test_every_docx_opens_with_python_docx_and_has_the_official_layout(corpus_dir):
    import docx

    paths = sorted(corpus_dir.glob("*.docx"))
    assert paths
    for path in paths:
        d = docx.Document(str(path))
        header, signature = d.tables[0], d.tables[1]
        assert len(header.columns) == 2 and len(signature.columns) == 2, path.name
        left, right = header.rows[0].cells
        assert "Số" in left.text, path.name
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text or "ĐẢNG CỘNG SẢN VIỆT NAM" in right.text
        assert re.search(r", ngày [\d ]* tháng \d+ năm \d{4}", right.text), path.name
        assert signature.rows[0].cells[0].text.startswith("Nơi nhận"), path.name
        assert any(p.text.strip() for p in d.paragraphs), path.name


def test_every_pdf_opens_with_pdfplumber_with_columns_side_by_side(corpus_dir):
    import pdfplumber

    records = {r["file"]: r for r in read_manifest(corpus_dir)}
    paths = sorted(corpus_dir.glob("*.pdf"))
    assert paths
    for path in paths:
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            text = page.extract_text()
            words = page.extract_words()
        record = records[path.name]
        assert record["reference"] in text.replace(" ", ""), path.name
        assert "Việt Nam".upper() in text or "VIỆT NAM" in text
        so = next(w for w in words if w["text"].startswith("Số"))
        quoc_hieu = next(w for w in words if w["text"] in ("CỘNG", "ĐẢNG") and w["top"] < 120)
        # two header columns side by side: the number on the left, the national motto on the right
        assert so["x0"] < quoc_hieu["x0"] and abs(so["top"] - quoc_hieu["top"]) < 60, path.name


def test_text_exports_are_utf8_with_the_header_columns_split_by_a_tab(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        first = text.split("\n\n", 1)[0]
        assert "\t" in first and ("CỘNG HÒA" in first or "ĐẢNG CỘNG SẢN" in first), path.name


def test_manifest_records_the_ground_truth(corpus_dir):
    for r in read_manifest(corpus_dir):
        assert r["doc_type"] in {"CV", "KH", "QĐ", "BC", "TB", "GM", "CT", "NQ", "HD"}
        assert r["reference"].endswith(r["symbol"])
        if r["number"]:
            assert r["reference"].startswith(r["number"])
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", r["date"])
        for c in r["citations"]:
            assert c["reference"] != r["reference"]
        for o in r["obligations"]:
            assert o["owner"] and (o["due"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", o["due"]))
    line = (corpus_dir / MANIFEST).read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(line)["file"]


def test_citation_chains_point_back_to_earlier_documents(planned):
    by_id = {d.id: d for d in planned}
    in_corpus = [(d, c) for d in planned for c in d.citations if c.doc_id]
    assert len(in_corpus) > 50
    for doc, c in in_corpus:
        cited = by_id[c.doc_id]
        assert cited.date <= doc.date and c.reference == cited.reference and c.date == cited.date
    outside = [c for d in planned for c in d.citations if not c.doc_id]
    assert any(re.search(r"/NĐ-CP$", c.reference) for c in outside)  # national decrees, never generated
    assert any(re.fullmatch(r"\d+-[A-Z]+/[A-ZĐ]+", c.reference) for c in outside)  # party style: 57-NQ/TW


def test_reports_reminders_and_implementations_answer_what_they_should(planned):
    by_id = {d.id: d for d in planned}
    reports = [d for d in planned if d.answers]
    reminders = [d for d in planned if d.reminds]
    implementations = [d for d in planned if d.implements]
    assert len(reports) > 20 and len(reminders) > 5 and len(implementations) > 10
    for r in reports:
        directive = by_id[r.answers]
        owners = {i for duty in directive.duties for i in duty.owner_ids}
        assert r.issuer_id in owners  # a follow-up comes from an owner of the directive's tasks
        assert directive.date < r.date and directive.reference in {c.reference for c in r.citations}
    for m in reminders:
        directive = by_id[m.reminds]
        assert m.issuer_id == directive.issuer_id and directive.date < m.date
        chased = set(m.duties[-1].owner_ids)
        assert chased <= {i for duty in directive.duties for i in duty.owner_ids}
        assert m.duties[-1].due and m.duties[-1].due > m.date
    for d in implementations:
        assert by_id[d.implements].reference in {c.reference for c in d.citations}


def test_numbers_grow_within_each_register(planned):
    state = [d for d in planned if d.ref.number and not d.ref.party and not d.ref.year]
    series: dict[tuple, list] = {}
    for d in state:
        series.setdefault((d.issuer_id, d.date.year), []).append(d)
    for docs in series.values():
        numbers = [int(d.ref.number) for d in sorted(docs, key=lambda d: (d.date, int(d.ref.number)))]
        assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


def test_the_corpus_is_varied(planned):
    kinds = Counter(d.kind for d in planned)
    assert {"CV", "KH", "QĐ", "BC", "TB", "GM"} <= set(kinds)
    assert len({d.issuer_id for d in planned}) > 40
    large = plan(1200, seed=1)
    assert len({d.date.year for d in large}) >= 3  # a large corpus spans several years
    assert any(d.ref.year for d in large)  # legal documents: 12/2024/QĐ-UBND
    forms = Counter(duty.form for d in planned for duty in d.duties)
    assert {"date", "quarter", "month", "yearly", "monthly", "semiannual", "meeting"} <= set(forms)
    assert any(d.layout.appendix for d in planned)
    assert any(d.ref.party for d in planned)
    signers = Counter((d.signer or {}).get("authority") for d in planned)
    assert {"KT", "TM", None} <= set(signers)


def test_dates_are_working_days_inside_the_window():
    docs = plan(60, seed=9, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31))
    assert all(dt.date(2023, 1, 1) <= d.date <= dt.date(2023, 12, 31) and d.date.weekday() < 5 for d in docs)
    assert [d.date for d in docs] == sorted(d.date for d in docs)
