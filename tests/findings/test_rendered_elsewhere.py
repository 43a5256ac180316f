"""A source word the version renders elsewhere in the sentence has no opposite in its slot (issue 17,
point 2: "a verb pair counted as opposites only when they are aligned counterparts").

A rendering says each source word once. "Strong demand will further delay the impact" rendered as "Strong
demand will push the impact ... to lag further" says "delay" by "lag" (WordNet: a lag is a kind of delay)
and adds the causative "push" in the verb's slot. Before, the slot pass read "push" as the opposite of
"delay" (push ~ move ! stay ~ delay) and reported a medium negation_flip between two faithful wordings.
Candidate (session 23, para23, f7c91c1, reverted): a slot pair is no opposite when either word is rendered
elsewhere in the other sentence by a word new to it that shares a sense with it or stands one hypernym step
from it (findings/counterparts.py). Measured with two other changes (/tmp/s23/para23/m1, against m2 without
it): it removed two wrong "delay" flips of bench_translations tune and one wrong medium flip on confirm, but
also a right medium flip on tune ("number" <- "terms") and one caught inconsistent XSum summary on confirm
(115 -> 114/402): a confirm figure got worse, dropped. The positive cases stay strict xfails; the controls
(a word swapped for its opposite with everything else kept still flips) pass."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [(f.derived_value, f.source_value) for f in findings if f.type == "negation_flip" and f.severity != "low"]


_DROPPED = pytest.mark.xfail(strict=True, reason="candidate dropped (session 23, para23): XSum confirm caught 115 -> 114")


# The first two pairs pass since cons29 (session 29) by a narrower way: a verb that brings about its
# complement ("push ... to lag", "contribute to a lag") says what the complement says
# (findings/brought_about.py). The third stays: the parser reads "to lag" as a clause of purpose, not
# as what "push" brings about.
@pytest.mark.parametrize("src,der", [
    ("Strong demand will further delay the impact of the new policy on the job market.",
     "Strong demand will push the impact of the new policy on the job market to lag further."),
    ("Strong demand will further delay the impact of the new policy on the job market.",
     "Strong demand will contribute to a further lag in the impact of the new policy on the job market."),
    pytest.param("The storm will delay the opening of the new bridge by a week.",
                 "The storm will push the opening of the new bridge to lag by a week.", marks=_DROPPED),
])
def test_a_word_rendered_elsewhere_has_no_opposite_in_its_slot(extractor, src, der):
    assert not _flips(pair_findings(extractor, src, der))


@pytest.mark.parametrize("src,der,flip", [
    ("The crew built the old bridge in the spring.", "The crew demolished the old bridge in the spring.",
     ("demolished", "built")),
    ("The storm will delay the opening of the new bridge by a week.",
     "The storm will speed the opening of the new bridge by a week.", None),
])
def test_a_word_swapped_for_its_opposite_still_flips(extractor, src, der, flip):
    flips = _flips(pair_findings(extractor, src, der))
    assert flips and (flip is None or flips[0] == flip), flips
