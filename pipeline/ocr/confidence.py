"""How sure OCR is of the header's số and day: a handwritten one comes out "cần kiểm tra", not wrong.

The văn thư writes the số and the day in by hand on many signed paper originals ("Số: 123
/UBND-VP", "ngày 15 tháng 7"), or stamps them crooked; tesseract then reads digits it is unsure
of, and a wrong số is worse than none (the document would be filed under another's number). The
header band of the first page is recognised once more with tesseract's word confidences (TSV):
when the digits of the số or of the day were read with low confidence, that value is dropped,
the month and year kept, and the document says "cần kiểm tra" for it.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pipeline.extract import DocumentExtraction
from pipeline.ocr.engine import LANGUAGES

HEADER_SHARE = 0.35  # the header band: the top third of an A4 page and a little more
DPI = 300
SURE = 70.0  # tesseract's confidence (0–100) under which a digit group is a guess
NUMBER_UNSURE = "số văn bản đọc từ bản quét không chắc chắn (có thể viết tay): cần kiểm tra"
DAY_UNSURE = "ngày ban hành đọc từ bản quét không chắc chắn (có thể viết tay): cần kiểm tra"


@dataclass(frozen=True)
class OcrWord:
    text: str
    confidence: float


def header_words(ocr_pdf: Path) -> list[OcrWord]:
    """The words of page 1's header band with tesseract's confidence; [] when it cannot say."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(ocr_pdf))
    try:
        page = pdf[0]
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        page.close()
    finally:
        pdf.close()
    band = image.crop((0, 0, image.width, int(image.height * HEADER_SHARE)))
    from io import BytesIO

    buffer = BytesIO()
    band.save(buffer, format="PNG")
    try:
        out = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", LANGUAGES, "tsv"],
            input=buffer.getvalue(), capture_output=True, timeout=120, check=True,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
        ).stdout.decode("utf-8", "replace")  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_tsv(out)


def parse_tsv(tsv: str) -> list[OcrWord]:
    words = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 12 and cols[11].strip():
            try:
                words.append(OcrWord(cols[11].strip(), float(cols[10])))
            except ValueError:
                continue
    return words


def _confidence_of(digits: str, words: list[OcrWord], after: str | None = None) -> float | None:
    """The lowest confidence of the word(s) holding ``digits`` (after the word ``after``, if given)."""
    found = None
    for i, w in enumerate(words):
        if after is not None and (i == 0 or words[i - 1].text.lower().strip(".:,") != after):
            continue
        if re.sub(r"\D", "", w.text.split("/")[0]) == digits:
            found = w.confidence if found is None else min(found, w.confidence)
    return found


def read_and_check(ocr_pdf: Path, source: str, limits=None):
    """(raw, extraction) of an OCR'd PDF, as the OCR queue stores it: read, extracted, and its số
    and day checked against OCR's confidence."""
    from pipeline.extract import extract
    from pipeline.ocr import read_ocr

    raw = read_ocr(ocr_pdf, source, limits)
    ex = extract(raw)
    h = ex.header
    if (h.reference and h.reference.value.number) or (h.date and h.date.value.day):
        ex = check_header(ex, header_words(ocr_pdf))
    return raw, ex


def check_header(ex: DocumentExtraction, words: list[OcrWord]) -> DocumentExtraction:
    """``ex`` with the số and the day dropped where OCR was unsure of them (said in its warnings).
    A value OCR's second look cannot find at all is left alone: unsure of the check, not of it."""
    header, warnings = ex.header, list(ex.warnings)
    ref = header.reference
    if ref is not None and ref.value.number:
        conf = _confidence_of(ref.value.number, words)
        if conf is not None and conf < SURE:
            unsure = dataclasses.replace(ref.value, number=None)
            ref = dataclasses.replace(ref, value=unsure, rule=ref.rule + "+ocr-unsure")
            header = dataclasses.replace(header, reference=ref)
            warnings.append(NUMBER_UNSURE)
    date = header.date
    if date is not None and date.value.day is not None:
        conf = _confidence_of(str(date.value.day), words, after="ngày")
        if conf is None:
            conf = _confidence_of(f"{date.value.day:02d}", words, after="ngày")
        if conf is not None and conf < SURE:
            unsure = dataclasses.replace(date.value, day=None)
            date = dataclasses.replace(date, value=unsure, rule=date.rule + "+ocr-unsure")
            header = dataclasses.replace(header, date=date)
            warnings.append(DAY_UNSURE)
    if header is ex.header:
        return ex
    return dataclasses.replace(ex, header=header, warnings=tuple(warnings))
