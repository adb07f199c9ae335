"""Files as the file system gives them: any byte string as a name, and entries that are not files.

A name is whatever bytes the file system allows except "/" and NUL: an old Windows code page over
Samba gives names that are not UTF-8. Python holds those bytes as lone surrogates (os.fsdecode,
surrogateescape), which no database driver, terminal or JSON encoder accepts. So a name has three
forms: the real one (str with surrogates, for the file system), ``stored_name`` (bytes that are not
UTF-8 as \\x escapes: deterministic, reversible enough to find the file, safe in any column) and
``display_name`` (the same with U+FFFD: what a clerk reads).

Symlinks, FIFOs, sockets and devices are never followed or opened: a symlink in a received folder
can point at /etc/passwd, and opening a FIFO blocks until someone writes to it. ``kind_of`` tells
them apart from an lstat; ``open_regular`` opens a file without following a symlink and without
blocking, and refuses anything that turns out not to be a regular file (fstat of the open file, so
a swap between the lstat and the open is caught too).
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

NAME_MAX = 255  # bytes in one name, on ext4, XFS, btrfs, NTFS (via Samba) alike
_HASH_LEN = 8  # hex digits of the hash that keeps shortened names apart
_MAX_SUFFIX = 16  # bytes; a longer "extension" is just part of the name


class NotRegularFile(OSError):
    """The path is a symlink, FIFO, socket or device: it is skipped, never opened."""

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(f"không phải tệp thường, bỏ qua ({kind})")
        self.strerror = f"không phải tệp thường ({kind})"
        self.filename = str(path)
        self.kind = kind


def stored_name(name: str | Path) -> str:
    """``name`` as text any database accepts: bytes that are not UTF-8 as \\x escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def display_name(name: str | Path) -> str:
    """``name`` as a clerk reads it: bytes that are not UTF-8 shown as U+FFFD, never an error."""
    return os.fsencode(name).decode("utf-8", "replace")


_KINDS = (
    (stat.S_ISLNK, "liên kết tượng trưng"),
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "thiết bị"),
    (stat.S_ISBLK, "thiết bị"),
    (stat.S_ISDIR, "thư mục"),
)


def kind_of(mode: int) -> str | None:
    """None for a regular file; otherwise what it is, in words."""
    if stat.S_ISREG(mode):
        return None
    return next((label for test, label in _KINDS if test(mode)), "tệp đặc biệt")


def special_kind(path: Path) -> str | None:
    """What ``path`` is if it is not a regular file (from lstat: a symlink is never followed);
    None for a regular file or one that is gone."""
    try:
        return kind_of(os.lstat(path).st_mode)
    except OSError:
        return None


def open_regular(path: Path | str) -> int:
    """A read-only descriptor on ``path`` if it is a regular file; NotRegularFile otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as e:
        if e.errno == 40:  # ELOOP: O_NOFOLLOW met a symlink
            raise NotRegularFile(path, "liên kết tượng trưng") from e
        raise
    kind = kind_of(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise NotRegularFile(path, kind)
    return fd


def open_file(path: Path | str):
    """``open_regular`` as a binary file object."""
    return os.fdopen(open_regular(path), "rb")


def fit_name(name: str, reserve: int = 0) -> str:
    """``name``, or a shorter one that leaves ``reserve`` bytes free under NAME_MAX (for " (2)" or
    ".reason.txt"): the stem is cut at a character boundary and a short hash of the whole name
    added, so two long names that start alike stay apart; the extension is kept."""
    raw = os.fsencode(name)
    if len(raw) + reserve <= NAME_MAX:
        return name
    dot = raw.rfind(b".")
    suffix = raw[dot:] if dot > 0 and len(raw) - dot <= _MAX_SUFFIX else b""
    stem = raw[: len(raw) - len(suffix)]
    tag = b"~" + hashlib.sha256(raw).hexdigest()[:_HASH_LEN].encode()
    room = max(1, NAME_MAX - reserve - len(suffix) - len(tag))
    cut = stem[:room]
    while cut and len(cut) < len(stem) and (stem[len(cut)] & 0xC0) == 0x80:
        cut = cut[:-1]  # do not split a UTF-8 character
    return os.fsdecode(cut + tag + suffix)
