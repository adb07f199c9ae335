"""Benchmark the search index on synthetic Vietnamese official documents.

    .venv/bin/python bench/search.py [--docs N] [--queries Q] [--procs P] [--keep DIR] [--seed S]

Generates N documents (default 100000) from a vocabulary of real administrative phrasing
(kinds, ~40 issuing agencies, dates over five years, trích yếu and bodies with diacritics,
references and citations between them), indexes them with ``rebuild`` and prints documents
per second, then times ``search`` (limit 20, snippets included, as the CLI would call it)
over Q queries of each class and prints p50/p95 latency in milliseconds:

* word       one accented syllable                  báo
* phrase     two syllables in quotes                "kế hoạch"
* folded     two or three words typed without accents   bao cao ket qua
* reference  a document's số/ký hiệu, in varied case and spacing   4664 / kh-ubnd
* filtered   a word + kind + a one-year date range

The index lives in a temporary directory unless ``--keep DIR`` names one (it is replaced).
It is a report tool, not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the project's packages first

from index.backend import IndexedDocument, SearchFilters  # noqa: E402
from index.whoosh_backend import WhooshBackend  # noqa: E402
from pipeline.text import fold  # noqa: E402

# (agency as it signs, abbreviation used in its ký hiệu)
AGENCIES = [
    ("Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND"),
    ("Ủy ban nhân dân tỉnh Kon Tum", "UBND"),
    ("Ủy ban nhân dân thành phố Đà Nẵng", "UBND"),
    ("Ủy ban nhân dân tỉnh Đắk Lắk", "UBND"),
    ("Ủy ban nhân dân huyện Đăk Hà", "UBND"),
    ("Ủy ban nhân dân xã Ia Chim", "UBND"),
    ("Ủy ban nhân dân phường Đăk Cấm", "UBND"),
    ("Hội đồng nhân dân tỉnh Quảng Ngãi", "HĐND"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Tài chính", "STC"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Nội vụ", "SNV"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Y tế", "SYT"),
    ("Sở Tư pháp", "STP"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Công Thương", "SCT"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Sở Thông tin và Truyền thông", "STTTT"),
    ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
    ("Sở Giao thông vận tải", "SGTVT"),
    ("Sở Dân tộc và Tôn giáo", "SDTTG"),
    ("Thanh tra tỉnh", "TTr"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "VPUB"),
    ("Ban Quản lý Khu kinh tế", "BQLKKT"),
    ("Công an tỉnh", "CAT"),
    ("Bộ Chỉ huy Quân sự tỉnh", "BCHQS"),
    ("Kho bạc Nhà nước khu vực XIV", "KBNN"),
    ("Cục Thuế tỉnh", "CT"),
    ("Bảo hiểm xã hội tỉnh", "BHXH"),
    ("Đài Phát thanh và Truyền hình tỉnh", "PTTH"),
    ("Trường Chính trị tỉnh", "TCT"),
    ("Liên đoàn Lao động tỉnh", "LĐLĐ"),
    ("Tỉnh đoàn", "TĐTN"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "HLHPN"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ"),
    ("Bộ Khoa học và Công nghệ", "BKHCN"),
    ("Bộ Tài chính", "BTC"),
    ("Văn phòng Chính phủ", "VPCP"),
]
# (kind, symbol part of the ký hiệu, title words for the trích yếu)
KINDS = [
    ("CV", None, "V/v"),
    ("CV", None, "V/v"),
    ("CV", None, "V/v"),
    ("KH", "KH", "Kế hoạch"),
    ("QĐ", "QĐ", "Quyết định"),
    ("TB", "TB", "Thông báo"),
    ("BC", "BC", "Báo cáo"),
    ("GM", "GM", "Giấy mời"),
    ("HD", "HD", "Hướng dẫn"),
    ("CT", "CT", "Chỉ thị"),
    ("TTr", "TTr", "Tờ trình"),
    ("KHAC", None, "Về việc"),
]
ACTIONS = [
    "triển khai thực hiện",
    "báo cáo kết quả thực hiện",
    "tăng cường công tác",
    "đề nghị góp ý dự thảo",
    "tổ chức kiểm tra",
    "hướng dẫn thực hiện",
    "đẩy mạnh",
    "rà soát, đánh giá",
    "phân bổ kinh phí",
    "tổng kết, đánh giá",
    "tham mưu, đề xuất",
    "cung cấp thông tin",
]
TOPICS = [
    "chuyển đổi số",
    "cải cách hành chính",
    "phát triển hạ tầng số",
    "hệ thống WIFI công cộng",
    "phòng, chống thiên tai",
    "xây dựng nông thôn mới",
    "giảm nghèo bền vững",
    "phòng cháy, chữa cháy",
    "an toàn thực phẩm",
    "chương trình mục tiêu quốc gia",
    "dịch vụ công trực tuyến",
    "đề án 06 của Chính phủ",
    "quản lý đất đai",
    "bảo vệ môi trường",
    "thi tuyển công chức",
    "khoa học, công nghệ và đổi mới sáng tạo",
    "an toàn thông tin mạng",
    "kinh tế tập thể",
    "thu ngân sách nhà nước",
    "giải ngân vốn đầu tư công",
    "sắp xếp đơn vị hành chính cấp xã",
    "tiếp công dân, giải quyết khiếu nại, tố cáo",
    "phổ biến, giáo dục pháp luật",
    "bình đẳng giới",
]
WHEN = ["năm 2025", "6 tháng đầu năm", "quý III", "giai đoạn 2021-2025", "năm 2024", "giai đoạn 2026-2030"]
UNITS = [
    "Ủy ban nhân dân các xã, phường",
    "Các sở, ban, ngành tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh",
    "Các doanh nghiệp viễn thông",
    "Ủy ban nhân dân xã Đăk Pxi",
    "Ủy ban nhân dân xã Ngọk Bay",
    "Ủy ban nhân dân phường Kon Tum",
    "Trung tâm Phục vụ hành chính công tỉnh",
] + [a for a, _ in AGENCIES[8:24]]
SENTENCES = [
    "Thực hiện {ref} ngày {date} của {agency} về {topic};",
    "Căn cứ {ref} của {agency} về việc {action} {topic} {when};",
    "{agency} đề nghị {unit} {action} {topic}, báo cáo kết quả về {agency2} trước ngày {date}.",
    "Giao {unit} chủ trì, phối hợp với các cơ quan, đơn vị liên quan {action} {topic}.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về {agency2} để tổng hợp.",
    "Yêu cầu thủ trưởng các cơ quan, đơn vị quan tâm chỉ đạo, triển khai thực hiện nghiêm túc nội dung trên./.",
    "Kết quả {topic} {when} đạt được một số kết quả quan trọng, tuy nhiên vẫn còn những hạn chế nhất định.",
    "Kinh phí thực hiện từ nguồn ngân sách nhà nước được giao trong dự toán {when} của các cơ quan, đơn vị.",
    "Nơi nhận: Như trên; Lưu: VT, {abbr}.",
    "Tổ chức hội nghị sơ kết {topic} {when} tại hội trường {agency}.",
]

QUERY_CLASSES = ("word", "phrase", "folded", "reference", "filtered")


def _reference(rng: random.Random, kind_symbol: str | None, agency_abbr: str, year: int) -> str:
    num = rng.randint(1, 9999)
    if kind_symbol is None:  # công văn: number / agency - department
        return f"{num}/{agency_abbr}-{rng.choice(['VX', 'KT', 'NC', 'TH', 'VP', 'CNCĐS', 'HCTH'])}"
    if rng.random() < 0.1:  # legal document with a year: 22/2025/QĐ-UBND
        return f"{num}/{year}/{kind_symbol}-{agency_abbr}"
    return f"{num}/{kind_symbol}-{agency_abbr}"


def generate(n: int, seed: int = 7) -> Iterator[IndexedDocument]:
    """``n`` synthetic documents, deterministic for a seed. Later documents cite earlier ones."""
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    references: list[str] = []
    for i in range(1, n + 1):
        agency, abbr = rng.choice(AGENCIES)
        kind, symbol, title = rng.choice(KINDS)
        date = start + dt.timedelta(days=rng.randrange(5 * 365))
        ref = _reference(rng, symbol, abbr, date.year)
        topic, action = rng.choice(TOPICS), rng.choice(ACTIONS)
        subject = f"{title} {action} {topic} {rng.choice(WHEN)}"
        cited = [rng.choice(references) for _ in range(rng.randint(0, 2))] if references else []
        units = tuple(rng.sample(UNITS, rng.randint(1, 3)))
        lines = []
        for _ in range(rng.randint(8, 20)):
            lines.append(
                rng.choice(SENTENCES).format(
                    ref=f"Văn bản số {rng.choice(cited)}" if cited else "Kế hoạch của Ủy ban nhân dân tỉnh",
                    date=f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{date.year}",
                    agency=agency,
                    agency2=rng.choice(AGENCIES)[0],
                    topic=rng.choice(TOPICS) if rng.random() < 0.3 else topic,
                    action=rng.choice(ACTIONS),
                    unit=rng.choice(units),
                    when=rng.choice(WHEN),
                    abbr=abbr,
                )
            )
        body = f"{agency.upper()}\nSố: {ref}\n{subject}\n" + "\n".join(lines)
        references.append(ref)
        yield IndexedDocument(
            id=i,
            kind=kind,
            reference=ref,
            issuer=agency,
            date=date,
            subject=subject,
            text=body,
            units=units,
            citations=tuple(cited),
        )


def _syllables() -> list[str]:
    words = {w for phrase in ACTIONS + TOPICS for w in phrase.replace(",", " ").split() if len(w) > 1}
    return sorted(words)


def _queries(cls: str, count: int, references: list[str], rng: random.Random) -> list[tuple[str, SearchFilters | None]]:
    phrases = [p.replace(",", "").split() for p in ACTIONS + TOPICS]
    syllables = _syllables()
    out: list[tuple[str, SearchFilters | None]] = []
    for _ in range(count):
        if cls == "word":
            out.append((rng.choice([s for s in syllables if fold(s) != s.lower()]), None))
        elif cls == "phrase":
            words = rng.choice([p for p in phrases if len(p) >= 2])
            i = rng.randrange(len(words) - 1)
            out.append((f'"{words[i]} {words[i + 1]}"', None))
        elif cls == "folded":
            words = rng.choice(phrases)
            out.append((fold(" ".join(words[: rng.randint(2, 3)])), None))
        elif cls == "reference":
            ref = rng.choice(references)
            variant = rng.choice([ref, ref.lower(), ref.replace("/", " / ", 1)])
            out.append((variant, None))
        else:
            year = rng.randint(2021, 2025)
            kind = rng.choice([k for k, _, _ in KINDS])
            filters = SearchFilters(kind=kind, date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31))
            out.append((rng.choice(syllables), filters))
    return out


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 else values[0]


def time_queries(backend: WhooshBackend, queries, search: Callable | None = None) -> tuple[list[float], float]:
    """Latencies in ms and the mean number of hits."""
    search = search or backend.search
    latencies, hits = [], 0
    for text, filters in queries:
        start = time.perf_counter()
        hits += len(search(text, filters, 20))
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies, hits / max(len(queries), 1)


def _dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents to generate (default 100000)")
    parser.add_argument("--queries", type=int, default=200, help="queries per class (default 200)")
    parser.add_argument("--procs", type=int, default=1, help="indexing processes for rebuild (default 1)")
    parser.add_argument("--keep", type=Path, help="build the index in DIR and keep it (DIR is replaced)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    workdir = None
    if args.keep:
        shutil.rmtree(args.keep, ignore_errors=True)
        path = args.keep
    else:
        workdir = Path(tempfile.mkdtemp(prefix="congvan-bench-"))
        path = workdir / "index"
    try:
        start = time.perf_counter()
        docs = list(generate(args.docs, args.seed))
        gen_s = time.perf_counter() - start
        chars = sum(len(d.text) for d in docs)
        print(f"generated {len(docs)} documents in {gen_s:.1f}s (mean {chars / max(len(docs), 1):.0f} chars)")

        backend = WhooshBackend(path, procs=args.procs)
        start = time.perf_counter()
        backend.rebuild(docs)
        index_s = time.perf_counter() - start
        print(
            f"indexed {backend.count()} documents in {index_s:.1f}s: {len(docs) / index_s:.0f} docs/s "
            f"(procs={args.procs}); index {_dir_size(path) / 2**20:.0f} MiB"
        )

        rng = random.Random(args.seed + 1)
        references = [d.reference for d in docs if d.reference]
        backend.search("báo cáo")  # open the searcher and warm the caches once
        print(f"\n{'queries':<10} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'hits':>6}")
        for cls in QUERY_CLASSES:
            latencies, mean_hits = time_queries(backend, _queries(cls, args.queries, references, rng))
            print(
                f"{cls:<10} {len(latencies):>5} {_percentile(latencies, 50):>8.1f} "
                f"{_percentile(latencies, 95):>8.1f} {max(latencies):>8.1f} {mean_hits:>6.1f}"
            )
        backend.close()
        if args.keep:
            print(f"\nindex kept in {path}")
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
