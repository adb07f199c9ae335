"""``--format table|csv|json``: the one owner of the choice and of how data leaves as CSV or JSON.

CSV and JSON carry only data (no titles, no rich markup), so a command's output can be piped into a
file or a spreadsheet. Keys are plain ASCII snake_case Vietnamese, the same in the CSV header and
the JSON; values are what a clerk reads (Vietnamese labels, ISO dates). Database ids appear only
with the global ``--debug`` (congvan.cli.debug).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer

from congvan.cli import debug


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Cách in: table (bảng), csv hoặc json")]


def _iso(value: object) -> object:
    """What json cannot write by itself: dates (a StrEnum is a str, a tuple a list, already)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def emit_json(obj: object) -> None:
    """``obj`` as JSON on stdout: Vietnamese as written (not \\u escapes), dates as ISO strings."""
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=_iso))


def _cell(value: object) -> object:
    """A CSV cell: a date as ISO, a list joined with "; " (as the table shows owners)."""
    if value is None:
        return ""
    if isinstance(value, bool):  # a spreadsheet reader is Vietnamese, not Python
        return "có" if value else "không"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(_cell(v)) for v in value)
    return value


def emit_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A header line and the rows as CSV on stdout."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    typer.echo(buf.getvalue(), nl=False)


def emit_records(fmt: Format, records: list[dict], header: Sequence[str] | None = None) -> None:
    """Records (dicts with the same keys) as CSV or JSON; ``header`` names the columns when there
    may be no record to take them from."""
    if fmt is Format.json:
        emit_json(records)
        return
    keys = list(header) if header is not None else (list(records[0]) if records else [])
    for r in records:  # --debug ids: columns after the known ones
        keys += [k for k in r if k not in keys]
    emit_csv(keys, ([r.get(k) for k in keys] for r in records))


def with_id(record: dict, key: str, value: int | None) -> dict:
    """``record`` with a database id under ``key``, only when debugging."""
    if debug.on():
        record[key] = value
    return record


# --- owe ---------------------------------------------------------------------------------------

OWE_KEYS = ("nhom", "van_ban_nguon", "viec_so", "don_vi", "viec", "han", "cac_lan_han", "lap_lai", "qua_han",
            "tinh_trang", "van_ban_tra_loi", "trich_yeu")  # fmt: skip


def owe_row_record(r, group: str) -> dict:
    """An OweRow (pipeline.answers.owe); ``group`` is the section it is listed under."""
    record = {
        "nhom": group,
        "van_ban_nguon": r.source,  # as a clerk names it: "CV 1234/SKHCN-VP ngày 01/07/2025"
        "viec_so": r.task_no,
        "don_vi": list(r.owners),
        "viec": r.action or "thực hiện",
        "han": r.deadline,
        "cac_lan_han": list(r.occurrences),
        "lap_lai": r.recurrence_vi or None,
        "qua_han": r.overdue,
        "tinh_trang": r.status_vi,
        "van_ban_tra_loi": r.answered_by,
        "trich_yeu": r.source_subject,
    }
    if debug.on():
        record |= {"id_viec": r.obligation_id, "id_van_ban": r.document_id}
    return record


# Short group names: the table's section titles carry the window's dates, a column need not.
OWE_GROUPS = (("overdue", "quá hạn"), ("one_off", "một lần"), ("recurring", "định kỳ"),
              ("undated", "định kỳ chưa rõ ngày"))  # fmt: skip


def owe_records(report, overdue_only: bool = False) -> list[dict]:
    """An OweReport's rows, in the order the table lists them."""
    groups = OWE_GROUPS[:1] if overdue_only else OWE_GROUPS
    return [owe_row_record(r, name) for attr, name in groups for r in getattr(report, attr)]


# --- refs, missing citations -------------------------------------------------------------------

REF_KEYS = ("quan_he", "so_ky_hieu", "loai", "ngay", "co_quan_ban_hanh", "trich_yeu", "trong_kho")
MISSING_KEYS = ("so_ky_hieu", "loai", "so_van_ban_dan_chieu", "dan_chieu_trong")


def document_record(d) -> dict:
    """A DocumentRef (pipeline.answers.refs)."""
    from pipeline.labels import kind_label

    record = {
        "so_ky_hieu": d.reference,
        "loai": kind_label(d.kind) or None,
        "ngay": d.date,
        "co_quan_ban_hanh": d.issuer,
        "trich_yeu": d.subject,
    }
    return with_id(record, "id", d.id)


def _cited_record(c) -> dict:
    if c.document is not None:
        return {**document_record(c.document), "so_ky_hieu": c.reference, "trong_kho": True}
    return {"so_ky_hieu": c.reference, "loai": None, "ngay": None, "co_quan_ban_hanh": None,
            "trich_yeu": c.subject, "trong_kho": False}  # fmt: skip


