"""What the clerk reads about a file that cannot be taken is Vietnamese only: bad inputs run through
``congvan extract`` and ``congvan ingest`` (the real app, in-process) give one line each, naming the
file and the reason, with no English half; and no message in the source carries one
("tệp rỗng / empty file" was the old bilingual form).
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from congvan.cli import app, debug
from corpus import SAMPLES_DIR

ROOT = Path(__file__).resolve().parents[2]
WIDE = {"COLUMNS": "200", "TERMINAL_WIDTH": "200"}
ERROR, WARNING = "congvan: lỗi: ", "congvan: cảnh báo: "

# English a message would show: the old prefixes' and reasons' words.
ENGLISH = re.compile(
    r"\b(error|warning|file|not|unsupported|empty|cannot|failed|found|invalid|corrupt|truncated|skipped"
    r"|denied|directory|such|missing|unreadable|needs|without|format)\b",
    re.IGNORECASE,
)

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch):
    monkeypatch.delenv("CONGVAN_DEBUG", raising=False)
    debug.set_debug(False)
    yield
    debug.set_debug(False)


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    """Names (Vietnamese, so that a name never reads as an English word) -> paths of unreadable files."""
    folder = tmp_path / "hồ sơ"
    folder.mkdir()
    files = {
        "rỗng.txt": b"",
        "bảng.xyz": b"xin chao",
        "hỏng.docx": b"PK\x03\x04" + os.urandom(2000),
        "nhiễu.docx": os.urandom(4096),
        "cắt.pdf": (SAMPLES_DIR / "minh-long-ha-tang-so.pdf").read_bytes()[:5000],
        "ảnh.txt": bytes(range(256)) * 20,
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    paths = {name: folder / name for name in files}
    paths["không có.pdf"] = folder / "không có.pdf"  # never written: a missing path
    return paths


def _lines(stderr: str, paths: dict[str, Path]) -> list[str]:
    """stderr's lines, each file's folder cut out (pytest's temporary folder is named in English)."""
    folder = str(next(iter(paths.values())).parent)
    return [line.replace(folder + os.sep, "") for line in stderr.splitlines() if line.strip()]


def _assert_vietnamese(lines: list[str]) -> None:
    for line in lines:
        assert line.startswith((ERROR, WARNING)), line
        assert " / " not in line and not ENGLISH.search(line), line


def test_extract_says_each_bad_file_in_vietnamese(congvan_home, bad_files):
    for name, path in bad_files.items():
        r = runner.invoke(app, ["extract", str(path)], env=WIDE, terminal_width=200)
        assert r.exit_code == 1, (name, r.output)
        lines = _lines(r.stderr, bad_files)
        assert len(lines) == 1, (name, r.stderr)
        assert lines[0].startswith(f"{ERROR}{name}: "), lines[0]
        _assert_vietnamese(lines)


def test_extract_reasons_keep_their_details(congvan_home, bad_files):
    expected = {
        "rỗng.txt": "tệp rỗng",
        "bảng.xyz": "định dạng không hỗ trợ (.xyz)",
        "nhiễu.docx": "không phải tệp .docx hợp lệ (không phải tệp nén zip)",
        "cắt.pdf": "PDF bị cắt cụt (thiếu dấu kết thúc %%EOF)",
        "ảnh.txt": "tệp nhị phân, không phải văn bản",
        "không có.pdf": "không tìm thấy tệp",
    }
    for name, reason in expected.items():
        r = runner.invoke(app, ["extract", str(bad_files[name])], env=WIDE, terminal_width=200)
        assert _lines(r.stderr, bad_files) == [f"{ERROR}{name}: {reason}"], r.stderr


def test_extract_of_several_files_says_each_once(congvan_home, bad_files):
    good = SAMPLES_DIR / "skhcn-wifi-cong-cong.txt"
    r = runner.invoke(app, ["extract", str(good), *map(str, bad_files.values())], env=WIDE, terminal_width=200)
    assert r.exit_code == 1 and '"source"' in r.stdout, r.output
    lines = _lines(r.stderr, bad_files)
    assert len(lines) == len(bad_files), r.stderr
    _assert_vietnamese(lines)


def test_ingest_says_each_bad_file_in_vietnamese(congvan_home, bad_files):
    r = runner.invoke(app, ["ingest", *map(str, bad_files.values())], env=WIDE, terminal_width=200)
    assert r.exit_code == 1, r.output
    lines = [line for line in _lines(r.stderr, bad_files) if line.startswith("congvan:")]
    assert lines, r.stderr
    _assert_vietnamese(lines)
    for name in bad_files:
        assert sum(name in line for line in r.output.splitlines()) >= 1, (name, r.output)
    assert not ENGLISH.search(r.output.replace(str(next(iter(bad_files.values())).parent), "")), r.output


def test_ingest_of_a_folder_with_a_symlink_says_it_skipped_it_in_vietnamese(congvan_home, tmp_path):
    folder = tmp_path / "nhận"
    folder.mkdir()
    (folder / "liên kết.txt").symlink_to(SAMPLES_DIR / "skhcn-wifi-cong-cong.txt")
    r = runner.invoke(app, ["ingest", str(folder)], env=WIDE, terminal_width=200)
    lines = [line.replace(str(folder) + os.sep, "") for line in r.stderr.splitlines() if line.startswith("congvan:")]
    assert lines == [f"{WARNING}bỏ qua: liên kết.txt: liên kết tượng trưng"], r.stderr


# --- the source: no message keeps an English half -------------------------------------------------

SOURCES = ("pipeline", "congvan", "index", "extractors")
# " / " then words in plain ASCII letters ("/ empty file", "/ not a valid .docx"): the English half.
# Vietnamese after a slash has its diacritics ("tuần này / tuần sau"); a reference has digits.
ENGLISH_HALF = re.compile(r" / [.(]?((?:[A-Za-z]+\b[ ,:.()'-]*){2,})")


def _messages(tree: ast.AST) -> list[tuple[int, str]]:
    """String literals and f-string pieces, docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def english_halves(source: str) -> list[tuple[int, str]]:
    found = []
    for line, text in _messages(ast.parse(source)):
        for m in ENGLISH_HALF.finditer(text):
            words = re.findall(r"[A-Za-z]+", m.group(1))
            if not all(w.isupper() for w in words):  # "KT. BỘ TRƯỞNG / THỨ TRƯỞNG"-like caps are Vietnamese
                found.append((line, text))
    return found


def test_the_pattern_catches_the_old_bilingual_messages():
    old = (
        'raise ReadError(path, "tệp rỗng / empty file")\n'
        'x = f"không phải tệp .docx hợp lệ / not a valid .docx ({e})"\n'
        'y = f"tệp .docx thiếu thành phần / .docx is missing a part ({e})"'
    )
    assert len(english_halves(old)) == 3
    kept = '"""Nơi / nhận: a docstring"""\nt = ("Văn bản trả lời / người đánh dấu", "4664 / KH-UBND", "tuần này / tuần sau")'
    assert english_halves(kept) == []


def test_no_message_in_the_source_has_an_english_half():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for folder in SOURCES
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line, text in english_halves(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "\n".join(found)
