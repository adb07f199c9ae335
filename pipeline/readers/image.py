"""Photos and scanned images (.jpg, .png, .tif): checked to be a real image, then sent to OCR.

A phone photo of a công văn or a scanner's TIFF has no text to read until OCR has run: the reader
says so (NeedsOCR), the ingest keeps the file and queues it (pipeline.ingest.ocr), exactly as for
a scanned PDF. What is not an image (a renamed file, a truncated download) is refused here, at
once, rather than after waiting in the OCR queue.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.document import RawDocument
from pipeline.errors import LimitExceeded, NeedsOCR, ReadError
from pipeline.readers import ReadLimits

# A 600 dpi A3 scan is ~70 million pixels; beyond this an "image" is a decompression bomb.
MAX_PIXELS = 120_000_000


def open_image(path: Path):
    """PIL's Image.open, HEIF/HEIC (an iPhone's photos) included."""
    from PIL import Image

    if path.suffix.lower() in (".heic", ".heif"):
        from pillow_heif import register_heif_opener

        register_heif_opener()
    return Image.open(path)


class ImageReader:
    suffixes = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".heif")

    def read(self, path: Path, limits: ReadLimits | None = None) -> RawDocument:
        from PIL import Image, UnidentifiedImageError

        limits = limits or ReadLimits()
        try:
            with open_image(path) as im:
                width, height = im.size
                frames = getattr(im, "n_frames", 1)
                if width * height > MAX_PIXELS:
                    raise LimitExceeded(path, f"ảnh quá lớn ({width}×{height} điểm ảnh)")
                if frames > limits.max_pages:
                    raise LimitExceeded(path, f"ảnh có {frames} trang, vượt quá giới hạn {limits.max_pages} trang")
                im.verify()  # reads the whole stream: a truncated file fails here
        except (UnidentifiedImageError, Image.DecompressionBombError) as e:
            raise ReadError(path, f"không phải tệp ảnh đọc được ({type(e).__name__})") from e
        except (OSError, SyntaxError, ValueError) as e:
            raise ReadError(path, f"tệp ảnh bị hỏng hoặc bị cắt cụt ({type(e).__name__})") from e
        raise NeedsOCR(path, "ảnh chụp hoặc ảnh quét, cần OCR")
