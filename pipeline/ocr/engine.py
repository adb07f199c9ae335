"""OCR of a scan or a photo: OCRmyPDF (tesseract ``vie``) turns it into a PDF with a text layer.

The PDF reader then reads that PDF the way it reads a digital one (layout, header columns,
signature block), so a scan goes through the same grammar as everything else. OCRmyPDF is run as
its command (Debian's ``ocrmypdf``), in a process group of its own, killed on a time limit.

What is done before recognition, because it helps Vietnamese official scans:
- ``--deskew``: a page scanned a degree off makes the words of one line drift apart in height,
  and the reader would cut "Theo đề nghị của Sở Nội vụ ..." into two lines;
- ``--rotate-pages``: a page fed sideways, a photo taken in landscape;
- red drop-out: the seal (dấu đỏ) over the signer's name and the red signing stamps of e-office
  systems are inked in red; in the red channel red ink is as light as the paper while black text
  stays black, so a page with red on it is recognised from its red channel alone;
- photos (.jpg, .png, .tif) become a one-page-per-image PDF at the resolution their pixels give
  an A4 sheet, when the file does not say (a phone photo says 72 dpi, which it is not).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import OcrFailed, OcrUnavailable

LANGUAGES = "vie"
RENDER_DPI = 300  # what tesseract reads best; official scans are 200–300 dpi
A4_LONG_INCHES = 11.69
# Time one file may take: a fixed part (starting ghostscript, tesseract) and a part per page.
BASE_SECONDS = 60.0
SECONDS_PER_PAGE = 60.0
# A page is "red" when this share of its pixels is clearly red (a seal covers ~1% of an A4 page).
RED_SHARE = 0.002

# OCRmyPDF's exit codes (ocrmypdf.exceptions.ExitCode), worded for the clerk.
_EXIT_REASONS = {
    2: "tham số OCR không hợp lệ",
    3: "thiếu công cụ OCR (tesseract hoặc ghostscript)",
    4: "OCR không tạo được tệp PDF hợp lệ",
    5: "không đọc hoặc ghi được tệp khi OCR",
    7: "tesseract hoặc ghostscript báo lỗi",
    8: "PDF được mã hóa (cần mật khẩu), không OCR được",
    9: "cấu hình OCR không hợp lệ",
    15: "lỗi không rõ của OCRmyPDF",
}


@dataclass(frozen=True)
class OcrRun:
    """What one OCR run did: pages recognised, seconds, whether the pages were redrawn first."""

    pages: int
    seconds: float
    red_dropout: bool


def unavailable() -> str | None:
    """Why OCR cannot run on this machine, or None when it can."""
    if shutil.which("ocrmypdf") is None:
        return "chưa cài OCRmyPDF (chạy ./setup.sh)"
    if shutil.which("tesseract") is None:
        return "chưa cài tesseract (chạy ./setup.sh)"
    try:
        langs = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return "không chạy được tesseract"
    if LANGUAGES not in langs:
        return "tesseract chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie)"
    return None


def ocr_file(src: Path, dst: Path, *, jobs: int = 2, timeout: float | None = None) -> OcrRun:
    """OCR ``src`` (a scanned PDF or a photo) into ``dst``, a PDF with a text layer; OcrFailed if not."""
    why = unavailable()
    if why:
        raise OcrUnavailable(src, why)
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="congvan-ocr-") as tmp:
        work = Path(tmp)
        prepared, pages, red = _prepare(src, work)
        limit = timeout if timeout is not None else BASE_SECONDS + SECONDS_PER_PAGE * pages
        out = work / "out.pdf"
        _run_ocrmypdf(src, prepared, out, jobs=jobs, timeout=limit)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(out), dst)
    return OcrRun(pages=pages, seconds=time.monotonic() - began, red_dropout=red)


def _run_ocrmypdf(src: Path, prepared: Path, out: Path, *, jobs: int, timeout: float) -> None:
    cmd = [
        "ocrmypdf", "-q", "-l", LANGUAGES, "--force-ocr", "--deskew", "--rotate-pages",
        "--output-type", "pdf", "--optimize", "0", "--jobs", str(max(1, jobs)),
        str(prepared), str(out),
    ]  # fmt: skip
    # Debian's ocrmypdf runs under the system Python: none of our interpreter's settings for it.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["OMP_THREAD_LIMIT"] = "1"  # one thread per tesseract: --jobs processes share the cores
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True
    )  # fmt: skip
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise OcrFailed(src, f"OCR vượt quá giới hạn thời gian {timeout:.0f} giây") from None
    if proc.returncode != 0 or not out.exists():
        reason = _EXIT_REASONS.get(proc.returncode, f"OCRmyPDF dừng với mã {proc.returncode}")
        detail = " ".join(err.decode("utf-8", "replace").split())[-200:]
        raise OcrFailed(src, f"{reason}" + (f" ({detail})" if detail else ""))


def _prepare(src: Path, work: Path) -> tuple[Path, int, bool]:
    """The PDF OCRmyPDF is given, its page count, and whether red was dropped out."""
    from pipeline.readers.image import ImageReader

    if src.suffix.lower() in ImageReader.suffixes:
        return _photos_to_pdf(src, work)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(src))
    except pdfium.PdfiumError as e:
        raise OcrFailed(src, "PDF bị hỏng, không OCR được") from e
    try:
        pages = len(pdf)
        if not any(_has_red(pdf[i]) for i in range(pages)):
            return src, pages, False
        images = [_render_gray(pdf[i]) for i in range(pages)]
    finally:
        pdf.close()
    out = work / "prepared.pdf"
    images[0].save(out, save_all=True, append_images=images[1:], resolution=RENDER_DPI)
    return out, pages, True


def _has_red(page) -> bool:
    """True when the page shows red ink (a seal, a stamp): looked at from a small rendering."""
    import numpy as np

    try:
        rgb = np.asarray(page.render(scale=36 / 72).to_pil().convert("RGB"), dtype=np.int16)
    finally:
        page.close()
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    red = (r - g > 60) & (r - b > 60)
    return bool(red.mean() > RED_SHARE)


def _dropout(image):
    """A page as its red channel: red ink vanishes into the paper, black text stays."""
    return image.convert("RGB").getchannel("R") if image.mode not in ("1", "L") else image.convert("L")


def _render_gray(page):
    try:
        return _dropout(page.render(scale=RENDER_DPI / 72).to_pil())
    finally:
        page.close()


def _photos_to_pdf(src: Path, work: Path) -> tuple[Path, int, bool]:
    """A photo or a multi-page TIFF as a PDF, upright, red dropped out, at a resolution for A4."""
    from PIL import ImageOps, ImageSequence, UnidentifiedImageError

    from pipeline.readers.image import open_image

    try:
        with open_image(src) as im:
            frames = [ImageOps.exif_transpose(f.copy()) for f in ImageSequence.Iterator(im)]
    except (UnidentifiedImageError, OSError, ValueError) as e:
        raise OcrFailed(src, f"không mở được ảnh ({type(e).__name__})") from e
    red = any(_image_has_red(f) for f in frames)
    pages = [_dropout(f) if red else f.convert("L") for f in frames]
    out = work / "photo.pdf"
    dpi = _photo_dpi(frames[0])
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return out, len(pages), red


def _image_has_red(image) -> bool:
    import numpy as np

    small = image.convert("RGB")
    small.thumbnail((400, 400))
    rgb = np.asarray(small, dtype=np.int16)
    red = (rgb[..., 0] - rgb[..., 1] > 60) & (rgb[..., 0] - rgb[..., 2] > 60)
    return bool(red.mean() > RED_SHARE)


def _photo_dpi(image) -> float:
    """The dpi a photo's own metadata gives when believable (a scanner's 200–600), else what its
    long side makes of an A4 sheet (a phone's 4000 px: about 340 dpi)."""
    dpi = image.info.get("dpi")
    if dpi and 150 <= float(dpi[0]) <= 1200:
        return float(dpi[0])
    return max(72.0, max(image.size) / A4_LONG_INCHES)
