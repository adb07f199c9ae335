"""The OCR'd PDFs, kept under the home's ``ocr/`` folder by the SHA-256 of the file they were made
from (ab/abcdef....pdf): derived data, but minutes of work each, so never made twice. Written to a
temporary name and renamed, so a process killed midway leaves no half PDF under a real name."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class OcrStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @staticmethod
    def relpath(sha: str) -> str:
        return f"{sha[:2]}/{sha}.pdf"

    def path(self, sha: str) -> Path:
        return self.root / self.relpath(sha)

    def get(self, sha: str) -> Path | None:
        path = self.path(sha)
        return path if path.is_file() and path.stat().st_size > 0 else None

    def make(self, sha: str, produce: Callable[[Path], T]) -> T:
        """``produce(tmp)`` writes the OCR'd PDF to ``tmp``; it becomes this hash's once it is whole."""
        final = self.path(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
        try:
            result = produce(tmp)
            os.replace(tmp, final)
        finally:
            tmp.unlink(missing_ok=True)
        return result
