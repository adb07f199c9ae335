"""The layers hold: `lint-imports` (import-linter, contracts in pyproject.toml) passes on the tree,
and fails as soon as a package below the edge imports ``congvan``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("congvan", "pipeline", "extractors", "models", "index", "corpus")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_tree_keeps_its_layers():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_a_pipeline_module_importing_the_edge_breaks_the_contract(tmp_path: Path):
    for name in PACKAGES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "samples"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "pipeline" / "answers" / "probe.py").write_text("from congvan.config import Settings\n")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert "pipeline.answers.probe -> congvan.config" in result.stdout
