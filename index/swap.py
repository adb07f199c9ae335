"""Replacing an index directory whole: build a fresh one beside it, then rename it into place.

A rebuild writes into ``<index>.new-<pid>-<epoch>-<random>`` next to the live index, so searches go on
reading the old one (where it is readable) for as long as the rebuild takes, and a crash during it
leaves the live index as it was. The name says who builds it and since when: ``congvan status``
reads it to tell that a rebuild is running, and a later rebuild removes the ones whose process
is gone. Several processes may rebuild at once (the watcher in the background, a ``congvan
search`` that found the index broken): each has its own directory, and the swaps are serialised
by :func:`swap_lock`, which writers also hold from their index commit to the moment the database
records it (see ``index.documents``), so a swap never falls between the two.

The swap is two renames (old aside, new in) with a window of a few microseconds where the index
path does not exist; readers that open at that instant see a missing index and retry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_FRESH = re.compile(r"\.new-(?P<pid>\d+)-(?P<epoch>\d+)(?:-[0-9a-f]+)?$")
_OWNED = re.compile(r"\.(?:new|old)-(?P<pid>\d+)(?:-\d+)?(?:-[0-9a-f]+)?$")


@dataclass(frozen=True)
class Rebuild:
    """A rebuild in progress, as its directory tells it."""

    path: Path
    pid: int
    since: dt.datetime


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def fresh_dir(path: Path) -> Path:
    """A new, empty directory for this process to build a replacement of ``path`` in."""
    # The random part: two rebuilds of one process in the same second (a thread's and a command's)
    # must not share a directory.
    return path.with_name(f"{path.name}.new-{os.getpid()}-{int(time.time())}-{secrets.token_hex(4)}")


def rebuilds(path: Path) -> list[Rebuild]:
    """Rebuilds of ``path`` whose process is still alive, oldest first."""
    out: list[Rebuild] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if not entry.name.startswith(path.name + ".new-"):
                continue
            m = _FRESH.search(entry.name)
            if m and _alive(int(m["pid"])):
                since = dt.datetime.fromtimestamp(int(m["epoch"]), dt.UTC)
                out.append(Rebuild(Path(entry.path), int(m["pid"]), since))
    return sorted(out, key=lambda r: r.since)


def clear_stale(path: Path) -> None:
    """Remove what dead rebuilds left beside ``path`` (and the ``.new``/``.old`` of older versions)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            name = entry.name
            if not name.startswith((f"{path.name}.new", f"{path.name}.old")):
                continue
            m = _OWNED.search(name)
            if m is None or not _alive(int(m["pid"])):
                _remove(Path(entry.path))


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    elif p.exists() or p.is_symlink():
        with contextlib.suppress(OSError):
            p.unlink()


@contextlib.contextmanager
def swap_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on swapping ``path`` (a flock on the folder holding it: the index folder
    itself is what gets replaced). The kernel drops it if the holder dies."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def swap_in(fresh: Path, path: Path) -> None:
    """Put the complete index ``fresh`` at ``path`` (call under :func:`swap_lock`)."""
    old = path.with_name(f"{path.name}.old-{os.getpid()}")
    _remove(old)
    if path.exists() or path.is_symlink():
        os.replace(path, old)
    os.replace(fresh, path)
    _remove(old)
