"""Render a Layout as plain text, the way Word's "Save as Plain Text" exports a document.

Every paragraph is one line however long; an empty paragraph (such as the one holding the line
shape under the title) is an empty line; a layout table's cells come one after the other, each
opened by a tab, their paragraphs on lines of their own (so the header reads: tab, the left
column's lines, tab, the right column's lines); a data table's row is one line of tab-separated
cells. Line shapes themselves vanish.
"""

from __future__ import annotations

from corpus.generator.model import Layout, Para, Table


def _cells(*columns: list[Para]) -> list[str]:
    lines: list[str] = []
    for paras in columns:
        texts = [p.text for p in paras if p.runs]
        lines.append("\t" + (texts[0] if texts else ""))
        lines.extend(texts[1:])
    return lines


def _table(table: Table) -> list[str]:
    return ["\t".join(row) for row in table.rows]


def render_text(layout: Layout) -> str:
    lines = [*_cells(layout.header_left, layout.header_right), ""]
    for block in layout.title + layout.body:
        if isinstance(block, Table):
            lines.extend(_table(block))
        else:
            lines.append(block.text)
    lines.extend(_cells(layout.sign_left, layout.sign_right))
    if layout.appendix:
        lines.append("")
        for block in layout.appendix:
            lines.extend(_table(block) if isinstance(block, Table) else [block.text])
    return "\n".join(lines) + "\n"
