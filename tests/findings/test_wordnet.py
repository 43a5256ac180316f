"""Detector behaviour that rests on WordNet, on hand-written sentences."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _serious(findings, kind):
    return [f for f in findings if f.type == kind and f.severity != "low"]


def test_indirect_antonym_is_a_negation_flip(extractor):
    # massive ~ large ! small ~ minuscule: no curated list has this pair
    findings = pair_findings(extractor,
                             "The storm caused massive damage to the harbour on Sunday, officials said.",
                             "The storm caused minuscule damage to the harbour on Sunday, officials said.")
    hits = _serious(findings, "negation_flip")
    assert hits and hits[0].derived_value == "minuscule" and hits[0].source_value == "massive"


@pytest.mark.parametrize("der", [
    "The storm caused enormous damage to the harbour on Sunday, officials said.",
    "The storm did massive damage to the harbour on Sunday, officials said.",
])
def test_synonym_is_no_flip(extractor, der):
    findings = pair_findings(extractor, "The storm caused massive damage to the harbour on Sunday, officials said.", der)
    assert not _serious(findings, "negation_flip"), findings


_SRC = "Vets examined the affected pets at the clinic in Leeds on Monday morning."


@pytest.mark.parametrize("der,added", [
    ("Vets examined the affected wild pets at the clinic in Leeds on Monday morning.", "wild"),  # qualified already
    ("Vets examined the affected pets at the dental clinic in Leeds on Monday morning.", "dental"),
    ("Vets examined the affected pets at the village clinic in Leeds on Monday morning.", "village"),  # a noun
    ("Vets hastily examined the affected pets at the clinic in Leeds on Monday morning.", "hastily"),
])
def test_inserted_qualifier_is_an_addition(extractor, der, added):
    hits = [f for f in _serious(pair_findings(extractor, _SRC, der), "unsupported_addition") if f.derived_value == added]
    assert hits, der


@pytest.mark.parametrize("der", [
    "Vets examined the stricken pets at the clinic in Leeds on Monday morning.",  # WordNet synonym of affected
    "Vets examined the affected pets at the clnic in Leeds on Monday morning.",  # a typo, not a word
    "Vets examined the affected pets at the clinic in Leeds on Monday morning, hastly.",  # typo qualifier
])
def test_paraphrase_or_typo_is_no_addition(extractor, der):
    findings = pair_findings(extractor, _SRC, der)
    assert not _serious(findings, "unsupported_addition"), findings


def test_qualifier_rendering_a_source_phrase_is_no_addition(extractor):
    findings = pair_findings(extractor,
                             "Seats are reallocated every ten years based on changes in population.",
                             "Seats are redistributed every ten years based on demographic changes.")
    assert not _serious(findings, "unsupported_addition"), findings


def test_almost_on_an_event_is_an_addition(extractor):
    findings = pair_findings(extractor,
                             "A man was shot and died during a protest in Austin on Saturday.",
                             "A man was shot and almost died during a protest in Austin on Saturday.")
    assert [f for f in _serious(findings, "unsupported_addition") if f.derived_value == "almost"]


@pytest.mark.parametrize("src,der,value", [
    # the tagger reads "uninvited" as a verb; WordNet knows it as the adjective opposed to "welcome"
    ("The host welcomed the singer to his show on Tuesday evening.",
     "The host uninvited the singer to his show on Tuesday evening.", "uninvited"),
    ("The repair work on the old bridge was completed in March.",
     "The repair work on the old bridge was unfinished in March.", "unfinished"),
])
def test_opposite_in_another_part_of_speech(extractor, src, der, value):
    assert [f for f in _serious(pair_findings(extractor, src, der), "negation_flip") if f.derived_value == value]


def test_near_synonym_verb_is_no_flip(extractor):
    findings = pair_findings(extractor, "The host welcomed the singer to his show on Tuesday evening.",
                             "The host greeted the singer at his show on Tuesday evening.")
    assert not _serious(findings, "negation_flip"), findings
