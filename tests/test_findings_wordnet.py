"""Detector behaviour that rests on WordNet, on hand-written sentences."""
from __future__ import annotations

import pytest

from storytrace.nlp import Extractor

from findings_helpers import pair_findings


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


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
