"""bench/bench_scale.py's blocking figures read the generator's truth safely: a corpus folder
without .truth.jsonl, or truth naming an article the table does not hold, gives figures, not an error."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np

from storytrace.similarity.minhash import EMPTY
from storytrace.stories.blocking import SignatureTable
from storytrace.stories.signature import PERMUTATIONS, ArticleSignature

BENCH = Path(__file__).resolve().parents[1] / "bench" / "bench_scale.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_scale_under_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table(ids: list[str]) -> SignatureTable:
    table = SignatureTable()
    table.add([ArticleSignature(i, 739_000, np.full(PERMUTATIONS["text"], EMPTY, dtype=np.uint32),
                                np.full(PERMUTATIONS["anchors"], EMPTY, dtype=np.uint32)) for i in ids])
    return table


def test_blocking_figures_without_truth_or_with_truth_of_articles_not_read(tmp_path):
    bench = _bench()
    figures = bench._blocking_figures(tmp_path, _table(["a", "b"]), {})
    assert figures["blocks"] == 2 and figures["planted_pair_recall"] is None and figures["truly_alone_joined"] is None
    (tmp_path / ".truth.jsonl").write_text("\n".join(json.dumps(t) for t in (
        {"id": "a", "story": 1}, {"id": "b", "story": 2}, {"id": "skipped", "story": 1})))
    figures = bench._blocking_figures(tmp_path, _table(["a", "b"]), {})
    assert figures["share_truly_alone"] == 1.0 and figures["truly_alone_joined"] == 0
    assert figures["planted_pair_recall"] is None and figures["blocks_mixing_planted_stories"] == 0
