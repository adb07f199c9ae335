"""Form-field values as words: the số and the day an e-office system stamps at registration.

A signed PDF from an e-office system is drafted with blanks ("Số:      /UBND-VP", "ngày   tháng 7
năm 2025") and, when the văn thư registers it, the system fills the blanks with AcroForm text
fields (widgets) whose values sit outside the page's text: a reader of the text layer sees
"Số: /UBND-VP". Here each visible text field's value becomes a word at the place its widget shows
it, on the baseline of the page line it sits in, so that the line reads "Số: 123/UBND-VP" and
"Quảng Ngãi, ngày 15 tháng 7 năm 2025".

The value is taken rather than the widget's appearance (flattening): a field filled without an
appearance stream (NeedAppearances) shows its value in every viewer and has no appearance to
flatten. Signature fields are not text fields: their stamp is left out here.
"""

from __future__ import annotations

import contextlib
import ctypes

from pipeline.readers.pdfwords import Word
from pipeline.text import nfc

_HIDDEN = 0x2 | 0x20  # annotation flags Hidden and NoView (ISO 32000-1 §12.5.3)
_PAD = 2.0  # points: a text field's inner margin before its first character
_AVERAGE_ADVANCE = 0.5  # em: the width of a digit in Times or Arial, near the average letter's
_MAX_VALUE = 300  # characters: a registration field holds a number or a day, not a page


def open_forms(pdf) -> None:
    """Load the document's form (pdfium's form environment), when it has one, before pages load."""
    with contextlib.suppress(Exception):  # a broken AcroForm: the page text still reads, field values lost
        pdf.init_forms()


def field_words(pdf, page, height: float, words: list[Word]) -> list[Word]:
    """Words for the page's visible, filled text fields (none when the document has no form)."""
    form = getattr(pdf, "formenv", None)
    if form is None:
        return []
    import pypdfium2.raw as raw

    out: list[Word] = []
    for k in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, k)
        if not annot:
            continue
        try:
            found = _field(raw, form.raw, annot, height)
        finally:
            raw.FPDFPage_CloseAnnot(annot)
        if found is None:
            continue
        value, box, size = found
        if _already_drawn(value, box, words):
            continue
        out.extend(_placed(value, box, size, words))
    return out


def _field(raw, form, annot, height: float) -> tuple[str, tuple[float, float, float, float], float] | None:
    """A text widget's value, its box (x0, top, x1, bottom; y down) and font size, if it shows one."""
    if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
        return None
    if raw.FPDFAnnot_GetFormFieldType(form, annot) != raw.FPDF_FORMFIELD_TEXTFIELD:
        return None
    if raw.FPDFAnnot_GetFlags(annot) & _HIDDEN:
        return None
    length = raw.FPDFAnnot_GetFormFieldValue(form, annot, None, 0)
    if length <= 2:  # the terminating NUL alone: an empty field
        return None
    buffer = ctypes.create_string_buffer(length)
    raw.FPDFAnnot_GetFormFieldValue(form, annot, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)), length)
    value = nfc(" ".join(buffer.raw[: length - 2].decode("utf-16-le", "replace").split()))[:_MAX_VALUE]
    rect = raw.FS_RECTF()
    if not value or not raw.FPDFAnnot_GetRect(annot, rect):
        return None
    box = (min(rect.left, rect.right), height - max(rect.top, rect.bottom))
    box += (max(rect.left, rect.right), height - min(rect.top, rect.bottom))
    size = ctypes.c_float()
    if not raw.FPDFAnnot_GetFontSize(form, annot, ctypes.byref(size)) or size.value <= 0:
        size.value = 0.0  # auto size: taken from the line it sits in
    return value, box, size.value


def _already_drawn(value: str, box, words: list[Word]) -> bool:
    """The page text already shows the value inside the box (a system that also drew it)."""
    x0, top, x1, bottom = box
    inside = " ".join(
        w.text for w in words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= w.base <= bottom + 1
    )
    return bool(inside) and value.replace(" ", "") in inside.replace(" ", "")


def _host_line(box, words: list[Word]) -> list[Word]:
    """The page words on the line the box sits in: baselines inside the box, nearest the box first."""
    x0, top, x1, bottom = box
    near = [w for w in words if top <= w.base <= bottom + 0.25 * w.size]
    if not near:
        return []
    closest = min(near, key=lambda w: min(abs(w.x1 - x0), abs(w.x0 - x1)))
    return [w for w in near if abs(w.base - closest.base) <= 0.3 * closest.size]


def _placed(value: str, box, size: float, words: list[Word]) -> list[Word]:
    """The value as words in the box, on its host line's baseline, spaced from its neighbours.

    The words after it on that line get their space decided again: "Số: [123]/UBND-VP" runs on into
    the ký hiệu (a '/' or '-' right at the box's end), "ngày [15] tháng" is three words."""
    x0, top, x1, bottom = box
    line = _host_line(box, words)
    if line:
        base = line[0].base
        size = size or max(w.size for w in line)
    else:
        size = size or max(4.0, 0.7 * (bottom - top))
        base = bottom - max(0.0, (bottom - top - size) / 2) - 0.22 * size  # centred, as viewers show it
    before = [w for w in line if w.x1 <= x0 + 1]
    after = sorted((w for w in line if w.x0 >= x1 - 1), key=lambda w: w.x0)
    glue_before = bool(before) and max(before, key=lambda w: w.x1).text[-1:] in "/-"
    if after and after[0].text[:1] in "/-" and after[0].x0 - x1 < size:
        after[0].space = False
    elif after:
        after[0].space = True
    out: list[Word] = []
    x = x0 + _PAD
    for i, part in enumerate(value.split(" ")):
        width = len(part) * _AVERAGE_ADVANCE * size
        end = min(x + width, x1) if x < x1 else x + width
        out.append(Word(part, x, end, base - 0.8 * size, base, size, space=i > 0 or not glue_before))
        x = end + 0.25 * size
    return out
