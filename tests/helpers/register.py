"""Documents for the register's tests: a real corpus text under many numbers.

The công văn of corpus/samples/skhcn-wifi-cong-cong.txt leaves its số blank ("Số: /SKHCN-CN&CĐS");
each copy gets a number of its own, so each is a document of its own (another number is never
"the same document in another format"), and the text stays a real one.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus import SAMPLES_DIR

WIFI = SAMPLES_DIR / "skhcn-wifi-cong-cong.txt"  # cites 1260/UBND-KGVX and 4664/KH-UBND
DIRECTIVE = SAMPLES_DIR / "ubnd-tiep-tuc-02kh-bcdtw.txt"  # UBND tỉnh Quảng Ngãi, "Số: /UBND-KGVX"
_NUMBER = re.compile(r"^(Số:)\s*(/)", re.MULTILINE)


def numbered(source: Path, number: int, mark: str | None = None) -> str:
    """``source``'s text with ``number`` in its blank số, and ``mark`` (e.g. "HỎA TỐC") alone on
    the line under it, where Nghị định 30 prints a document's độ khẩn or độ mật."""
    text = source.read_text(encoding="utf-8")
    text, n = _NUMBER.subn(rf"\g<1> {number}\g<2>", text, count=1)
    assert n == 1, source
    if mark:
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("Số:"))
        lines.insert(at + 1, mark)
        text = "\n".join(lines)
    return text


def write_numbered(
    folder: Path, numbers: range | list[int], source: Path = WIFI, marks: dict | None = None
) -> list[Path]:
    """One .txt per number in ``folder``: "cong-van-0101.txt" holds số 101."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in numbers:
        path = folder / f"cong-van-{n:04d}.txt"
        path.write_text(numbered(source, n, (marks or {}).get(n)), encoding="utf-8")
        out.append(path)
    return out
