"""Which files some process still holds open for writing, where the OS can tell (Linux: /proc).

A copy that pauses longer than the stability window (a slow USB stick, a network share that
stalls) looks complete by size and mtime alone. The copying process still holds the file open for
writing, though, and Linux shows it: /proc/PID/fd/N links to the file and /proc/PID/fdinfo/N gives
the open flags. The scan is done once per watcher cycle and only for the files about to be taken:
a readlink per descriptor, and the fdinfo read only for descriptors on those files.

What it cannot see: a writer on another machine (a network share), or one in a PID namespace or of
another user that this process may not inspect (run the watcher as the inbox's owner or root). For
those the watcher keeps watching files for a while after moving them (see watch.py) and takes a
file that changed again as a new version.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PROC = b"/proc"
_WRITE_MODES = (os.O_WRONLY, os.O_RDWR)


def _writable(fd_info: bytes) -> bool:
    try:
        with open(fd_info, "rb") as f:
            for line in f:
                if line.startswith(b"flags:"):
                    return int(line.split()[1], 8) & os.O_ACCMODE in _WRITE_MODES
    except (OSError, ValueError, IndexError):
        pass
    return False


def open_for_writing(paths: Iterable[Path]) -> set[Path]:
    """Those of ``paths`` that a process (other than this one) has open for writing."""
    wanted = {os.fsencode(p): p for p in paths}
    found: set[Path] = set()
    if not wanted or not os.path.isdir(PROC + b"/self/fd"):
        return found
    me = str(os.getpid()).encode()
    try:
        pids = [p for p in os.listdir(PROC) if p.isdigit() and p != me]
    except OSError:
        return found
    for pid in pids:
        fd_dir = PROC + b"/" + pid + b"/fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:  # gone, or not ours to look at
            continue
        for fd in fds:
            try:
                target = os.readlink(fd_dir + b"/" + fd)
            except OSError:
                continue
            path = wanted.get(target)
            if path is not None and path not in found and _writable(PROC + b"/" + pid + b"/fdinfo/" + fd):
                found.add(path)
        if len(found) == len(wanted):
            break
    return found
