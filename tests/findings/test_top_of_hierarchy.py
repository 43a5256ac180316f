"""A WordNet link between two words in one slot never runs through a top of the verb hierarchy (a
hypernym with none of its own: "move", "change", "make"): such a verb spans both poles of most words
below it, so "push" (a way to move) is no opposite of "delay" (~ stay ! move), nor "contribute" (a way
to change). Hand-written pairs; each gives a medium negation_flip on d435a1c."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings
from storytrace.nlp import wordnet


def _flips(extractor, source, derived):
    return [(f.derived_value, f.source_value) for f in pair_findings(extractor, source, derived)
            if f.type == "negation_flip"]


@pytest.mark.parametrize(
    "source, derived",
    [
        ("Strong demand will further delay the impact of the new policy on the job market.",
         "Strong demand will push the impact of the new policy on the job market to lag further."),
        ("Strong demand will further delay the impact of the new policy on the job market.",
         "Strong demand will contribute to a further lag in the impact of the new policy on the job market."),
        ("Most voters do not support the plan to delay the legal retirement age from 62 to 64.",
         "Most voters do not support the plan to raise the legal retirement age from 62 to 64."),
        ("Most voters do not support the plan to delay the legal retirement age from 62 to 64.",
         "Most voters do not support the plan to push back the legal retirement age from 62 to 64."),
    ],
)
def test_no_opposite_through_a_top_verb(extractor, source, derived):
    assert _flips(extractor, source, derived) == []


def test_a_link_below_the_top_still_opposes():
    # surrender ~ give up ! continue ~ keep: no top verb on the way
    assert wordnet.slot_opposed("surrender", "v", "keep", "v")
    assert not wordnet.slot_opposed("push", "v", "delay", "v")


@pytest.mark.xfail(strict=True, reason="the price of the rule: demolish ~ destroy ! create, and 'create' is the"
                   " top above 'build', so this right flip is no longer seen through the neighbourhood")
def test_demolished_for_built_through_a_top_verb(extractor):
    assert _flips(extractor, "The crew built the old bridge in the spring.",
                  "The crew demolished the old bridge in the spring.") == [("demolished", "built")]
