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


def test_a_word_said_twice_is_not_accounted_for_by_the_sources_one(extractor):
    # The source's one "start" is the noun the version keeps; the verb "started" reverses "ended".
    source = "The driver lost control of his car and ended the race very soon after the start."
    found = _counted(pair_findings(
        extractor, source, "The driver lost control of his car and started the race shortly after the start."),
        "negation_flip")
    assert [f.derived_value for f in found] == ["started"]
    assert not _counted(pair_findings(
        extractor, source, "The driver lost control of his car and finished the race shortly after the start."),
        "negation_flip")


def test_a_negation_of_the_predicate_does_not_reach_the_subjects_words(extractor):
    # "was not compromised" denies the predicate; "internal" / "external" still names another network.
    source = "Officials said that the agency's internal network was unaffected by the attack."
    assert _counted(pair_findings(
        extractor, source, "Officials said that the agency's external network was not affected by the attack."),
        "negation_flip")
    assert not _counted(pair_findings(
        extractor, source, "Officials said that the agency's internal network was not affected by the attack."),
        "negation_flip")
