"""Word 97 .doc, .rtf and .odt files made by LibreOffice from the bundled .docx samples, at test time.

``word_ready`` first gives a sample what Word always writes: a paragraph after the last table
(Word 97's format cannot end on a table, and LibreOffice's .doc export of a body ending on one
loses the table's cells into paragraphs). With ``font`` it also retypes every text run, in the
body and in the footnotes, in a legacy font (VNI, TCVN3), as a .VnTime draft holds it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from pipeline.readers import legacy
from pipeline.readers.office import soffice

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RETYPED = ("word/document.xml", "word/footnotes.xml")


def word_ready(src: Path, dst: Path, font: str | None = None) -> Path:
    """A copy of the .docx ``src`` ending on a paragraph, its text retyped in ``font`` if given."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in _RETYPED:
                data = _rewrite(data, info.filename == "word/document.xml", font)
            zout.writestr(info, data)
    return dst


def _rewrite(xml: bytes, is_body: bool, font: str | None) -> bytes:
    root = etree.fromstring(xml)
    if font:
        for t in root.iter(f"{{{W}}}t"):
            t.text = legacy.from_unicode(t.text or "", font)
    if is_body:
        body = root.find(f"{{{W}}}body")
        last = body[-1] if len(body) else None
        p = etree.Element(f"{{{W}}}p")
        if last is not None and last.tag == f"{{{W}}}sectPr":
            last.addprevious(p)
        else:
            body.append(p)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def convert(files: list[Path], fmt: str, outdir: Path, seconds: float = 120) -> dict[str, Path]:
    """Convert ``files`` to ``fmt`` ("doc", "rtf", "odt") in one LibreOffice run: stem -> file made."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="congvan-test-lo-") as profile:
        profile_url = f"-env:UserInstallation={Path(profile).as_uri()}"
        subprocess.run(
            [soffice(), profile_url, "--headless", "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
            check=True,
            capture_output=True,
            timeout=seconds,
        )
    made = {p.stem: outdir / f"{p.stem}.{fmt}" for p in files}
    missing = [str(p) for p in made.values() if not p.is_file()]
    assert not missing, f"LibreOffice did not write {missing}"
    return made


def office_samples(root: Path, samples: list[Path], formats=("doc", "rtf", "odt")) -> dict[str, dict[str, Path]]:
    """Every sample as each format: {"doc": {"skhcn-wifi-cong-cong": Path(...)}, ...}."""
    ready = root / "word-ready"
    ready.mkdir(parents=True, exist_ok=True)
    sources = [word_ready(p, ready / p.name) for p in samples]
    return {fmt: convert(sources, fmt, root / fmt) for fmt in formats}


def copy_as(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst
