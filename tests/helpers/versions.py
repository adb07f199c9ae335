"""Test helpers for versions: a generated directive as .txt and .docx and its amended text, as files."""

from __future__ import annotations

import re
from pathlib import Path

from corpus.generator import generate

OLD_DUE, NEW_DUE = "18/2/2025", "28/2/2025"
OLD_PARAGRAPH = "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc"
NEW_PARAGRAPH = (
    "3. Ban Tổ chức Tỉnh ủy rà soát danh sách đảng viên tiêu biểu trong học tập và làm theo Bác tại các chi bộ "
    "trực thuộc, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 10/3/2025./."
)


def amended_directive(tmp_path: Path) -> dict[str, Path]:
    """A generated directive (Tỉnh ủy Tây Ninh, 2353-CV/TU) as .txt and .docx, and its amended text:
    the same number, one deadline moved 18/2 → 28/2, the closing paragraph replaced by a new task."""
    paths = generate(tmp_path / "corpus", 8, 0, ("txt", "docx"), every_format=True)  # the plan of 8, seed 0
    by_suffix = {p.suffix: p for p in paths if p.name.startswith("000000-")}
    text = by_suffix[".txt"].read_text(encoding="utf-8")
    assert OLD_DUE in text and OLD_PARAGRAPH in text, "the generator's document 0 changed: pick another"
    amended = text.replace(OLD_DUE, NEW_DUE)
    amended = re.sub(rf"{re.escape(OLD_PARAGRAPH)}[^\n]*", NEW_PARAGRAPH, amended)
    (tmp_path / "amended").mkdir()
    new = tmp_path / "amended" / "2353-CV-TU-sua.txt"
    new.write_text(amended, encoding="utf-8")
    return {"txt": by_suffix[".txt"], "docx": by_suffix[".docx"], "amended": new}
