"""Read a generated corpus back with the project's extractor and measure how far it agrees with the manifest.

    .venv/bin/python -m corpus.generator.check OUT_DIR [--per-format 20] [--misses]

Header fields (reference, kind, issuer, date) are compared as the contract's scorer compares them
(references without spacing or case, issuers by their words with abbreviations expanded); cited
references and dated obligations (those with a due day or a recurrence) are matched one to one,
an obligation by owner and deadline. Misses are kept with their document so a failure can be read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HEADER_FIELDS = ("reference", "doc_type", "issuer", "date")
_STOP = {"các", "và", "của", "trên", "địa", "bàn"}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower()
    for a, b in (("uỷ", "ủy"), ("hoá", "hóa"), ("thuỷ", "thủy")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip(" .;,:-")


def ref_key(r: str | None) -> str | None:
    return None if r is None else re.sub(r"\s+", "", unicodedata.normalize("NFC", r)).upper().replace("Ð", "Đ")


def _tokens(name: str) -> set[str]:
    from extractors.units import expand

    return {t for t in re.findall(r"[\wđ]+", _norm(expand(name))) if t not in _STOP}


def same_unit(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and 2 * len(ta & tb) / (len(ta) + len(tb)) >= 0.75


def _owner_ok(gold: dict, pred: dict) -> bool:
    return any(same_unit(g, p) for g in gold["owner"] for p in pred.get("owner") or [])


def _deadline_ok(gold: dict, pred: dict) -> bool:
    if gold["due"]:
        return pred.get("due") == gold["due"]
    return not pred.get("due") and pred.get("recurrence") == gold["recurrence"]


def _match(gold: list, pred: list, ok) -> list[tuple[Any, Any]]:
    used: set[int] = set()
    pairs = []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and ok(g, p):
                used.add(j)
                pairs.append((g, p))
                break
    return pairs


@dataclass
class Tally:
    hit: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.hit / self.pred if self.pred else 1.0


@dataclass
class Report:
    docs: Counter = field(default_factory=Counter)  # per format
    fields: dict = field(default_factory=lambda: defaultdict(Counter))  # format -> field -> correct
    citations: dict = field(default_factory=lambda: defaultdict(Tally))
    citation_dates: dict = field(default_factory=lambda: defaultdict(Tally))
    obligations: dict = field(default_factory=lambda: defaultdict(Tally))
    missed_forms: Counter = field(default_factory=Counter)  # (form, shape) of obligations not found
    found_forms: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def header_rate(self, fmt: str | None = None) -> float:
        fmts = [fmt] if fmt else list(self.docs)
        n = sum(self.docs[f] for f in fmts) * len(HEADER_FIELDS)
        ok = sum(self.fields[f][k] for f in fmts for k in HEADER_FIELDS)
        return ok / n if n else 1.0

    def field_rate(self, name: str, fmt: str | None = None) -> float:
        fmts = [fmt] if fmt else list(self.docs)
        n = sum(self.docs[f] for f in fmts)
        return sum(self.fields[f][name] for f in fmts) / n if n else 1.0

    def total(self, table: dict, fmt: str | None = None) -> Tally:
        fmts = [fmt] if fmt else list(self.docs)
        t = Tally()
        for f in fmts:
            t.hit += table[f].hit
            t.gold += table[f].gold
            t.pred += table[f].pred
        return t

    def summary(self) -> str:
        out = []
        for fmt in sorted(self.docs):
            c, o = self.total(self.citations, fmt), self.total(self.obligations, fmt)
            fields = ", ".join(f"{k} {self.field_rate(k, fmt):.2f}" for k in HEADER_FIELDS)
            out.append(
                f"{fmt}: {self.docs[fmt]} docs | header {self.header_rate(fmt):.3f} ({fields}) | "
                f"citations R={c.recall:.3f} P={c.precision:.3f} | "
                f"dated obligations R={o.recall:.3f} P={o.precision:.3f}"
            )
        if self.missed_forms:
            top = ", ".join(f"{f}/{s}: {n}" for (f, s), n in self.missed_forms.most_common(8))
            out.append(f"obligations missed by (deadline form/sentence shape): {top}")
        return "\n".join(out)


def compare(record: dict, pred: dict, report: Report) -> None:
    _compare_header(record, pred, report)
    _compare_citations(record, pred, report)
    _compare_obligations(record, pred, report)


def _compare_header(record: dict, pred: dict, report: Report) -> None:
    fmt = record["format"]
    report.docs[fmt] += 1
    name = record["file"]
    checks = {
        "reference": ref_key(pred.get("reference")) == ref_key(record["reference"]),
        "doc_type": pred.get("doc_type") == record["doc_type"],
        # the contract's issuer is the lower header line ("Văn phòng"); its full name is as right
        "issuer": same_unit(pred.get("issuer"), record["issuer"])
        or same_unit(pred.get("issuer"), record["issuer_full"]),
        "date": pred.get("date") == record["date"],
        "subject": SequenceRatio(pred.get("subject"), record["subject"]) >= 0.9,
        "signer": (pred.get("signer") or {}).get("name") == (record.get("signer") or {}).get("name"),
    }
    for k, ok in checks.items():
        report.fields[fmt][k] += ok
        if not ok and k in HEADER_FIELDS:
            report.misses.append(f"{name}: {k} want {record[k]!r} got {pred.get(k)!r}")


def _compare_citations(record: dict, pred: dict, report: Report) -> None:
    fmt, name = record["format"], record["file"]
    gold_c = list(record["citations"])
    pred_c = pred.get("citations") or []
    pairs = _match(gold_c, pred_c, lambda g, p: ref_key(g["reference"]) == ref_key(p.get("reference")))
    t = report.citations[fmt]
    t.hit, t.gold, t.pred = t.hit + len(pairs), t.gold + len(gold_c), t.pred + len(pred_c)
    d = report.citation_dates[fmt]
    d.gold += len(pairs)
    d.pred += len(pairs)
    d.hit += sum(g["date"] == p.get("date") for g, p in pairs)
    for g in gold_c:
        if not _paired(g, pairs, 0):
            report.misses.append(f"{name}: citation missed {g['reference']}")


def _paired(item: Any, pairs: list[tuple[Any, Any]], side: int) -> bool:
    """Whether ``item`` itself (not an equal copy) is on ``side`` (0 gold, 1 predicted) of a pair."""
    return any(item is pair[side] for pair in pairs)


def _match_obligations(gold_o: list, pred_o: list) -> list[tuple[Any, Any]]:
    opairs = _match(gold_o, pred_o, lambda g, p: _owner_ok(g, p) and _deadline_ok(g, p))
    left_g = [g for g in gold_o if not _paired(g, opairs, 0)]
    left_p = [p for p in pred_o if not _paired(p, opairs, 1)]
    # an undated recurring task matched by a prediction that also guessed a first due day (as the scorer)
    opairs += _match(
        [g for g in left_g if not g["due"]],
        left_p,
        lambda g, p: _owner_ok(g, p) and p.get("recurrence") == g["recurrence"],
    )
    return opairs


def _compare_obligations(record: dict, pred: dict, report: Report) -> None:
    fmt, name = record["format"], record["file"]
    # only dated obligations count: those with a due day or a recurrence
    gold_o = [o for o in record["obligations"] if o["due"] or o["recurrence"]]
    pred_o = [o for o in pred.get("obligations") or [] if o.get("due") or o.get("recurrence")]
    opairs = _match_obligations(gold_o, pred_o)
    t = report.obligations[fmt]
    t.hit, t.gold, t.pred = t.hit + len(opairs), t.gold + len(gold_o), t.pred + len(pred_o)
    for g in gold_o:
        key = (g["form"], g["shape"])
        if _paired(g, opairs, 0):
            report.found_forms[key] += 1
        else:
            report.missed_forms[key] += 1
            report.misses.append(
                f"{name}: obligation missed {g['owner']} due={g['due']} rec={g['recurrence']}: {g['text'][:90]}"
            )
    for p in pred_o:
        if not _paired(p, opairs, 1):
            report.misses.append(
                f"{name}: extra obligation {p.get('owner')} due={p.get('due')}: {(p.get('text') or '')[:90]}"
            )


def SequenceRatio(a: str | None, b: str | None) -> float:
    from difflib import SequenceMatcher

    if not a or not b:
        return 0.0
    return SequenceMatcher(None, _norm(a), _norm(b)).ratio()


def agreement(out_dir: Path, per_format: int | None = None) -> Report:
    """Extract every (or the first ``per_format`` of each format) generated file and compare."""
    from corpus.generator import read_manifest
    from pipeline.extract import extract, to_contract
    from pipeline.readers import read

    report = Report()
    taken: Counter = Counter()
    for record in read_manifest(out_dir):
        if per_format is not None and taken[record["format"]] >= per_format:
            continue
        taken[record["format"]] += 1
        path = Path(out_dir) / record["file"]
        pred = to_contract(extract(read(path)), source=str(path))
        compare(record, pred, report)
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--per-format", type=int, default=None)
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = ap.parse_args(argv)
    report = agreement(args.out_dir, args.per_format)
    if args.json:
        print(
            json.dumps(
                {
                    f: {
                        "docs": report.docs[f],
                        "header": report.header_rate(f),
                        **{k: report.field_rate(k, f) for k in (*HEADER_FIELDS, "subject", "signer")},
                        "citations_recall": report.total(report.citations, f).recall,
                        "citations_precision": report.total(report.citations, f).precision,
                        "obligations_recall": report.total(report.obligations, f).recall,
                        "obligations_precision": report.total(report.obligations, f).precision,
                    }
                    for f in sorted(report.docs)
                },
                indent=2,
            )
        )
    else:
        print(report.summary())
    if args.misses:
        print("\n".join(report.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
