"""How a task stands for the clerk (pipeline.answers.tracking, actions), on real ingested documents
(tests/helpers/tracking.py: the samples numbered, and the reports that answer them), on SQLite or
PostgreSQL (tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from models.db import engine_for, transaction
from models.schema import AuditEntry, HandMark, Obligation
from pipeline.answers.actions import MarkRequest, assign, mark
from pipeline.answers.owe import owe
from pipeline.answers.tracking import document_tracking, find_document, load_tracking, resolve
from pipeline.errors import TrackingError
from pipeline.ingest.followups import link_followups, member_replies
from pipeline.ingest.ingestor import ingest_paths
from pipeline.ingest.store import ContentStore
from pipeline.status import IngestStatus, MarkState, ObligationStatus, TrackingState
from tests.helpers.tracking import (
    IA_CHIM_REPORT,
    MINH_LONG,
    SKHCN_REPORT,
    TODAY,
    UBND,
    WIFI,
    YEARLY_TASK,
    directives,
    ia_chim_report,
    skhcn_report,
)

D = dt.date


@pytest.fixture
def office(tmp_path: Path, database_url: str) -> sessionmaker:
    """The directives ingested first, then the reports that answer them (the order mail comes in)."""
    factory = sessionmaker(bind=engine_for(database_url), expire_on_commit=False)
    store = ContentStore(tmp_path / "store")
    first = ingest_paths(directives(tmp_path / "in"), factory, store, on_document=[link_followups])
    (tmp_path / "later").mkdir()
    later = [ia_chim_report(tmp_path / "later"), skhcn_report(tmp_path / "later")]
    then = ingest_paths(later, factory, store, on_document=[link_followups])
    assert [r.status for r in first + then] == [IngestStatus.ADDED] * 5
    return factory


def _replies(session):
    return lambda directive, ob, members: member_replies(session, directive, ob, members)


def test_a_group_task_shows_the_members_answered_by_report_and_by_hand_and_those_not(office):
    with transaction(office) as s:
        target = resolve(s, WIFI, task=1)
        marked = mark(s, target, MarkRequest(MarkState.DONE, "van.thu", TODAY, member="UBND phường Kon Tum"))
        assert [(m.member, m.after) for m in marked] == [("Ủy ban nhân dân phường Kon Tum", TrackingState.DONE)]
    with transaction(office) as s:
        tasks = document_tracking(s, find_document(s, WIFI), TODAY, _replies(s))
        report, go_on = tasks[0], tasks[1]
        assert (report.number, report.action, report.due) == (1, "báo cáo", D(2025, 7, 15))
        (group,) = report.groups
        assert group.group == "Ủy ban nhân dân cấp xã" and len(group.members) == 40
        answered = {m.name: (m.state, m.answered_by, m.marked_by) for m in group.answered}
        assert answered == {
            "Ủy ban nhân dân xã Ia Chim": (TrackingState.ANSWERED, "BC 45/BC-UBND ngày 10/07/2025", None),
            "Ủy ban nhân dân phường Kon Tum": (TrackingState.DONE, None, "van.thu"),
        }
        assert len(group.pending) == 38 and "Ủy ban nhân dân xã Đăk Hà" in {m.name for m in group.pending}
        # One commune's report is not the group's: the task stays open, as stored and as shown.
        assert report.state is TrackingState.NEW
        assert s.get(Obligation, target.tasks[0][1].id).status == ObligationStatus.OPEN
        # The report answers the report task, not "continue deploying" (as follow-up linking chooses).
        assert go_on.action == "tiếp tục" and go_on.groups[0].answered == []


def test_a_recurring_task_done_for_one_occurrence_stays_open_for_the_next(office):
    with transaction(office) as s:
        target = resolve(s, f"{MINH_LONG}#{YEARLY_TASK}")
        ob = target.tasks[0][1]
        assert (ob.recurrence, ob.due) == ("yearly", D(2025, 12, 15))
        (done,) = mark(s, target, MarkRequest(MarkState.DONE, "van.thu", TODAY, note="đã gửi báo cáo năm"))
        assert done.occurrence == D(2025, 12, 15)  # the occurrence due next
        with pytest.raises(TrackingError) as bad:
            mark(s, target, MarkRequest(MarkState.DONE, "van.thu", TODAY, occurrence=D(2026, 12, 16)))
        assert bad.value.code == "CV-T05"
    with transaction(office) as s:
        ob = resolve(s, f"{MINH_LONG}#{YEARLY_TASK}").tasks[0][1]
        tracking = load_tracking(s, [ob], TODAY)
        assert tracking.state(ob, occurrence=D(2025, 12, 15)) is TrackingState.DONE
        assert tracking.state(ob, occurrence=D(2026, 12, 15)) is TrackingState.NEW
        # Past the marked one, the task is at its next occurrence, and that one is not done.
        assert load_tracking(s, [ob], D(2026, 1, 10)).state(ob) is TrackingState.NEW
        report = owe(s, by=D(2026, 12, 31), start=D(2025, 12, 1), today=TODAY, action="báo cáo")
        (row,) = [r for r in report.recurring if r.obligation_id == ob.id]
        assert (row.deadline, row.occurrences, row.task_no) == (D(2026, 12, 15), (D(2026, 12, 15),), YEARLY_TASK)


def test_a_citing_report_answers_its_task_and_reopening_overrides_it_without_touching_what_was_stored(office):
    later = D(2025, 8, 12)
    with transaction(office) as s:
        tasks = document_tracking(s, find_document(s, UBND), later, _replies(s))
        by_number = {t.number: t for t in tasks}
        assert (by_number[5].state, by_number[5].answered_by) == (
            TrackingState.ANSWERED,
            f"BC {SKHCN_REPORT} ngày 20/07/2025",
        )
        # "Các sở, ban, ngành": the Sở this issuer deals with; Sở KH&CN's report answers for it.
        (sectors,) = by_number[1].groups
        assert sectors.group == "Các sở, ban, ngành"
        assert [(m.name, m.state) for m in sectors.answered] == [("Sở Khoa học và Công nghệ", TrackingState.ANSWERED)]
        (reopened,) = mark(s, resolve(s, UBND, task=5), MarkRequest(MarkState.OPEN, "truong.phong", later))
        assert (reopened.before, reopened.after) == (TrackingState.ANSWERED, TrackingState.OVERDUE)
    with transaction(office) as s:
        ob = resolve(s, UBND, task=5).tasks[0][1]
        assert ob.status == ObligationStatus.ANSWERED and ob.answered_by.reference == SKHCN_REPORT
        assert load_tracking(s, [ob], later).state(ob) is TrackingState.OVERDUE
        entry = s.scalars(select(AuditEntry)).one()
        assert (entry.actor, entry.action, entry.object_label) == ("truong.phong", "reopen", f"{UBND}#5")
        assert (entry.before, entry.after) == ({"state": "answered"}, {"state": "overdue"})


def test_an_assignment_puts_a_task_in_progress_until_the_clerks_due_date_passes(office):
    with transaction(office) as s:
        target = resolve(s, f"{UBND}#1")
        row = assign(s, target, to="Phòng Kế hoạch", actor="van.thu", person="Anh Minh", due=D(2025, 7, 25))
        assert (row.assignee, row.obligation_id, row.unit_id) == ("Phòng Kế hoạch", target.tasks[0][1].id, None)
        whole = assign(s, resolve(s, WIFI), to="Sở Khoa học và Công nghệ", actor="van.thu")
        assert whole.obligation_id is None and whole.unit is not None  # a unit the store knows is linked
    with transaction(office) as s:
        ob = resolve(s, f"{UBND}#1").tasks[0][1]
        assert load_tracking(s, [ob], D(2025, 7, 20)).state(ob) is TrackingState.IN_PROGRESS
        assert load_tracking(s, [ob], D(2025, 7, 26)).state(ob) is TrackingState.OVERDUE  # the document says 30/7
        wifi = resolve(s, WIFI).tasks
        assert {load_tracking(s, [o for _, o in wifi], TODAY).state(o) for _, o in wifi} == {TrackingState.IN_PROGRESS}


def test_done_with_the_answering_document_links_it(office):
    with transaction(office) as s:
        (done,) = mark(
            s,
            resolve(s, WIFI, task=1),
            MarkRequest(MarkState.DONE, "van.thu", TODAY, answer=find_document(s, IA_CHIM_REPORT)),
        )
        assert done.answer == "BC 45/BC-UBND ngày 10/07/2025"
    with transaction(office) as s:
        row = s.scalars(select(HandMark)).one()
        assert row.answer_document.reference == IA_CHIM_REPORT and row.member_id is None
        assert s.scalars(select(AuditEntry)).one().after == {"state": "done", "by_document": done.answer}


@pytest.mark.parametrize(
    ("address", "task", "code"),
    [("999/XYZ-ABC", None, "CV-T01"), (f"{WIFI}#9", None, "CV-T03"), (f"{WIFI}#1", 2, "CV-T03")],
)
def test_a_bad_address_is_a_domain_error_with_its_code(office, address, task, code):
    with transaction(office) as s, pytest.raises(TrackingError) as e:
        resolve(s, address, task)
    assert e.value.code == code


def test_a_member_the_group_does_not_have_is_refused(office):
    with transaction(office) as s, pytest.raises(TrackingError) as e:
        mark(s, resolve(s, WIFI, task=1), MarkRequest(MarkState.DONE, "van.thu", TODAY, member="UBND xã Không Có"))
    assert e.value.code == "CV-T04"
    with transaction(office) as s:
        assert s.scalars(select(HandMark)).all() == [] and s.scalars(select(AuditEntry)).all() == []
