"""The learned combiner: its features on hand-made pairs, its fit, and its file."""
from __future__ import annotations

import math

import pytest

from storytrace.verifier.combiner import FEATURES, Combiner, fit, logit, pair_features


def feature(values: list[float], name: str) -> float:
    return values[FEATURES.index(name)]


def test_the_worst_sentence_decides_and_the_self_score_is_divided_out():
    # two derived sentences: the second is less supported, but also scores lower against itself
    values = pair_features([], [], supports=[0.9, 0.5], selfs=[0.95, 0.5], source_words=20, derived_words=18)
    assert feature(values, "support") == pytest.approx(logit(0.5))          # the worst sentence, not the mean
    assert feature(values, "contrast") == pytest.approx(logit(0.9) - logit(0.95))  # 0.5 against a 0.5 ceiling is full support
    assert feature(values, "length") == pytest.approx(math.log(18 / 20))


def test_findings_count_by_severity_and_the_verifier_doubt_weighs_them():
    severities = ["high", "medium", "low", "medium"]
    scores = [0.1, 0.9, None, None]  # the low one is never checked; an unchecked medium is full doubt
    values = pair_features(severities, scores, supports=[0.7], selfs=[0.9], source_words=100, derived_words=30)
    assert (feature(values, "high"), feature(values, "medium")) == (1.0, 2.0)
    assert feature(values, "doubt") == pytest.approx(0.9 + 0.1 + 1.0)


def test_a_pair_without_derived_sentences_counts_as_unsupported():
    values = pair_features([], [], supports=[], selfs=[], source_words=10, derived_words=0)
    assert feature(values, "support") == feature(values, "contrast") == pytest.approx(logit(0.0))


def test_the_fit_learns_that_findings_and_low_contrast_mean_inconsistent():
    rows, labels = [], []
    for k in range(40):
        consistent = k % 2 == 0
        flags = 0 if consistent else 1 + k % 3
        contrast = (0.5 if consistent else -2.0) + (k % 5) * 0.1
        rows.append([float(flags), 0.0, float(flags), contrast, contrast, -1.0 + (k % 7) * 0.1])
        labels.append(consistent)
    combiner = fit(rows, labels, [1.0] * len(rows))
    assert combiner.weights[FEATURES.index("high")] < 0 < combiner.weights[FEATURES.index("contrast")]
    clean = [0.0, 0.0, 0.0, 0.6, 0.6, -0.5]
    flagged = [2.0, 0.0, 2.0, -2.0, -2.0, -0.5]
    assert combiner.probability(clean) > 0.5 > combiner.probability(flagged)
    assert combiner.consistent(clean) and not combiner.consistent(flagged)


def test_a_combiner_file_round_trips_and_a_wrong_one_names_itself(tmp_path):
    combiner = Combiner([0.0] * 6, [1.0] * 6, [-1.0, -0.5, -0.5, 0.2, 0.4, 0.1], 0.3, threshold=0.45)
    path = tmp_path / "combiner.json"
    combiner.save(path)
    assert Combiner.load(path) == combiner
    path.write_text(path.read_text().replace('"contrast"', '"other"'))
    with pytest.raises(ValueError, match="combiner.json"):
        Combiner.load(path)
