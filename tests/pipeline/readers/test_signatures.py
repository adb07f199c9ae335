"""Digital signatures read with pyHanko: signer, body, time, intact, coverage, trust; never a crash."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from pipeline.errors import NeedsOCR, SignatureBroken
from pipeline.readers import ReadLimits, read
from pipeline.readers.signatures import NO_ROOT, describe, read_signatures, tamper_warning
from tests.helpers.signed import ORGANISATION, SIGNER


def test_signer_body_and_time_are_read_and_the_file_is_intact(signed_files):
    (sig,) = read_signatures(signed_files.signed, [signed_files.pki.root_pem])
    assert (sig.field_name, sig.signer, sig.organisation) == ("ChuKySo", SIGNER, ORGANISATION)
    assert abs(sig.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=30)
    assert sig.intact is True and sig.covers_whole_file is True and sig.modified_after is False
    assert sig.trusted is True
    assert tamper_warning([sig]) is None
    assert "nguyên vẹn" in describe(sig) and "gốc tin cậy đã cấu hình" in describe(sig)


def test_without_a_trust_root_the_chain_is_not_called_trusted(signed_files):
    (sig,) = read_signatures(signed_files.signed)
    assert sig.intact is True and sig.trusted is None
    assert NO_ROOT in describe(sig)


def test_a_root_that_is_not_the_signers_says_untrusted(signed_files, tmp_path):
    from tests.helpers.signed import make_pki

    other = make_pki(tmp_path / "khac")
    (sig,) = read_signatures(signed_files.signed, [other.root_pem.parent])  # a folder of roots
    assert sig.intact is True and sig.trusted is False


def test_the_reader_carries_the_signatures_and_hides_the_stamp(signed_files):
    raw = read(signed_files.signed, ReadLimits(trust_roots=(str(signed_files.pki.root_pem),)))
    (sig,) = raw.signatures
    assert sig.signer == SIGNER and sig.trusted is True
    assert "Người ký" not in raw.text and "Thời gian ký" not in raw.text  # the visible stamp is no text


def test_one_byte_changed_in_the_signed_range_is_flagged_and_still_read(signed_files):
    (sig,) = read_signatures(signed_files.tampered, [signed_files.pki.root_pem])
    assert sig.intact is False and sig.trusted is None  # a broken signature's chain is not judged
    warning = tamper_warning([sig])
    assert warning == f"CẢNH BÁO: tệp đã bị sửa sau khi ký số (chữ ký của {SIGNER} không còn nguyên vẹn)"
    raw = read(signed_files.tampered)  # not needs-OCR: read as it now is, flagged beside it
    assert raw.signatures[0].intact is False and "Số: 124/UBND-VP" in raw.text


def test_an_update_appended_after_signing_is_said(signed_files):
    (sig,) = read_signatures(signed_files.appended, [signed_files.pki.root_pem])
    assert sig.intact is True and sig.covers_whole_file is False and sig.modified_after is True
    assert "CÓ nội dung được thêm vào sau khi ký" in describe(sig)
    assert (
        tamper_warning([sig])
        == f"CẢNH BÁO: tệp đã bị sửa sau khi ký số (có nội dung được thêm vào sau khi {SIGNER} ký)"
    )


def test_a_tampered_file_whose_text_is_lost_is_not_a_scan(signed_files, tmp_path):
    """One byte changed inside the compressed page content: the page reads empty, as a scan would."""
    data = signed_files.signed.read_bytes()
    m = re.search(rb"/ASCII85Decode /FlateDecode \] /Length \d+\s*>>\s*stream\r?\n", data)
    at = m.end() + 40
    broken = bytearray(data)
    broken[at] = ord("!") if broken[at] != ord("!") else ord("#")
    path = tmp_path / "hong-noi-dung.pdf"
    path.write_bytes(bytes(broken))
    with pytest.raises(SignatureBroken) as e:
        read(path)
    assert not isinstance(e.value, NeedsOCR) and e.value.code == "CV-R04"
    assert e.value.reason.startswith("CẢNH BÁO: tệp đã bị sửa sau khi ký số")
    assert e.value.signatures[0].signer == SIGNER and e.value.signatures[0].intact is False


def test_a_damaged_signature_is_reported_not_raised(signed_files, tmp_path):
    data = signed_files.signed.read_bytes()
    start = data.index(b"/Contents <") + len(b"/Contents <")
    damaged = data[:start] + b"00" * 64 + data[start + 128 :]  # the CMS blob's first bytes zeroed
    path = tmp_path / "chu-ky-hong.pdf"
    path.write_bytes(damaged)
    sigs = read_signatures(path)
    assert len(sigs) == 1 and sigs[0].problem and sigs[0].intact is not True
    garbage = tmp_path / "rac.pdf"
    garbage.write_bytes(b"%PDF-1.7\n/ByteRange [0 1 2 3]\n%%EOF\n")
    (only,) = read_signatures(garbage)
    assert only.problem.startswith("không đọc được chữ ký số") and only.intact is None


def test_an_unsigned_file_has_no_signatures(signed_files):
    assert read_signatures(signed_files.unsigned) == () and read(signed_files.unsigned).signatures == ()
