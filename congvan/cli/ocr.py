"""``congvan ocr``: the scans and photos waiting for OCR, read now; and the OCR worker that
``congvan watch`` runs beside the inbox (the inbox never waits on it)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated

import typer

from congvan.cli import debug
from congvan.cli.render import fail, file_error, shown, warn
from congvan.wiring import Wiring
from pipeline.status import IngestStatus, OcrState


def outcome_line(o) -> str:
    """One finished OCR job as the clerk reads it: "Đã OCR: scan.pdf (2 trang, 3 giây) — đã thêm"."""
    took = f", {o.seconds:.0f} giây" if o.seconds else ""
    line = f"{OcrState.DONE.label}: {o.name} ({o.pages} trang{took})"
    if o.result is not None and o.result.status != IngestStatus.ADDED:
        line += f" — {IngestStatus(o.result.status).label}"
        if o.result.reason:
            line += f": {debug.hide_ids(o.result.reason)}"
    return line


def run_worker(wiring: Wiring, jobs: int, report: Callable, stop: Callable[[], bool] = lambda: False, **kw) -> list:
    """Take OCR jobs until none is left; each done one is given to the indexer."""
    from pipeline.ingest.ocr import run_queue

    hooks, _ = wiring.ingest_hooks(warn=warn)
    return run_queue(
        wiring.session_factory, wiring.store, wiring.ocr_store, jobs=jobs, limits=wiring.settings.limits.read,
        on_document=hooks, report=report, stop=stop, **kw,
    )  # fmt: skip


class BackgroundOcr:
    """The OCR worker of ``congvan watch``: a thread that takes the queue whenever it is woken (a
    scan was stored) and every ``interval`` seconds, and tells the watcher's indexer what it filled
    in (the watcher's loop feeds the index: one writer)."""

    def __init__(self, wiring: Wiring, report: Callable, on_done: Callable[[], None], interval: float = 30.0):
        self.wiring, self.report, self.on_done, self.interval = wiring, report, on_done, interval
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._loop, name="congvan-ocr", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                # the same worker as `congvan ocr`: its follow-up hook links what the scan answers
                done = run_worker(self.wiring, self.wiring.settings.ocr_jobs, self.report, stop=self._stop.is_set)
                if done:
                    self.on_done()
            except Exception as e:  # the database away: the inbox goes on, OCR tries again later
                warn(f"hàng đợi OCR tạm dừng, sẽ thử lại: {type(e).__name__}: {e}")
            self._wake.wait(self.interval)
            self._wake.clear()


def ocr_cmd(
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Số lõi CPU cho mỗi lần OCR (mặc định: CONGVAN_OCR_JOBS, mọi lõi)"),
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="OCR tối đa N văn bản rồi dừng")] = None,
) -> None:
    """OCR các bản quét và ảnh chụp đang chờ: đọc chữ, trích xuất, điền vào văn bản đã lưu và lập chỉ mục."""
    from pipeline.ocr.engine import unavailable

    why = unavailable()
    if why:
        raise fail(f"không OCR được: {why}")
    wiring = Wiring.from_env(writes=True)
    counts: dict[str, int] = {}

    def report(o) -> None:
        counts[o.state] = counts.get(o.state, 0) + 1
        if o.state == OcrState.DONE:
            typer.echo(shown(outcome_line(o)))
            if o.result is not None and o.result.document_id:
                wiring.indexer([o.result.document_id])
        else:
            again = " (sẽ thử lại)" if o.state == OcrState.QUEUED else ""
            file_error(o.name, f"{o.reason}{again}")

    outcomes = run_worker(wiring, jobs or wiring.settings.ocr_jobs, report, max_jobs=limit)
    wiring.indexer.close()
    if not outcomes:
        typer.echo("Không có bản quét nào chờ OCR.")
        return
    summary = ", ".join(f"{OcrState(k).label} {v}" for k, v in sorted(counts.items()))
    typer.echo(f"Xong {len(outcomes)} văn bản: {summary}")
    if counts.get(OcrState.FAILED) or counts.get(OcrState.QUEUED):
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("ocr")(ocr_cmd)
