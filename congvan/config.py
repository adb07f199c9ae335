"""Where congvan keeps its data: CONGVAN_HOME (default: the user's data folder) and the database URL.

CONGVAN_HOME/
    congvan.db      SQLite database (unless CONGVAN_DATABASE_URL names another, e.g. PostgreSQL)
    corpus/         originals as received, content-addressed (ab/abcdef....docx)
    index/          the search index: derived data, `congvan reindex` rebuilds it

The environment is read here and only here, once per command (``Settings.from_env()``); everything
below is handed a ``Settings`` or what it names (a URL, a folder).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.deadline import DEFAULT_ANSWER_SECONDS
from pipeline.errors import CongvanError


class SettingsError(CongvanError):
    """A CONGVAN_* variable holds a value congvan cannot use."""

    code = "CV-S01"


def _seconds(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < 86400:
        raise SettingsError(f"{name}={raw!r}: cần một số giây lớn hơn 0, vd. {default:g}")
    return value


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    # How long one answer (search, ask, owe, calendar, refs, graph) may run: CONGVAN_ANSWER_SECONDS.
    answer_seconds: float = DEFAULT_ANSWER_SECONDS

    @classmethod
    def for_home(
        cls, home: Path, database_url: str | None = None, answer_seconds: float = DEFAULT_ANSWER_SECONDS
    ) -> Settings:
        """A home of its own, with its SQLite database inside unless a URL is given."""
        return cls(
            home=home, database_url=database_url or f"sqlite:///{home / 'congvan.db'}", answer_seconds=answer_seconds
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        home_env = env.get("CONGVAN_HOME")
        if home_env:
            home = Path(home_env).expanduser()
        else:
            from platformdirs import user_data_dir

            home = Path(user_data_dir("congvan", appauthor=False))
        answer_seconds = _seconds(env, "CONGVAN_ANSWER_SECONDS", DEFAULT_ANSWER_SECONDS)
        return cls.for_home(home, env.get("CONGVAN_DATABASE_URL"), answer_seconds)

    @property
    def store_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"
