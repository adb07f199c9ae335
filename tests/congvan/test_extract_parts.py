"""``congvan extract`` on a file holding several documents: one record per document, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from tests.helpers.bundles import ANNEX, BATCH, BATCH_PAGES, BATCH_SYMBOLS, DECISION_REF, write_batch_pdf, write_docx

CONGVAN = [sys.executable, "-m", "congvan.cli"]


def _extract(*paths: Path) -> list[dict]:
    r = subprocess.run([*CONGVAN, "extract", "--format", "jsonl", *map(str, paths)], capture_output=True, text=True,
                       timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


@pytest.mark.slow
def test_a_batch_pdf_gives_one_record_per_document_and_a_single_document_its_record_as_before(tmp_path):
    batch = write_batch_pdf(tmp_path / "ba-van-ban.pdf")
    single = SAMPLES_DIR / "skhcn-wifi-cong-cong.pdf"
    records = _extract(batch, single, *BATCH)
    parts, plain, alone = records[:3], records[3], records[4:]
    assert [r["source"] for r in parts] == [f"{batch}#{k}" for k in (1, 2, 3)]
    assert [(r["part"], r["pages"]) for r in parts] == [(f"{k}/3", p) for k, p in enumerate(BATCH_PAGES, start=1)]
    assert [r["symbol"] for r in parts] == list(BATCH_SYMBOLS)
    for part, own in zip(parts, alone, strict=True):  # each as if received alone
        assert {k: v for k, v in part.items() if k not in ("source", "part", "pages")} == {
            k: v for k, v in own.items() if k != "source"
        }
    assert plain["source"] == str(single) and "part" not in plain and "pages" not in plain
    assert plain == alone[0] | {"source": str(single)}


@pytest.mark.slow
def test_an_annex_alone_names_its_document_and_has_no_addressee(tmp_path):
    (record,) = _extract(write_docx(tmp_path / "phu-luc.docx", ANNEX))
    assert record["annex_of"] == {"reference": DECISION_REF, "kind": "Quyết định"}
    assert record["addressees"] == [] and record["reference"] is None
