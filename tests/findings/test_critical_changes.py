"""Planted reversals and changes a translation never makes, each in a hand-written sentence pair
that renders one source sentence; the last assertion of each test keeps a faithful rendering
free of any medium or high finding."""
from __future__ import annotations

from .helpers import pair_findings


def _counted(findings, kind=None):
    return [f for f in findings if f.severity in ("medium", "high") and (kind is None or f.type == kind)]


def test_a_not_on_a_copula_negates_its_complement_even_when_the_negations_pair_up(extractor):
    # Two negations added in two clauses keep the count's parity; each still reverses its predicate.
    source = "The inspector said that the hotel is near the old mill and close to the river."
    found = _counted(pair_findings(
        extractor, source, "The inspector said that the hotel is not near the old mill and is not close to the river."),
        "negation_flip")
    assert found and found[0].severity == "medium" and "near" in found[0].derived_value
    # "is common practice" predicates "common" as "is common" does.
    assert _counted(pair_findings(
        extractor, "This is common practice in the north, but the courts never allow it.",
        "This is not common in the north, but the courts never allow it."), "negation_flip")
    # The same predicate with the negation moved into another word of the clause is no flip.
    assert not _counted(pair_findings(
        extractor, "The inspector said that the hotel is not near the old mill.",
        "The inspector said that the hotel is not near the old mill, which is closed."), "negation_flip")

