"""The watcher tells the clerk when a dropped file is a new version of a stored document."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.inbox import Box
from tests.helpers.versions import amended_directive


def test_watch_says_a_dropped_file_is_a_new_version(box: Box, tmp_path: Path):
    directive = amended_directive(tmp_path)
    shutil.copy(directive["txt"], box.inbox / "cv-2353.txt")
    first = box.once()
    assert first.returncode == 0, first.stderr
    shutil.copy(directive["amended"], box.inbox / "cv-2353-sua.txt")
    second = box.once()
    assert second.returncode == 0, second.stderr
    said = " ".join((second.stdout + second.stderr).split())
    assert "phiên bản mới: cv-2353-sua.txt" in said
    assert "phiên bản mới của 2353-CV/TU (thay bản ngày 13/01/2025, nhận ngày" in said
    assert box.scalar("select count(*) from documents where superseded_by_id is null") == 1
    assert box.scalar("select count(*) from documents") == 2
