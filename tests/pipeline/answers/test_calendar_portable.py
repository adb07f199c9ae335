"""The .ics expands to the same occurrences in Python (icalendar + recurring_ical_events) and in
Mozilla's ical.js (Thunderbird's engine, run by node on tests/js/expand.mjs), and to the days the
month grid and owe count (pipeline.answers.dates): for the bundled samples ingested into a store,
and for recurring tasks written here with each kind of rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.ics import expand_js, expand_python
from icalendar import Calendar
from typer.testing import CliRunner

from congvan.cli import app
from corpus import SAMPLES_DIR
from models.db import session_scope
from models.schema import Document, Obligation
from pipeline.answers.calendar import build_ics, event_uid
from pipeline.answers.dates import schedule_of

D = dt.date
STAMP = dt.datetime(2025, 7, 10, 8, 0, tzinfo=dt.UTC)
FIRST, LAST = D(2010, 1, 1), D(2035, 12, 31)


def both(data: bytes, tmp_path: Path, first: dt.date = FIRST, last: dt.date = LAST) -> list[dict[str, str]]:
    """The occurrences by both engines, which must agree; returned for further checks."""
    path = tmp_path / "lich.ics"
    path.write_bytes(data)
    python, js = expand_python(data, first, last), expand_js(path, first, last)
    assert python == js
    return python


def by_uid(occurrences: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for o in occurrences:
        out.setdefault(o["uid"], []).append(o)
    return out


def rules_in(data: bytes) -> list[str]:
    return [ev["rrule"].to_ical().decode() for ev in Calendar.from_ical(data).walk("VEVENT") if "rrule" in ev]


def assert_days_match_schedules(obligations: list[Obligation], found: dict[str, list[dict[str, str]]]) -> None:
    """What the calendar programs show is what congvan itself counts (month grid, owe)."""
    for ob in obligations:
        schedule = schedule_of(ob)
        if schedule is None:
            continue
        expected = [d.isoformat() for d in schedule.occurrences(FIRST, LAST)]
        assert [o["day"] for o in found[event_uid(ob)]] == expected, ob.text


# --- the bundled samples, ingested -----------------------------------------------------------------


def test_the_samples_calendar_expands_the_same_in_python_and_ical_js(congvan_home, database_url, tmp_path):
    r = CliRunner().invoke(app, ["ingest", "--quiet", str(SAMPLES_DIR)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = tmp_path / "han.ics"
    r = CliRunner().invoke(app, ["calendar", "--ics", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    rules = rules_in(data)
    assert len(rules) >= 4 and all("UNTIL=" in rule and "BYSETPOS" not in rule for rule in rules)
    found = by_uid(both(data, tmp_path))
    # each event names its source by số/ký hiệu, or by trích yếu when it has none (never a row id)
    assert all(" — " in v[0]["summary"] and "#" not in v[0]["summary"] for v in found.values())
    assert any("— V/v Quảng Nam: Phủ sóng wi" in v[0]["summary"] for v in found.values())
    with session_scope(database_url) as s:
        obligations = list(s.query(Obligation))
        assert_days_match_schedules(obligations, found)
    # "trước 10h sáng thứ Sáu" / "trước 15h chiều thứ Sáu hằng tuần" (tin-quang-nam-wifi, 2021): every
    # Friday at 10:00 and at 15:00 in Asia/Ho_Chi_Minh, until the end of the next year
    weekly = [v for v in found.values() if len(v) > 1 and v[0]["start"].endswith("Z")]
    hours = sorted({o["start"][11:16] for v in weekly for o in v})
    assert hours == ["03:00", "08:00"]
    for v in weekly:
        assert all(dt.date.fromisoformat(o["day"]).weekday() == 4 for o in v)
        assert v[-1]["day"] <= "2022-12-31"
    assert "BEGIN:VTIMEZONE" in data.decode() and data.decode().count("BEGIN:VTIMEZONE") == 1


# --- each kind of rule, written here ---------------------------------------------------------------


def _doc(s, reference: str, date: dt.date, subject: str) -> Document:
    doc = Document(kind="CV", reference=reference, reference_key=reference, date=date, subject=subject, text=subject)
    s.add(doc)
    return doc


def _task(doc: Document, text: str, due: dt.date | None, recurrence: str | None, owner: str = "Sở Nội vụ") -> None:
    ob = Obligation(action="báo cáo", text=text, due=due, recurrence=recurrence)
    ob.owner_names = [owner]
    doc.obligations.append(ob)


VARIANTS: dict[str, tuple[str, dt.date | None, str | None]] = {
    # name: (text, due, recurrence), in a document of 1/7/2025 (the ``variants`` fixture)
    "yearly-30/11": ("Sở Nội vụ báo cáo trước ngày 30/11 hằng năm.", D(2025, 11, 30), "yearly"),
    "yearly-31/12": ("Sở Nội vụ báo cáo tổng kết trước ngày 31/12 hằng năm.", D(2025, 12, 31), "yearly"),
    "yearly-29/2": ("Sở Nội vụ báo cáo trước ngày 29/2 hằng năm.", D(2028, 2, 29), "yearly"),
    "yearly-15/12": ("Sở Nội vụ báo cáo trước ngày 15/12 hằng năm.", D(2025, 12, 15), "yearly"),
    "monthly-20": ("Sở Nội vụ báo cáo trước ngày 20 hằng tháng.", D(2025, 7, 20), "monthly"),
    "monthly-30": ("Sở Nội vụ báo cáo trước ngày 30 hằng tháng.", D(2025, 7, 30), "monthly"),
    "monthly-29": ("Sở Nội vụ báo cáo trước ngày 29 hằng tháng.", D(2025, 7, 29), "monthly"),
    "month-end": ("Sở Nội vụ báo cáo vào ngày cuối tháng hằng tháng.", D(2025, 7, 31), "monthly"),
    "quarterly-20": ("Sở Nội vụ báo cáo trước ngày 20 tháng cuối quý.", D(2025, 9, 20), "quarterly"),
    "quarterly-end": ("Sở Nội vụ báo cáo hằng quý vào ngày cuối quý.", D(2025, 9, 30), "quarterly"),
    "quarterly-30/8": ("Sở Nội vụ báo cáo trước ngày 30/8, định kỳ 3 tháng một lần.", D(2025, 8, 30), "quarterly"),
    "semiannual-30/6": ("Sở Nội vụ báo cáo định kỳ 6 tháng trước ngày 30/12.", D(2025, 12, 30), "semiannual"),
    "weekly-friday-10h": ("Sở Nội vụ báo cáo trước 10 giờ sáng thứ Sáu hằng tuần.", None, "weekly"),
    "timed-15h00": ("Sở Nội vụ gửi báo cáo trước 15h00 ngày 05/12.", D(2025, 12, 5), None),
    "until-2026": ("Sở Nội vụ báo cáo trước ngày 25 hằng tháng đến hết năm 2026.", D(2025, 7, 25), "monthly"),
}


WEEKLY_TASK = "Sở Xây dựng báo cáo trước 15 giờ thứ Sáu hằng tuần."
PLAN_TASK = "Sở Nội vụ tổng hợp, báo cáo kết quả cải cách hành chính trước ngày 15/12 hằng năm."


@pytest.fixture
def variants(database_url):
    """The tasks above in one công văn of 1/7/2025 (no period of its own), plus a 2013 monthly task,
    a plan for 2021–2025 and a monthly report answered for one period."""
    with session_scope(database_url) as s:
        cv = _doc(s, "100/UBND-VP", D(2025, 7, 1), "Triển khai các nhiệm vụ chuyển đổi số")
        for text, due, recurrence in VARIANTS.values():
            _task(cv, text, due, recurrence)
        old = _doc(s, "45/UBND-VX", D(2013, 3, 5), "Báo cáo tình hình dịch bệnh")
        _task(old, "Các xã báo cáo trước ngày 20 hằng tháng.", D(2013, 3, 20), "monthly", "UBND các xã")
        plan = _doc(s, "12/KH-UBND", D(2021, 2, 1), "Kế hoạch cải cách hành chính giai đoạn 2021–2025")
        _task(plan, PLAN_TASK, D(2021, 12, 15), "yearly")
        asked = _doc(s, "200/UBND-VP", D(2025, 6, 1), "Báo cáo tiến độ năm 2025")
        _task(asked, "Sở Tài chính báo cáo trước ngày 20 hằng tháng.", D(2025, 6, 20), "monthly", "Sở Tài chính")
        _task(asked, WEEKLY_TASK, None, "weekly", "Sở Xây dựng")
        report = _doc(s, "88/BC-STC", D(2025, 8, 10), "Báo cáo tiến độ tháng 8")
        weekly_report = _doc(s, "17/BC-SXD", D(2025, 7, 16), "Báo cáo tuần")
        s.flush()
        monthly, weekly = asked.obligations
        monthly.status, monthly.answered_by = "answered", report
        weekly.status, weekly.answered_by = "answered", weekly_report
    return database_url


@dataclass
class Expanded:
    data: bytes
    days: dict[str, list[str]]  # by the obligation's text
    starts: dict[str, list[str]]
    summaries: dict[str, list[str]]


@pytest.fixture
def expanded(variants, tmp_path) -> Expanded:
    """The variants' calendar, expanded by both engines (which agree) and checked against congvan's days."""
    with session_scope(variants) as s:
        obligations = list(s.query(Obligation).order_by(Obligation.id))
        data = build_ics(obligations, stamp=STAMP).data
        found = by_uid(both(data, tmp_path))
        assert_days_match_schedules(obligations, found)
        uids = {ob.text: event_uid(ob) for ob in obligations}

    def field(name: str) -> dict[str, list[str]]:
        return {text: [o[name] for o in found[uid]] for text, uid in uids.items()}

    return Expanded(data, field("day"), field("start"), field("summary"))


TEXT = {name: v[0] for name, v in VARIANTS.items()}


def test_every_kind_of_rule_expands_the_same_in_python_and_ical_js(expanded):
    rules = rules_in(expanded.data)
    assert len(rules) == 18 and not any("BYSETPOS" in r for r in rules) and all("UNTIL=" in r for r in rules)
    days = {name: expanded.days[text] for name, text in TEXT.items()}
    # a yearly deadline on a fixed day: one a year, on that day, to the end of the year after 2025
    assert days["yearly-30/11"] == ["2025-11-30", "2026-11-30"]
    assert days["yearly-31/12"] == ["2025-12-31", "2026-12-31"]
    assert days["yearly-29/2"] == ["2028-02-29"]  # its first day is past the default end: that year only
    assert days["monthly-20"][:2] == ["2025-07-20", "2025-08-20"] and days["monthly-20"][-1] == "2026-12-20"
    assert days["monthly-30"][6:9] == ["2026-01-30", "2026-02-28", "2026-03-30"]
    assert days["monthly-29"][6:9] == ["2026-01-29", "2026-02-28", "2026-03-29"]
    assert days["month-end"][:4] == ["2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31"]
    assert days["quarterly-20"][:3] == ["2025-09-20", "2025-12-20", "2026-03-20"]
    assert days["quarterly-end"][:3] == ["2025-09-30", "2025-12-31", "2026-03-31"]
    assert days["quarterly-30/8"][:3] == ["2025-08-30", "2025-11-30", "2026-02-28"]
    assert days["semiannual-30/6"] == ["2025-12-30", "2026-06-30", "2026-12-30"]
    assert days["until-2026"][-1] == "2026-12-25"


def test_hours_weekdays_and_ends_are_the_same_in_both(expanded):
    # weekly on its weekday at 10:00 in Vietnam (03:00 UTC), from the first Friday after 1/7/2025
    weekly = expanded.starts[TEXT["weekly-friday-10h"]]
    assert weekly[0] == "2025-07-04T03:00:00Z" and weekly[-1] == "2026-12-25T03:00:00Z" and len(weekly) == 78
    assert expanded.starts[TEXT["timed-15h00"]] == ["2025-12-05T08:00:00Z"]
    # the 2013 monthly task ends with the year after its document's
    old = expanded.days["Các xã báo cáo trước ngày 20 hằng tháng."]
    assert old[0] == "2013-03-20" and old[-1] == "2014-12-20" and len(old) == 22
    # the plan's period "giai đoạn 2021–2025" ends its yearly report
    assert expanded.days[PLAN_TASK] == ["2021-12-15", "2022-12-15", "2023-12-15", "2024-12-15", "2025-12-15"]


def test_a_report_marks_its_own_period_only(expanded):
    """Answered by a report of 10/8/2025: the 20/8 occurrence is "đã báo cáo", the others are not."""
    task = "Sở Tài chính báo cáo trước ngày 20 hằng tháng."
    marked = [d for d, sm in zip(expanded.days[task], expanded.summaries[task], strict=True) if "(đã báo cáo)" in sm]
    assert marked == ["2025-08-20"] and len(expanded.days[task]) == 7
    # a timed weekly task (15:00 on Fridays, 08:00 UTC) answered on Wednesday 16/7: Friday 18/7 only
    marked = [
        st
        for st, sm in zip(expanded.starts[WEEKLY_TASK], expanded.summaries[WEEKLY_TASK], strict=True)
        if "(đã báo cáo)" in sm
    ]
    assert marked == ["2025-07-18T08:00:00Z"] and expanded.starts[WEEKLY_TASK][0] == "2025-06-06T08:00:00Z"


def test_one_vtimezone_however_many_timed_events(variants):
    with session_scope(variants) as s:
        obligations = list(s.query(Obligation))
        data = build_ics(obligations * 3, stamp=STAMP).data.decode()
    assert data.count("BEGIN:VTIMEZONE") == 1 and "TZID:Asia/Ho_Chi_Minh" in data
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20251205T150000" in data
