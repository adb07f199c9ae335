"""Documents that ship with congvan: samples for the demo and tests (and, later, a synthetic generator)."""

from pathlib import Path

SAMPLES_DIR = Path(__file__).parent / "samples"


def sample_files(suffixes: tuple[str, ...] = (".txt", ".docx", ".pdf")) -> list[Path]:
    """The bundled sample documents with a text layer (scans are left out: they need OCR)."""
    return sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix in suffixes and ".scan." not in p.name)
