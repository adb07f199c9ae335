"""Signed PDFs as an e-office system sends them, made at test time.

``registered_pdf`` draws a công văn with reportlab (DejaVu Sans, Vietnamese text) whose số and day
are blanks filled by AcroForm text fields, the way the văn thư's registration stamps them, and,
with ``stamp_in_page``, a signing stamp drawn into the page beside the signer (Người ký / Cơ quan /
Thời gian ký), as systems that print the stamp into the content do. ``make_pki`` makes a test root
and a signer certificate with a Vietnamese name; ``sign`` signs a file with pyHanko, with a visible
stamp of the same label lines in the signature field's appearance. ``tamper_byte`` and
``append_update`` make the two ways a signed file stops being what was signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core, in setup.sh
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
HEIGHT = 842.0

SIGNER = "Nguyễn Văn An"
ORGANISATION = "Ủy ban nhân dân tỉnh Quảng Ngãi"
STAMP_LINES = (
    "Người ký: Trung tâm Công báo và Tin học",
    "Email: congbao@quangngai.gov.vn",
    "Cơ quan: Ủy ban nhân dân tỉnh Quảng Ngãi",
    "Thời gian ký: 15.07.2025 10:20:33 +07:00",
)

_BODY = (
    "Thực hiện Kế hoạch số 4664/KH-UBND ngày 02/6/2025 của Ủy ban nhân dân tỉnh về chuyển đổi số,",
    "Ủy ban nhân dân tỉnh đề nghị Ủy ban nhân dân các xã, phường báo cáo kết quả triển khai",
    "mạng wifi công cộng về Sở Khoa học và Công nghệ trước ngày 31/7/2025.",
)


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DV" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DV", FONT))
        pdfmetrics.registerFont(TTFont("DVB", FONT_BOLD))


def registered_pdf(path: Path, number: str = "123", day: str = "15", stamp_in_page: bool = False) -> Path:
    """A one-page công văn of UBND tỉnh Quảng Ngãi; "Số: [number]/UBND-VP", "ngày [day] tháng 7 năm 2025"."""
    from reportlab.pdfgen import canvas

    _fonts()
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))

    def text(x: float, y: float, s: str, size: float = 12, bold: bool = False) -> float:
        c.setFont("DVB" if bold else "DV", size)
        c.drawString(x, HEIGHT - y, s)
        return x + c.stringWidth(s, "DVB" if bold else "DV", size)

    text(70, 60, "ỦY BAN NHÂN DÂN", 11, bold=True)
    text(60, 74, "TỈNH QUẢNG NGÃI", 11, bold=True)
    text(290, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 11, bold=True)
    text(330, 74, "Độc lập - Tự do - Hạnh phúc", 11, bold=True)
    end = text(60, 100, "Số:", 11)
    text(end + 36, 100, "/UBND-VP", 11)
    _field(c, "so_vb", number, end + 3, 100, 33)
    end = text(300, 100, "Quảng Ngãi, ngày", 11)
    text(end + 26, 100, "tháng 7 năm 2025", 11)
    _field(c, "ngay_vb", day, end + 4, 100, 20)
    text(60, 118, "V/v báo cáo kết quả triển khai", 10)
    text(60, 131, "mạng wifi công cộng", 10)
    text(200, 160, "Kính gửi: Ủy ban nhân dân các xã, phường.", 12)
    for i, line in enumerate(_BODY):
        text(60, 190 + 18 * i, line, 11)
    text(60, 300, "Nơi nhận:", 11, bold=True)
    text(60, 314, "- Như trên;", 10)
    text(60, 327, "- Lưu: VT.", 10)
    text(360, 300, "KT. CHỦ TỊCH", 12, bold=True)
    text(365, 314, "PHÓ CHỦ TỊCH", 12, bold=True)
    if stamp_in_page:
        c.setLineWidth(0.6)
        c.rect(330, HEIGHT - 385, 215, 52)
        for i, line in enumerate(STAMP_LINES):
            text(334, 343 + 11 * i, line, 7.5)
    text(365, 420, SIGNER, 12, bold=True)
    c.showPage()
    c.save()
    return path


def _field(c, name: str, value: str, x: float, base: float, width: float) -> None:
    """A registration text field over the blank, its box around the line's baseline, value filled."""
    c.acroForm.textfield(
        name=name, value=value, x=x, y=HEIGHT - base - 4, width=width, height=15, fontName="Helvetica",
        fontSize=11, borderWidth=0, fillColor=None, borderColor=None, textColor=None,
    )  # fmt: skip


