"""Where congvan keeps its data: CONGVAN_HOME (default: the user's data folder) and the database URL.

CONGVAN_HOME/
    congvan.db      SQLite database (unless CONGVAN_DATABASE_URL names another, e.g. PostgreSQL)
    corpus/         originals as received, content-addressed (ab/abcdef....docx)
    index/          the search index: derived data, `congvan reindex` rebuilds it
    ocr/            scans' OCR'd PDFs, by the scan's hash: derived, but kept (OCR takes minutes)

What one file may cost to read (``limits``): CONGVAN_TIME_LIMIT (seconds, default 120),
CONGVAN_MEMORY_LIMIT_MB (default 1024), CONGVAN_MAX_PAGES (2000), CONGVAN_MAX_BYTES (a file's
size), CONGVAN_MAX_TEXT_MB (a .txt), CONGVAN_MAX_PART_MB and CONGVAN_MAX_UNZIPPED_MB (a .docx's
parts, one and all), CONGVAN_MAX_PAGE_OBJECTS and CONGVAN_MAX_PAGE_CHARS (a PDF page).

How many cores one OCR may use: CONGVAN_OCR_JOBS (default: every core of the machine).

Which roots a signed PDF's certificate chain is checked against: CONGVAN_TRUST_ROOTS, a folder or
file of PEM/DER root certificates (several separated by the path separator, ':'). None is bundled
(the Ban Cơ yếu Chính phủ root is the office's to install): without it a chain is "không xác minh
được gốc tin cậy".

Who is at the keyboard (``user``, written into the audit log with every assignment and hand mark):
CONGVAN_USER, else the operating system's login name.

The environment is read here and only here, once per command (``Settings.from_env()``); everything
below is handed a ``Settings`` or what it names (a URL, a folder).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.bounded import Limits
from pipeline.deadline import DEFAULT_ANSWER_SECONDS
from pipeline.errors import ConfigError
from pipeline.readers import MiB, ReadLimits


def _number(env: Mapping[str, str], name: str, default, cast=int, scale: int = 1):
    """A positive number from ``env[name]``, else ``default``; a bad value is one ConfigError (CV-C01)."""
    value = env.get(name)
    if not value:
        return default
    try:
        number = cast(value) * scale
    except ValueError:
        raise ConfigError(f"{name}={value!r}: không phải số") from None
    if not number > 0 or not math.isfinite(number):  # "nan", "inf" are no limits
        raise ConfigError(f"{name}={value!r}: phải lớn hơn 0")
    return number


def os_user() -> str:
    """The login name of whoever runs congvan; a container without a passwd entry gives its uid."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return f"uid-{os.getuid()}"


def trust_roots_from_env(env: Mapping[str, str]) -> tuple[str, ...]:
    """CONGVAN_TRUST_ROOTS as paths; a path that does not exist is a ConfigError (CV-C01), not a
    silent "no root" that would leave every signature unverified without saying why."""
    value = env.get("CONGVAN_TRUST_ROOTS", "")
    paths = tuple(str(Path(p).expanduser()) for p in value.split(os.pathsep) if p.strip())
    for p in paths:
        if not Path(p).exists():
            raise ConfigError(f"CONGVAN_TRUST_ROOTS={value!r}: không tìm thấy {p}")
    return paths


def limits_from_env(env: Mapping[str, str]) -> Limits:
    """The bounds every file is read within, from CONGVAN_* (the defaults live with the code)."""
    d, r = Limits(), ReadLimits()
    read = ReadLimits(
        max_bytes=_number(env, "CONGVAN_MAX_BYTES", r.max_bytes),
        max_text_bytes=_number(env, "CONGVAN_MAX_TEXT_MB", r.max_text_bytes, scale=MiB),
        max_part_bytes=_number(env, "CONGVAN_MAX_PART_MB", r.max_part_bytes, scale=MiB),
        max_unzipped_bytes=_number(env, "CONGVAN_MAX_UNZIPPED_MB", r.max_unzipped_bytes, scale=MiB),
        max_pages=_number(env, "CONGVAN_MAX_PAGES", r.max_pages),
        max_page_objects=_number(env, "CONGVAN_MAX_PAGE_OBJECTS", r.max_page_objects),
        max_page_chars=_number(env, "CONGVAN_MAX_PAGE_CHARS", r.max_page_chars),
        trust_roots=trust_roots_from_env(env),
    )
    return Limits(
        seconds=_number(env, "CONGVAN_TIME_LIMIT", d.seconds, cast=float),
        memory_mb=_number(env, "CONGVAN_MEMORY_LIMIT_MB", d.memory_mb),
        read=read,
    )


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    # How long one answer (search, ask, owe, calendar, refs, graph) may run: CONGVAN_ANSWER_SECONDS.
    answer_seconds: float = DEFAULT_ANSWER_SECONDS
    # The bounds every file is read within (time, memory, pages, sizes): CONGVAN_TIME_LIMIT, ...
    limits: Limits = field(default_factory=Limits)
    # Who makes the changes recorded in the audit log: CONGVAN_USER, else the OS login.
    user: str = field(default_factory=os_user)
    # Cores one OCR uses (OCRmyPDF's --jobs: pages recognised side by side): CONGVAN_OCR_JOBS.
    ocr_jobs: int = field(default_factory=lambda: os.cpu_count() or 1)

    @classmethod
    def for_home(
        cls,
        home: Path,
        database_url: str | None = None,
        answer_seconds: float = DEFAULT_ANSWER_SECONDS,
        limits: Limits | None = None,
        user: str | None = None,
        ocr_jobs: int | None = None,
    ) -> Settings:
        """A home of its own, with its SQLite database inside unless a URL is given."""
        return cls(
            home=home,
            database_url=database_url or f"sqlite:///{home / 'congvan.db'}",
            answer_seconds=answer_seconds,
            limits=limits or Limits(),
            user=user or os_user(),
            ocr_jobs=ocr_jobs or os.cpu_count() or 1,
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
        answer_seconds = _number(env, "CONGVAN_ANSWER_SECONDS", DEFAULT_ANSWER_SECONDS, cast=float)
        user = " ".join(env.get("CONGVAN_USER", "").split())[:120] or None
        ocr_jobs = _number(env, "CONGVAN_OCR_JOBS", os.cpu_count() or 1)
        return cls.for_home(home, env.get("CONGVAN_DATABASE_URL"), answer_seconds, limits_from_env(env), user, ocr_jobs)

    @property
    def store_dir(self) -> Path:
        return self.home / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def ocr_dir(self) -> Path:
        return self.home / "ocr"
