"""edXML packages (QCVN 102:2016/BTTTT): what one document system sends another.

A package is an XML envelope around the document's files:

    edXML
      edXMLEnvelope
        edXMLHeader
          MessageHeader     From, To..., Code (CodeNumber, CodeNotation), PromulgationInfo (Place,
                            PromulgationDate), DocumentType (Type, TypeName), Subject, Content,
                            SignerInfo (Competence, Position, FullName), DueDate, ToPlaces (Place...),
                            OtherInfo (Priority, ...), ResponseFor..., DocumentId
          TraceHeaderList   the systems it passed through
        edXMLBody
          edXMLManifest     Reference (ContentId, AttachmentName, ContentType, Description)...
      AttachmentEncoded
        Attachment          ContentId, ContentType, Description, AttachmentName, ContentTransferEncoded

Implementations differ in namespaces (``http://www.mic.gov.vn/TBT/QCVN_102_2016``, none, others)
and in where the Attachment elements stand (under AttachmentEncoded, or in the manifest itself),
so every element is found by its local name. Some gateways zip a file before encoding it (one
member, the file itself): that wrapper is taken off, counted against the limits while inflating.

The XML comes from outside the office: it is parsed by defusedxml with no DTD at all, so neither
external entities (``<!ENTITY x SYSTEM "file:///etc/passwd">``) nor entity expansion (a "billion
laughs") can run. The main attachment (the one the envelope marks as the document, else the first
.pdf/.docx/.doc) is written to a private temporary folder under a sanitised name and read with
the reader of its kind; the envelope's fields go in ``metadata["edxml"]`` for the extraction to
check against what the file says, and every attachment travels in ``RawDocument.attachments``.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import io
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from pipeline.document import Attachment, Block, BlockKind, RawDocument
from pipeline.errors import LimitExceeded, NeedsOCR, ReadError
from pipeline.text import nfc

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
METADATA_KEY = "edxml"
# The files read for the text, in the order they are preferred when the envelope marks none.
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".doc")
# Descriptions a sending system gives the document itself rather than an annex ("Văn bản chính").
_MAIN_MARKS = ("van ban chinh", "toan van", "noi dung van ban")
# Formats that are zip files themselves: never unwrapped.
_ZIP_FORMATS = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".zip", ".epub")
_CHUNK = 1 << 20
_NAME_BYTES = 200
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
# Content types a nameless attachment is given a suffix by.
_SUFFIX_OF_TYPE = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
    "text/plain": ".txt",
}


def local(tag: str) -> str:
    """An element's name without its namespace: "{http://...}Code" -> "Code"."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def child(el: Element | None, name: str) -> Element | None:
    if el is None:
        return None
    return next((c for c in el if local(c.tag) == name), None)


def children(el: Element | None, name: str) -> list[Element]:
    return [] if el is None else [c for c in el if local(c.tag) == name]


def find(root: Element, name: str) -> Element | None:
    return next((e for e in root.iter() if local(e.tag) == name), None)


def text_of(el: Element | None, *path: str) -> str | None:
    """The text at ``path`` under ``el``, NFC and on one line; None when absent or blank."""
    for name in path:
        el = child(el, name)
    if el is None or el.text is None:
        return None
    value = " ".join(nfc(el.text).split())
    return value or None


# -- parsing --------------------------------------------------------------------------------------


def parse(path: Path) -> Element:
    """The package's root element, or ReadError: malformed XML, a DTD or an entity declaration."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.parse(str(path), forbid_dtd=True, forbid_entities=True, forbid_external=True).getroot()
    except DefusedXmlException as e:
        raise ReadError(
            path, "gói edXML có khai báo DTD hoặc thực thể XML, bị từ chối để bảo vệ hệ thống (không đọc gì thêm)"
        ) from e
    except ParseError as e:
        line, col = getattr(e, "position", (0, 0))
        raise ReadError(path, f"gói edXML không phải XML hợp lệ (lỗi ở dòng {line}, cột {col + 1})") from e
    if find(root, "MessageHeader") is None:
        raise ReadError(path, "không phải gói edXML (không có phần MessageHeader)")
    return root


def _organ(el: Element) -> dict[str, str]:
    keys = ("OrganId", "OrganName", "OrganAdd", "Email", "Telephone", "OrganizationInCharge")
    return {k: v for k in keys if (v := text_of(el, k))}


def envelope_fields(root: Element) -> dict:
    """The MessageHeader's fields as plain data (the names the standard gives them)."""
    head = find(root, "MessageHeader")
    out: dict = {}
    scalars = {
        "CodeNumber": ("Code", "CodeNumber"),
        "CodeNotation": ("Code", "CodeNotation"),
        "Place": ("PromulgationInfo", "Place"),
        "PromulgationDate": ("PromulgationInfo", "PromulgationDate"),
        "Type": ("DocumentType", "Type"),
        "TypeName": ("DocumentType", "TypeName"),
        "Subject": ("Subject",),
        "Content": ("Content",),
        "Competence": ("SignerInfo", "Competence"),
        "Position": ("SignerInfo", "Position"),
        "FullName": ("SignerInfo", "FullName"),
        "DueDate": ("DueDate",),
        "Priority": ("OtherInfo", "Priority"),
        "SphereOfPromulgation": ("OtherInfo", "SphereOfPromulgation"),
        "TypeNotation": ("OtherInfo", "TypeNotation"),
        "PromulgationAmount": ("OtherInfo", "PromulgationAmount"),
        "PageAmount": ("OtherInfo", "PageAmount"),
        "DocumentId": ("DocumentId",),
    }
    for key, path in scalars.items():
        if (value := text_of(head, *path)) is not None:
            out[key] = value
    if (sender := child(head, "From")) is not None and (organ := _organ(sender)):
        out["From"] = organ
    out["To"] = [o for el in children(head, "To") if (o := _organ(el))]
    places = child(head, "ToPlaces")
    out["ToPlaces"] = [p for el in children(places, "Place") if (p := text_of_el(el))]
    out["ResponseFor"] = [
        {k: v for k in ("OrganId", "Code", "PromulgationDate", "DocumentId") if (v := text_of(el, k))}
        for el in children(head, "ResponseFor")
    ]
    return out


