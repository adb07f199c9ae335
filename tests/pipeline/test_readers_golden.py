"""Golden snapshots: every reader's RawDocument and the contract, per bundled sample and format.

The snapshots under ``tests/pipeline/readers/golden/`` fix, block by block, what each reader
gives for ``corpus/samples`` (kind, region, rows, page, notes, metadata) and what
``to_contract(extract(raw))`` makes of it, so a change in a reader shows up as a readable diff
rather than as a lower score somewhere else. They change only on purpose: run with
``CONGVAN_REGEN_GOLDEN=1`` to rewrite them (refused when ``CI`` is set: CI compares, never writes).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.document import RawDocument
from pipeline.extract import extract, to_contract
from pipeline.readers import read

GOLDEN = Path(__file__).parent / "readers" / "golden"
REGEN = os.environ.get("CONGVAN_REGEN_GOLDEN") == "1"
SAMPLES = sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix in (".txt", ".docx", ".pdf") and ".scan." not in p.name)


def raw_json(raw: RawDocument) -> dict:
    """The RawDocument as plain JSON data, its source reduced to the file name (the path is the test's)."""
    data = asdict(raw)
    data["source"] = Path(raw.source).name
    if not data["signatures"]:  # an unsigned file's snapshot as before signatures were read
        del data["signatures"]
    if not data["attachments"]:  # a package's (edXML) files only: none of the samples is one
        del data["attachments"]
    return data


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"


def _compare(path: Path, data: dict) -> None:
    text = _dump(data)
    if REGEN:
        if os.environ.get("CI"):
            pytest.fail("CONGVAN_REGEN_GOLDEN is refused under CI: snapshots are compared there, never rewritten")
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"no snapshot {path.name}: run once with CONGVAN_REGEN_GOLDEN=1 and review the diff"
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8")), f"{path.name} differs from its snapshot"


def test_every_sample_has_its_snapshots():
    assert len(SAMPLES) == 15
    expected = {f"{p.name}.{part}.json" for p in SAMPLES for part in ("raw", "contract")}
    assert expected <= {p.name for p in GOLDEN.glob("*.json")} or REGEN


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_reader_and_contract_match_their_snapshots(path: Path):
    raw = read(path)
    _compare(GOLDEN / f"{path.name}.raw.json", raw_json(raw))
    _compare(GOLDEN / f"{path.name}.contract.json", to_contract(extract(raw), source=path.name))


def test_regeneration_is_refused_under_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(f"{__name__}.REGEN", True)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="refused under CI"):
        _compare(tmp_path / "x.json", {"a": 1})
    assert not (tmp_path / "x.json").exists()
