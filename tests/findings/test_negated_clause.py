"""A negation reverses only the clause it stands in (issue 17.2): a sentence that renders one clause
of a longer source sentence and leaves out another clause, negated there, reverses nothing. Each
test keeps the negation of a rendered clause a flip."""
from __future__ import annotations

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


def test_a_negated_clause_left_out_is_no_flip(extractor):
    # The summary keeps the second clause; the "not" of the first goes with the clause it negates.
    source = ("The museum said the roof itself did not suffer serious damage and the flooding "
              "had been contained by dawn.")
    assert _flips(pair_findings(extractor, source, "The flooding had been contained by dawn.", [([0], [0])])) == []
    # A negated afterthought ("not all of it kind") left off the end of the sentence.
    source = "Ms Ortiz's new novel is drawing a lot of attention, not all of it kind."
    derived = "Ms Ortiz's new novel is drawing a lot of attention."
    assert _flips(pair_findings(extractor, source, derived, [([0], [0])])) == []
    # A quoted negative left out of a sentence that keeps its frame.
    source = "The coach criticised the referee, saying: 'no player should ever be treated like that.'"
    assert _flips(pair_findings(extractor, source, "The coach criticised the referee.", [([0], [0])])) == []


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
