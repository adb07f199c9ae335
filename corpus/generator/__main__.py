"""Generate a synthetic corpus from the command line and say how fast it went.

.venv/bin/python -m corpus.generator OUT_DIR --count 10000 [--seed 0] [--formats docx,pdf,txt]
    [--every-format] [--start 2021-01-01] [--end 2025-06-30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

from corpus.generator import FORMATS, generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m corpus.generator", description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--formats", default="docx", help=f"comma-separated, round-robin: {','.join(FORMATS)}")
    ap.add_argument("--every-format", action="store_true", help="write each document in every format")
    ap.add_argument("--start", type=dt.date.fromisoformat, default=None)
    ap.add_argument("--end", type=dt.date.fromisoformat, default=None)
    args = ap.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    began = time.perf_counter()
    paths = generate(
        args.out_dir,
        args.count,
        args.seed,
        formats,
        start=args.start,
        end=args.end,
        every_format=args.every_format,
    )
    took = time.perf_counter() - began
    per = Counter(p.suffix for p in paths)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"{len(paths)} files ({', '.join(f'{n} {s}' for s, n in sorted(per.items()))}), "
        f"{size / 2**20:.1f} MB in {took:.1f} s: {len(paths) / took:.0f} files/s; manifest.jsonl beside them"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
