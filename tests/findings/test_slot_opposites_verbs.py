"""Two verbs in one slot are opposites only as the words they are. A phrasal verb ("picked up") is
another word than its bare verb ("pick"): the opposites WordNet gives the bare verb do not apply to
it. A verb that makes its object do what an infinitive says ("push the impact to lag") puts the
event in the infinitive, so only an opposite the lexicons list makes it reverse the source's verb
("delay the impact"), not a loose neighbourhood of meanings. True reversals stay."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Sales of new cars picked up sharply in March, the association said.",
     "Sales of new cars saw a sharp rebound in March, the association said."),
    ("In addition, strong consumer demand, due to the strength of excess savings and consumer credit, will further "
     "delay the impact of austerity policies on the job market.",
     "In addition, strong consumer demand, due to the strength of excess savings and consumer credit, will push the "
     "impact of austerity policies on the job market to lag further."),
    ("High savings will delay the effect of the tax cuts.",
     "High savings will push the effect of the tax cuts to lag."),
])
def test_a_phrasal_verb_or_a_verb_with_an_infinitive_is_no_loose_opposite(extractor, source, derived):
    assert _flips(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("The minister accepted the proposal on Tuesday.", "The minister rejected the proposal on Tuesday."),
    ("The court allowed the company to resume exports.", "The court forbade the company to resume exports."),
    ("Prices went up in the first quarter.", "Prices went down in the first quarter."),
    ("The court allowed the company to resume exports.", "The court barred the company from resuming exports."),
])
def test_true_reversals_stay(extractor, source, derived):
    assert _flips(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)
