"""The ``congvan`` command line. Domain errors become one-line messages here, and only here.

One module per command group, each with ``register(app)``: extract, ingest (and reindex), search,
the answers (owe, ask, calendar, refs, graph), the inbox (watch, status), the demo, and the
follow-through (assign, done, reopen, audit, track). Every word it prints is Vietnamese, Typer's and
Click's own included (congvan/cli/i18n.py, installed first).
"""

from __future__ import annotations

import sys
from typing import Annotated

from congvan.cli import i18n

i18n.install()  # before any command is built or any help formatted

import typer  # noqa: E402

from congvan.cli import answers, debug, demo, exchange, extract, inbox, ingest, ocr, register, search, show, track  # noqa: E402
from congvan.cli.render import fail  # noqa: E402
from pipeline.errors import CongvanError  # noqa: E402

app = typer.Typer(
    name="congvan",
    help="congvan: đọc, lưu và tra cứu công văn, kế hoạch, quyết định... của cơ quan hành chính",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    debug_: Annotated[
        bool,
        typer.Option(
            "--debug", help="Hiện cả chi tiết kỹ thuật: mã văn bản trong kho, điểm tìm kiếm, mã loại (CONGVAN_DEBUG=1)"
        ),
    ] = False,
) -> None:
    """congvan: đọc, lưu và tra cứu văn bản hành chính."""
    debug.set_debug(debug_)


for group in (extract, ingest, ocr, search, demo, answers, inbox, track, register, show, exchange):
    group.register(app)


def main() -> None:
    try:
        app()
    except CongvanError as e:
        fail(e)
        sys.exit(1)
