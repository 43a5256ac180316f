"""A qualifier on a head the version words differently: the head's place in the sentence (the
source words around it, its head and dependants) says which source word it renders; a new
adjective, or an adverb put before its verb, that the source word never had is an unsupported
addition. A noun compound ("maternity doctor" for "obstetrician") and an adverb after its verb
("put forward" for "cited": a phrasal verb) are renderings of one source word, not additions."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity != "low"]


@pytest.mark.parametrize("src,der,word", [
    # "effects" stands where "impacts" stands (after "with the", under the verb that renders "cope")
    ("The fund will help poor countries cope with the impacts of the drought.",
     "The fund will help poor countries deal with the invisible effects of the drought.", "invisible"),
    # "expands" stands where "extends" stands; the adverb before it qualifies the act
    ("The letter extends an offer to work with the city council.",
     "The letter shortly expands a proposal to work with the city council.", "shortly"),
])
def test_new_qualifier_on_a_head_in_the_source_words_slot_is_an_addition(extractor, src, der, word):
    findings = pair_findings(extractor, src, der)
    hits = _additions(findings, word)
    assert hits and hits[0].severity == "medium", findings


@pytest.mark.parametrize("src,der", [
    # an adverb after its verb: a particle ("put forward" renders "cited")
    ("Learning and friendship are cited as important reasons for joining the club.",
     "Learning and friendship are put forward as important reasons for joining the club."),
    # a qualifier the source word already has in other words is kept, not added
    ("The fund will help poor countries cope with the hidden impacts of the drought.",
     "The fund will help poor countries deal with the invisible effects of the drought."),
])
def test_rendering_of_the_source_word_is_no_addition(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings
