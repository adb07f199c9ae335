"""No function or method is longer than 80 lines, so each one can be read whole. Ruff's C90
(pyproject.toml) caps their complexity; this caps their length. Migrations are generated and
frozen, and the golden scorer is vendored as is: both are left out."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("congvan", "pipeline", "extractors", "models", "index", "corpus", "bench", "tests")
SKIPPED = (ROOT / "models" / "migrations", ROOT / "tests" / "golden" / "score.py")
MAX_LINES = 80


def _sources() -> list[Path]:
    files = (p for folder in FOLDERS for p in sorted((ROOT / folder).rglob("*.py")))
    return [p for p in files if not any(p == s or s in p.parents for s in SKIPPED)]


def _too_long(source: str, name: str) -> list[str]:
    """Each function over MAX_LINES, nested ones and methods included, as `name:line function (N lines)`."""
    return [
        f"{name}:{node.lineno} {node.name} ({length} lines)"
        for node in ast.walk(ast.parse(source, filename=name))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := node.end_lineno - node.lineno + 1) > MAX_LINES
    ]


def test_no_function_is_over_80_lines():
    sources = _sources()
    assert len(sources) > 50, "the walk found too few files to mean anything"
    offenders = [line for p in sources for line in _too_long(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    assert not offenders, f"functions over {MAX_LINES} lines (split them):\n" + "\n".join(offenders)


def test_the_measure_counts_from_def_to_last_line():
    def function(lines: int, indent: str = "") -> str:
        body = "".join(f"{indent}    x{i} = {i}\n" for i in range(lines - 1))
        return f"{indent}def f():\n{body}"

    assert _too_long(function(MAX_LINES), "m.py") == []
    assert _too_long("class C:\n" + function(MAX_LINES + 1, "    "), "m.py") == [f"m.py:2 f ({MAX_LINES + 1} lines)"]
