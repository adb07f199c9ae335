"""Whether the clerk asked to see internals: ``congvan --debug ...`` or ``CONGVAN_DEBUG=1``.

Without it nothing internal is printed: no database ids ("#12"), search scores, rule names or
kind codes ("KHAC"). The one place that says so; rendering asks :func:`on`.
"""

from __future__ import annotations

import os
import re

_asked = False


def set_debug(asked: bool) -> None:
    """The root command's ``--debug`` (set for every run, so one run's flag is not the next's)."""
    global _asked
    _asked = asked


def on() -> bool:
    return _asked or os.environ.get("CONGVAN_DEBUG", "").strip().lower() in ("1", "true", "yes", "on", "có")


# A stored document's id in a message from below ("cùng văn bản với #12", "…: #12 CV 4004/UBND").
_ID = re.compile(r"(?<![\w/#])#\d+\b( (?=[^\s/]))?")


def hide_ids(text: str) -> str:
    """``text`` without database ids unless debugging: "#12 " before a document's label goes,
    a bare "#12" reads "văn bản đã lưu"."""
    if on():
        return text
    return _ID.sub(lambda m: "" if m.group(1) else "văn bản đã lưu", text)


def detail(error: BaseException) -> str:
    """What a library said about an error (English, with its class): for --debug; otherwise a hint
    on how to see it."""
    if on():
        return f": {type(error).__name__}: {error}"
    return " (chạy lại với --debug hoặc CONGVAN_DEBUG=1 để xem chi tiết kỹ thuật)"
