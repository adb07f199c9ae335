"""The command line speaks Vietnamese: Typer's and Click's own words too, on every help page (the
command tree is walked, so a command added later is covered), on every error of a command line that
cannot be parsed, and in what the commands print; internals (database ids, search scores, kind
codes, an object's repr) only with --debug.

Help and errors run as real processes of the installed ``congvan`` entry point and in-process.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from congvan.cli import app, debug, i18n
from congvan.cli.commands import query_args
from corpus import SAMPLES_DIR

CONGVAN = str(Path(sys.executable).with_name("congvan"))  # the entry point pip installed
WIDE = {"COLUMNS": "200", "TERMINAL_WIDTH": "200"}  # no word cut at a line end

# The library's English, as it would show: words, the usage line's pieces and Typer's type names.
ENGLISH = re.compile(
    r"\b(Usage|Options|Arguments|Commands|Error|Try|Missing|Invalid|Got unexpected|No such|Possible options"
    r"|Show this message|required|default|env var|Aborted|Input should|Value error|is not|does not|requires"
    r"|OPTIONS|COMMAND|ARGS)\b|\[required\]|default:|Error:|<(str|int|float|bool|path|Path|datetime)\b"
)

runner = CliRunner()


def _english(text: str) -> list[str]:
    return [m.group(0) for m in ENGLISH.finditer(text)]


def _command_paths() -> list[tuple[str, ...]]:
    """Every command of the app, as the words typed to reach it: () is ``congvan`` itself."""
    paths: list[tuple[str, ...]] = []

    def walk(command, path: tuple[str, ...]) -> None:
        paths.append(path)
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if not getattr(sub, "hidden", False):
                walk(sub, (*path, name))

    walk(typer.main.get_command(app), ())
    return paths


def congvan(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CONGVAN, *args], capture_output=True, text=True, timeout=120, env=os.environ | WIDE | (env or {})
    )


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch):
    monkeypatch.delenv("CONGVAN_DEBUG", raising=False)
    debug.set_debug(False)
    yield
    debug.set_debug(False)


def test_the_tree_has_the_commands_we_know():
    names = {p[0] for p in _command_paths() if p}
    assert {"extract", "ingest", "search", "ask", "owe", "calendar", "refs", "graph", "watch", "status"} <= names


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "congvan")
def test_every_help_page_is_vietnamese(path):
    r = runner.invoke(app, [*path, "--help"], env=WIDE, terminal_width=200)
    assert r.exit_code == 0, r.output
    assert "Cách dùng: congvan" in r.output and "Xem hướng dẫn này rồi thoát." in r.output
    assert _english(r.output) == [], r.output
    if path:
        assert "Tùy chọn" in r.output


def test_help_of_the_installed_entry_point_is_vietnamese():
    r = congvan("--help")
    assert r.returncode == 0 and "Cách dùng: congvan [TÙY CHỌN] LỆNH [THAM SỐ]..." in r.stdout, r.stdout
    assert "Lệnh" in r.stdout and "--debug" in r.stdout and _english(r.stdout) == [], r.stdout
    r = congvan("owe", "--help")
    assert "[bắt buộc]" in r.stdout and "Tùy chọn" in r.stdout and _english(r.stdout) == [], r.stdout


@pytest.mark.slow  # one process per command
def test_every_help_page_of_the_installed_entry_point_is_vietnamese():
    for path in _command_paths():
        r = congvan(*path, "--help")
        assert r.returncode == 0 and "Cách dùng: congvan" in r.stdout, r.stdout + r.stderr
        assert _english(r.stdout + r.stderr) == [], r.stdout
    r = congvan()  # no command: the help, on stderr or stdout
    assert "Cách dùng: congvan" in r.stdout + r.stderr and _english(r.stdout + r.stderr) == []


# A command line that cannot be parsed: (arguments, what the clerk is told).
BAD_LINES = [
    (["--khong-co"], "không có tùy chọn --khong-co"),
    (["extract", "--formt", "json", "x.txt"], "không có tùy chọn --formt (có phải ý bạn là --format?)"),
    (["extract"], "thiếu đối số 'TỆP'"),
    (["owe"], "thiếu tùy chọn '--by'"),
    (["owe", "--by"], "tùy chọn --by cần một giá trị"),
    (["search", "wifi", "--limit", "abc"], "giá trị không hợp lệ cho '--limit' / '-n': phải là số nguyên"),
    (["calendar", "--alarm-days", "1.5"], "phải là số nguyên"),
    (["graph", "--format", "xyz"], "'xyz' không phải một trong: 'dot', 'graphml'"),
    (["watch", "hop-thu", "--poll", "0"], "phải lớn hơn hoặc bằng 0.1"),
    (["refs", "4664/KH-UBND", "thừa"], "thừa đối số: thừa"),
    (["khonglenh"], "Không có lệnh 'khonglenh'"),
    (["ingest", "--strict=3", "x.txt"], "tùy chọn --strict không nhận giá trị"),
]


@pytest.mark.parametrize(("args", "told"), BAD_LINES, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_a_bad_command_line_is_told_in_vietnamese(args, told):
    r = runner.invoke(app, args, env=WIDE, terminal_width=200)
    assert r.exit_code == 2, r.output
    assert told in r.output, r.output
    assert "Lỗi" in r.output and _english(r.output) == [], r.output


def test_a_bad_command_line_of_the_installed_entry_point_is_vietnamese():
    r = congvan("extract")
    assert r.returncode == 2 and "thiếu đối số 'TỆP'" in r.stderr, r.stderr
    assert "Cách dùng: congvan extract" in r.stderr and "Xem hướng dẫn: 'congvan extract --help'" in r.stderr
    assert "Lỗi" in r.stderr and _english(r.stderr) == [], r.stderr


@pytest.mark.slow  # one process per line
def test_every_bad_command_line_of_the_installed_entry_point_is_vietnamese():
    for args, told in BAD_LINES:
        r = congvan(*args)
        assert r.returncode == 2 and told in r.stderr, r.stderr
        assert "Lỗi" in r.stderr and _english(r.stderr) == [], r.stderr


class Kind(enum.StrEnum):
    dot = "dot"
    graphml = "graphml"


def _typed_app() -> typer.Typer:
    """Typer's other types (date, boolean, choice, a path that must exist), as a later command may use them."""
    typed = typer.Typer(add_completion=False)

    @typed.command()
    def one(
        when: Annotated[dt.datetime, typer.Argument(help="ngày")],
        kind: Annotated[Kind, typer.Argument(help="loại")],
        yes: Annotated[bool, typer.Argument(help="có không")],
        path: Annotated[Path, typer.Option("--path", exists=True, help="tệp")] = Path("."),
    ) -> None:
        """Một lệnh thử."""

    @typed.command()
    def two() -> None:
        """Lệnh thứ hai (để có nhóm lệnh)."""

    return typed


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["one", "hôm qua", "dot", "yes"], "giá trị không hợp lệ cho 'when'"),
        (["one", "2025-07-31", "png", "yes"], "không phải một trong"),
        (["one", "2025-07-31", "dot", "chắc"], "phải là có hoặc không"),
        (["one", "2025-07-31", "dot", "yes", "--path", "/khong/co/dau"], "không tồn tại"),
        (["one", "2025-07-31"], "thiếu đối số 'kind'; chọn một trong: dot, graphml"),
    ],
)
def test_typers_types_are_told_in_vietnamese(args, told):
    r = runner.invoke(_typed_app(), args, env=WIDE, terminal_width=200)
    assert r.exit_code == 2, r.output
    assert told in r.output and _english(r.output) == [], r.output


