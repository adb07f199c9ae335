"""Synthetic corpus of Vietnamese official documents, for load tests and benchmarks.

    from corpus.generator import generate
    paths = generate(Path("out"), 1000, seed=7, formats=("docx", "pdf", "txt"))

writes ``count`` documents (công văn, kế hoạch, quyết định, thông báo, báo cáo, giấy mời) issued
by ministries, provincial and district People's Committees, departments, offices and party
committees over several years, and ``manifest.jsonl`` beside them: one line per file with the
ground truth (reference, kind, issuer, date, subject, addressees, signer, cited documents, dated
obligations, and the earlier document it answers, chases or carries out).

Formats are assigned round-robin over ``formats``: ("docx", "docx", "pdf") writes two .docx for
each .pdf. The same seed and count give the same files, byte for byte. Generation is planned
first (pure Python) and rendered second, so the text of a document does not depend on its format.

This corpus is for volume and structure (citation chains, follow-up reports, reminders); the
extraction scores are measured on the real documents in ../shared/eval.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

from corpus.generator.model import Doc
from corpus.generator.plan import Planner

FORMATS = ("docx", "pdf", "txt")
MANIFEST = "manifest.jsonl"

__all__ = ["FORMATS", "MANIFEST", "Doc", "generate", "plan", "read_manifest", "write"]


def plan(count: int, seed: int = 0, start: dt.date | None = None, end: dt.date | None = None) -> list[Doc]:
    """The documents of a corpus, planned and composed but not written."""
    if count < 0:
        raise ValueError("count must be >= 0")
    return Planner(count, seed, start, end).run() if count else []


def _slug(doc: Doc) -> str:
    folded = unicodedata.normalize("NFD", doc.reference.replace("Đ", "D").replace("đ", "d"))
    ascii_ref = "".join(c for c in folded if not unicodedata.combining(c))
    ref = re.sub(r"[^A-Za-z0-9]+", "-", ascii_ref).strip("-").lower() or "du-thao"
    kind = {"QĐ": "qd"}.get(doc.kind, doc.kind.lower())
    return f"{kind}-{ref}" if doc.ref.number else f"{kind}-du-thao-{ref}"


def write(doc: Doc, out_dir: Path, fmt: str) -> Path:
    """Write one planned document in one format; return its path."""
    serial = int(doc.id[1:])
    path = out_dir / f"{serial:06d}-{_slug(doc)}.{fmt}"
    title = doc.subject
    if fmt == "docx":
        from corpus.generator.docx_writer import write_docx

        write_docx(path, doc.layout, title, doc.date, serial)
    elif fmt == "pdf":
        from corpus.generator.pdf_writer import write_pdf

        path.write_bytes(write_pdf(doc.layout, title, doc.date, doc.id))
    elif fmt == "txt":
        from corpus.generator.txt_writer import render_text

        path.write_text(render_text(doc.layout), encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {FORMATS}")
    doc.file, doc.format = path.name, fmt
    return path


def generate(
    out_dir: Path,
    count: int,
    seed: int = 0,
    formats: tuple[str, ...] = ("docx",),
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    every_format: bool = False,
) -> list[Path]:
    """Write ``count`` documents into ``out_dir`` (formats round-robin) and ``manifest.jsonl``.

    ``every_format=True`` writes each document once in every format of ``formats`` instead (the
    same text as .docx, .pdf and .txt: what a reader comparison needs); the manifest then has a
    line per file. ``start``/``end`` bound the issue dates (default: a window ending 30 June 2025,
    from 200 days for a small corpus to four and a half years for a large one).
    """
    formats = tuple(formats)
    if not formats or any(f not in FORMATS for f in formats):
        raise ValueError(f"formats must be a non-empty tuple of {FORMATS}, got {formats!r}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = plan(count, seed, start, end)
    paths: list[Path] = []
    with open(out_dir / MANIFEST, "w", encoding="utf-8") as f:
        for i, doc in enumerate(docs):
            for fmt in formats if every_format else (formats[i % len(formats)],):
                paths.append(write(doc, out_dir, fmt))
                f.write(json.dumps(doc.record(), ensure_ascii=False) + "\n")
    return paths


def read_manifest(out_dir: Path) -> list[dict]:
    with open(Path(out_dir) / MANIFEST, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
