"""Which path objects of a PDF page can be a ruling line or a cell border, and which are backgrounds.

A table's border is ink on the paper: a stroked line or rectangle, or a thin filled bar (Word draws
its table borders that way), in a colour that shows on white. Word also exports paragraph shading
("Tô nền đoạn văn") as filled rectangles behind the text: white or near-white, without a stroke,
often zero-width at the margins, zero-height between paragraphs, or as wide as the page. Taken as
borders, one such rectangle a line gives pdfplumber's table finder a grid whose rows are the body's
paragraphs, and a công văn's "Căn cứ Nghị định số 30/2020/NĐ-CP..." disappears into a table cell.
So a path is a border only when it paints visible ink:

- a stroke in a colour that shows (not white, not transparent);
- a fill with some area (a zero-width rectangle paints nothing) in a colour that shows, and, when
  the shape is wider and taller than a line, dark enough not to be a background tint (a shaded
  paragraph, a highlight, a light cell shading).

What pdfium cannot tell (a pattern or a colour space it does not convert) counts as ink, as before.
"""

from __future__ import annotations

import ctypes

_THIN = 2.5  # points: a path this thin is a line (pipeline.readers.pdf draws the same line)
_ZERO = 0.05  # points: a fill narrower than this covers no pixel at any zoom: no cell, no line
# Luminance (0..1) at or above which a line on white paper is not seen: white, Word's "White,
# Background 1, Darker 5%" (F2F2F2, 0.95).
_BLANK = 0.93
# A filled area (not a line) this light or lighter is a background: paragraph shading, Word's yellow
# highlight (FFFF00, 0.89), a light grey cell shading (D9D9D9, 0.85).
_TINT = 0.75


def draws_rule(obj, width: float, height: float) -> bool:
    """Whether the path object ``obj`` (its bounds ``width`` x ``height`` points) can rule a table."""
    import pypdfium2.raw as raw

    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return True
    if stroke.value and _luminance(raw.FPDFPageObj_GetStrokeColor, obj) < _BLANK:
        return True
    if not fill_mode.value or min(width, height) < _ZERO:
        return False
    light = _TINT if min(width, height) > _THIN else _BLANK
    return _luminance(raw.FPDFPageObj_GetFillColor, obj) < light


def _luminance(get_color, obj) -> float:
    """The colour's luminance on white paper (Rec. 601 weights; transparency lightens it), 0..1."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not get_color(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return 0.0  # unknown: ink, as every path was before colours were looked at
    lum = (0.299 * r.value + 0.587 * g.value + 0.114 * b.value) / 255
    alpha = a.value / 255
    return 1 - alpha * (1 - lum)
