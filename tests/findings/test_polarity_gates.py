"""Opposites and dropped negations that the polarity detector missed in context (issue 17, session
24, DEMETR antonym misses), each for a reason in how the sentence is parsed, not in the words:

- "not at all": the parser hangs the "not" of "had "not at all" been frozen" on "all", so a word of
  the subject was read as un-negated there and negated in "had not been frozen at all": the two
  opposites ("domestic" / "foreign") looked like a negated opposite, which says the same thing.
  The "not" of "not at all" negates what "at all" modifies (clauses._negated_word).
- one verb group: "After the opening, the village had not had many visitors" / "Prior to the
  opening, the village had not seen many visitors": the main verb "had" matched the other's
  auxiliary "had", so "after" and "prior" seemed to bear on different verbs (polarity._auxiliary_of).
- a "not" on a modifier ("not long after"): it negates no clause, so the count of negations left it
  out, and "arrived long after" against "arrived not long after" passed (polarity._modifier_flips).
  Medium: one signal. The litotes rendering "shortly after" stays no flip.
"""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="ant24: dropped, its tuning gain (DEMETR antonym 105 -> 109/141) did not show on confirm (108/155); bench/RESULTS.md, session 24")
def test_opposites_beside_not_at_all_and_its_reordering_are_a_flip(extractor):
    src = "The minister told reporters that the bank's domestic, private accounts had \"not at all\" been frozen."
    der = "The minister told reporters that the bank's foreign, private accounts had not been \"frozen at all\"."
    flips = _flips(pair_findings(extractor, src, der))
    assert [(f.derived_value, f.source_value) for f in flips] == [("foreign", "domestic")], flips


@pytest.mark.xfail(strict=True, reason="ant24: dropped, its tuning gain (DEMETR antonym 105 -> 109/141) did not show on confirm (108/155); bench/RESULTS.md, session 24")
def test_prior_to_against_after_on_one_verb_group_is_a_flip(extractor):
    src = "Prior to the opening of the bridge, the village had not seen many visitors since the war."
    der = "After the opening of the bridge, the village had not had many visitors since the war."
    flips = _flips(pair_findings(extractor, src, der))
    assert [(f.derived_value, f.source_value, f.severity) for f in flips] == [("After", "Prior", "medium")], flips


@pytest.mark.xfail(strict=True, reason="ant24: dropped, its tuning gain (DEMETR antonym 105 -> 109/141) did not show on confirm (108/155); bench/RESULTS.md, session 24")
@pytest.mark.parametrize("src,der", [
    ("The firefighters arrived not long after the explosion, according to witnesses at the scene.",
     "The firefighters arrived long after the explosion, according to witnesses at the scene."),
    ("The shop reopened long after the flood, the owner told the local paper.",
     "The shop reopened not long after the flood, the owner told the local paper."),
])
def test_a_not_dropped_or_added_on_a_modifier_is_a_medium_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert len(flips) == 1 and flips[0].severity == "medium", flips
    assert 'the "not" before "long"' in flips[0].explanation


@pytest.mark.parametrize("der", [
    "The firefighters arrived shortly after the explosion, according to witnesses at the scene.",
    "The firefighters came not long after the explosion, according to witnesses at the scene.",
])
def test_not_long_after_kept_or_rendered_by_its_opposite_is_no_flip(extractor, der):
    src = "The firefighters arrived not long after the explosion, according to witnesses at the scene."
    assert not _flips(pair_findings(extractor, src, der))