def refs_record(report) -> dict:
    """A RefsReport: the document, what it cites (dan_chieu) and what cites it (duoc_dan_chieu_boi)."""
    doc = report.document
    return {
        "so_ky_hieu": report.reference,
        "trong_kho": report.in_corpus,
        "van_ban": document_record(doc) if doc else None,
        "dan_chieu": [_cited_record(c) for c in report.cites],
        "duoc_dan_chieu_boi": [{**document_record(r.document), "trong_kho": True} for r in report.cited_by],
    }


def refs_rows(report) -> list[dict]:
    """A RefsReport flattened for CSV: one line per citation, ``quan_he`` saying which way."""
    record = refs_record(report)
    cites = [{"quan_he": "dẫn chiếu", **r} for r in record["dan_chieu"]]
    return cites + [{"quan_he": "được dẫn chiếu bởi", **r} for r in record["duoc_dan_chieu_boi"]]


def missing_record(m) -> dict:
    """A MissingRef: cited, not stored."""
    from pipeline.labels import kind_label

    return {
        "so_ky_hieu": m.reference,
        "loai": kind_label(m.kind) or None,
        "so_van_ban_dan_chieu": m.count,
        "dan_chieu_trong": [d.reference for d in m.cited_by if d.reference],
    }


# --- search ------------------------------------------------------------------------------------

HIT_KEYS = ("so_ky_hieu", "loai", "ngay", "co_quan_ban_hanh", "trich_yeu", "doan_trich")


def hit_record(h) -> dict:
    """A SearchHit (index.backend); the score only with --debug, like the id."""
    from index.backend import MARK_CLOSE, MARK_OPEN
    from pipeline.labels import kind_label

    snippet = (h.snippet or "").replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    record = {
        "so_ky_hieu": h.reference,
        "loai": kind_label(h.kind) or None,
        "ngay": h.date,
        "co_quan_ban_hanh": h.issuer,
        "trich_yeu": h.subject,
        "doan_trich": snippet or None,
    }
    if debug.on():
        record |= {"id": h.id, "diem": h.score}
    return record


def result_record(item: Any) -> dict:
    """An ``ask`` search result: a SearchHit, or whatever else the search hook returned, described."""
    from congvan.present import describe_result

    if hasattr(item, "snippet") and hasattr(item, "score"):
        return hit_record(item)
    return {"so_ky_hieu": None, "mo_ta": describe_result(item)}


# --- ask ---------------------------------------------------------------------------------------
# One small function per optional field of pipeline.answers.ask.Answer: a new field is a new
# function and one line in ANSWER_FIELDS (its JSON key, its records, its CSV columns).


def _answer_owe(answer) -> list[dict]:
    from pipeline.answers.intents import Ask

    return owe_records(answer.owe, overdue_only=answer.kind is Ask.OVERDUE)


def _answer_refs(answer) -> dict:
    return refs_record(answer.refs)


def _answer_missing(answer) -> list[dict]:
    return [missing_record(m) for m in answer.missing]


def _answer_results(answer) -> list[dict]:
    return [result_record(item) for item in answer.results]


LISTED_KEYS = ("so_ky_hieu", "van_ban", "loai", "ngay", "co_quan_ban_hanh", "trich_yeu", "nguoi_ky")
PENDING_KEYS = ("viec", "don_vi", "thuoc_nhom", "han", "tinh_trang")


def _document_row(d) -> dict:
    record = {"so_ky_hieu": d.reference, "van_ban": d.label, "loai": d.kind, "ngay": d.date,
              "co_quan_ban_hanh": d.issuer, "trich_yeu": d.subject, "nguoi_ky": d.signer}  # fmt: skip
    return with_id(record, "id", d.document_id)


def _answer_documents(answer) -> list[dict]:
    """Documents found (by issuer, signer, recipient...): pipeline.answers.listing.DocumentRow."""
    return [_document_row(d) for d in answer.documents]


def _answer_tasks(answer) -> list[dict]:
    return [task_record(t) for t in answer.tasks]


def _answer_task_rows(answer) -> list[dict]:
    return [dict(zip(TASK_KEYS, task_row(t), strict=True)) for t in answer.tasks]


def _answer_pending(answer) -> list[dict]:
    return [{"viec": p.address, "don_vi": p.owner, "thuoc_nhom": p.group, "han": p.due, "tinh_trang": p.state}
            for p in answer.pending]  # fmt: skip


# (Answer's field, JSON key, its record(s), CSV rows from the answer, CSV header); CSV takes the
# first one set: who has not answered before the tasks it comes from.
ANSWER_FIELDS: tuple[tuple[str, str, Callable, Callable, Sequence[str]], ...] = (
    ("owe", "viec", _answer_owe, _answer_owe, OWE_KEYS),
    ("refs", "dan_chieu", _answer_refs, lambda a: refs_rows(a.refs), REF_KEYS),
    ("missing", "chua_co_trong_kho", _answer_missing, _answer_missing, MISSING_KEYS),
    ("results", "ket_qua", _answer_results, _answer_results, HIT_KEYS),
    ("pending", "chua_tra_loi", _answer_pending, _answer_pending, PENDING_KEYS),
    ("tasks", "cac_viec", _answer_tasks, _answer_task_rows, ()),
    ("documents", "van_ban", _answer_documents, _answer_documents, LISTED_KEYS),
)


