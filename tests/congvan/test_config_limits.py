"""The bounds every file is read within come from the environment at the edge, once."""

from __future__ import annotations

import pytest

from congvan.config import Settings
from pipeline.bounded import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT, Limits
from pipeline.readers import MAX_PAGES, ReadLimits


def test_defaults_fit_a_small_office_server(tmp_path):
    limits = Settings.from_env({"CONGVAN_HOME": str(tmp_path)}).limits
    assert limits == Limits()
    assert (limits.seconds, limits.memory_mb, limits.read.max_pages) == (
        DEFAULT_TIME_LIMIT,
        DEFAULT_MEMORY_MB,
        MAX_PAGES,
    )
    assert (DEFAULT_TIME_LIMIT, DEFAULT_MEMORY_MB, MAX_PAGES) == (120.0, 1024, 2000)


def test_each_limit_is_read_from_its_variable(tmp_path):
    env = {
        "CONGVAN_HOME": str(tmp_path),
        "CONGVAN_TIME_LIMIT": "7.5",
        "CONGVAN_MEMORY_LIMIT_MB": "600",
        "CONGVAN_MAX_PAGES": "300",
        "CONGVAN_MAX_BYTES": "1000000",
        "CONGVAN_MAX_TEXT_MB": "2",
        "CONGVAN_MAX_PART_MB": "10",
        "CONGVAN_MAX_UNZIPPED_MB": "40",
        "CONGVAN_MAX_PAGE_OBJECTS": "5000",
        "CONGVAN_MAX_PAGE_CHARS": "9000",
    }
    assert Settings.from_env(env).limits == Limits(
        seconds=7.5,
        memory_mb=600,
        read=ReadLimits(
            max_bytes=1_000_000,
            max_text_bytes=2 * 2**20,
            max_part_bytes=10 * 2**20,
            max_unzipped_bytes=40 * 2**20,
            max_pages=300,
            max_page_objects=5000,
            max_page_chars=9000,
        ),
    )


@pytest.mark.parametrize("value", ["abc", "0", "-5"])
def test_a_limit_that_is_no_positive_number_is_refused_by_name(tmp_path, value):
    with pytest.raises(ValueError, match=f"CONGVAN_TIME_LIMIT={value!r}"):
        Settings.from_env({"CONGVAN_HOME": str(tmp_path), "CONGVAN_TIME_LIMIT": value})


def test_the_command_line_says_so_in_one_line(tmp_path):
    import os
    import subprocess
    import sys

    from corpus import SAMPLES_DIR

    env = {**os.environ, "CONGVAN_HOME": str(tmp_path), "CONGVAN_MEMORY_LIMIT_MB": "nhiều"}
    r = subprocess.run(
        [sys.executable, "-m", "congvan.cli", "extract", str(SAMPLES_DIR / "skhcn-wifi-cong-cong.txt")],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert r.returncode == 1
    assert r.stderr.splitlines() == ["congvan: lỗi: [CV-C01] CONGVAN_MEMORY_LIMIT_MB='nhiều': không phải số"]


def test_trust_roots_are_paths_read_at_the_edge_and_a_missing_one_is_refused(tmp_path):
    from pipeline.errors import ConfigError

    roots = tmp_path / "goc-tin-cay"
    roots.mkdir()
    one = tmp_path / "bcy-root.pem"
    one.write_text("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")
    env = {"CONGVAN_HOME": str(tmp_path), "CONGVAN_TRUST_ROOTS": f"{roots}:{one}"}
    assert Settings.from_env(env).limits.read.trust_roots == (str(roots), str(one))
    assert Settings.from_env({"CONGVAN_HOME": str(tmp_path)}).limits.read.trust_roots == ()
    with pytest.raises(ConfigError, match="CONGVAN_TRUST_ROOTS"):
        Settings.from_env({"CONGVAN_HOME": str(tmp_path), "CONGVAN_TRUST_ROOTS": str(tmp_path / "khong-co")})
