"""Benchmark the readers (and the extraction stage) over the bundled samples.

    .venv/bin/python bench/extract.py [--runs N] [--samples DIR]

For each format (txt, docx, text-layer pdf) it reads every sample N times and
reports the median: documents and pages per second for ``pipeline.readers.read``,
and for read + ``pipeline.extract.extract`` when that module exists. As a yardstick
for the PDF reader it also times pypdfium2's plain text extraction over the same
PDFs and prints the ratio. A format whose reader is missing or fails is skipped
with a note, so the script works while readers are being written.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the project's packages first

FORMATS = ("txt", "docx", "pdf")


def samples(directory: Path) -> dict[str, list[Path]]:
    found = {fmt: sorted(directory.glob(f"*.{fmt}")) for fmt in FORMATS}
    found["pdf"] = [p for p in found["pdf"] if ".scan." not in p.name]  # image-only: OCR, not reading
    return found


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_extract() -> tuple[Callable | None, str]:
    try:
        module = importlib.import_module("pipeline.extract")
    except ImportError as e:
        return None, f"pipeline.extract not importable ({e})"
    fn = getattr(module, "extract", None)
    return (fn, "") if callable(fn) else (None, "pipeline.extract has no extract()")


def pdfium_text(paths: list[Path]) -> None:
    import pypdfium2 as pdfium

    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        pdf.close()


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:9.1f}" if seconds > 0 else f"{'inf':>9}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (median reported)")
    parser.add_argument("--samples", type=Path, default=ROOT / "corpus" / "samples")
    args = parser.parse_args(argv)
    runs = max(1, args.runs)

    from pipeline.errors import ReadError
    from pipeline.readers import read

    extract, why_not = load_extract()
    notes: list[str] = []
    if extract is None:
        notes.append(f"extraction not timed: {why_not}")

    rows = []
    pdf_read_time = None
    by_format = samples(args.samples)
    for fmt in FORMATS:
        paths = by_format[fmt]
        if not paths:
            notes.append(f"{fmt}: no samples in {args.samples}")
            continue
        try:
            docs = [read(p) for p in paths]  # also the warm-up: imports, caches
        except (ImportError, ReadError) as e:
            notes.append(f"{fmt}: skipped, reader unavailable or failing ({type(e).__name__}: {e})")
            continue
        pages = sum(d.pages for d in docs)
        t_read = median_time(lambda paths=paths: [read(p) for p in paths], runs)
        if fmt == "pdf":
            pdf_read_time = t_read
        t_full = None
        if extract is not None:
            try:
                for d in docs:  # warm-up: models and gazetteers load on first use
                    extract(d)
                t_full = median_time(lambda paths=paths: [extract(read(p)) for p in paths], runs)
            except Exception as e:  # the extractors are work in progress: report, keep benchmarking
                notes.append(f"{fmt}: extraction failed ({type(e).__name__}: {e})")
        rows.append((fmt, len(paths), pages, t_read, t_full))

    print(f"samples: {args.samples}   runs: {runs} (median)\n")
    head = f"{'format':<8}{'docs':>5}{'pages':>7} | {'read s':>9}{'docs/s':>9}{'pages/s':>9}"
    head += f" | {'read+extract s':>14}{'docs/s':>9}{'pages/s':>9}"
    print(head)
    print("-" * len(head))
    for fmt, n, pages, t_read, t_full in rows:
        line = f"{fmt:<8}{n:>5}{pages:>7} | {t_read:>9.4f}{rate(n, t_read)}{rate(pages, t_read)}"
        if t_full is None:
            line += f" | {'-':>14}{'-':>9}{'-':>9}"
        else:
            line += f" | {t_full:>14.4f}{rate(n, t_full)}{rate(pages, t_full)}"
        print(line)

    pdfs = by_format["pdf"]
    if pdfs:
        pdfium_text(pdfs)  # warm-up
        t_pdfium = median_time(lambda: pdfium_text(pdfs), runs)
        n_pages = sum(_page_count(p) for p in pdfs)
        print(
            f"\n{'pypdfium2 plain text':<22}{len(pdfs):>5} docs {n_pages:>4} pages | {t_pdfium:.4f} s"
            f"{rate(len(pdfs), t_pdfium)} docs/s{rate(n_pages, t_pdfium)} pages/s"
        )
        if pdf_read_time is not None:
            print(f"ratio pdf reader / pypdfium2: {pdf_read_time / t_pdfium:.1f}x")
    for note in notes:
        print(f"note: {note}")
    return 0


def _page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


if __name__ == "__main__":
    sys.exit(main())
