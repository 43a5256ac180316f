"""A WordNet link between two words in one slot never runs through a top of the verb hierarchy (a
hypernym with none of its own: "move", "change", "make"): such a verb spans both poles of most words
below it, so "push" (a way to move) is no opposite of "delay" (~ stay ! move), nor "contribute" (a way
to change). Hand-written pairs; each gives a medium negation_flip on d435a1c. Session 22's candidate (real22,
``neighbourhood(roots=False)`` for the link in nlp/wordnet.slot_opposed, commit 745c2fe) fixed them and the
"according"/"grabbing" cases of test_no_pole_words.py (translations: wrong medium flips 6 -> 1 on tune, wrong
HIGH flips 2 -> 0 on confirm), but cost DEMETR critical antonyms on the confirm part (108 -> 104/155, more
than a row) and one right medium flip on each translations part: dropped, the cases stay as strict xfails."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings
from storytrace.nlp import wordnet


def _flips(extractor, source, derived):
    return [(f.derived_value, f.source_value) for f in pair_findings(extractor, source, derived)
            if f.type == "negation_flip"]


_TOP = pytest.mark.xfail(strict=True, reason="real22's top-of-hierarchy candidate was dropped (DEMETR confirm antonyms)")


# The two "lag" pairs pass since cons29 (session 29) by another way: a verb that brings about its
# complement ("push ... to lag", "contribute to a lag") says what the complement says
# (findings/brought_about.py, tests/findings/test_brought_about.py).
@pytest.mark.parametrize(
    "source, derived",
    [
        ("Strong demand will further delay the impact of the new policy on the job market.",
         "Strong demand will push the impact of the new policy on the job market to lag further."),
        ("Strong demand will further delay the impact of the new policy on the job market.",
         "Strong demand will contribute to a further lag in the impact of the new policy on the job market."),
        pytest.param("Most voters do not support the plan to delay the legal retirement age from 62 to 64.",
                     "Most voters do not support the plan to raise the legal retirement age from 62 to 64.", marks=_TOP),
        pytest.param("Most voters do not support the plan to delay the legal retirement age from 62 to 64.",
                     "Most voters do not support the plan to push back the legal retirement age from 62 to 64.",
                     marks=_TOP),
    ],
)
def test_no_opposite_through_a_top_verb(extractor, source, derived):
    assert _flips(extractor, source, derived) == []


def test_a_link_below_the_top_opposes():
    # surrender ~ give up ! continue ~ keep: no top verb on the way
    assert wordnet.slot_opposed("surrender", "v", "keep", "v")


def test_demolished_for_built_through_a_top_verb(extractor):
    # demolish ~ destroy ! create, the top above "build": the candidate lost this right flip
    assert _flips(extractor, "The crew built the old bridge in the spring.",
                  "The crew demolished the old bridge in the spring.") == [("demolished", "built")]
