"""A stored Document as an edXML package (QCVN 102:2016), to send on or hand to another system.

``build_package`` writes the envelope from plain fields (the element names the standard gives,
as ``pipeline.readers.edxml.envelope_fields`` reads them back) and the files as base64 under
AttachmentEncoded, in the form the national gateway's SDK writes: ``edXML`` with the
QCVN_102_2016 namespace, ``edXMLEnvelope`` / ``edXMLHeader`` / ``MessageHeader`` and
``TraceHeaderList``, ``edXMLBody`` / ``edXMLManifest`` with one Reference per file.
``package_of`` gives a stored Document's fields and files.
"""

from __future__ import annotations

import base64
import datetime as dt
import mimetypes
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from extractors.data.kinds import KINDS
from models.schema import Document
from pipeline.ingest.store import ContentStore
from pipeline.readers.edxml import NAMESPACE

_E = f"{{{NAMESPACE}}}"
_XLINK = "http://www.w3.org/1999/xlink"
_CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}
# The MessageHeader's simple elements, in the standard's order, each under its parent (if any).
_SCALARS = (
    ("Code", ("CodeNumber", "CodeNotation")),
    ("PromulgationInfo", ("Place", "PromulgationDate")),
    ("DocumentType", ("Type", "TypeName")),
    (None, ("Subject", "Content")),
    ("SignerInfo", ("Competence", "Position", "FullName")),
    (None, ("DueDate",)),
)
_OTHER = ("Priority", "SphereOfPromulgation", "TypeNotation", "PromulgationAmount", "PageAmount")
_ORGAN = ("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd", "Email", "Telephone")


@dataclass(frozen=True)
class PackageFile:
    name: str
    data: bytes
    content_type: str | None = None
    description: str | None = None


def _sub(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, _E + name)
    if text is not None:
        el.text = text
    return el


def _organ(parent: ET.Element, name: str, organ: Mapping[str, str]) -> None:
    el = _sub(parent, name)
    for key in _ORGAN:
        if organ.get(key):
            _sub(el, key, organ[key])


def _message_header(parent: ET.Element, fields: Mapping) -> None:
    head = _sub(parent, "MessageHeader")
    _organ(head, "From", fields.get("From") or {})
    for organ in fields.get("To") or ():
        _organ(head, "To", organ)
    for group, names in _SCALARS:
        present = [n for n in names if fields.get(n)]
        if not present:
            continue
        holder = _sub(head, group) if group else head
        for n in present:
            _sub(holder, n, str(fields[n]))
    if fields.get("ToPlaces"):
        places = _sub(head, "ToPlaces")
        for p in fields["ToPlaces"]:
            _sub(places, "Place", p)
    if any(fields.get(n) for n in _OTHER):
        other = _sub(head, "OtherInfo")
        for n in _OTHER:
            if fields.get(n):
                _sub(other, n, str(fields[n]))
    _sub(head, "DocumentId", fields.get("DocumentId") or str(uuid.uuid4()))


def build_package(fields: Mapping, files: Sequence[PackageFile], now: dt.datetime | None = None) -> bytes:
    """The package's bytes (UTF-8 XML): the envelope of ``fields``, ``files`` as its attachments."""
    ET.register_namespace("edXML", NAMESPACE)
    ET.register_namespace("xlink", _XLINK)
    root = ET.Element(_E + "edXML")
    envelope = _sub(root, "edXMLEnvelope")
    header = _sub(envelope, "edXMLHeader")
    _message_header(header, fields)
    trace = _sub(_sub(header, "TraceHeaderList"), "TraceHeader")
    _sub(trace, "OrganId", (fields.get("From") or {}).get("OrganId") or "")
    _sub(trace, "Timestamp", (now or dt.datetime.now(dt.UTC)).strftime("%Y/%m/%d %H:%M:%S"))
    manifest = _sub(_sub(envelope, "edXMLBody"), "edXMLManifest", None)
    manifest.set("version", "1.0")
    encoded = _sub(root, "AttachmentEncoded")
    for f in files:
        cid = f"cid:{uuid.uuid4()}"
        content_type = f.content_type or _content_type(f.name)
        ref = _sub(manifest, "Reference")
        ref.set(f"{{{_XLINK}}}href", cid)
        att = _sub(encoded, "Attachment")
        for holder in (ref, att):
            _sub(holder, "ContentId", cid)
            _sub(holder, "AttachmentName", f.name)
            _sub(holder, "ContentType", content_type)
            if f.description:
                _sub(holder, "Description", f.description)
        _sub(att, "ContentTransferEncoded", base64.b64encode(f.data).decode("ascii"))
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _content_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return _CONTENT_TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


_KIND_NAMES = {abbr: name for name, abbr in reversed(KINDS)}  # the first name of each kind wins


def _code(doc: Document) -> dict[str, str]:
    """CodeNumber and CodeNotation: "123/UBND-VP" -> 123 + UBND-VP, "02-KH/TU" -> 02 + KH/TU."""
    if not doc.reference:
        return {}
    if doc.number and doc.reference.startswith(doc.number) and len(doc.reference) > len(doc.number) + 1:
        return {"CodeNumber": doc.number, "CodeNotation": doc.reference[len(doc.number) + 1 :]}
    return {"CodeNotation": doc.symbol or doc.reference.lstrip("/")}


def package_fields(doc: Document) -> dict:
    """The envelope's fields of a stored Document (a date is written only when its day is known)."""
    record = doc.extraction or {}
    kind_name = _KIND_NAMES.get(doc.kind or "")
    date = doc.date_text if doc.date_text and len(doc.date_text) == 10 else None
    fields = {
        **_code(doc),
        "From": {"OrganName": doc.issuer} if doc.issuer else {},
        "To": [{"OrganName": a.name} for a in doc.addressees],
        "Place": doc.place,
        "PromulgationDate": date.replace("-", "/") if date else None,
        "TypeName": kind_name[0].upper() + kind_name[1:] if kind_name else None,
        "Subject": doc.subject,
        "Competence": doc.signer_authority,
        "Position": doc.signer_position,
        "FullName": doc.signer_name,
        "ToPlaces": list(record.get("recipients") or ()),
    }
    return {k: v for k, v in fields.items() if v}


def package_of(doc: Document, store: ContentStore) -> tuple[dict, list[PackageFile]]:
    """A stored Document's envelope fields and its files (every one but packages it came in)."""
    files = [
        PackageFile(f.original_name, store.path(f.stored_path).read_bytes()) for f in doc.files if f.format != "edxml"
    ]
    return package_fields(doc), files
