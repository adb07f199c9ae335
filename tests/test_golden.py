"""Golden files: the bundled samples, in every format, against their annotated answers.

tests/golden/*.json are the annotations of the samples in corpus/samples (the project's copy of
../shared/eval/gold for them) and tests/golden/score.py is the contract's scorer, so this test
runs without ../shared.
"""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.extract import extract, to_contract
from pipeline.readers import read

GOLDEN = Path(__file__).parent / "golden"


def _scorer():
    spec = importlib.util.spec_from_file_location("contract_score", GOLDEN / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer():
    return _scorer()


def _predictions(suffix: str) -> list[dict]:
    files = sorted(p for p in SAMPLES_DIR.glob(f"*{suffix}") if ".scan." not in p.name)
    assert files, f"no bundled samples ending in {suffix}"
    return [to_contract(extract(read(p)), source=str(p)) for p in files]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_samples_meet_the_acceptance_thresholds(scorer, suffix):
    preds = _predictions(suffix)
    out = io.StringIO()
    with redirect_stdout(out):
        total = scorer.score(GOLDEN, preds, show_misses=True)
    report = out.getvalue()
    fields = float(report.split("header fields accuracy:")[1].split()[0])
    cites = float(report.split("citations")[1].split("F1=")[1].split()[0])
    obligs = float(report.split("obligations")[1].split("F1=")[1].split()[0])
    assert total >= 0.90, report
    assert fields >= 0.95, report
    assert cites >= 0.95, report
    assert obligs >= 0.85, report


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_formats_agree_with_the_text_export(suffix):
    """The same document as .txt, .docx and .pdf gives the same header and citations."""
    by_stem = {Path(p["source"]).name.split(".")[0]: p for p in _predictions(".txt")}
    for pred in _predictions(suffix):
        txt = by_stem[Path(pred["source"]).name.split(".")[0]]
        for key in ("doc_type", "reference", "date", "place"):
            assert pred[key] == txt[key], (pred["source"], key)
        assert {c["reference"] for c in pred["citations"]} == {c["reference"] for c in txt["citations"]}


def test_contract_is_json_serialisable():
    for pred in _predictions(".txt"):
        json.loads(json.dumps(pred, ensure_ascii=False))
