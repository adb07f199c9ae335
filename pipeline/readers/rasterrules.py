"""Ruling lines drawn in a page's image: the table borders of a scan.

A digital PDF draws a table's borders as paths, and the PDF reader finds its cells from them; a
scan (or the PDF OCRmyPDF makes of it) has them only as dark pixels. The phân công nhiệm vụ annex
of a kế hoạch is such a table ("TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian"):
read without its grid, its cells run together row by row and the tasks are lost.

Here the page is rendered small and grey, and long straight runs of dark pixels become edges in
PDF points, the same (x0, x1, y) / (x, y0, y1) tuples the reader takes from paths. A run must be
long (a tenth of the page's width or a twentieth of its height), so letters, underlined words and
the seal's curve never make one; a run broken by a pixel or two (a faint scan) is closed first.
"""

from __future__ import annotations

DPI = 150
DARK = 180  # grey level under which a pixel is ink
GAP = 2  # pixels: a run broken by this much is one run
THICK = 12  # pixels: a border, even slanted across a few rows, spans fewer (a black box is no border)


def raster_edges(page, width: float, height: float):
    """(horizontal, vertical) edges of the page's drawn lines, in PDF points, y downwards."""
    import numpy as np

    bitmap = page.render(scale=DPI / 72, grayscale=True)
    gray = np.asarray(bitmap.to_pil().convert("L"))
    rows, cols = gray.shape
    sx, sy = width / cols, height / rows
    # A thin line falling between two pixel rows (or columns) is grey in both, dark in neither:
    # each pixel takes the darker of itself and its neighbour across the line's direction.
    across_rows = np.minimum(gray, np.roll(gray, 1, axis=0)) < DARK
    across_cols = np.minimum(gray, np.roll(gray, 1, axis=1)) < DARK
    h = _runs(_close(across_rows, axis=1), min_len=max(20, cols // 10))
    v = _runs(_close(across_cols, axis=0).T, min_len=max(20, rows // 20))
    h_edges = [(x0 * sx, x1 * sx, y * sy) for y, x0, x1 in _merge(h)]
    v_edges = [(x * sx, y0 * sy, y1 * sy) for x, y0, y1 in _merge(v)]
    return h_edges, v_edges


def _close(dark, axis: int):
    """Dark pixels with gaps of up to GAP along ``axis`` filled (a dilation then an erosion)."""
    import numpy as np

    grown = dark.copy()
    for k in range(1, GAP + 1):
        grown |= np.roll(dark, k, axis=axis)
    shrunk = grown.copy()
    for k in range(1, GAP + 1):
        shrunk &= np.roll(grown, -k, axis=axis)
    return shrunk | dark


def _runs(dark, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of dark pixels at least ``min_len`` long, row by row."""
    import numpy as np

    padded = np.pad(dark.astype(np.int8), ((0, 0), (1, 1)))
    diff = np.diff(padded, axis=1)
    starts_r, starts_c = np.nonzero(diff == 1)
    _, ends_c = np.nonzero(diff == -1)
    # nonzero walks row-major, so the k-th start and the k-th end belong to the same run
    keep = (ends_c - starts_c) >= min_len
    return list(zip(starts_r[keep].tolist(), starts_c[keep].tolist(), ends_c[keep].tolist(), strict=True))


def _merge(runs: list[tuple[int, int, int]]) -> list[tuple[float, float, float]]:
    """Runs on neighbouring rows covering the same span (one line a few pixels thick, or drifting
    a pixel over its length after deskew) as one line at their middle row."""
    lines: list[list[float]] = []  # [first_row, last_row, start, end]
    for row, start, end in sorted(runs, key=lambda r: (r[0], r[1])):
        for line in reversed(lines[-40:]):
            if row - line[1] > 1:
                continue
            overlap = min(end, line[3]) - max(start, line[2])
            if overlap > 0.5 * min(end - start, line[3] - line[2]):
                line[1], line[2], line[3] = row, min(start, line[2]), max(end, line[3])
                break
        else:
            lines.append([row, row, start, end])
    thin = [((a + b) / 2, s, e) for a, b, s, e in lines if b - a + 1 <= THICK]
    return _join(thin)


def _join(lines: list[tuple[float, int, int]]) -> list[tuple[float, float, float]]:
    """Pieces of one slanted line end to end: a border a page turned by a tenth of a degree
    steps one pixel row every few hundred pixels, each step a piece of its own."""
    out: list[list[float]] = []  # [row, start, end]
    for row, start, end in sorted(lines, key=lambda p: (p[1], p[0])):
        for line in out:
            if abs(row - line[0]) <= 2 and -GAP - 1 <= start - line[2] <= 3 * GAP:
                line[0] = (line[0] + row) / 2 if end - start > line[2] - line[1] else line[0]
                line[2] = max(line[2], end)
                break
        else:
            out.append([row, start, end])
    return [(r, s, e) for r, s, e in out]
