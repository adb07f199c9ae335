"""One list of suffixes: what ``read`` accepts is what ``ingest`` walks in a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import SAMPLES_DIR
from pipeline.errors import UnsupportedFormat
from pipeline.ingest.ingestor import iter_files
from pipeline.readers import SUFFIXES, read, registry
from tests.helpers.edxml import WIFI_DOCX, WIFI_FIELDS, write_package


def _sample_for(suffix: str, tmp_path: Path) -> Path:
    """A bundled sample read by the same reader class as ``suffix``; for an edXML package (none is
    bundled: the samples are one document each in its formats), a package around one of them."""
    if suffix == ".edxml":
        return write_package(tmp_path / "goi.edxml", WIFI_FIELDS, [("cv.docx", WIFI_DOCX.read_bytes())])
    cls = registry()[suffix]
    return next(p for p in sorted(SAMPLES_DIR.iterdir()) if registry().get(p.suffix) is cls and ".scan." not in p.name)


def test_the_registry_is_built_from_the_readers():
    assert set(SUFFIXES) == set(registry()) >= {".txt", ".text", ".md", ".docx", ".pdf"}
    for suffix, cls in registry().items():
        assert suffix in cls.suffixes


@pytest.mark.parametrize("suffix", sorted(registry()))
def test_every_suffix_read_accepts_is_one_ingest_walks(tmp_path, suffix):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (f"a{suffix}", f"B{suffix.upper()}"):
        shutil.copy(_sample_for(suffix, tmp_path), folder / name)
    walked = iter_files([folder])
    assert [p.name for p in walked] == [f"B{suffix.upper()}", f"a{suffix}"]
    for path in walked:
        assert read(path).blocks


def test_an_unsupported_suffix_is_neither_read_nor_walked(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0 not read")
    with pytest.raises(UnsupportedFormat):
        read(path)
    assert iter_files([tmp_path]) == []
