"""Render a Layout as a .docx laid out like the real ones: WordprocessingML written directly.

python-docx builds the same structure but costs ~25 ms a document (it parses and re-serialises its
whole default template each time); writing the few parts a document needs as text is ~20 times
faster, and the tests open every generated file with python-docx to check it is a valid document.

The layout follows the samples: a borderless two-column header table (agency, Số, V/v | quốc
hiệu, tiêu ngữ, place and date), a line shape under the agency and the tiêu ngữ, body paragraphs
in Times New Roman 14, a borderless two-column signature table (Nơi nhận | signer), and for plans
an appendix with a bordered task table whose header row repeats on each page.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from corpus.generator.model import Layout, Para, Table

TEXT_TWIPS = 9071  # A4 (11906) less margins of 3 cm and 2 cm
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = (
    f'{_W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (
    _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_PR}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_R}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
DOC_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" '
    'Target="settings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" '
    'Target="fontTable.xml"/>'
    "</Relationships>"
)
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
STYLES = (
    _XML + f"<w:styles {_W}><w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" '
    'w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    f"<w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr></w:style>"
    "</w:styles>"
)
SETTINGS = (
    _XML + f'<w:settings {_W}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/>'
    "</w:compat></w:settings>"
)
FONT_TABLE = (
    _XML + f'<w:fonts {_W}><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
    '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
)
_CREATORS = ("Admin", "User", "Văn thư", "Windows User", "PC", "Microsoft Office User")


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_JC = {"justify": "both", "center": "center", "left": "left"}


def _para(para: Para, spacing: float, rule_width: int = 0) -> str:
    ppr = ["<w:keepNext/>"] if para.keep else []
    before = spacing if para.before is None else para.before
    ppr.append(f'<w:spacing w:before="{round(before * 20)}" w:after="0"/>')
    if para.indent:
        ppr.append('<w:ind w:firstLine="567"/>')
    ppr.append(f'<w:jc w:val="{_JC[para.align]}"/>')
    size = round(para.size * 2)
    runs = []
    if not para.runs and rule_width:
        # the short line under an agency's name or the tiêu ngữ: a line shape, as Word draws it
        runs.append(
            f'<w:r><w:pict><v:line from="0,0" to="{rule_width}pt,0" strokeweight=".5pt" '
            'style="position:absolute;mso-position-horizontal:center;mso-position-horizontal-relative:text;'
            'z-index:1"/></w:pict></w:r>'
        )
    for run in para.runs:
        rpr = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
        rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        runs.append(f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{_esc(run.text)}</w:t></w:r>')
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{''.join(runs)}</w:p>"


def _layout_table(left: list[Para], right: list[Para], split: float, spacing: float) -> str:
    """A borderless two-column table (header or signature)."""
    lw = round(TEXT_TWIPS * split)
    rw = TEXT_TWIPS - lw
    cells = []
    for paras, w in ((left, lw), (right, rw)):
        body = "".join(_para(p, spacing, rule_width=round(w / 20 / 3)) for p in paras) or "<w:p/>"
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{body}</w:tc>')
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{TEXT_TWIPS}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" '
        f'w:noVBand="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="{lw}"/><w:gridCol w:w="{rw}"/></w:tblGrid>'
        f"<w:tr>{''.join(cells)}</w:tr></w:tbl>"
    )


def _data_table(table: Table) -> str:
    widths = [round(TEXT_TWIPS * f) for f in table.widths]
    size = round(table.size * 2)
    rows = []
    for r, row in enumerate(table.rows):
        head = r < table.header_rows
        b = "<w:b/><w:bCs/>" if head or r in table.bold_rows else ""
        cells = []
        for c, text in enumerate(row):
            jc = "center" if head or c != 1 else "both"
            run = (
                f'<w:r><w:rPr>{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
                f'<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'
                if text
                else ""
            )
            cells.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{widths[c]}" w:type="dxa"/></w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="{jc}"/></w:pPr>{run}</w:p></w:tc>'
            )
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if head else ""
        rows.append(f"<w:tr>{trpr}{''.join(cells)}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def document_xml(layout: Layout) -> str:
    sp = layout.spacing
    parts = [_layout_table(layout.header_left, layout.header_right, layout.header_split, sp)]
    for block in layout.title + layout.body:
        parts.append(_data_table(block) if isinstance(block, Table) else _para(block, sp, rule_width=120))
    parts.append(_layout_table(layout.sign_left, layout.sign_right, 0.5, sp))
    if layout.appendix:
        parts.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        for block in layout.appendix:
            parts.append(_data_table(block) if isinstance(block, Table) else _para(block, sp))
    sect = (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
        'w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
    )
    return f"{_XML}<w:document {_NS}><w:body>{''.join(parts)}{sect}</w:body></w:document>"


def _core(title: str, day: dt.date, creator: str) -> str:
    stamp = f"{day.isoformat()}T01:00:00Z"
    return (
        _XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_esc(title)}</dc:title><dc:creator>{_esc(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{_esc(creator)}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    )


def _app(pages: int) -> str:
    return (
        _XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>Microsoft Office Word</Application><Pages>{pages}</Pages></Properties>"
    )


def write_docx(path: Path, layout: Layout, title: str, day: dt.date, serial: int) -> None:
    body = document_xml(layout)
    pages = 1 + len(body) // 45000 + (1 if layout.appendix else 0)  # ~45 KB of XML fills a page
    parts = (
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/document.xml", body),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/styles.xml", STYLES),
        ("word/settings.xml", SETTINGS),
        ("word/fontTable.xml", FONT_TABLE),
        ("docProps/core.xml", _core(title, day, _CREATORS[serial % len(_CREATORS)])),
        ("docProps/app.xml", _app(pages)),
    )
    # Fixed timestamps in the zip (the document's date) so that a seed gives the same bytes.
    stamp = (day.year, day.month, day.day, 8, 0, 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
