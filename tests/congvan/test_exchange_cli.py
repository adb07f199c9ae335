"""``congvan export-edxml``: a stored document written as a package, which ``congvan extract``
reads back with the same header and ``ingest`` of the same bytes recognises."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from congvan.cli import app
from pipeline.readers import read
from tests.helpers.inbox import cong_van_text, write_docx

runner = CliRunner()


def test_export_then_extract_gives_the_same_record(congvan_home, tmp_path):
    write_docx(tmp_path / "cv.docx", cong_van_text(41))
    assert runner.invoke(app, ["ingest", str(tmp_path / "cv.docx")]).exit_code == 0
    direct = json.loads(runner.invoke(app, ["extract", "--format", "jsonl", str(tmp_path / "cv.docx")]).stdout)
    out = tmp_path / "gửi đi.edxml"
    r = runner.invoke(app, ["export-edxml", direct["reference"], str(out)])
    assert r.exit_code == 0, r.output
    said = " ".join(r.stdout.split())
    assert said.startswith("đã ghi gói edXML:") and said.endswith("(1 tệp đính kèm)")
    assert read(out).attachments[0].data == (tmp_path / "cv.docx").read_bytes()
    back = json.loads(runner.invoke(app, ["extract", "--format", "jsonl", str(out)]).stdout)
    for key in ("doc_type", "reference", "issuer", "place", "date", "subject", "signer", "addressees", "recipients"):
        assert back[key] == direct[key], key
    assert "warnings" not in back
    missing = runner.invoke(app, ["export-edxml", "9/KHONG-CO", str(tmp_path / "x.edxml")])
    assert missing.exit_code == 1 and "[CV-T01]" in missing.stderr and not (tmp_path / "x.edxml").exists()
