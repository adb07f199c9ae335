"""Store-and-answer benchmark: ingest generated documents, then time the clerk's questions.

    .venv/bin/python bench/index.py [--docs 10000] [--index-only 100000] [--keep DIR]

Prints documents/second for ingest (read, extract, store, index), then p50/p95 latency of
search (single words, phrases, unaccented queries), owe and refs at that size. With
--index-only N it also runs bench/search.py over N synthetic documents (index alone, no
database), the figure for a large office. Not run in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ["báo cáo", "kế hoạch", "chuyển đổi số", "hạ tầng", "đầu tư", "ngân sách", "giáo dục", "y tế", "an toàn"]
FOLDED = ["bao cao", "ke hoach", "chuyen doi so", "ha tang", "dau tu", "ngan sach", "giao duc", "y te"]
PHRASES = ['"báo cáo kết quả"', '"chuyển đổi số"', '"kế hoạch triển khai"', '"thủ tục hành chính"']


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def timed(fn, args_list) -> list[float]:
    out = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=10000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--index-only", type=int, default=0, help="also time search over N synthetic docs (index alone)")
    ap.add_argument("--keep", type=Path)
    a = ap.parse_args()

    work = a.keep or Path(tempfile.mkdtemp(prefix="congvan-bench-"))
    from congvan.config import Settings
    from congvan.wiring import Wiring
    from corpus.generator import generate
    from pipeline.ingest.ingestor import ingest_paths

    t = time.perf_counter()
    files = generate(work / "docs", a.docs, seed=1, formats=("docx", "docx", "txt", "pdf"))
    print(f"generated {len(files)} documents in {time.perf_counter() - t:.1f} s")

    wiring = Wiring(Settings.for_home(work / "home"), writes=True)
    factory = wiring.session_factory
    hooks, after_commit = wiring.ingest_hooks()
    t = time.perf_counter()
    results = ingest_paths(files, factory, wiring.store, hooks, after_commit)
    elapsed = time.perf_counter() - t
    by_status: dict[str, int] = {}
    for r in results:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    print(f"ingest: {len(results)} files in {elapsed:.1f} s = {len(results) / elapsed:.1f} documents/s  {by_status}")

    from sqlalchemy import select

    from models.schema import Citation, Document
    from pipeline.answers.owe import owe
    from pipeline.answers.refs import refs

    rng = random.Random(3)
    backend = wiring.open_index()
    n = a.queries
    rows = []
    for label, pool in (("search: single word", WORDS), ("search: phrase", PHRASES), ("search: unaccented", FOLDED)):
        rows.append((label, timed(lambda q: backend.search(q, limit=20), [(rng.choice(pool),) for _ in range(n)])))
    with factory() as session:
        refs_pool = [r for (r,) in session.execute(select(Citation.reference).limit(2000))] or ["1/UBND"]
        units = [u for (u,) in session.execute(select(Document.issuer).where(Document.issuer.is_not(None)).limit(500))]

        def owe_q(day, unit):
            owe(session, by=day, start=day - dt.timedelta(days=60), today=day, action="báo cáo", unit=unit)

        days = [dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(900)) for _ in range(n // 4)]
        rows.append(("owe --by (window, action)", timed(lambda d: owe_q(d, None), [(d,) for d in days])))
        rows.append(("owe --unit", timed(owe_q, [(d, rng.choice(units)) for d in days])))
        rows.append(("refs", timed(lambda r: refs(session, r), [(rng.choice(refs_pool),) for _ in range(n // 2)])))
        total = session.query(Document).count()
    backend.close()
    print(f"\nat {total} stored documents ({backend.count() if False else 'index open'}):")
    print(f"{'query':32} {'n':>5} {'p50 ms':>9} {'p95 ms':>9}")
    for label, ms in rows:
        print(f"{label:32} {len(ms):>5} {statistics.median(ms):>9.1f} {pct(ms, 95):>9.1f}")
    if a.index_only:
        print(f"\nindex only, {a.index_only} synthetic documents (bench/search.py):")
        subprocess.run([sys.executable, str(ROOT / "bench" / "search.py"), "--docs", str(a.index_only)], check=False)
    if not a.keep:
        print(f"\n(work folder {work} can be removed)")


if __name__ == "__main__":
    main()
