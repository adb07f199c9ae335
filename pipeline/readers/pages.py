"""Page breaks in text exported from a PDF: the running footer, the page number, one sentence again.

``pdftotext`` writes a form feed between pages. Around it stand what the page printed besides the
document: a running footer ("UBND tỉnh Hà Tĩnh - Chỉ thị số 18/CT-UBND ngày 02/12/2025", the
office's address) at the foot of each page, and the page number Nghị định 30/2020 puts at the top
of every page after the first. A sentence broken by the page goes on after them:

    - Theo dõi, đôn đốc ..., báo cáo Ủy ban nhân dân
    UBND tỉnh Hà Tĩnh - Chỉ thị số 18/CT-UBND ngày 02/12/2025
    <form feed>                    2
    tỉnh định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày 10/12).

is one sentence, without the footer and the number. Text with no form feed is left as it is.
"""

from __future__ import annotations

import re
from collections import Counter

# "2", "- 2 -", "Trang 2", "2/5": a page number alone on its line
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$", re.IGNORECASE)
_EDGE = 3  # non-empty lines at a page's top and foot where its running lines stand
_SENTENCE_END = re.compile(r"[.;:!?…)\]\"”]\s*$")


def join_pages(text: str) -> str:
    if "\f" not in text:
        return text
    pages = [page.split("\n") for page in text.split("\f")]
    running = _running_lines(pages)
    out: list[str] = []
    for k, page in enumerate(pages):
        lines = _without_edges(page, running, top=k > 0)
        if not out:
            out = lines
            continue
        _join(out, lines)
    return "\n".join(out)


def _edges(page: list[str]) -> list[str]:
    filled = [ln.strip() for ln in page if ln.strip()]
    return filled[:_EDGE] + filled[-_EDGE:] if len(filled) > _EDGE else filled


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines at the edges of two pages or more: the running footer or header, not the document."""
    seen = Counter(line for page in pages for line in set(_edges(page)))
    return {line for line, n in seen.items() if n >= 2 and len(line) >= 8}


def _without_edges(page: list[str], running: set[str], *, top: bool) -> list[str]:
    """The page without its running lines and page number, at its top (after the first page) and foot."""
    drop: set[int] = set()
    for order in ([range(len(page))] if top else []) + [range(len(page) - 1, -1, -1)]:
        filled = [i for i in order if page[i].strip()][:_EDGE]
        for i in filled:
            s = page[i].strip()
            if s not in running and not _PAGE_NUMBER.match(s):
                break
            drop.add(i)
    return [ln for i, ln in enumerate(page) if i not in drop]


def _join(out: list[str], lines: list[str]) -> None:
    """Append the next page; a sentence the break cut ("... báo cáo Ủy ban nhân dân" / "tỉnh định kỳ
    ...") is one line again."""
    while out and not out[-1].strip():
        out.pop()
    start = next((i for i, ln in enumerate(lines) if ln.strip()), len(lines))
    rest = lines[start:]
    if out and rest and not _SENTENCE_END.search(out[-1]) and rest[0].strip()[:1].islower():
        out[-1] = f"{out[-1].rstrip()} {rest[0].strip()}"
        rest = rest[1:]
    out.extend(rest)