@dataclass(frozen=True)
class Pki:
    root_pem: Path  # the test root, as an office would configure it (CONGVAN_TRUST_ROOTS)
    signer: object  # pyhanko SimpleSigner


def make_pki(folder: Path, name: str = SIGNER, organisation: str = ORGANISATION) -> Pki:
    """A test root CA and a signer certificate under it: CN=name, O=organisation, C=VN."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    now = dt.datetime.now(dt.UTC)

    def subject(cn: str, o: str | None = None) -> x509.Name:
        attrs = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
        attrs += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, o)] if o else []
        return x509.Name([*attrs, x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])

    def usage(ca: bool) -> x509.KeyUsage:
        return x509.KeyUsage(
            digital_signature=True, content_commitment=not ca, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False,
        )  # fmt: skip

    def cert(subj, issuer, key, signing_key, serial: int, ca: bool) -> x509.Certificate:
        builder = x509.CertificateBuilder().subject_name(subj).issuer_name(issuer).public_key(key.public_key())
        builder = builder.serial_number(serial).not_valid_before(now - dt.timedelta(days=1))
        builder = builder.not_valid_after(now + dt.timedelta(days=365))
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        return builder.add_extension(usage(ca), critical=True).sign(signing_key, hashes.SHA256())

    root_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root = cert(subject("Test Root CA"), subject("Test Root CA"), root_key, root_key, 1, True)
    leaf = cert(subject(name, organisation), root.subject, key, root_key, 2, False)
    folder.mkdir(parents=True, exist_ok=True)
    root_pem = folder / "root.pem"
    root_pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    der = serialization.Encoding.DER
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(leaf.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        ),
        cert_registry=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(root.public_bytes(der))]),
    )
    return Pki(root_pem, signer)


def sign(src: Path, dst: Path, pki: Pki, box=(330, 440, 545, 500)) -> Path:
    """``src`` signed by the PKI's signer, with a visible stamp of label lines in the field's box."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner
    from pyhanko.stamp import TextStampStyle

    style = TextStampStyle(
        stamp_text="Người ký: %(signer)s\nCơ quan: " + ORGANISATION + "\nThời gian ký: %(ts)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(FONT), font_size=7),
    )
    with src.open("rb") as f, dst.open("wb") as out:
        signer = PdfSigner(
            PdfSignatureMetadata(field_name="ChuKySo"), signer=pki.signer, stamp_style=style,
            new_field_spec=fields.SigFieldSpec("ChuKySo", box=box),
        )  # fmt: skip
        signer.sign_pdf(IncrementalPdfFileWriter(f), output=out)
    return dst


def tamper_byte(src: Path, dst: Path, old: bytes, new: bytes) -> Path:
    """A copy with one byte changed inside the signed range (``old`` and ``new`` differ in one byte)."""
    data = src.read_bytes()
    assert data.count(old) == 1 and len(old) == len(new)
    dst.write_bytes(data.replace(old, new))
    return dst


def append_update(src: Path, dst: Path, text: bytes = b"Them sau khi ky") -> Path:
    """An incremental update after signing that draws more text on the page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with src.open("rb") as f:
        writer = IncrementalPdfFileWriter(f)
        page = writer.root["/Pages"]["/Kids"][0].get_object()
        extra = writer.add_object(generic.StreamObject(stream_data=b"BT /F1 12 Tf 100 100 Td (" + text + b") Tj ET"))
        contents = page.raw_get("/Contents")  # the reference: a stream cannot sit inline in an array
        kept = list(contents) if isinstance(contents, generic.ArrayObject) else [contents]
        page["/Contents"] = generic.ArrayObject([*kept, extra])
        writer.update_container(page)
        with dst.open("wb") as out:
            writer.write(out)
    return dst