def answer_record(answer) -> dict:
    """An ``ask`` Answer as JSON: how the question was read, its kind, and the data it found."""
    record: dict[str, Any] = {"cau_hoi_hieu_la": answer.summary, "loai": answer.kind.value}
    if answer.message:
        record["thong_bao"] = answer.message
    if answer.examples:
        record["vi_du"] = list(answer.examples)
    if getattr(answer, "count", None) is not None:
        record["so_luong"] = answer.count
    for attr, key, build, _, _ in ANSWER_FIELDS:
        if getattr(answer, attr, None) is not None:
            record[key] = build(answer)
    return record


def answer_rows(answer) -> tuple[list[str], list[list[object]]]:
    """An ``ask`` Answer as CSV: its main list (the first field set), or no rows."""
    for attr, _, _, rows_of, keys in ANSWER_FIELDS:
        if getattr(answer, attr, None) is not None:
            records = rows_of(answer)
            header = list(keys) or list(TASK_KEYS)
            if attr == "results" and records and "mo_ta" in records[0]:
                header = list(records[0])
            for r in records:  # --debug ids: columns after the known ones
                header += [k for k in r if k not in header]
            return header, [[r.get(k) for k in header] for r in records]
    return ["cau_hoi_hieu_la"], [[answer.summary]]


# --- track, audit ------------------------------------------------------------------------------

TASK_KEYS = ("viec_so", "so_ky_hieu", "don_vi", "viec", "han", "lap_lai", "tinh_trang", "van_ban_tra_loi",
             "giao_cho", "nguoi_xu_ly", "han_xu_ly", "y_kien_chi_dao", "don_vi_thanh_vien")  # fmt: skip


def _member_record(g, m) -> dict:
    record = {"nhom": g.group, "lan_han": g.occurrence, "don_vi": m.name, "tinh_trang": m.state_vi,
              "van_ban_tra_loi": m.answered_by, "danh_dau_boi": m.marked_by}  # fmt: skip
    return with_id(record, "id_don_vi", m.unit_id)


def task_record(task) -> dict:
    """A TaskState (pipeline.answers.tracking), its group's members under ``don_vi_thanh_vien``."""
    from pipeline.status import Recurrence, label_of

    return {
        "viec_so": task.number,
        "so_ky_hieu": task.address,
        "don_vi": list(task.owners),
        "viec": task.action or "thực hiện",
        "han": task.due,
        "lap_lai": label_of(Recurrence, task.recurrence) if task.recurrence else None,
        "tinh_trang": task.state_vi,
        "van_ban_tra_loi": task.answered_by,
        "giao_cho": task.assignee,
        "nguoi_xu_ly": task.person,
        "han_xu_ly": task.assigned_due,
        "y_kien_chi_dao": task.note,
        "don_vi_thanh_vien": [_member_record(g, m) for g in task.groups for m in g.members],
    }


def task_row(task) -> list[object]:
    """A TaskState as a CSV line: its members counted, answered over all (a cell holds no list of dicts)."""
    record = task_record(task)
    members = record["don_vi_thanh_vien"]
    answered = sum(1 for g in task.groups for _ in g.answered)
    record["don_vi_thanh_vien"] = f"{answered}/{len(members)} đã trả lời" if members else ""
    return [record[k] for k in TASK_KEYS]


AUDIT_KEYS = ("luc", "nguoi", "thao_tac", "doi_tuong", "truoc", "sau")


def audit_record(r, words: Callable[[dict | None], str]) -> dict:
    """An AuditRow (pipeline.answers.actions): ``words`` says a before/after as the table does."""
    record = {
        "luc": r.at.astimezone().isoformat(timespec="seconds"),
        "nguoi": r.actor,
        "thao_tac": r.action_vi,
        "doi_tuong": r.object_label,
        "truoc": words(r.before) if r.before else None,
        "sau": words(r.after) if r.after else None,
    }
    if debug.on():
        record |= {"loai_doi_tuong": r.object_kind, "id_doi_tuong": r.object_id}
    return record


# --- the month grid ----------------------------------------------------------------------------

MONTH_KEYS = ("ngay", "don_vi", "viec", "dinh_ky", "qua_han", "da_xong")


def month_records(grid) -> list[dict]:
    """A MonthGrid's deadlines, one per day and task, the month's days only (not the weeks' edges)."""
    out = []
    for week in grid.weeks:
        for cell in week:
            if not cell.in_month:
                continue
            for e in cell.entries:
                record = {"ngay": cell.day, "don_vi": e.who, "viec": e.action, "dinh_ky": e.recurring,
                          "qua_han": e.late, "da_xong": e.done}  # fmt: skip
                out.append(with_id(record, "id_viec", e.obligation_id))
    return out
