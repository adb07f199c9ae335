"""Repair tables that crossed a page break: repeated header rows, rows split in two."""

from __future__ import annotations

import re

from pipeline.text import fold

_NUMBER_CELL = re.compile(r"^\(?[0-9IVXivx]{1,4}([.][0-9]{1,2}){0,3}[.)]?$")


def _is_header_row(row: list[str], header: list[str]) -> bool:
    return [fold(c) for c in row] == [fold(c) for c in header]


def merge_table_rows(rows: list[list[str]]) -> list[list[str]]:
    """Drop a header row repeated on later pages and join a row the page break split.

    Right after a repeated header (a new page), a row whose first (number) cell is
    empty continues the row before it when that row was a complete task row (it has cells after
    the task text); after a group row ("2 | Phát triển hạ tầng ... | | |") an empty number opens a task of its own.
    """
    if not rows:
        return rows
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = rows[0]
    out: list[list[str]] = [header]
    after_break = False
    for row in rows[1:]:
        if _is_header_row(row, header):
            after_break = True  # the header repeats where a new page starts
            continue
        prev = out[-1]
        continues = (
            after_break
            and len(out) > 1
            and not row[0].strip()
            and _NUMBER_CELL.match(prev[0].strip() or "x") is not None
            and any(c.strip() for c in prev[2:])
        )
        after_break = False
        if continues:
            out[-1] = [_join(a, b) for a, b in zip(prev, row, strict=True)]
        else:
            out.append(row)
    return out


def _join(a: str, b: str) -> str:
    a, b = a.strip(), b.strip()
    if not a or not b:
        return a or b
    if b.startswith(("-", "–", "+")):
        return f"{a}\n{b}"
    return f"{a} {b}"
