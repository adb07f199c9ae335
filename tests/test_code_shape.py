"""No function or method is longer than 80 lines, so each one can be read whole, nor branches more
than radon's cyclomatic complexity 25, so each one can be followed whole. Ruff's C90
(pyproject.toml) caps complexity too, but its McCabe count leaves out what radon counts (boolean
operators, comprehensions, asserts), so a function can pass ruff and still read as a
maze. Migrations are generated and frozen, and the golden scorer is vendored as is: both are left
out."""

from __future__ import annotations

import ast
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("congvan", "pipeline", "extractors", "models", "index", "corpus", "bench", "tests")
SKIPPED = (ROOT / "models" / "migrations", ROOT / "tests" / "golden" / "score.py")
MAX_LINES = 80
MAX_COMPLEXITY = 25


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


def _functions(blocks: list) -> list:
    """Every function in radon's blocks: methods of nested classes and closures too, which radon
    measures apart from (not inside) the block around them."""
    found = []
    for block in blocks:
        if isinstance(block, Class):
            found += _functions(block.methods + block.inner_classes)
        else:
            found += [block, *_functions(block.closures)]
    return found


def _too_complex(source: str, name: str) -> list[str]:
    """Each function over MAX_COMPLEXITY, as `name:line function (complexity N)`."""
    # cc_visit lists a top-level class's methods beside the class as well: they are taken from the class
    blocks = [b for b in cc_visit(source) if isinstance(b, Class) or not b.is_method]
    return [
        f"{name}:{f.lineno} {f.fullname} (complexity {f.complexity})"
        for f in _functions(blocks)
        if f.complexity > MAX_COMPLEXITY
    ]


def test_no_function_is_over_complexity_25():
    sources = _sources()
    assert len(sources) > 50, "the walk found too few files to mean anything"
    offenders = [
        line for p in sources for line in _too_complex(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))
    ]
    assert not offenders, f"functions over complexity {MAX_COMPLEXITY} (split them):\n" + "\n".join(offenders)


def test_the_complexity_is_radons_and_reaches_into_classes_and_closures():
    def function(branches: int, indent: str = "") -> str:
        body = "".join(f"{indent}    if x == {i}:\n{indent}        return {i}\n" for i in range(branches))
        return f"{indent}def f(x):\n{body}"

    assert _too_complex(function(MAX_COMPLEXITY - 1), "m.py") == []
    assert _too_complex(function(MAX_COMPLEXITY), "m.py") == ["m.py:1 f (complexity 26)"]
    nested = "class C:\n    class D:\n" + function(MAX_COMPLEXITY, "        ")
    assert _too_complex(nested, "m.py") == ["m.py:3 D.f (complexity 26)"]
    closure = "def outer():\n" + function(MAX_COMPLEXITY, "    ") + "    return f\n"
    assert _too_complex(closure, "m.py") == ["m.py:2 f (complexity 26)"]
    method = "class C:\n" + function(MAX_COMPLEXITY, "    ")
    assert _too_complex(method, "m.py") == ["m.py:2 C.f (complexity 26)"]  # once, not as the class and the method
