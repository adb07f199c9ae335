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


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str

    @classmethod
    def for_home(cls, home: Path, database_url: str | None = None) -> Settings:
        """A home of its own, with its SQLite database inside unless a URL is given."""
        return cls(home=home, database_url=database_url or f"sqlite:///{home / 'congvan.db'}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        home_env = env.get("CONGVAN_HOME")
        if home_env:
            home = Path(home_env).expanduser()
        else:
            from platformdirs import user_data_dir

            home = Path(user_data_dir("congvan", appauthor=False))
        return cls.for_home(home, env.get("CONGVAN_DATABASE_URL"))

    @property
    def store_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"
