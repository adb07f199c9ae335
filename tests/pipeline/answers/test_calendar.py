"""The .ics export read back with icalendar, stable UIDs, RRULEs that agree with owe's occurrences, the
month grid, and the ``calendar`` command."""

from __future__ import annotations

import datetime as dt

import pytest
import typer
from conftest_answers import TODAY, build_corpus, fresh_db
from dateutil.rrule import rrulestr  # icalendar's own dependency: an independent RRULE expander
from icalendar import Calendar, vRecur
from rich.console import Console
from typer.testing import CliRunner

from congvan.cli.answers import register
from congvan.cli.render import month_table
from models.db import session_scope
from models.schema import Document, Obligation
from pipeline.answers.calendar import build_ics, event_uid, month_grid, rrule_for, short_month_dates, to_ics
from pipeline.answers.dates import occurrences
from pipeline.answers.owe import select_obligations

D = dt.date
STAMP = dt.datetime(2025, 7, 10, 8, 0, tzinfo=dt.UTC)


def events(data: bytes) -> dict[str, object]:
    """Events by the obligation text they describe (first line of DESCRIPTION)."""
    cal = Calendar.from_ical(data)
    return {str(ev["description"]).split("\n")[0]: ev for ev in cal.walk("VEVENT")}


def event_of(evs, session, corpus, name):
    return evs[session.get(Obligation, corpus.obs[name]).text]


def test_ics_round_trip(corpus, session):
    obligations = select_obligations(session)
    export = build_ics(obligations, stamp=STAMP)
    cal = Calendar.from_ical(export.data)
    assert cal["version"] == "2.0" and "congvan" in str(cal["prodid"])
    evs = events(export.data)
    assert export.events == len(evs) == len(obligations) - 1  # the undated semiannual one is skipped
    assert [ob.id for ob in export.skipped] == [corpus.obs["undated"]]
    snv = event_of(evs, session, corpus, "snv")
    assert snv.decoded("dtstart") == D(2025, 7, 31) and snv.decoded("dtend") == D(2025, 8, 1)
    assert str(snv["summary"]) == "[Sở Nội vụ] báo cáo — 1260/UBND-KGVX"
    assert "Văn bản nguồn: CV 1260/UBND-KGVX ngày 16/04/2025" in str(snv["description"])
    assert snv.decoded("dtstamp") == STAMP
    alarms = snv.walk("VALARM")
    assert len(alarms) == 1 and str(alarms[0]["action"]) == "DISPLAY"
    assert alarms[0].decoded("trigger") == dt.timedelta(days=-3)
    assert "rrule" not in snv


@pytest.mark.parametrize(
    ("name", "first", "rule"),
    [
        # the plan's year (4664/KH-UBND: "... năm 2025") ends its tasks
        (
            "yearly",
            D(2025, 12, 15),
            {"FREQ": ["YEARLY"], "BYMONTH": [12], "BYMONTHDAY": [15], "UNTIL": [D(2025, 12, 31)]},
        ),
        ("monthly", D(2025, 1, 25), {"FREQ": ["MONTHLY"], "UNTIL": [D(2025, 12, 31)]}),
        ("quarterly", D(2025, 3, 20), {"FREQ": ["MONTHLY"], "INTERVAL": [3], "UNTIL": [D(2025, 12, 31)]}),
        # 566/SKHCN-CNCĐS (22/4/2025) sets no period: the end of the year after its own
        ("weekly", D(2025, 7, 4), {"FREQ": ["WEEKLY"], "BYDAY": ["FR"], "UNTIL": [D(2026, 12, 31)]}),
    ],
)
def test_recurring_events_carry_an_rrule(corpus, session, name, first, rule):
    ev = event_of(events(to_ics(select_obligations(session), stamp=STAMP)), session, corpus, name)
    assert ev.decoded("dtstart") == first
    assert dict(ev["rrule"]) == rule
    assert "Lặp lại:" in str(ev["description"])


