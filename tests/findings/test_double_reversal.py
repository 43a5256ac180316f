"""A negation whose clause holds a second reversal (issue 17.5, wrong highs on faithful pairs).

A "not" against the same word without it reverses the claim, unless the clause says a second
reversal the other clause does not: the other clause has the opposite of one of the negated clause's
words ("is not spreading as fast as before" / "is spreading more slowly than before"), or the negated
clause also says "without" ("cannot leave the area without permission" / "must get permission to
leave the area"). Two reversals may cancel, so the negation alone is one signal: medium, not high.
A plain flip, or one whose clauses say the same "without" or the same words, stays high."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("The virus is not spreading as fast as it did last winter.",
     "The virus is spreading more slowly than it did last winter."),
    ("Residents of the old town cannot leave the area without permission.",
     "Residents of the old town must get permission to leave the area."),
])
def test_a_second_reversal_in_the_clause_makes_the_flip_medium(extractor, source, derived):
    for a, b in ((source, derived), (derived, source)):
        flips = _flips(pair_findings(extractor, a, b, [([0], [0])]))
        assert all(f.severity == "medium" for f in flips), (a, flips)
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert flips and "may cancel" in flips[0].explanation, flips


@pytest.mark.parametrize("source,derived", [
    ("The virus is spreading as fast as it did last winter.", "The virus is not spreading as fast as it did last winter."),
    ("Residents of the old town can leave the area without permission.",
     "Residents of the old town cannot leave the area without permission."),
    ("The council approved the new budget on Monday.", "The council did not approve the new budget on Monday."),
])
def test_a_plain_flip_stays_high(extractor, source, derived):
    flips = _flips(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in flips] == ["high"], flips
