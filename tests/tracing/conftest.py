"""Shared, session-scoped fixtures for the story/alignment/lineage tests: one embedder, the
example corpus prepared once (spaCy extraction), and a small generated corpus."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def embedder():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from storytrace.config import Config
    from storytrace.similarity.embeddings import Embedder

    return Embedder(Config())


@pytest.fixture(scope="session")
def example_articles():
    if not (EXAMPLES / "expected.json").exists():
        pytest.skip("examples/ not present")
    from storytrace.pipeline import Pipeline

    pipeline = Pipeline()
    articles = [a for a in pipeline.read([EXAMPLES / "corpus"]) if hasattr(a, "id")]
    return {a.id: pipeline.prepare(a) for a in articles}


@pytest.fixture(scope="session")
def expected():
    import json

    return json.loads((EXAMPLES / "expected.json").read_text())


@pytest.fixture(scope="session")
def generator():
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_clustering

    return bench_clustering
