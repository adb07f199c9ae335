"""A Vietnamese-capable TrueType font for the PDF writer, subset once per process and embedded as is.

The PDF's text layer must carry Vietnamese (Ơ, ư, ặ, ...), so the standard 14 fonts will not do: a
TrueType font is embedded as a CIDFontType2 with Identity-H encoding and a ToUnicode map, the way
office suites export. Subsetting per document (what fpdf2 does) costs ~0.1 s a file; instead the
font is cut once to the Vietnamese repertoire (~400 glyphs, ~40 KB compressed) and the same
compressed bytes are written into every PDF.

DejaVu Serif Condensed ships with Debian's fonts-dejavu-core; ``CONGVAN_PDF_FONT_DIR`` points
elsewhere if needed.
"""

from __future__ import annotations

import functools
import io
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

FONT_DIRS = (
    os.environ.get("CONGVAN_PDF_FONT_DIR", ""),
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
)
FILES = {
    "regular": "DejaVuSerifCondensed.ttf",
    "bold": "DejaVuSerifCondensed-Bold.ttf",
    "italic": "DejaVuSerifCondensed-Italic.ttf",
    "bolditalic": "DejaVuSerifCondensed-BoldItalic.ttf",
}
# ASCII, Latin-1, the Vietnamese letters outside it and Latin Extended Additional, typographic marks.
REPERTOIRE = (
    set(range(0x20, 0x7F))
    | set(range(0xA0, 0x100))
    | {0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0}
    | set(range(0x1EA0, 0x1EFA))
    | {0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2212, 0x2264, 0x2265, 0x2192}
)


class FontMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Font:
    name: str  # PostScript name with a subset tag
    hexes: dict[str, str]  # char -> 4 hex digits of its glyph id
    widths: dict[str, float]  # char -> advance in 1/1000 em
    space_hex: str
    program: bytes  # the subset TrueType, deflated
    program_length: int
    to_unicode: bytes  # deflated CMap
    w_array: str  # the CIDFont's /W
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]
    italic_angle: float
    flags: int

    def width(self, text: str, size: float) -> float:
        w = self.widths
        return sum(w.get(c, 500.0) for c in text) * size / 1000

    def encode(self, text: str) -> str:
        h = self.hexes
        fallback = h.get("?", "0000")
        return "".join(h.get(c, fallback) for c in text)


def _find(filename: str) -> Path:
    for d in FONT_DIRS:
        if d and (Path(d) / filename).is_file():
            return Path(d) / filename
    raise FontMissing(
        f"{filename} not found in {[d for d in FONT_DIRS if d]}: install Debian's fonts-dejavu-core "
        "or set CONGVAN_PDF_FONT_DIR"
    )


def _tag(style: str) -> str:
    """A fixed six-letter subset tag per style, so that output is the same on every run."""
    return {"regular": "CVGNRA", "bold": "CVGNBA", "italic": "CVGNIA", "bolditalic": "CVGNBI"}[style]


@functools.cache
def load(style: str) -> Font:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(str(_find(FILES[style])))
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    options.name_IDs = [1, 2, 4, 6]
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "FFTM"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(REPERTOIRE))
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    raw = buf.getvalue()

    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    hexes: dict[str, str] = {}
    widths: dict[str, float] = {}
    by_gid: dict[int, tuple[int, float]] = {}
    for code, glyph in cmap.items():
        gid = font.getGlyphID(glyph)
        ch = chr(code)
        hexes[ch] = f"{gid:04X}"
        widths[ch] = round(hmtx[glyph][0] * scale, 1)
        by_gid.setdefault(gid, (code, widths[ch]))
    w_array = " ".join(f"{gid} [{w:g}]" for gid, (_, w) in sorted(by_gid.items()))
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    pairs = sorted(by_gid.items())
    for k in range(0, len(pairs), 100):
        chunk = pairs[k : k + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{gid:04X}> <{code:04X}>" for gid, (code, _) in chunk)
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    head, hhea, os2, post = font["head"], font["hhea"], font["OS/2"], font["post"]
    flags = 2 | 32 | (64 if post.italicAngle else 0)  # serif, nonsymbolic, italic
    return Font(
        name=f"{_tag(style)}+{font['name'].getDebugName(6) or 'DejaVuSerifCondensed'}",
        hexes=hexes,
        widths=widths,
        space_hex=hexes[" "],
        program=zlib.compress(raw, 9),
        program_length=len(raw),
        to_unicode=zlib.compress("\n".join(lines).encode("ascii"), 9),
        w_array=w_array,
        ascent=round(hhea.ascent * scale),
        descent=round(hhea.descent * scale),
        cap_height=round(getattr(os2, "sCapHeight", 0) * scale) or 700,
        bbox=(
            round(head.xMin * scale),
            round(head.yMin * scale),
            round(head.xMax * scale),
            round(head.yMax * scale),
        ),
        italic_angle=float(post.italicAngle),
        flags=flags,
    )
