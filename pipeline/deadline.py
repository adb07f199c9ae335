"""How long an answer may take: a deadline set when a command starts and checked in the loops of the
answers (owe, calendar, refs, graph, ask) and by the search's collector. Running out raises
:class:`pipeline.errors.AnswerTimeout`, one Vietnamese line for the clerk, instead of an office
waiting on a question that would take minutes."""

from __future__ import annotations

import math
import time

from pipeline.errors import AnswerTimeout

# The default limit for one answer (Settings.answer_seconds, CONGVAN_ANSWER_SECONDS).
DEFAULT_ANSWER_SECONDS = 10.0


class Deadline:
    """``seconds`` from now (``None``: never). ``check()`` raises AnswerTimeout once it has passed."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._ends = math.inf if seconds is None else time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (``math.inf`` without a limit, never below 0)."""
        return max(0.0, self._ends - time.monotonic())

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self._ends

    def check(self) -> None:
        if self.expired:
            raise AnswerTimeout(self.seconds or 0.0)


# For callers that set no limit (library use, tests of the answers themselves).
NO_DEADLINE = Deadline(None)
