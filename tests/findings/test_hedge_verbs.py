"""A verb of appearance or suggestion hedges only a claim it takes as its complement ("the data
suggest that the economy is slowing", "appeared to be nervous"). With no such complement it states
a fact itself ("the logo appeared on the screen": it came into view; "suggested a new plan": proposed
it), so a version that says the fact plainly drops no hedge."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _hedge_omissions(findings):
    return [f for f in findings if f.type == "omission" and f.derived_value == "(stated as fact)" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("The president's speech was interrupted for a minute, and the logo of a group of hackers appeared on the screen.",
     "The president's speech was interrupted for a minute, and the screen displayed the logo of a group of hackers."),
    ("The speech was cut off, and the logo of the hackers appeared on the screen.",
     "The speech was cut off, and the logo of the hackers was shown on the screen."),
])
def test_a_verb_with_no_claim_to_hedge_is_no_hedge(extractor, source, derived):
    assert _hedge_omissions(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_hedge_of_a_claim_is_still_dropped(extractor):
    found = _hedge_omissions(pair_findings(extractor, "The data suggest that the economy is slowing.",
                                           "The economy is slowing.", [([0], [0])]))
    assert [f.source_value for f in found] == ["suggest"], found
