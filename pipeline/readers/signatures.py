"""A signed PDF's digital signatures, checked with pyHanko: who signed, when, and whether it still holds.

E-office systems (the ministries' and provinces' hệ thống quản lý văn bản) sign every outgoing
PDF with a certificate issued under the Ban Cơ yếu Chính phủ root; a văn thư who receives it wants
to know who signed it, for which body, when, and whether the file is the one that was signed. For
each signature field this says:

- ``intact``: the signed byte ranges hash to the digest the signer signed (one byte changed
  anywhere in them, a "2025" made "2026" in a content stream, and it is False);
- ``covers_whole_file`` / ``modified_after``: nothing appended after signing, and if something
  was, whether it changed content (pyHanko's difference analysis: a later signature or a form
  fill is allowed, a page's text redrawn is not);
- ``trusted``: the certificate chain reaches one of the roots the office configured
  (CONGVAN_TRUST_ROOTS). No root is bundled: without one it is None, "không xác minh được gốc
  tin cậy", never a guess.

Nothing is fetched from the network (no OCSP, no CRL): the check is what the file itself proves.
A signature that cannot be parsed is reported with its problem; reading never raises.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable
from pathlib import Path

from pipeline.document import SignatureInfo
from pipeline.errors import NeedsOCR, ReadError, SignatureBroken
from pipeline.readers import one_line
from pipeline.text import nfc

NO_ROOT = "không xác minh được gốc tin cậy"
TAMPERED = "CẢNH BÁO: tệp đã bị sửa sau khi ký số"  # how every warning of a file not as signed begins
# How a stored summary says content was added after signing: file_signatures has no column for it
# (covers_whole_file is False also when only a later signature was added), so the summary carries it.
MODIFIED_AFTER = "CÓ nội dung được thêm vào sau khi ký"
_VIETNAM = dt.timezone(dt.timedelta(hours=7), "+07:00")  # no daylight saving: one offset all year
_ROOT_SUFFIXES = (".pem", ".crt", ".cer", ".der")


def read_signatures(path: str | Path, trust_roots: Iterable[str | Path] = ()) -> tuple[SignatureInfo, ...]:
    """Every signature of the PDF at ``path``, in file order; () when it has none or is no PDF."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return ()
    if b"/ByteRange" not in data:  # no signature dictionary at all: the common case, no parsing
        return ()
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # it logs every untrusted chain as an error
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        embedded = list(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
    except Exception as e:  # a signed file pyHanko cannot parse: say so, the text may still read
        return (SignatureInfo(problem=f"không đọc được chữ ký số ({type(e).__name__}: {one_line(e)})"),)
    roots, roots_problem = load_roots(trust_roots)
    return tuple(_check(sig, roots, roots_problem) for sig in embedded)


def load_roots(paths: Iterable[str | Path]) -> tuple[list, str | None]:
    """The root certificates in ``paths`` (files, or folders of .pem/.crt/.cer/.der), and a problem
    when roots were configured but none could be read (then nothing can be called trusted)."""
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509

    configured = [Path(p) for p in paths]
    files: list[Path] = []
    for p in configured:
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in _ROOT_SUFFIXES and f.is_file()))
        elif p.is_file():
            files.append(p)
    roots = []
    for f in files:
        try:
            data = f.read_bytes()
            ders = [der for _, _, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
            for der in ders:
                cert = asn1_x509.Certificate.load(der)
                cert.native  # noqa: B018 - parse it now: a broken file must fail here, not mid-validation
                roots.append(cert)
        except Exception:
            continue  # one unreadable file among the office's roots does not void the others
    if configured and not roots:
        return [], "không đọc được chứng thư gốc đã cấu hình (CONGVAN_TRUST_ROOTS)"
    return roots, None


def _check(sig, roots: list, roots_problem: str | None) -> SignatureInfo:
    name = _field_name(sig)
    try:
        cert = sig.signer_cert
        signer, organisation = _subject(cert.subject.native)
    except Exception as e:
        return SignatureInfo(field_name=name, problem=f"chữ ký số hỏng ({type(e).__name__}: {one_line(e)})")
    try:
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext

        # Validated as of the signing time: a certificate that has expired since still signed then.
        moment = sig.self_reported_timestamp
        context = ValidationContext(trust_roots=roots, allow_fetching=False, moment=moment)
        status = validate_pdf_signature(sig, context)
    except Exception as e:
        return SignatureInfo(
            field_name=name,
            signer=signer,
            organisation=organisation,
            problem=f"không kiểm tra được chữ ký số ({type(e).__name__}: {one_line(e)})",
        )
    intact = bool(status.intact and status.valid)
    return SignatureInfo(
        field_name=name,
        signer=signer,
        organisation=organisation,
        signed_at=_signed_at(status, moment),
        intact=intact,
        covers_whole_file=_covers_whole_file(status),
        modified_after=_modified_after(status),
        # pyHanko calls a broken signature untrusted: whether its chain reaches a root is then unknown
        trusted=bool(status.trusted) if roots and intact else None,
        problem=roots_problem,
    )


def _field_name(sig) -> str | None:
    try:
        return nfc(str(sig.field_name)) if sig.field_name else None
    except Exception:
        return None


def _first(value) -> str | None:
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return nfc(" ".join(str(value).split())) or None if value else None


def _subject(subject: dict) -> tuple[str | None, str | None]:
    """Common name, and the body signed for: "Văn phòng, Ủy ban nhân dân tỉnh Quảng Ngãi" (OU, O)."""
    unit, org = _first(subject.get("organizational_unit_name")), _first(subject.get("organization_name"))
    organisation = ", ".join(p for p in (unit, org) if p) or None
    return _first(subject.get("common_name")), organisation


def _signed_at(status, moment: dt.datetime | None) -> dt.datetime | None:
    """A trusted timestamp's time when there is one, else the signer's own (signingTime, then /M)."""
    tst = getattr(status, "timestamp_validity", None)
    when = getattr(tst, "timestamp", None) or moment
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when


def _covers_whole_file(status) -> bool | None:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    coverage = getattr(status, "coverage", None)
    return None if coverage is None else coverage == SignatureCoverageLevel.ENTIRE_FILE


def _modified_after(status) -> bool | None:
    """True when what was added after signing changes the document (not a later signature, a form fill,
    or long-term validation data)."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    coverage = getattr(status, "coverage", None)
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return False
    if coverage is None:
        return None
    level = status.modification_level
    return level is None or level > ModificationLevel.FORM_FILLING


# -- what a clerk reads ---------------------------------------------------------------------------


def when_text(when: dt.datetime | None) -> str | None:
    """15/07/2025 10:20:33 (+07:00): the time in Vietnam, as a văn thư writes it."""
    if when is None:
        return None
    return when.astimezone(_VIETNAM).strftime("%d/%m/%Y %H:%M:%S (+07:00)")


def broken(sig: SignatureInfo) -> bool:
    """The file is not what was signed: its signed bytes changed, or content was added after."""
    return sig.intact is False or sig.modified_after is True


def describe(sig: SignatureInfo) -> str:
    """One line: "Nguyễn Văn An (Ủy ban nhân dân tỉnh Quảng Ngãi), ký lúc ...: nguyên vẹn; ...".

    Every part is said only as far as it is known: an unknown is said as unknown, never as fine."""
    who = sig.signer or "không rõ người ký"
    if sig.organisation:
        who += f" ({sig.organisation})"
    if (when := when_text(sig.signed_at)) is not None:
        who += f", ký lúc {when}"
    parts: list[str] = []
    if sig.intact is False:
        parts.append("KHÔNG còn nguyên vẹn (tệp đã bị sửa sau khi ký)")
    elif sig.intact:
        parts.append("nguyên vẹn")
    if sig.modified_after:
        parts.append(MODIFIED_AFTER)
    elif sig.covers_whole_file is False:
        parts.append("sau khi ký chỉ được thêm chữ ký hoặc điền biểu mẫu")
    elif sig.covers_whole_file:
        parts.append("phủ toàn bộ tệp")
    if sig.trusted:
        parts.append("chứng thư đến gốc tin cậy đã cấu hình")
    elif sig.trusted is False:
        parts.append("chứng thư KHÔNG đến gốc tin cậy đã cấu hình")
    elif sig.intact is not None:
        parts.append(NO_ROOT)
    if sig.problem:
        parts.append(sig.problem)
    return f"{who}: {'; '.join(parts)}" if parts else who


def tamper_warning(signatures: Iterable[SignatureInfo]) -> str | None:
    """The loud line for a file that is not what was signed, naming whose signature no longer holds."""
    bad = [s for s in signatures if broken(s)]
    if not bad:
        return None
    whose = ", ".join(dict.fromkeys(s.signer or "không rõ người ký" for s in bad))
    if any(s.intact is False for s in bad):
        detail = f"chữ ký của {whose} không còn nguyên vẹn"
    else:
        detail = f"có nội dung được thêm vào sau khi {whose} ký"
    return f"{TAMPERED} ({detail})"


def unreadable(path: str | Path, signatures: tuple[SignatureInfo, ...]) -> ReadError:
    """The error for a PDF with no text to read: a scan needing OCR, unless its signature shows the
    bytes changed after signing (a damaged content stream reads as an empty page: not a scan)."""
    warning = tamper_warning(signatures)
    if warning is not None:
        return SignatureBroken(path, f"{warning}; không đọc được nội dung", signatures)
    return NeedsOCR(path, "PDF quét không có lớp văn bản, cần OCR", signatures)
