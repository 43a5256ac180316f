"""A negated clause said by a construction without "not" (issue 17.5, wrong highs on faithful pairs).

English says some negations without "not": "has yet to be completed" is "has not yet been
completed", and "did not fall until March" is "only fell in March". Two renderings of one sentence
that use the two forms say one thing, though the same word stands negated on one side only: that
word alone is one signal, so the flip is medium, not high. A plain flip stays high, as does a
"not ... until" against a sentence with no "only"."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("The new bridge over the river has not yet been completed.", "The new bridge over the river has yet to be completed."),
    ("Food prices in the city did not fall until March.", "Food prices in the city only fell in March."),
])
def test_a_negation_said_without_not_is_not_high(extractor, source, derived):
    for a, b in ((source, derived), (derived, source)):
        flips = _flips(pair_findings(extractor, a, b, [([0], [0])]))
        assert all(f.severity == "medium" for f in flips), (a, flips)
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert flips and "may say one thing" in flips[0].explanation, flips


@pytest.mark.parametrize("source,derived", [
    ("The new bridge over the river has been completed.", "The new bridge over the river has not yet been completed."),
    ("Food prices in the city fell in March.", "Food prices in the city did not fall until March."),
])
def test_a_plain_flip_stays_high(extractor, source, derived):
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in flips] == ["high"], flips
