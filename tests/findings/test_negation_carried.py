"""A negation counted against a clause said with a word that holds a negation (issue 17.5, wrong
highs on faithful pairs).

Two faithful renderings of one sentence often carry a negation in different words: one writes
"not", the other a word with the negation inside it: "without" ("ended without an agreement" /
"did not produce an agreement"), a negating prefix on the negated word ("remained unchanged" /
"did not change"), or the negated word's opposite ("few" / "not many"). The count of explicit
negations does not see such words, so where the other sentence says the negated clause and has
one of them, the count alone is one signal: the flip is medium, not high. A negated word against
the same word, a negated word against a plain word in its place ("does not offer" / "gives",
tests/findings/test_critical_changes.py), and a negated clause dropped with its negation stay high."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Exports to the region remained unchanged from last year.",
     "Exports to the region did not change from last year."),
    ("The trade talks in Geneva ended without an agreement.",
     "The trade talks in Geneva did not produce an agreement."),
    ("Few residents of the town attended the meeting.",
     "Not many residents of the town attended the meeting."),
])
def test_a_negation_carried_by_another_word_is_not_high(extractor, source, derived):
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert flips and all(f.severity == "medium" for f in flips), flips
    assert "may carry the negation" in flips[0].explanation
    # and read the other way round: the same pair with the roles exchanged
    flips = _flips(pair_findings(extractor, derived, source, [([0], [0])]))
    assert all(f.severity == "medium" for f in flips), flips


@pytest.mark.parametrize("source,derived", [
    # the negated word itself is rendered: a plain flip
    ("The council approved the new budget on Monday.", "The council did not approve the new budget on Monday."),
    ("Engineers said they repaired the old bridge before winter.",
     "Engineers said they did not repair the old bridge before winter."),
])
def test_a_negated_word_the_other_sentence_says_stays_high(extractor, source, derived):
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in flips] == ["high"], flips


def test_a_negated_clause_dropped_with_its_negation_keeps_its_severity(extractor):
    # nothing of the negated clause is said on the other side: not a rewording around the negation
    source = "Ms Ortiz's new novel is drawing a lot of attention, not all of it welcome."
    derived = "Ms Ortiz's new novel is drawing a lot of attention."
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in flips] == ["high"], flips
