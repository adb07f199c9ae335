"""The content-addressed store of originals: every file kept byte for byte, named by its SHA-256.

CONGVAN_HOME/corpus/ab/abcdef…​.docx. Writing goes through a temporary file, fsync and an atomic
rename, so a process killed mid-copy leaves either the whole file or nothing under its final name.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.ingest.files import open_file

_CHUNK = 1 << 20
TEMP_PREFIX = ".tmp-"
# A temporary file this much older than its last write is a dead copy's leftover: a live copy
# writes a chunk at least every few seconds, even from a slow share, and a copy is short.
STALE_TEMP_AGE = 3600.0


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open_file(path) as f:  # never through a symlink, never blocking on a FIFO
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    relpath: str  # relative to the store root


class ContentStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def relpath(self, sha256: str, suffix: str) -> str:
        return f"{sha256[:2]}/{sha256}{suffix.lower()}"

    def path(self, stored: StoredFile | str) -> Path:
        return self.root / (stored.relpath if isinstance(stored, StoredFile) else stored)

    def put(self, src: Path, sha256: str | None = None) -> StoredFile:
        """Copy ``src`` into the store (no-op if the same content is already there)."""
        sha256 = sha256 or sha256_of(src)
        rel = self.relpath(sha256, src.suffix)
        dest = self.root / rel
        size = src.stat().st_size
        if dest.exists() and dest.stat().st_size == size:
            return StoredFile(sha256, size, rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=TEMP_PREFIX)
        try:
            with os.fdopen(fd, "wb") as out, open_file(src) as f:
                while chunk := f.read(_CHUNK):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, dest)
            fsync_dir(dest.parent)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return StoredFile(sha256, size, rel)

    def clean_stale_temps(self, older_than: float = STALE_TEMP_AGE) -> int:
        """Remove the temporary files of copies killed midway (kill -9 between ``mkstemp`` and the
        rename), at start-up; returns how many. Only regular files named like ``put``'s temporary
        files and untouched for ``older_than`` seconds go: a finished file has its hash for a name,
        and another process's copy in progress is younger (its writes refresh the mtime)."""
        removed = 0
        cutoff = time.time() - older_than
        for tmp in self.root.glob(f"*/{TEMP_PREFIX}*"):
            try:
                st = tmp.lstat()
                if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
            except OSError:  # gone meanwhile, or not ours to remove: leave it
                continue
        return removed


def fsync_dir(path: Path) -> None:
    """Make renames and creations in ``path`` durable: a directory entry must reach the disk too."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
