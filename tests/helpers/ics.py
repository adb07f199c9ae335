"""An .ics file expanded into its occurrences by two independent engines: Python's icalendar with
recurring_ical_events, and Mozilla's ical.js (Thunderbird's) run by node on tests/js/expand.mjs.
Both give the same records, so a test compares them as they are."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import recurring_ical_events
from icalendar import Calendar

JS = Path(__file__).resolve().parents[1] / "js"


def _record(ev) -> dict[str, str]:
    start = ev.decoded("dtstart")
    if isinstance(start, dt.datetime):
        day = start.date()  # the event's own (local) day
        shown = start.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        day, shown = start, start.isoformat()
    return {"uid": str(ev["uid"]), "day": day.isoformat(), "start": shown, "summary": str(ev["summary"])}


def expand_python(data: bytes, first: dt.date, last: dt.date) -> list[dict[str, str]]:
    """The occurrences whose day is in [first, last], by recurring_ical_events."""
    cal = Calendar.from_ical(data)
    found = recurring_ical_events.of(cal).between(first - dt.timedelta(days=1), last + dt.timedelta(days=2))
    out = [r for r in map(_record, found) if first.isoformat() <= r["day"] <= last.isoformat()]
    return sorted(out, key=lambda r: r["uid"] + r["start"])


def expand_js(path: Path, first: dt.date, last: dt.date) -> list[dict[str, str]]:
    """The same, by ical.js in a node process (tests/js: ``npm ci`` there, setup.sh does it)."""
    assert (JS / "node_modules" / "ical.js").is_dir(), "ical.js is not installed: run ./setup.sh (npm ci in tests/js)"
    run = subprocess.run(
        ["node", str(JS / "expand.mjs"), str(path), first.isoformat(), last.isoformat()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)
