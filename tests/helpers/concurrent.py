"""Many workers on one database: a corpus spread over two inboxes, watcher workers run as real
processes, and a snapshot of what the database holds that does not depend on the order files
were taken in (so four workers can be compared with one).

The corpus comes from the synthetic generator (``python -m corpus.generator``), every document in
.docx, .pdf and .txt. Each document's formats are spread over both inboxes, so that two workers
meet the same document at the same moment; some files are dropped into both inboxes byte for
byte (the same bytes twice), and some documents get a second text under the same số, ký hiệu and
issuer (a true suspected duplicate, which must be flagged exactly as one worker flags it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import text

from models.db import engine_for

SAME_BYTES_EVERY = 10  # every 10th document's .docx is dropped into both inboxes
SUSPECT_EVERY = 17  # every 17th document gets another text under its number
_DATE_LINE = re.compile(r"ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4}")


def make_corpus(out: Path, count: int, seed: int = 0) -> list[Path]:
    """``count`` documents in three formats each, written by the generator's command line."""
    cmd = [sys.executable, "-m", "corpus.generator", str(out), "--count", str(count), "--seed", str(seed)]
    cmd += ["--formats", "docx,pdf,txt", "--every-format"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    return sorted(p for p in out.iterdir() if p.suffix in (".docx", ".pdf", ".txt"))


def _other_text(own: str, donor: str) -> str:
    """``own``'s header (up to its date line) over ``donor``'s body: same number, other text."""
    head = own[: _DATE_LINE.search(own).end()]
    body = donor[_DATE_LINE.search(donor).end() :]
    return head + body


def spread(corpus: Path, inbox_a: Path, inbox_b: Path) -> int:
    """Drop the corpus into two inboxes, each document's formats split between them; returns the
    number of files dropped. The .docx goes to A and the .txt to B, the .pdf alternates."""
    stems = sorted({p.stem for p in corpus.iterdir() if p.suffix == ".txt"})
    dropped = 0
    for i, stem in enumerate(stems):
        pdf_to = inbox_a if i % 2 == 0 else inbox_b
        for src, dest in ((f"{stem}.docx", inbox_a), (f"{stem}.pdf", pdf_to), (f"{stem}.txt", inbox_b)):
            shutil.copy2(corpus / src, dest / src)
            dropped += 1
        if i % SAME_BYTES_EVERY == 0:
            shutil.copy2(corpus / f"{stem}.docx", inbox_b / f"{stem}.docx")
            dropped += 1
        if i % SUSPECT_EVERY == 3:
            own = (corpus / f"{stem}.txt").read_text(encoding="utf-8")
            donor = (corpus / f"{stems[(i + 1) % len(stems)]}.txt").read_text(encoding="utf-8")
            (inbox_a / f"{stem}-khac.txt").write_text(_other_text(own, donor), encoding="utf-8")
            dropped += 1
    return dropped


def run_worker(inbox: str, home: str, url: str, barrier=None, rounds: int = 3) -> dict[str, int]:
    """One watcher worker (multiprocessing target): takes what is in ``inbox`` until it is empty.

    Several workers may share an inbox: they do not take its lock, as on machines that share the
    folder over the network (where flock is not shared); the journal keeps them apart."""
    from congvan.config import Settings
    from congvan.wiring import Wiring
    from pipeline.inbox.processor import Inbox, Processor
    from pipeline.inbox.watch import Watcher

    wiring = Wiring(Settings.for_home(Path(home), url), writes=True)
    box = Inbox(Path(inbox))
    box.prepare()
    hooks, after_commit = wiring.ingest_hooks()
    processor = Processor(box, wiring.session_factory, wiring.store, hooks, after_commit)
    if barrier is not None:
        barrier.wait(timeout=300)  # all workers start taking files at the same instant
    done: Counter[str] = Counter()
    for _ in range(rounds):  # --once leaves a file another worker holds; the next round sees it
        summary = Watcher(box, processor, stable=0.0).run(once=True)
        done.update(summary.done)
        if not any(box.scan()):
            break
    return dict(done)


def waiting(inbox: Path) -> list[Path]:
    """Files still in the inbox (not in its own folders, not hidden)."""
    from pipeline.inbox.processor import Inbox

    return list(Inbox(inbox).scan())


def snapshot(url: str) -> dict:
    """What the database holds, independent of ids and of the order files were taken in.

    A Document is named by the SHA-256 of its files (which formats it gathered) and described by
    its header and its obligations. Which of two documents under one number is the one flagged
    depends on which came first, so flags are counted per number and issuer, and each must point
    at a document of the same number and issuer."""
    with engine_for(url).connect() as conn:
        docs = conn.execute(
            text(
                "SELECT id, reference_key, issuer_key, date_text, kind, status, suspected_duplicate_of_id "
                "FROM documents"
            )
        ).all()
        files = conn.execute(text("SELECT document_id, sha256 FROM document_files")).all()
        obligations = conn.execute(text("SELECT document_id, text, due, action FROM obligations")).all()
        verdicts = conn.execute(text("SELECT state, result FROM ingest_journal WHERE finished_at IS NOT NULL")).all()
    shas: dict[int, list[str]] = {}
    for doc_id, sha in files:
        shas.setdefault(doc_id, []).append(sha)
    tasks: dict[int, list[tuple]] = {}
    for doc_id, body, due, action in obligations:
        tasks.setdefault(doc_id, []).append((" ".join(body.split()), str(due), action))
    by_id = {d.id: d for d in docs}
    documents = Counter()
    flags = Counter()
    for d in docs:
        group = (d.reference_key, d.issuer_key)
        documents[(tuple(sorted(shas.get(d.id, []))), *group, d.date_text, d.kind, d.status,
                   tuple(sorted(tasks.get(d.id, []))))] += 1  # fmt: skip
        if d.suspected_duplicate_of_id is not None:
            target = by_id.get(d.suspected_duplicate_of_id)
            flags[
                group if target is not None and (target.reference_key, target.issuer_key) == group else "elsewhere"
            ] += 1
    return {
        "documents": documents,
        "files": Counter(sha for _, sha in files),
        "obligations": sum(len(v) for v in tasks.values()),
        "flags": flags,
        "verdicts": Counter(tuple(v) for v in verdicts),  # added, merged, suspected... one row per file
    }


def splits(snap: dict, reference: dict) -> int:
    """Documents of ``reference`` that ``snap`` holds as more than one Document (split formats)."""
    groups = Counter((key[1], key[2]) for key in snap["documents"].elements())
    expected = Counter((key[1], key[2]) for key in reference["documents"].elements())
    return sum(max(0, n - expected[g]) for g, n in groups.items())


def differences(seen: dict, expected: dict) -> dict[str, int]:
    """How ``seen`` differs from ``expected``: all zero when they are the same."""
    flags = sum(seen["flags"].values()) - sum(expected["flags"].values())
    return {
        "split": splits(seen, expected),
        "extra_flags": max(0, flags) + seen["flags"]["elsewhere"],
        "missing_flags": max(0, -flags),
        "files_missing": sum((expected["files"] - seen["files"]).values()),
        "files_extra": sum((seen["files"] - expected["files"]).values()),
        "obligations": seen["obligations"] - expected["obligations"],
        "documents_differing": sum((seen["documents"] - expected["documents"]).values()),
        "verdicts_differing": sum((seen["verdicts"] - expected["verdicts"]).values()),
    }


def start_at_once(url: str, home: str, barrier, results) -> None:
    """Multiprocessing target: at the barrier's release, bring a database to head as a command
    starting does, then use it; ``results`` gets the revision seen, or the error."""
    from congvan.config import Settings
    from congvan.wiring import Wiring

    barrier.wait(timeout=120)
    try:
        wiring = Wiring(Settings.for_home(Path(home), url), writes=True)
        with wiring.session() as session:
            session.execute(text("SELECT count(*) FROM documents"))
            revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        results.put(("ok", revision))
    except Exception as e:
        results.put(("error", f"{type(e).__name__}: {e}"))
        raise
