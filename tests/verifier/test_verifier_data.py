"""verifier/data.py: confirm parts never reach training; counts say what is trained on."""
from __future__ import annotations

import json
import random

from storytrace.verifier.data import DataSettings, Example, count, dev_examples, held_for_thresholds, load_splits

SOURCES = [f"The mayor of Town {n} opened a new library on Monday. It holds {n * 100} books." for n in range(1, 41)]


def test_only_tuning_rows_of_a_dev_set_become_training_pairs(tmp_path):
    (tmp_path / "benchmarks").mkdir()
    rows = [{"id": f"r{n}", "article_id": f"a{n}", "source": src, "derived": f"Town {n + 1} has a library.", "consistent": n % 2 == 0}
            for n, src in enumerate(SOURCES)]
    with open(tmp_path / "benchmarks" / "falke_sentpairs_dev.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    splits = load_splits()
    tune, confirm = splits.split_rows("falke_sentpairs_dev", rows)
    assert tune and confirm  # twenty documents: both parts are used
    fit = [r for r in tune if not held_for_thresholds(splits, "falke_sentpairs_dev", r)]
    assert 0 < len(fit) < len(tune)  # the other tuning documents are kept for choosing thresholds
    got = dev_examples(DataSettings(shared=tmp_path, dev_sets=("falke_sentpairs_dev",)), random.Random(1))
    assert sorted(e.hypothesis for e in got) == sorted(r["derived"] for r in fit)
    assert not {e.hypothesis for e in got} & {r["derived"] for r in confirm}
    assert {(e.hypothesis, e.label) for e in got} == {(r["derived"], int(r["consistent"])) for r in fit}


def test_counts_are_per_source_set_and_label():
    examples = [Example("p", "h", 1, "synthetic:fusion"), Example("p", "h", 0, "dev:demetr_dev:critical"),
                Example("p", "h", 1, "dev:demetr_dev:faithful"), Example("p", "h", 1, "dev:demetr_dev:minor")]
    assert count(examples) == {("synthetic:fusion", 1): 1, ("dev:demetr_dev", 0): 1, ("dev:demetr_dev", 1): 2}


def test_by_default_no_benchmark_row_is_trained_on(tmp_path):
    """Session 12: the training README forbids training on a benchmark one reports figures on."""
    (tmp_path / "benchmarks").mkdir()
    rows = [{"id": f"r{n}", "article_id": f"a{n}", "source": src, "derived": f"Town {n + 1} has a library.", "consistent": True}
            for n, src in enumerate(SOURCES)]
    with open(tmp_path / "benchmarks" / "falke_sentpairs_dev.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    assert dev_examples(DataSettings(shared=tmp_path), random.Random(1)) == []
    assert dev_examples(DataSettings(shared=tmp_path, dev_sets=("falke_sentpairs_dev",)), random.Random(1))
