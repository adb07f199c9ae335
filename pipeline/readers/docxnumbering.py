"""Word's automatic numbering and bullets, rendered back into the text.

An office that types "1.", "a)" and "-" by hand leaves them in the paragraph; one that uses Word's
list buttons leaves them in numbering.xml, and python-docx returns the paragraph without them. The
obligation grammar reads those markers (numbered sections headed by an owner, dashed tasks under
them), so the reader puts them back: "1. Ủy ban nhân dân cấp xã", "- Cập nhật và báo cáo ...".
"""

from __future__ import annotations

# WordprocessingML's namespace: every element these readers look up is in it.
W_NAMESPACE = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def qn(tag: str) -> str:
    """Clark notation of a "w:" tag ("w:numPr" -> "{...main}numPr"), as python-docx's ``qn`` gives it;
    written here so that knowing the readers' suffixes does not load python-docx."""
    return f"{{{W_NAMESPACE}}}{tag.removeprefix('w:')}"


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip
# Bullet glyphs (often in the Symbol or Wingdings fonts) all read as the dash of a Vietnamese list;
# a "+" stays a "+", the marker of a sub-item.
_DASHES = set("-–—•·▪◦○●■□❖➢►✓\uf0b7\uf0a7\uf02d\uf0d8\uf0fc\uf076o§")


def _roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out += digits
            n -= value
    return out


def _letters(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)  # decimal, decimalZero and anything else


class ListNumbering:
    """Counts list items through a document and renders each numbered paragraph's label."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId -> ilvl -> (fmt, text, start)
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.starts: dict[tuple[str, int], int] = {}  # startOverride per (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for absn in root.findall(qn("w:abstractNum")):
            aid = absn.get(qn("w:abstractNumId"))
            lvls: dict[int, tuple[str, str, int]] = {}
            for lvl in absn.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = _val(lvl, "w:numFmt") or "decimal"
                text = _val(lvl, "w:lvlText") or ""
                start = int(_val(lvl, "w:start") or "1")
                lvls[ilvl] = (fmt, text, start)
            self.levels[aid] = lvls
        for num in root.findall(qn("w:num")):
            nid = num.get(qn("w:numId"))
            absref = num.find(qn("w:abstractNumId"))
            if absref is not None:
                self.nums[nid] = absref.get(qn("w:val"))
            for ov in num.findall(qn("w:lvlOverride")):
                so = ov.find(qn("w:startOverride"))
                if so is not None:
                    self.starts[(nid, int(ov.get(qn("w:ilvl"), "0")))] = int(so.get(qn("w:val")))
        self._styles(document)

    def _styles(self, document) -> None:
        """List styles ("List Number", "List Bullet") carry their numbering in the style."""
        try:
            styles = document.styles.element
        except AttributeError:
            return
        by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        for sid, style in by_id.items():
            seen = set()
            cur = style
            while cur is not None and sid not in self.style_num and cur.get(qn("w:styleId")) not in seen:
                seen.add(cur.get(qn("w:styleId")))
                ppr = cur.find(qn("w:pPr"))
                num = _num_pr(ppr)
                if num:
                    self.style_num[sid] = num
                based = cur.find(qn("w:basedOn"))
                cur = by_id.get(based.get(qn("w:val"))) if based is not None else None

    def label(self, p) -> str | None:
        """The rendered marker of paragraph element ``p`` ("1.", "a)", "-"), or None."""
        if not self.nums:
            return None
        ppr = p.find(qn("w:pPr"))
        num = _num_pr(ppr)
        if num is None and ppr is not None:
            ps = ppr.find(qn("w:pStyle"))
            if ps is not None:
                num = self.style_num.get(ps.get(qn("w:val")))
        if num is None:
            return None
        nid, ilvl = num
        aid = self.nums.get(nid)
        if nid == "0" or aid is None or aid not in self.levels:
            return None
        lvls = self.levels[aid]
        fmt, text, _ = lvls.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        counters = self.counters.setdefault(nid, {})
        start = self.starts.get((nid, ilvl), lvls.get(ilvl, ("", "", 1))[2])
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts the levels under it
        if fmt == "bullet" or fmt == "none":
            glyph = text.strip()
            if fmt == "none" or not glyph:
                return None
            return "+" if glyph == "+" else "-" if (glyph in _DASHES or len(glyph) == 1) else glyph
        out = text
        for level in range(9):
            token = f"%{level + 1}"
            if token in out:
                lf = lvls.get(level, ("decimal", "", 1))[0]
                value = counters.get(level, self.starts.get((nid, level), lvls.get(level, ("", "", 1))[2]))
                out = out.replace(token, _format(value, lf))
        return out.strip() or None


def _val(el, tag: str) -> str | None:
    child = el.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _num_pr(ppr) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(qn("w:numPr"))
    if num is None:
        return None
    nid = _val(num, "w:numId")
    ilvl = _val(num, "w:ilvl")
    return (nid, int(ilvl or 0)) if nid is not None else None