def test_semiannual_rrule(corpus, session):
    ob = session.get(Obligation, corpus.obs["quarterly"])
    ob.recurrence = "semiannual"
    ev = event_of(events(to_ics([ob], stamp=STAMP)), session, corpus, "quarterly")
    assert dict(ev["rrule"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [6], "UNTIL": [D(2025, 12, 31)]}
    ob.due = D(2025, 6, 30)  # a 30th: the rule lands on 30/12 (both months have a 30th), no BYSETPOS
    ev = next(iter(Calendar.from_ical(to_ics([ob], stamp=STAMP)).walk("VEVENT")))
    assert dict(ev["rrule"]) == {"FREQ": ["MONTHLY"], "INTERVAL": [6], "BYMONTHDAY": [30], "UNTIL": [D(2025, 12, 31)]}
    assert "rdate" not in ev


@pytest.mark.parametrize(
    ("first", "recurrence"),
    [
        (D(2025, 1, 31), "monthly"),
        (D(2025, 1, 30), "monthly"),
        (D(2024, 2, 29), "yearly"),
        (D(2025, 8, 31), "quarterly"),
        (D(2025, 3, 15), "monthly"),
        (D(2025, 6, 30), "semiannual"),
        (D(2025, 5, 30), "quarterly"),
        (D(2024, 1, 29), "monthly"),
        (D(2025, 7, 4), "weekly"),
    ],
)
def test_rrule_agrees_with_occurrences(first, recurrence):
    """What the calendar program will show is what owe lists (month-end days clamp, not vanish), and
    nothing after UNTIL."""
    end = first + dt.timedelta(days=3 * 366)
    rule = vRecur(rrule_for(first, recurrence, end)).to_ical().decode()
    start_dt, far = (dt.datetime.combine(d, dt.time()) for d in (first, end + dt.timedelta(days=400)))
    ruleset = rrulestr(f"RRULE:{rule}", dtstart=start_dt, forceset=True)
    for extra in short_month_dates(first, recurrence, end):
        ruleset.rdate(dt.datetime.combine(extra, dt.time()))
    shown = [d.date() for d in ruleset.between(start_dt, far, inc=True)]
    assert len(shown) > 3 and "BYSETPOS" not in rule
    assert shown == occurrences(first, recurrence, first, end) == occurrences(first, recurrence, first, far.date(), end)


def test_uids_are_stable_and_distinct(tmp_path, corpus, session):
    first = [str(ev["uid"]) for ev in Calendar.from_ical(to_ics(select_obligations(session))).walk("VEVENT")]
    # Another database built from the same documents (other row ids, another run, another stamp).
    other_url = fresh_db(tmp_path, "other.db")
    with session_scope(other_url) as other:
        other.add(Document(kind="CV", reference="1/UBND-VP", reference_key="1/UBND-VP", text="x"))  # shift ids
    build_corpus(other_url)
    with session_scope(other_url) as other:
        second = [
            str(ev["uid"]) for ev in Calendar.from_ical(to_ics(select_obligations(other), stamp=STAMP)).walk("VEVENT")
        ]
    assert sorted(first) == sorted(second)
    assert len(set(first)) == len(first)  # one per obligation
    assert all(uid.endswith("@congvan") for uid in first)


def test_uid_follows_content(corpus, session):
    ob = session.get(Obligation, corpus.obs["snv"])
    before = event_uid(ob)
    ob.status = "answered"  # a status change is an update of the same event
    assert event_uid(ob) == before
    ob.due = D(2025, 8, 5)  # a different deadline is a different event
    assert event_uid(ob) != before


def test_answered_events_update_with_a_higher_sequence(corpus, session):
    ob = session.get(Obligation, corpus.obs["snv"])
    ob.status = "answered"
    ev = event_of(events(to_ics([ob], stamp=STAMP)), session, corpus, "snv")
    assert int(ev["sequence"]) == 1 and "(đã báo cáo)" in str(ev["summary"])


def test_no_alarm_when_asked(corpus, session):
    ob = session.get(Obligation, corpus.obs["snv"])
    ev = event_of(events(to_ics([ob], alarm_days=0, stamp=STAMP)), session, corpus, "snv")
    assert ev.walk("VALARM") == []


def test_month_view_renders_the_grid(corpus, session):
    console = Console(record=True, width=180)
    console.print(month_table(month_grid(select_obligations(session), 2025, 7, today=TODAY)))
    out = console.export_text()
    assert "Tháng 7/2025" in out
    for header in ("T2", "T3", "T4", "T5", "T6", "T7", "CN"):
        assert header in out
    for day in ("1", "15", "25", "31"):
        assert f"│ {day} " in out
    assert "Sở Nội vụ: báo cáo" in out  # 31/7
    assert "VNPT Kon Tum" in out and "UBND xã Ia Chim" in out
    assert out.count("DN viễn thông") == 4  # the weekly report: every Friday of July (4, 11, 18, 25)
    assert "UBND cấp xã" in out  # the monthly report on the 25th and the one-offs
    assert "1 việc chưa rõ ngày" in out


def test_month_view_truncates_a_busy_day(corpus, session):
    obligations = select_obligations(session)
    console = Console(record=True, width=180)
    console.print(month_table(month_grid(obligations, 2025, 7, today=TODAY), max_per_day=1))
    assert "+2 việc khác" in console.export_text()  # 25/7: weekly, monthly and VNPT


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def cli(congvan_home, database_url):
    """Run a command against a CONGVAN_HOME whose database holds the corpus."""
    build_corpus(database_url)
    app = typer.Typer()
    register(app)

    def run(*args: str):
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})

    return run


def test_cli_calendar_ics(cli, tmp_path):
    out = tmp_path / "lich" / "han.ics"
    r = cli("calendar", "--ics", str(out), "--unit", "UBND cấp xã")
    assert r.exit_code == 0, r.output
    assert "Đã ghi 4 hạn" in r.output
    summaries = sorted(str(ev["summary"]) for ev in Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert summaries == [
        "[Ủy ban nhân dân cấp xã] báo cáo — 1023/SKHCN-CNCĐS",
        "[Ủy ban nhân dân cấp xã] báo cáo — 4664/KH-UBND",
        "[Ủy ban nhân dân cấp xã] báo cáo — 566/SKHCN-CNCĐS",
        "[Ủy ban nhân dân xã Ia Chim] báo cáo — 120/TB-UBND",
    ]


def test_cli_calendar_ics_says_what_it_skipped(cli, tmp_path):
    r = cli("calendar", "--ics", str(tmp_path / "all.ics"))
    assert r.exit_code == 0 and "Bỏ qua 1 việc chưa rõ ngày" in r.output


def test_cli_calendar_month(cli):
    r = cli("calendar", "--month", "2025-07", "--unit", "Sở Nội vụ", "--today", "10/7/2025")
    assert r.exit_code == 0, r.output
    assert "Tháng 7/2025" in r.output and "Sở Nội vụ: báo cáo" in r.output and "Sở Tài chính" not in r.output


@pytest.mark.parametrize("args", [["calendar"], ["calendar", "--month", "13/2025"]])
def test_cli_calendar_errors_are_one_line(cli, args):
    r = cli(*args)
    assert r.exit_code == 1 and r.output.startswith("congvan: lỗi: ") and r.output.count("\n") == 1


def test_cli_calendar_error_names_the_code_a_clerk_can_quote(cli):
    r = cli("calendar", "--month", "13/2025")
    assert r.exit_code == 1 and "[CV-Q02]" in r.output and "không hiểu tháng" in r.output
