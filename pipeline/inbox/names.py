"""Names in the inbox: which are someone's work in progress, and names that fit where files go."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from pipeline.ingest.files import fit_name
from pipeline.ingest.store import fsync_dir

REASON_SUFFIX = ".reason.txt"
NOTE_SUFFIX = ".note.txt"

# Names of files still being written or that are not documents: browsers' and copy tools'
# partial downloads, Office's owner files (~$x.docx) and LibreOffice's locks (.~lock.x#, hidden),
# editors' backups, Windows Explorer's litter on shares, and the notes the watcher writes itself
# (a clerk moving a failed file back to retry it may bring its reason file along).
TEMP_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp", "~")
OWN_SUFFIXES = (REASON_SUFFIX, NOTE_SUFFIX)
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})

# Hidden names that are someone's work in progress, not a document: LibreOffice's locks, macOS's
# AppleDouble twins on shares, the watcher's own probe and lock files, and rsync's temporary copies
# (".name.XXXXXX"). Any other name starting with a dot ("..txt") is a clerk's file and is taken.
TEMP_PREFIXES = ("~$", ".~lock.", "._", ".congvan-")
_RSYNC_TEMP = re.compile(r"\..+\.[A-Za-z0-9]{6}")
# Bytes kept free in a destination name for " (9999)" and ".reason.txt", so both always fit.
NAME_RESERVE = len(" (9999)") + max(len(REASON_SUFFIX), len(NOTE_SUFFIX))


def is_temporary(name: str) -> bool:
    low = name.lower()
    return (
        name.startswith(TEMP_PREFIXES)
        or low.endswith(TEMP_SUFFIXES)
        or low.endswith(OWN_SUFFIXES)
        or low in JUNK_NAMES
        or _RSYNC_TEMP.fullmatch(name) is not None
    )


def makedirs(path: Path) -> None:
    missing: list[Path] = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        with contextlib.suppress(FileExistsError):
            d.mkdir()
        fsync_dir(d.parent)


def free_name(path: Path) -> Path:
    """``path``, or ``stem (2).ext``, ``stem (3).ext``... whichever does not exist yet."""
    if not os.path.lexists(path):
        return path
    stem, suffix = path.stem, path.suffix
    n = 2
    while os.path.lexists(candidate := path.with_name(f"{stem} ({n}){suffix}")):
        n += 1
    return candidate


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{fit_name(path.name, 40)}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
