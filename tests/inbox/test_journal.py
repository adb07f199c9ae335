"""The journal as the second line of defence, for when the inbox lock is not shared (two
machines on a network share): claims and verdicts are conditional, so only one process wins."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from sqlalchemy.orm import sessionmaker

from models.db import engine_for
from pipeline.inbox import journal
from pipeline.status import IngestStatus, JournalState

SHA = "ab" * 32


def _factory(url: str):
    return sessionmaker(bind=engine_for(url), expire_on_commit=False)


def test_two_claims_on_a_new_file_one_wins(database_url):
    factory = _factory(database_url)
    a, b = journal.Owner("may-a", 100), journal.Owner("may-b", 200)
    assert journal.claim(factory, SHA, "/inbox/x.docx", a, None) is not None
    assert journal.claim(factory, SHA, "/inbox/x.docx", b, None) is None  # unique SHA-256
    assert len(journal.open_entries(factory)) == 1


def test_a_retry_seen_by_two_processes_is_taken_by_one(database_url):
    factory = _factory(database_url)
    dead = journal.Owner("may-a", 100)
    assert journal.claim(factory, SHA, "/inbox/x.docx", dead, None)
    seen = journal.lookup(factory, SHA)
    first = journal.claim(factory, SHA, "/inbox/x.docx", journal.Owner("may-b", 1), seen)
    second = journal.claim(factory, SHA, "/inbox/x.docx", journal.Owner("may-c", 2), seen)
    assert first is not None and first.attempts == 2
    assert second is None
    with factory() as session:  # the process whose claim was taken over cannot give a verdict
        stale = journal.Claim(seen.id, SHA, seen.attempts)
        assert not journal.finish(session, stale, IngestStatus.ADDED, None, None)
        assert journal.finish(session, first, IngestStatus.ADDED, None, None)
        session.commit()
    assert journal.lookup(factory, SHA).state == JournalState.PROCESSED


def test_who_may_take_over_a_pending_file():
    me = journal.Owner.me()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(gone.stdout)
    now = journal.utcnow()

    def entry(owner: journal.Owner, age: float = 0) -> journal.Entry:
        return journal.Entry(
            id=1, sha256=SHA, name="/x", state=JournalState.PENDING, result=None, reason=None, holder=owner,
            document_id=None, started_at=now - dt.timedelta(seconds=age), finished_at=None, attempts=1,
        )  # fmt: skip

    assert journal.may_take_over(entry(journal.Owner(me.host, dead_pid)), me)  # died: retry
    assert not journal.may_take_over(entry(journal.Owner(me.host, 1)), me)  # alive here
    assert not journal.may_take_over(entry(journal.Owner("may-khac", 5)), me)  # elsewhere, fresh
    assert journal.may_take_over(entry(journal.Owner("may-khac", 5), age=3600), me)  # elsewhere, stale
    assert journal.may_take_over(entry(me), me)  # our own earlier attempt
