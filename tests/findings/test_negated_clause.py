"""A negation reverses only the clause it stands in (issue 17.2): a sentence that renders one clause
of a longer source sentence and leaves out another clause, negated there, reverses nothing. Each
test keeps the negation of a rendered clause a flip."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


def test_a_negated_clause_left_out_of_a_condensed_sentence_is_no_flip(extractor):
    # The summary keeps the second clause; the "not" of the first goes with the clause it negates.
    source = ("The museum said the roof itself did not suffer serious damage and the flooding "
              "had been contained by dawn.")
    assert _flips(pair_findings(extractor, source, "The flooding had been contained by dawn.", [([0], [0])])) == []
    # A quoted negative left out of a sentence that keeps its frame.
    source = "The coach criticised the referee, saying: 'no player should ever be treated like that.'"
    assert _flips(pair_findings(extractor, source, "The coach criticised the referee.", [([0], [0])])) == []


def test_a_negated_clause_left_out_of_a_full_rendering_is_told_as_dropped(extractor):
    # Not condensed (most of the words kept): a rendering must keep the clause, so losing it with its
    # negation stays a finding, and the explanation says the clause was dropped.
    source = "Ms Ortiz's new novel is drawing a lot of attention, not all of it welcome."
    derived = "Ms Ortiz's new novel is drawing a lot of attention."
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert len(flips) == 1, flips
    assert "drops the clause with its negation" in flips[0].explanation


def test_the_negation_of_a_rendered_clause_is_still_a_flip(extractor):
    source = ("The museum said the roof itself did not suffer serious damage and the flooding "
              "had been contained by dawn.")
    derived = "The museum said the roof itself suffered serious damage."
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in flips] == ["high"], flips
    # The explanation names the words that tie the two clauses together (the second signal).
    assert "roof" in flips[0].explanation and "damage" in flips[0].explanation
    flips = _flips(pair_findings(extractor, "The council did not approve the new budget on Monday.",
                                 "The council approved the new budget on Monday.", [([0], [0])]))
    assert [f.severity for f in flips] == ["high"], flips


def test_a_negated_verb_against_difficult_to_is_no_flip(extractor):
    # "difficult to repair" says, as "unlikely to" does, what "will not be repaired" says: the
    # adjective of difficulty carries the negation, so the polarity of the clauses agrees.
    source = "Engineers said that without new funding it is difficult to repair the old bridge before winter."
    for derived in ("Engineers said the old bridge will not be repaired before winter without new funding.",
                    "Engineers said that without new funding the old bridge cannot be repaired before winter."):
        assert _flips(pair_findings(extractor, source, derived, [([0], [0])])) == [], derived
    assert _flips(pair_findings(extractor, "The old bridge was hard to repair before winter, engineers said.",
                                "The old bridge was not repaired before winter, engineers said.", [([0], [0])])) == []
    # Negating the difficulty itself reverses it; a plain negated verb is still a flip.
    derived = "Engineers said that without new funding it is not difficult to repair the old bridge before winter."
    assert [f.severity for f in _flips(pair_findings(extractor, source, derived, [([0], [0])]))] == ["high"]
    flips = _flips(pair_findings(extractor, "Engineers said they repaired the old bridge before winter.",
                                 "Engineers said they did not repair the old bridge before winter.", [([0], [0])]))
    assert [f.severity for f in flips] == ["high"]
    # "a hard winter" has no infinitive: no difficulty of doing anything, and a negation of it is a flip.
    flips = _flips(pair_findings(extractor, "The workers had a hard winter on the old bridge, engineers said.",
                                 "The workers did not have a hard winter on the old bridge, engineers said.", [([0], [0])]))
    assert [f.severity for f in flips] == ["high"]


def test_a_negated_clause_with_no_content_word_is_still_compared(extractor):
    # "it is not" has nothing to be left out: the count of negations decides, as before.
    flips = _flips(pair_findings(extractor, "The captain said it was.", "The captain said it was not.", [([0], [0])]))
    assert flips, flips


@pytest.mark.xfail(strict=True, reason="dropped (session 23, para23): on bench_translations confirm two right high flips "
                   "became medium (high precision falls; measured with two other changes): raters mark such a loss major")
def test_a_negated_clause_dropped_or_added_whole_is_medium_not_high(extractor):
    # Candidate (3e74ad3, reverted): nothing in the other sentence is said the other way round; the clause is
    # missing (or new) with its negation. One signal (the count of negations), so medium.
    source = "Ms Ortiz's new novel is drawing a lot of attention, not all of it welcome."
    derived = "Ms Ortiz's new novel is drawing a lot of attention."
    for a, b in ((source, derived), (derived, source)):
        flips = _flips(pair_findings(extractor, a, b, [([0], [0])]))
        assert [f.severity for f in flips] == ["medium"], flips
        assert "not reversed" in flips[0].explanation
