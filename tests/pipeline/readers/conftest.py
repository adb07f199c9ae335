"""Signed PDFs shared by the reader tests of this folder: made once per module, read many times."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.signed import Pki, append_update, make_pki, registered_pdf, sign, tamper_byte


class SignedFiles:
    def __init__(self, folder: Path) -> None:
        self.pki: Pki = make_pki(folder / "pki")
        self.unsigned = registered_pdf(folder / "dang-ky.pdf")
        self.signed = sign(self.unsigned, folder / "da-ky.pdf", self.pki)
        # the registration number changed after signing: 123 -> 124, one byte in the signed range
        self.tampered = tamper_byte(self.signed, folder / "sua-so.pdf", b"/V (123)", b"/V (124)")
        self.appended = append_update(self.signed, folder / "them-sau.pdf")


@pytest.fixture(scope="module")
def signed_files(tmp_path_factory) -> SignedFiles:
    return SignedFiles(tmp_path_factory.mktemp("signed"))
