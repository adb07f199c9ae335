"""Benchmark OCR: pages per second through OCRmyPDF on the bundled scans, and what bounds it.

    .venv/bin/python bench/ocr.py [--jobs 1 2] [--scans FILE ...]

For each --jobs value it OCRs every scan (tests/pipeline/ocr/scans and the scan in
corpus/samples) the way the OCR queue does (``pipeline.ocr.engine.ocr_file``: deskew, page
rotation, red drop-out, tesseract vie) and prints pages, seconds and pages per second. Beside it,
the floor: the same pages rendered by pdftoppm at 300 dpi and recognised by bare tesseract, one
page at a time on one core, split into rendering and recognition, so the line says what OCRmyPDF
adds and what bounds the rate (tesseract's recognition, per core). Results vary with the
machine's load: read the ratios of one run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ocr.engine import ocr_file, unavailable  # noqa: E402


def default_scans() -> list[Path]:
    bundled = ROOT / "corpus/samples/skhcn-de-xuat-cchc.scan.pdf"
    return sorted([bundled, *(ROOT / "tests/pipeline/ocr/scans").glob("*.pdf")])


def pages_of(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def through_ocrmypdf(scans: list[Path], jobs: int, tmp: Path) -> tuple[int, float]:
    pages, began = 0, time.perf_counter()
    for scan in scans:
        pages += ocr_file(scan, tmp / f"{scan.stem}.{jobs}.pdf", jobs=jobs).pages
    return pages, time.perf_counter() - began


def floor(scan: Path, tmp: Path, max_pages: int) -> tuple[int, float, float]:
    """(pages, render seconds, tesseract seconds) for bare pdftoppm + tesseract, one core."""
    n = min(max_pages, pages_of(scan))
    began = time.perf_counter()
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-l", str(n), str(scan), str(tmp / "p")], check=True)
    rendered = time.perf_counter()
    env = {"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}
    for png in sorted(tmp.glob("p-*.png")):
        out = str(png.with_suffix(""))
        subprocess.run(["tesseract", str(png), out, "-l", "vie", "pdf"], check=True, env=env, capture_output=True)
    return n, rendered - began, time.perf_counter() - rendered


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scans", type=Path, nargs="+", default=None)
    parser.add_argument("--floor-pages", type=int, default=4)
    args = parser.parse_args()
    why = unavailable()
    if why:
        print(f"OCR unavailable: {why}")
        return 1
    scans = args.scans or default_scans()
    total = sum(pages_of(s) for s in scans)
    print(f"{len(scans)} scans, {total} pages")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for jobs in args.jobs:
            pages, seconds = through_ocrmypdf(scans, jobs, tmp_path)
            print(f"ocrmypdf --jobs {jobs}: {pages} pages in {seconds:6.1f} s = {pages / seconds:5.2f} pages/s")
        n, render, recognise = floor(max(scans, key=pages_of), tmp_path, args.floor_pages)
        print(
            f"floor, 1 core (pdftoppm 300 dpi + tesseract vie): {n} pages, render {render / n:4.2f} s/page, "
            f"recognise {recognise / n:4.2f} s/page = {n / (render + recognise):5.2f} pages/s"
        )
    print("bound: tesseract's recognition (per page, one core each); --jobs N recognises N pages at once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
