"""edXML packages dropped in the inbox: a good one is taken (processed/, with its check in the note
when the envelope and its attachment disagree), a broken one goes to failed/ kept whole, with its
one-line reason: a malformed envelope, a missing attachment, one that is not base64, an oversized one."""

from __future__ import annotations

import pytest

from tests.helpers.edxml import WIFI_DOCX, WIFI_FIELDS, attachment_xml, plain_package, write_package, zipped
from tests.helpers.inbox import Box, files_under


@pytest.mark.slow  # a watcher process: over 5 s
def test_packages_in_the_inbox_are_taken_or_failed_with_their_reason(box: Box, tmp_path):
    write_package(box.inbox / "Gói 1234.edxml", WIFI_FIELDS, [("CV 1234.docx", WIFI_DOCX.read_bytes())])
    (box.inbox / "Hỏng.edxml").write_text("<edXML><MessageHeader><Subject>x</Subject>", encoding="utf-8")
    ref = "<Reference><ContentId>c1</ContentId><AttachmentName>cv.pdf</AttachmentName></Reference>"
    plain_package(box.inbox / "Thiếu tệp.edxml", "x", manifest=ref)
    plain_package(box.inbox / "Sai mã.edxml", "x", attachments=attachment_xml("cv.pdf", "%%% không phải base64"))
    plain_package(
        box.inbox / "Quá lớn.edxml", "x", attachments=attachment_xml("cv.pdf", zipped("cv.pdf", b"\0" * (3 << 20)))
    )
    bad = {p.name: p.read_bytes() for p in box.inbox.iterdir() if p.name != "Gói 1234.edxml"}
    r = box.once(env={**box.env, "CONGVAN_MAX_BYTES": str(1 << 20)})
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    failed = box.inbox / "failed"
    reasons = {p.name: (failed / (p.name + ".reason.txt")).read_text(encoding="utf-8") for p in files_under(failed)}
    assert set(reasons) == set(bad)
    for name, reason in reasons.items():
        assert reason.count("\n") == 1, name
        assert (failed / name).read_bytes() == bad[name]  # kept whole
    assert "gói edXML không phải XML hợp lệ (lỗi ở dòng 1" in reasons["Hỏng.edxml"]
    assert "gói edXML thiếu tệp đính kèm 'cv.pdf'" in reasons["Thiếu tệp.edxml"]
    assert "tệp đính kèm 'cv.pdf' trong gói edXML không phải dữ liệu base64 hợp lệ" in reasons["Sai mã.edxml"]
    assert "tệp đính kèm 'cv.pdf' trong gói edXML vượt giới hạn dung lượng 1 MB (CV-L03)" in reasons["Quá lớn.edxml"]
    assert [p.name for p in files_under(box.inbox / "processed")] == ["Gói 1234.edxml"]
    assert box.rows("select format from document_files order by id") == [("edxml",), ("docx",)]
    assert box.scalar("select reference from documents") == "1234/SKHCN-CN&CĐS"