def text_of_el(el: Element) -> str | None:
    value = " ".join(nfc(el.text or "").split())
    return value or None


# -- attachments ----------------------------------------------------------------------------------


def safe_name(name: str | None, index: int, content_type: str | None) -> str:
    """A bare file name for an attachment: its last path part only ("../../etc/x.pdf" -> "x.pdf",
    "C:\\\\Văn bản\\\\a.docx" -> "a.docx"), no control or reserved characters, no leading dots,
    at most 200 bytes (the extension kept); "tep-dinh-kem-N" with a suffix from the content type
    when nothing is left."""
    base = re.split(r"[/\\]", nfc(name or ""))[-1]
    base = _UNSAFE.sub("_", base).strip().lstrip(".").strip()
    if not base or base in {".", ".."}:
        base = f"tep-dinh-kem-{index}{_SUFFIX_OF_TYPE.get((content_type or '').lower(), '')}"
    stem, dot, suffix = base.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, suffix = base, ""
    ext = f".{suffix}" if suffix else ""
    while len((stem + ext).encode()) > _NAME_BYTES:
        stem = stem[:-1]
    return unicodedata.normalize("NFC", stem + ext)


def _content_id(value: str | None) -> str:
    return (value or "").strip().removeprefix("cid:").strip("<>")


def _encoded_text(el: Element, path: Path, name: str) -> str | None:
    """The base64 text of an Attachment element (ContentTransferEncoded in the common form; some
    write the data under ContentTransferEncoding, which others use for the word "base64")."""
    encoding = text_of(el, "ContentTransferEncoding")
    for field in ("ContentTransferEncoded", "AttachmentContent", "Data", "Content"):
        node = child(el, field)
        if node is not None and (node.text or "").strip():
            if encoding and encoding.lower() not in ("base64", "b64"):
                raise ReadError(path, f"tệp đính kèm '{name}' trong gói edXML dùng mã hóa không hỗ trợ ({encoding})")
            return node.text
    node = child(el, "ContentTransferEncoding")
    if node is not None and len((node.text or "").strip()) > 16:
        return node.text
    return None


def _decode(text: str, path: Path, name: str, budget: int, cap: int) -> bytes:
    compact = re.sub(r"\s+", "", text)
    if len(compact) * 3 // 4 > budget:
        raise LimitExceeded(path, f"tệp đính kèm '{name}' trong gói edXML vượt giới hạn dung lượng {_mb(cap)}")
    try:
        return base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError) as e:
        raise ReadError(path, f"tệp đính kèm '{name}' trong gói edXML không phải dữ liệu base64 hợp lệ") from e


def _mb(n: int) -> str:
    return f"{max(1, round(n / (1 << 20)))} MB" if n else "0 MB"


def _unwrap(data: bytes, name: str, path: Path, budget: int, cap: int) -> bytes:
    """The file inside a one-member zip a gateway wrapped it in; ``data`` itself otherwise. The
    member is inflated chunk by chunk and refused past ``budget`` (a zip's header can lie)."""
    if not data.startswith(b"PK\x03\x04") or name.lower().endswith(_ZIP_FORMATS):
        return data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = [m for m in z.infolist() if not m.is_dir()]
            if len(members) != 1:
                return data
            out = bytearray()
            with z.open(members[0]) as f:
                while chunk := f.read(_CHUNK):
                    out += chunk
                    if len(out) > budget:
                        raise LimitExceeded(
                            path, f"tệp đính kèm '{name}' trong gói edXML vượt giới hạn dung lượng {_mb(cap)}"
                        )
            return bytes(out)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        return data  # not a wrapper after all: the bytes as sent


