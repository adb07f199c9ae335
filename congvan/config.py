"""Where congvan keeps its data: CONGVAN_HOME (default: the user's data folder) and the database URL.

CONGVAN_HOME/
    congvan.db      SQLite database (unless CONGVAN_DATABASE_URL names another, e.g. PostgreSQL)
    corpus/         originals as received, content-addressed (ab/abcdef....docx)
    index/          the search index: derived data, `congvan reindex` rebuilds it
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str

    @property
    def store_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"


def settings() -> Settings:
    home_env = os.environ.get("CONGVAN_HOME")
    if home_env:
        home = Path(home_env).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir("congvan", appauthor=False))
    url = os.environ.get("CONGVAN_DATABASE_URL") or f"sqlite:///{home / 'congvan.db'}"
    return Settings(home=home, database_url=url)
