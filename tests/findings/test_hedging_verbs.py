"""A hedging verb ("appear", "seem", "suggest") hedges its complement: "the hackers appeared to take over
the feed", "the plan appears unworkable". "A logo appeared on the screen" has no complement: "appear" says
the logo came into view, and hedges nothing, not even the clause the verb sits in ("the speech was
interrupted when ... appeared"). A version that says "with the screen displaying the logo" states no
hedged claim as fact. (Taken back: the rule's cases are strict xfails; the controls pass.)"""
from __future__ import annotations

import pytest

from .helpers import pair_findings

# fa25 built this (72fae1f) and took it back (e1ff201): measured with the dateline rule, no confirm
# false-alarm figure moved and bench_translations lost right omissions on both parts (bench/RESULTS.md).
_TAKEN_BACK = "fa25 72fae1f, taken back: no confirm gain, bench_translations right omissions lost"


def _stated_as_fact(findings):
    return [f for f in findings if f.type == "omission" and f.derived_value == "(stated as fact)"
            and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_appear_as_coming_into_view_hedges_nothing(extractor):
    source = "The speech was interrupted for a minute when the logo of a hacker group appeared on the screen."
    derived = "The speech was interrupted for a minute, with the screen displaying the logo of a hacker group."
    assert _stated_as_fact(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_appear_in_a_main_clause_as_coming_into_view_hedges_nothing(extractor):
    source = "After the blast, a large crack appeared in the wall of the school, the police said."
    derived = "After the blast, the wall of the school cracked badly, the police said."
    assert _stated_as_fact(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_appear_with_an_infinitive_in_a_subordinate_clause_still_hedges(extractor):
    source = "The speech was interrupted for a minute when the hackers appeared to take over the feed."
    derived = "The speech was interrupted for a minute when the hackers took over the feed."
    assert _stated_as_fact(pair_findings(extractor, source, derived, [([0], [0])]))


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_appear_with_an_adjective_still_hedges(extractor):
    source = "The minister appeared unaware of the new report on the budget."
    derived = "The minister was unaware of the new report on the budget."
    assert _stated_as_fact(pair_findings(extractor, source, derived, [([0], [0])]))


def test_a_hedging_adverb_still_hedges_its_head(extractor):
    source = "The speech was interrupted when the group reportedly hacked the feed."
    derived = "The speech was interrupted when the group hacked the feed."
    assert _stated_as_fact(pair_findings(extractor, source, derived, [([0], [0])]))
