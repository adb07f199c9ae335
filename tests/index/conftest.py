"""Fixtures: an index in each test's tmp_path, empty or holding the corpus of ``tests.helpers.index_corpus``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest


def _real_index_package() -> None:
    """Make ``index`` the project's package, not this directory.

    pytest puts ``tests/`` on sys.path (there are no ``__init__.py`` files under it), and the
    editable install is a meta-path finder that only runs after sys.path has been searched: so
    ``import index`` finds ``tests/index/`` first and makes it an empty namespace package
    (``pipeline`` and ``extractors`` get the same treatment). Submodules still import, through
    the editable finder, but ``from index import open_index`` fails. Setting
    ``pythonpath = ["."]`` under ``[tool.pytest.ini_options]`` would fix it for every package.
    """
    current = sys.modules.get("index")
    if current is not None and getattr(current, "__file__", None):
        return
    root = Path(__file__).resolve().parents[2] / "index"
    spec = importlib.util.spec_from_file_location("index", root / "__init__.py", submodule_search_locations=[str(root)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["index"] = module
    spec.loader.exec_module(module)


_real_index_package()

from index.whoosh_backend import WhooshBackend  # noqa: E402
from tests.helpers.index_corpus import CORPUS  # noqa: E402


@pytest.fixture
def empty_index(tmp_path):
    backend = WhooshBackend(tmp_path / "index")
    yield backend
    backend.close()


@pytest.fixture
def index(empty_index):
    empty_index.add(CORPUS)
    return empty_index