def test_typed_help_is_vietnamese():
    r = runner.invoke(_typed_app(), ["one", "--help"], env=WIDE, terminal_width=200)
    assert r.exit_code == 0 and "<ngày giờ>" in r.output and "<có/không>" in r.output, r.output
    assert _english(r.output) == [], r.output


def _gettext_msgids(module) -> set[str]:
    """The strings a module passes to ``_``/``ngettext`` (what its gettext would translate)."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return {
        arg.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext")
        for arg in node.args
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
    }


def test_every_gettext_string_typer_uses_has_a_vietnamese_one():
    """A Typer (or the Click it is built on) that asks gettext for a new string fails here."""
    import gettext

    # the CLI installs its words when it starts; a Click another test imported later is patched the same way
    i18n.install_gettext()
    modules = [m for name, m in sys.modules.items() if name.startswith(("typer", "click")) and m is not None]
    users = [m for m in modules if getattr(m, "__file__", None) and "gettext" in Path(m.__file__).read_text("utf-8")]
    assert users, "Typer no longer uses gettext: check how its words are shown (congvan/cli/i18n.py)"
    for m in users:
        assert getattr(m, "_", None) is not gettext.gettext, m.__name__  # ours, installed
    # the words of Typer (and its own Click); the click package, when another test loaded it, has more
    # words than Typer shows, and the CLI never builds its commands with it
    missing = {s for m in users if m.__name__.startswith("typer") for s in _gettext_msgids(m)} - set(i18n.VI)
    assert missing == set(), missing


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-wifi"], ["--", "-wifi"]),
        (["bao", "cao", "-n", "3", "wifi"], ["-n", "3", "--", "bao cao wifi"]),
        (["-n5", "-internet"], ["-n5", "--", "-internet"]),
        (["--limit=2", "-x", "--kind", "CV"], ["--limit=2", "--kind", "CV", "--", "-x"]),
        (["--", "--limit"], ["--", "--limit"]),
        (["--help"], ["--help"]),
    ],
)
def test_a_query_may_start_with_a_dash(args, expected):
    search = typer.main.get_command(app).commands["search"]
    ctx = search.make_context("search", ["x"])
    assert query_args(search, ctx, args) == expected


# --- what the commands print -------------------------------------------------------------------

INTERNALS = re.compile(
    r"KHAC|LUAT|SearchHit\(|chưa số,|#\d+|\bđiểm \d|needs_ocr|\b(added|merged|processed|failed)\b(?!/)"
)


@pytest.fixture
def home(congvan_home):
    """Two documents: a công văn, and a portal article without a number (kind KHAC), each in two formats."""
    files = [
        SAMPLES_DIR / f"{n}.{ext}" for n in ("skhcn-wifi-cong-cong", "tin-quang-nam-wifi") for ext in ("txt", "docx")
    ]
    r = runner.invoke(app, ["ingest", *map(str, files)], env=WIDE, terminal_width=200)
    assert r.exit_code == 0, r.output
    assert "cùng văn bản, thêm định dạng" in r.output and not INTERNALS.search(r.output), r.output
    return congvan_home


def test_search_shows_no_scores_ids_or_kind_codes(home):
    r = congvan("search", "wifi")
    assert r.returncode == 0, r.stderr
    assert "Văn bản khác" in r.stdout and "/SKHCN-CN&CĐS" in r.stdout, r.stdout
    assert not INTERNALS.search(r.stdout), r.stdout
    r = runner.invoke(app, ["--debug", "search", "wifi"], env=WIDE, terminal_width=200)
    assert re.search(r"\(#\d+, điểm \d+\.\d\d\)", r.output), r.output
    r = runner.invoke(app, ["search", "wifi"], env=WIDE | {"CONGVAN_DEBUG": "1"}, terminal_width=200)
    assert "điểm " in r.output, r.output
    r = runner.invoke(app, ["search", "wifi"], env=WIDE, terminal_width=200)
    assert "điểm " not in r.output, r.output  # one run's --debug is not the next's


def test_a_query_starting_with_a_dash_is_searched(home):
    r = congvan("search", "-wifi")
    assert r.returncode == 0, r.stderr
    assert "Cách dùng: congvan" not in r.stdout + r.stderr and "/SKHCN-CN&CĐS" in r.stdout, r.stdout + r.stderr
    r = runner.invoke(app, ["search", "-wifi", "-n", "1"], env=WIDE, terminal_width=200)
    assert r.exit_code == 0 and r.output.startswith("1. ") and "\n2. " not in r.output, r.output
    r = runner.invoke(app, ["ask", "-wifi ở đâu"], env=WIDE, terminal_width=200)
    assert r.exit_code == 0 and "Cách dùng: congvan" not in r.output, r.output


def test_ask_names_a_document_without_a_number_in_words(home):
    r = runner.invoke(app, ["ask", "tìm văn bản về wifi"], env=WIDE, terminal_width=200)
    assert r.exit_code == 0, r.output
    assert "Văn bản khác (chưa có số)" in r.output, r.output
    assert not INTERNALS.search(r.output), r.output


def test_refs_and_missing_show_no_ids(home):
    for args in (
        ["refs", "--missing"],
        ["refs", "1260/UBND-KGVX"],
        ["owe", "--by", "31/12/2025", "--from", "1/1/2025"],
    ):
        r = runner.invoke(app, args, env=WIDE, terminal_width=200)
        assert r.exit_code == 0, r.output
        assert not INTERNALS.search(r.output), r.output


@pytest.mark.slow  # a watcher's run and its reading worker
def test_watch_summary_and_status_are_vietnamese(congvan_home, tmp_path):
    inbox = tmp_path / "hop thu"
    inbox.mkdir()
    (inbox / "cv.txt").write_bytes((SAMPLES_DIR / "skhcn-wifi-cong-cong.txt").read_bytes())
    (inbox / "cv bản word.docx").write_bytes((SAMPLES_DIR / "skhcn-wifi-cong-cong.docx").read_bytes())
    (inbox / "hỏng.docx").write_bytes(b"PK\x03\x04 not a zip")
    r = congvan("watch", str(inbox), "--once", "--stable", "0")
    assert r.returncode == 1, r.stdout + r.stderr  # one file failed
    summary = r.stdout.strip().splitlines()[-1]
    assert summary.startswith("Xong: ") and "đã nhập 2" in summary and "lỗi 1" in summary, r.stdout
    assert not INTERNALS.search(r.stdout), r.stdout
    assert not re.search(r"\b(done|nothing|left|recovered)\b", r.stdout), r.stdout
    r = congvan("status", str(inbox))
    assert r.returncode == 0, r.stderr
    assert "Đã xử lý hôm nay (2)" in r.stdout and not INTERNALS.search(r.stdout), r.stdout
    assert not re.search(r"\b(waiting|in progress|processed today|failed(?!/)|index up to date)\b", r.stdout), r.stdout
    r = runner.invoke(app, ["--debug", "status", str(inbox)], env=WIDE, terminal_width=200)
    assert re.search(r"#\d+ CV", r.output), r.output


def test_a_typer_on_the_real_click_would_speak_vietnamese_through_gettext():
    """Older and later Typers use the Click package, whose every word goes through gettext: the
    same catalog answers for it once its modules are loaded."""
    import click
    from click.testing import CliRunner as ClickRunner

    i18n.install_click(click)

    @click.command()
    @click.option("--so", type=int, required=True, help="một số")
    @click.argument("ten")
    def thu(so: int, ten: str) -> None:
        """Lệnh thử."""

    r = ClickRunner().invoke(thu, ["--help"])
    assert "Cách dùng: thu [TÙY CHỌN] TEN" in r.output and "Xem hướng dẫn này rồi thoát." in r.output, r.output
    assert "Tùy chọn" in r.output and "bắt buộc" in r.output and _english(r.output) == [], r.output
    for args, told in (
        (["--khong", "x"], "Lỗi: không có tùy chọn --khong"),
        (["--so", "abc", "x"], "Lỗi: giá trị không hợp lệ cho '--so': 'abc' không phải là số hợp lệ."),
        (["--so", "1"], "Lỗi: thiếu đối số 'TEN'"),
        (["--so", "1", "x", "y"], "Lỗi: Thừa đối số (y)"),
    ):
        r = ClickRunner().invoke(thu, args)
        assert r.exit_code == 2 and told in r.output and "Xem hướng dẫn: 'thu --help'" in r.output, r.output
        assert _english(r.output) == [], r.output
