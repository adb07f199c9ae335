"""edXML packages for the tests: built by our writer, or written by hand in the other shapes real
systems send (no namespace, the Attachment inside the manifest, a zip around the file)."""

from __future__ import annotations

import base64
import io
import zipfile
from pathlib import Path

from corpus import SAMPLES_DIR
from pipeline.ingest.export import PackageFile, build_package

WIFI_DOCX = SAMPLES_DIR / "skhcn-wifi-cong-cong.docx"

# What the sending system registered for the wifi công văn (its file leaves số and day blank).
WIFI_FIELDS = {
    "From": {"OrganId": "000.00.20.H48", "OrganName": "Sở Khoa học và Công nghệ"},
    "To": [{"OrganId": "000.00.01.H48", "OrganName": "Ủy ban nhân dân các xã, phường"}],
    "CodeNumber": "1234",
    "CodeNotation": "SKHCN-CN&CĐS",
    "Place": "Quảng Ngãi",
    "PromulgationDate": "2025/07/03",
    "TypeName": "Công văn",
    "Subject": (
        "đề nghị báo cáo kết quả triển khai nhiệm vụ, giải pháp phát triển hạ tầng số theo Kế hoạch Chuyển đổi"
        " số năm 2025 (hệ thống WIFI công cộng tại các khu sinh hoạt cộng đồng của thôn, làng)"
    ),
    "Competence": "KT. GIÁM ĐỐC",
    "Position": "Phó Giám đốc",
    "FullName": "Nguyễn Trọng Tâm",
    "DueDate": "2025/07/15",
}


def write_package(path: Path, fields: dict, files: list[tuple[str, bytes]]) -> Path:
    path.write_bytes(build_package(fields, [PackageFile(name, data) for name, data in files]))
    return path


def plain_package(path: Path, subject: str, attachments: str = "", manifest: str = "") -> Path:
    """A package without any namespace, as some systems write it, around the given XML parts."""
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?>\n<edXML><edXMLEnvelope><edXMLHeader><MessageHeader>"
        "<From><OrganName>Sở Nội vụ</OrganName></From>"
        "<Code><CodeNumber>77</CodeNumber><CodeNotation>SNV-VP</CodeNotation></Code>"
        "<PromulgationInfo><Place>Quảng Ngãi</Place><PromulgationDate>2025-08-04</PromulgationDate></PromulgationInfo>"
        f"<DocumentType><Type>1</Type><TypeName>Công văn</TypeName></DocumentType><Subject>{subject}</Subject>"
        "</MessageHeader></edXMLHeader><edXMLBody><edXMLManifest>"
        f"{manifest}</edXMLManifest></edXMLBody></edXMLEnvelope>{attachments}</edXML>",
        encoding="utf-8",
    )
    return path


def attachment_xml(name: str, data: bytes | str, cid: str = "cid:1") -> str:
    encoded = data if isinstance(data, str) else base64.b64encode(data).decode()
    return (
        f"<Attachment><ContentId>{cid}</ContentId><AttachmentName>{name}</AttachmentName>"
        f"<ContentType>application/octet-stream</ContentType><ContentTransferEncoded>{encoded}"
        "</ContentTransferEncoded></Attachment>"
    )


def zipped(name: str, data: bytes) -> bytes:
    """``data`` in a one-member zip, as some gateways wrap a file before encoding it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return out.getvalue()
