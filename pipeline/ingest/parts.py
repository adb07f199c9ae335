"""A file holding several documents (pipeline.readers.split): where each lies, and one result for the file.

Each part is stored as any file is (merged, a new document, a version, a suspected duplicate); the
file's result says what happened to each, part by part, and takes the status that asks most of the
clerk: a suspected duplicate among three new letters is what the verdict must show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.document import RawDocument
from pipeline.status import IngestStatus

if TYPE_CHECKING:
    from pipeline.ingest.ingestor import IngestResult

# Most telling first: what the file's one status is when its parts fared differently.
_PRECEDENCE = (
    IngestStatus.SUSPECTED_DUPLICATE,
    IngestStatus.OLD_VERSION,
    IngestStatus.NEW_VERSION,
    IngestStatus.ADDED,
    IngestStatus.MERGED,
)


@dataclass(frozen=True)
class FilePart:
    """Which document of its file a DocumentFile is: ``part`` of ``parts``, on ``pages`` ("3-5")."""

    part: int = 1
    parts: int = 1
    pages: str | None = None

    @classmethod
    def of(cls, raw: RawDocument) -> FilePart:
        """From a part's metadata ("part": "2/3", "pages": "3-5")."""
        k, n = (int(x) for x in raw.metadata["part"].split("/"))
        return cls(k, n, raw.metadata.get("pages"))


def _line(r: IngestResult, where: str) -> str:
    what = f"#{r.document_id} " if r.document_id is not None else ""
    reason = f": {r.reason}" if r.reason else ""
    return f"{what}{where}{r.status.label}{reason}"


def combine(path: str, sha: str, results: list[IngestResult], pages: list[str | None] | None = None) -> IngestResult:
    """The file's one result: the first part's document, the most telling status, every part said."""
    from pipeline.ingest.ingestor import IngestResult

    statuses = {r.status for r in results}
    status = next((s for s in _PRECEDENCE if s in statuses), results[0].status)
    lines = []
    for k, r in enumerate(results, start=1):
        where = f"(trang {pages[k - 1]}) " if pages and pages[k - 1] else ""
        lines.append(f"văn bản {k}: {_line(r, where)}")
    reason = f"tệp gồm {len(results)} văn bản; " + "; ".join(lines)
    return IngestResult(path, status, sha, results[0].document_id, reason, tuple(results))
