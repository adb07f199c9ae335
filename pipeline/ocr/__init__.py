"""OCR: a scan or a photo becomes a PDF with a text layer (``engine``), kept by its bytes' hash
(``store``) so that it is never OCR'd twice, and read by the PDF reader like any other PDF
(``read_ocr``). The queue that runs it in the background, beside the inbox, is
``pipeline.ingest.ocr``: it is the one part that touches the database."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from pipeline.document import Block, BlockKind, RawDocument
from pipeline.readers import ReadLimits

# What OCR reads in the ink that is not text: a table border's stub ("| Phát triển hạ"), the
# pen stroke of a signature or the rim of a seal beside the signer's title ("CHỦ TỊCH l").
_BAR = re.compile(r"(?:(?<=\s)|^)[|¦]+(?=\s|$)")


def _stray(token: str) -> bool:
    """A mark of one or two characters that no word of a title is: "l", "|", "'", "i."."""
    return len(token) <= 2 and (token != token.upper() or not any(c.isalnum() for c in token))


def _clean(text: str) -> str:
    if "|" in text or "¦" in text:
        text = "\n".join(" ".join(_BAR.sub(" ", line).split()) for line in text.split("\n"))
    words = text.split(" ")
    # a title in capitals (CHỦ TỊCH, KT. GIÁM ĐỐC) followed by a stray mark: the mark goes
    capitals = all(w == w.upper() and any(c.isalpha() for c in w) for w in words[:-1])
    if len(words) >= 2 and _stray(words[-1]) and capitals:
        return " ".join(words[:-1])
    return text


def _cleaned(block: Block) -> Block:
    if block.kind is BlockKind.TABLE:
        return block
    text = _clean(block.text)
    return block if text == block.text else replace(block, text=text)


def read_ocr(ocr_pdf: Path, source: str, limits: ReadLimits | None = None) -> RawDocument:
    """The OCR'd PDF read as the document ``source`` (the file as received) says: its table
    borders taken from the page images, the ink OCR reads as stray marks left out."""
    from pipeline.readers.pdf import PdfReader

    raw = PdfReader(raster_rules=True).read(ocr_pdf, limits, check_text_layer=False)
    blocks = tuple(b for b in (_cleaned(b) for b in raw.blocks) if b.kind is BlockKind.TABLE or b.text.strip())
    return replace(raw, source=source, blocks=blocks, metadata={**raw.metadata, "ocr": "ocrmypdf+tesseract vie"})
