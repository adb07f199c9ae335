"""``congvan extract``: the contract record of each file, as JSON or one JSON line per file (one
per document when a file holds several).

Its output (stdout and stderr) is what the golden corpus checks byte for byte.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from congvan.cli.render import file_error
from pipeline.errors import CongvanError


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


def _records(reader, path: Path, trace: bool) -> list[dict]:
    """One record per document the file holds. A file of one document gives its record as it
    always has; a batch gives each part as ``x.pdf#2`` with its "part" ("2/3") and "pages"."""
    from pipeline.extract import to_contract

    parts = reader(path)
    if len(parts) == 1:
        return [to_contract(parts[0].extraction, source=str(path), trace=trace)]
    out = []
    for i, (raw, extraction) in enumerate(parts, start=1):
        record = to_contract(extraction, source=f"{path}#{i}", trace=trace)
        record["part"] = raw.metadata.get("part")
        if "pages" in raw.metadata:
            record["pages"] = raw.metadata["pages"]
        out.append(record)
    return out


def extract_cmd(
    files: Annotated[list[Path], typer.Argument(metavar="TỆP", help="Tệp .txt, .docx, .pdf, .doc, .rtf, .odt cần đọc")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (đẹp) hoặc jsonl (mỗi dòng một tệp)")
    ] = OutputFormat.json,
    trace: Annotated[bool, typer.Option("--trace", help="Kèm quy tắc và vị trí của từng giá trị")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Dừng ở lỗi đầu tiên")] = False,
) -> None:
    """Trích xuất số/ký hiệu, cơ quan ban hành, trích yếu, dẫn chiếu và nhiệm vụ của từng văn bản."""
    from congvan.wiring import Wiring

    with Wiring.from_env().reader as reader:  # each file within the time and memory limits
        failed = sum(not _extract_one(reader, path, fmt, trace, strict) for path in files)
    if failed:
        raise typer.Exit(code=1)


def _extract_one(reader, path: Path, fmt: OutputFormat, trace: bool, strict: bool) -> bool:
    """Print the record of one file, or its error on one line; False when it failed."""
    try:
        records = _records(reader, path, trace)
    except CongvanError as e:
        if strict:
            raise
        file_error(str(path), getattr(e, "reason", str(e)))
        return False
    except Exception as e:  # an extractor bug must not lose the rest of the batch
        if strict:
            raise
        file_error(str(path), f"lỗi trích xuất ({type(e).__name__}: {e})")
        return False
    indent = None if fmt is OutputFormat.jsonl else 2
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
    sys.stdout.flush()
    return True


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