def _declared(root: Element) -> list[dict[str, str]]:
    """The manifest's References: the attachments the envelope says it carries."""
    manifest = find(root, "edXMLManifest")
    keys = ("ContentId", "AttachmentName", "ContentType", "Description")
    return [{k: v for k in keys if (v := text_of(el, k))} for el in children(manifest, "Reference")]


def attachments(root: Element, path: Path, max_bytes: int) -> list[Attachment]:
    """Every attachment, decoded, their sizes together within ``max_bytes``; ReadError for one the
    manifest declares and the package does not carry, or that is not base64."""
    declared = {_content_id(d.get("ContentId")): d for d in _declared(root)}
    found: list[Attachment] = []
    seen: set[str] = set()
    budget = max_bytes
    for i, el in enumerate((e for e in root.iter() if local(e.tag) == "Attachment"), start=1):
        cid = _content_id(text_of(el, "ContentId"))
        ref = declared.get(cid, {})
        name = text_of(el, "AttachmentName") or ref.get("AttachmentName") or ""
        content_type = text_of(el, "ContentType") or ref.get("ContentType")
        shown = name or f"số {i}"
        encoded = _encoded_text(el, path, shown)
        if encoded is None:
            raise ReadError(path, f"gói edXML thiếu dữ liệu của tệp đính kèm '{shown}'")
        data = _unwrap(_decode(encoded, path, shown, budget, max_bytes), name, path, budget, max_bytes)
        budget -= len(data)
        seen.add(cid)
        description = text_of(el, "Description") or ref.get("Description")
        found.append(Attachment(name or shown, safe_name(name, i, content_type), content_type, description, data))
    for cid, ref in declared.items():
        if cid not in seen:
            raise ReadError(path, f"gói edXML thiếu tệp đính kèm '{ref.get('AttachmentName') or cid}'")
    return found


def _main_index(files: list[Attachment]) -> int | None:
    """The attachment read for the text: the one described as the document itself, else the first
    .pdf, .docx or .doc, else the first other file some reader takes (a .txt)."""
    from pipeline.readers import registry
    from pipeline.text import fold

    for i, a in enumerate(files):
        if a.description and fold(a.description).startswith(_MAIN_MARKS):
            return i
    for i, a in enumerate(files):
        if a.safe_name.lower().endswith(DOCUMENT_SUFFIXES):
            return i
    readable = set(registry()) - {".edxml"}
    return next((i for i, a in enumerate(files) if Path(a.safe_name).suffix.lower() in readable), None)


def _read_main(path: Path, main: Attachment, limits) -> tuple[RawDocument | None, str | None]:
    """The main attachment read by the reader of its kind, in a private temporary folder (removed
    after); (None, why) when it cannot be: the envelope's fields alone then make the document.
    A file over a limit fails the whole package: a bomb inside an envelope is still a bomb."""
    from pipeline.readers import read

    with tempfile.TemporaryDirectory(prefix="congvan-edxml-") as tmp:
        target = Path(tmp) / main.safe_name
        target.write_bytes(main.data)
        try:
            return read(target, limits), None
        except LimitExceeded as e:
            raise LimitExceeded(path, f"tệp đính kèm '{main.name}': {e.reason}") from e
        except NeedsOCR:
            return None, f"tệp đính kèm '{main.name}' là bản quét, cần OCR: chỉ dùng thông tin trong gói edXML"
        except ReadError as e:
            return None, f"không đọc được tệp đính kèm '{main.name}' ({e.reason}): chỉ dùng thông tin trong gói edXML"


class EdxmlReader:
    suffixes = (".edxml",)

    def read(self, path: Path, limits=None) -> RawDocument:
        from pipeline.readers import ReadLimits

        limits = limits or ReadLimits()
        root = parse(path)
        fields = envelope_fields(root)
        files = attachments(root, path, limits.max_bytes)
        fields["Attachments"] = [a.name for a in files]
        index = _main_index(files)
        inner, why = _read_main(path, files[index], limits) if index is not None else (None, None)
        if index is not None:
            files[index] = dataclasses.replace(files[index], main=True)
            fields["MainAttachment"] = files[index].name
        warnings = [why] if why else []
        if not files:
            warnings.append("gói edXML không có tệp đính kèm: chỉ dùng thông tin trong gói")
        if inner is not None:
            blocks, pages, meta = inner.blocks, inner.pages, dict(inner.metadata)
            warnings = [*inner.warnings, *warnings]
        else:  # the envelope's own summary of the document is the text there is
            content = fields.get("Content")
            blocks = (Block(BlockKind.PARAGRAPH, content),) if content else ()
            pages, meta = 1, {}
        meta[METADATA_KEY] = fields
        return RawDocument(str(path), "edxml", blocks, pages, meta, tuple(warnings), attachments=tuple(files))
