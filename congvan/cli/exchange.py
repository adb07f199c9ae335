"""``congvan export-edxml REF FILE``: a stored document as an edXML package (QCVN 102:2016), its
files as attachments, to send on through the document-exchange system or hand to another office."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from congvan.cli.render import fail, shown
from congvan.wiring import Wiring
from pipeline.errors import CongvanError, os_reason


def export_edxml_cmd(
    reference: Annotated[str, typer.Argument(help="Số, ký hiệu văn bản, vd. 1260/UBND-KGVX")],
    out: Annotated[Path, typer.Argument(help="Tệp .edxml sẽ ghi ra")],
) -> None:
    """Xuất một văn bản trong kho thành gói edXML (QCVN 102:2016), kèm các tệp gốc."""
    from pipeline.answers.tracking import find_document
    from pipeline.ingest.export import build_package, package_of

    try:
        wiring = Wiring.from_env()
        with wiring.session() as session:
            doc = find_document(session, reference, wiring.deadline())
            fields, files = package_of(doc, wiring.store)
        data = build_package(fields, files)
    except CongvanError as e:
        raise fail(e) from None
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, out)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise fail(f"{out}: không ghi được tệp: {os_reason(e)}") from None
    Console().print(Text.assemble("đã ghi gói edXML: ", shown(out), f" ({len(files)} tệp đính kèm)"))


def register(app: typer.Typer) -> None:
    app.command("export-edxml")(export_edxml_cmd)
