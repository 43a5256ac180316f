"""A negation can be said without "not": by a word's opposite ("do not support" / "oppose"), by a
verb that negates its complement clause ("denied that any shots were fired" / "said no shots were
fired"), by "has yet to" ("has not responded"), by "unless" ("if ... do not"), by a prefix on a
synonym ("insufficient" / "not enough"), by "not ... until" ("only after"), and by a verb with a
negation inside ("to avoid being hit" / "so as not to be hit"). Two translations trade these freely;
none reverses the claim. "no more than 10" is a bound, "at most 10". True reversals stay."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings, types=("negation_flip", "number_change")):
    return [f for f in findings if f.type in types and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Most French people do not support raising the retirement age from 62 to 64.",
     "Most French people oppose raising the retirement age from 62 to 64."),
    ("The police denied that any shots were fired during the protest.",
     "The police said no shots were fired during the protest."),
    ("The company has yet to respond to the request for comment.",
     "The company has not responded to the request for comment."),
    ("The plan will fail unless the banks agree.", "The plan will fail if the banks do not agree."),
    ("The number of workers is insufficient to meet demand.", "The number of workers is not enough to meet demand."),
    ("Ticket sales did not recover until the summer.", "Ticket sales recovered only in the summer."),
    ("The government will not raise taxes until the economy recovers.",
     "The government will raise taxes only after the economy recovers."),
    ("The company moved its staff to avoid being hit by the strike.",
     "The company moved its staff so as not to be hit by the strike."),
    ("The price of the tickets was no more than 10 euros.", "The price of the tickets was at most 10 euros."),
])
def test_a_negation_said_another_way_is_no_flip(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("Most French people support raising the retirement age.",
     "Most French people do not support raising the retirement age."),
    ("Most French people do not oppose raising the retirement age.",
     "Most French people oppose raising the retirement age."),
    ("The police said shots were fired during the protest.", "The police said no shots were fired during the protest."),
    ("The union did not reject the offer on Friday.", "The union rejected the offer on Friday."),
    ("Ticket sales recovered in the summer.", "Ticket sales did not recover in the summer."),
    ("The government will raise taxes only after the economy recovers.",
     "The government will not raise taxes after the economy recovers."),
    ("The number of workers is sufficient to meet demand.", "The number of workers is not enough to meet demand."),
])
def test_true_reversals_stay(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)


def test_a_negated_bound_is_the_other_bound(extractor):
    found = _counted(pair_findings(extractor, "The price of the tickets was at least 10 euros.",
                                   "The price of the tickets was no more than 10 euros.", [([0], [0])]))
    assert [f.type for f in found] == ["number_change"], found
    assert "no more than 10" in found[0].explanation
    assert _counted(pair_findings(extractor, "The price of the tickets was more than 10 euros.",
                                  "The price of the tickets was no more than 10 euros.", [([0], [0])]))
