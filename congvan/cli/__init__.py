"""The ``congvan`` command line. Domain errors become one-line messages here, and only here.

One module per command group, each with ``register(app)``: extract, ingest (and reindex), search,
the answers (owe, ask, calendar, refs, graph), the inbox (watch, status) and the demo.
"""

from __future__ import annotations

import sys

import typer

from congvan.cli import answers, demo, extract, inbox, ingest, register, search, show
from congvan.cli.render import fail
from pipeline.errors import CongvanError

app = typer.Typer(
    name="congvan",
    help="congvan: đọc, lưu và tra cứu công văn, kế hoạch, quyết định... (Vietnamese official documents)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root() -> None:
    """congvan: đọc, lưu và tra cứu văn bản hành chính."""


for group in (extract, ingest, search, demo, answers, inbox, register, show):
    group.register(app)


def main() -> None:
    try:
        app()
    except CongvanError as e:
        fail(e)
        sys.exit(1)
