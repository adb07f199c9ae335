"""Signed PDFs through ``congvan ingest`` and ``congvan show``: the signatures stored and shown, a
file changed after signing said loudly, never filed as needing OCR."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.db import engine_for
from models.schema import FileSignature
from tests.helpers.inbox import CONGVAN
from tests.helpers.signed import ORGANISATION, SIGNER, append_update, make_pki, registered_pdf, sign, tamper_byte


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    full = dict(os.environ, COLUMNS="250", **env)
    return subprocess.run([*CONGVAN, *args], capture_output=True, text=True, timeout=300, env=full)


@pytest.mark.slow  # three PDFs signed, four CLI processes: about 20 s
def test_signed_and_tampered_files_through_ingest_and_show(congvan_home, database_url, tmp_path: Path):
    pki = make_pki(tmp_path / "pki")
    signed = sign(registered_pdf(tmp_path / "dang-ky.pdf"), tmp_path / "123-ubnd-vp.pdf", pki)
    tampered = tamper_byte(signed, tmp_path / "124-ubnd-vp.pdf", b"/V (123)", b"/V (124)")
    appended = append_update(
        sign(registered_pdf(tmp_path / "b.pdf", "125"), tmp_path / "b-ky.pdf", pki), tmp_path / "125.pdf"
    )
    roots = str(pki.root_pem)

    r = run("ingest", str(signed), str(tampered), str(appended), CONGVAN_TRUST_ROOTS=roots)
    assert r.returncode == 0, r.stderr
    out = r.stdout + r.stderr
    assert "cần OCR" not in out
    warning = f"CẢNH BÁO: tệp đã bị sửa sau khi ký số (chữ ký của {SIGNER} không còn nguyên vẹn)"
    assert warning in " ".join(out.split())
    said = f"CẢNH BÁO: tệp đã bị sửa sau khi ký số (có nội dung được thêm vào sau khi {SIGNER} ký)"
    assert f"đã thêm: {appended} — {said}" in " ".join(out.split())

    with Session(engine_for(database_url)) as session:
        rows = session.scalars(select(FileSignature).order_by(FileSignature.id)).all()
        assert [(s.signer, s.organisation, s.intact, s.covers_whole_file, s.trusted) for s in rows] == [
            (SIGNER, ORGANISATION, True, True, True),
            (SIGNER, ORGANISATION, False, True, None),
            (SIGNER, ORGANISATION, True, False, True),
        ]
        assert rows[0].signed_at is not None and "nguyên vẹn" in rows[0].summary

    good = run("show", "123/UBND-VP")
    assert good.returncode == 0, good.stderr
    text = " ".join(good.stdout.split())
    assert "Chữ ký số (1)" in text and SIGNER in text and "chứng thư đến gốc tin cậy đã cấu hình" in text
    assert "CẢNH BÁO" not in text

    bad = run("show", "124/UBND-VP")
    assert bad.returncode == 0, bad.stderr
    text = " ".join(bad.stdout.split())
    assert text.startswith(warning) and "KHÔNG còn nguyên vẹn" in text and "chờ OCR" not in text
