"""Fixtures shared by the test modules."""
from __future__ import annotations

import pytest

from storytrace.nlp import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor (spaCy pipeline and language identifier) for the whole run: loading it is the
    slow part, and extraction keeps no state between articles."""
    return Extractor()


@pytest.fixture
def derived_cache_dir(tmp_path, monkeypatch):
    """An empty folder as STORYTRACE_CACHE_DIR: the kept copies of model files (derived_cache) start absent."""
    monkeypatch.setenv("STORYTRACE_CACHE_DIR", str(tmp_path))
    return tmp_path
