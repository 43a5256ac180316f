"""A qualifier opening a sentence is capitalised by its place, not because it is a name: "Market
research has found ..." qualifies the source's "Research has found ..." as much as "market
research" would inside a sentence. A capital inside a sentence still marks a name."""
from __future__ import annotations

from .helpers import pair_findings


def _medium_additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity == "medium"]


def test_new_noun_modifier_opening_the_sentence_is_an_addition(extractor):
    findings = pair_findings(extractor,
                             "Research has found that older drivers are twice as likely to brake late.",
                             "Market research has found that older drivers are twice as likely to brake late.")
    assert _medium_additions(findings, "Market"), findings


def test_new_adjective_opening_the_sentence_is_an_addition(extractor):
    findings = pair_findings(extractor,
                             "Police officers closed the old bridge to traffic on Monday.",
                             "Armed police officers closed the old bridge to traffic on Monday.")
    assert _medium_additions(findings, "Armed"), findings


def test_same_qualifier_opening_both_sentences_is_no_addition(extractor):
    findings = pair_findings(extractor,
                             "Market research has found that older drivers are twice as likely to brake late.",
                             "Market research found that older drivers are twice as likely to brake late.")
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings
