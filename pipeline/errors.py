"""Domain errors. They carry the file and a one-line reason; the CLI edge turns them into messages."""

from __future__ import annotations

from pathlib import Path


class CongvanError(Exception):
    """Base of every error congvan raises on purpose."""


class ReadError(CongvanError):
    """A file could not be turned into a RawDocument."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class UnsupportedFormat(ReadError):
    """No reader knows this kind of file."""


class NeedsOCR(ReadError):
    """A PDF without a text layer (a scan): it must go through OCR, never be read as empty."""


class ExtractionError(CongvanError):
    """An extractor failed on a document it was given."""


class InboxError(CongvanError):
    """The inbox cannot be used (missing, not a folder, read-only); one line, bilingual."""


class InboxBusy(InboxError):
    """Another watcher holds the inbox."""
