"""One list of suffixes: what ``read`` accepts is what ``ingest`` walks in a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from corpus import SAMPLES_DIR
from pipeline.errors import NeedsOCR, UnsupportedFormat
from pipeline.ingest.ingestor import iter_files
from pipeline.readers import SUFFIXES, read, registry
from pipeline.readers.image import ImageReader
from tests.helpers.edxml import WIFI_DOCX, WIFI_FIELDS, write_package
from tests.pipeline.test_readers_sheet import annex_workbook


def _sample_for(suffix: str, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A bundled sample read by the same reader class as ``suffix``: a photo, made (none is
    bundled); a .doc, .rtf, .odt, made from a bundled .docx; an edXML package around one of them
    (none is bundled: the samples are one document each in its formats)."""
    if suffix in (".doc", ".rtf", ".odt"):
        return next(iter(request.getfixturevalue("office_files")[suffix[1:]].values()))
    if suffix == ".xlsx":
        return annex_workbook(tmp_path / "phu-luc.xlsx")
    if suffix == ".edxml":
        return write_package(tmp_path / "goi.edxml", WIFI_FIELDS, [("cv.docx", WIFI_DOCX.read_bytes())])
    cls = registry()[suffix]
    if cls is ImageReader:
        photo = tmp_path / f"photo{suffix}"
        if suffix in (".heic", ".heif"):
            from pillow_heif import register_heif_opener

            register_heif_opener()
        Image.new("RGB", (400, 560), "white").save(photo)
        return photo
    return next(p for p in sorted(SAMPLES_DIR.iterdir()) if registry().get(p.suffix) is cls and ".scan." not in p.name)


def test_the_registry_is_built_from_the_readers():
    assert set(SUFFIXES) == set(registry()) >= {".txt", ".text", ".md", ".docx", ".pdf", ".doc", ".rtf", ".odt"}
    for suffix, cls in registry().items():
        assert suffix in cls.suffixes


@pytest.mark.parametrize("suffix", sorted(registry()))
def test_every_suffix_read_accepts_is_one_ingest_walks(tmp_path, suffix, request):
    folder = tmp_path / "in"
    folder.mkdir()
    sample = _sample_for(suffix, tmp_path, request)
    for name in (f"a{suffix}", f"B{suffix.upper()}"):
        shutil.copy(sample, folder / name)
    walked = iter_files([folder])
    assert [p.name for p in walked] == [f"B{suffix.upper()}", f"a{suffix}"]
    for path in walked:
        if registry()[suffix] is ImageReader:  # a photo has no text until OCR: said, and queued
            with pytest.raises(NeedsOCR):
                read(path)
        else:
            assert read(path).blocks


def test_an_unsupported_suffix_is_neither_read_nor_walked(tmp_path):
    path = tmp_path / "old.wpd"  # WordPerfect: no reader
    path.write_bytes(b"\xffWPC not read")
    with pytest.raises(UnsupportedFormat):
        read(path)
    assert iter_files([tmp_path]) == []
