"""A noun changed inside a quote: a thing of the same kind put in another's place, or a phrase
reworded (issue 17.4, prec14).

"The farmers have lost ..." / "The fishermen have lost ...": two skilled workers, one put in the
other's place; the quote now claims something of other people (medium). "inject new momentum" /
"making every effort": nouns of no close common class in WordNet, the translation rendered the
phrase with other words; a real difference of wording, low, with the reason.
"""
from __future__ import annotations

from .helpers import pair_findings


def _quote_changes(findings):
    return [f for f in findings if f.type == "quote_change"]


def test_a_noun_of_no_common_kind_in_a_quote_is_a_low_rewording(extractor):
    findings = pair_findings(extractor, '"The city is pushing for innovation and new momentum in the economy," said Anna Berg, the minister.',
                             '"The city is pushing for innovation and every effort in the economy," said Anna Berg, the minister.')
    changes = _quote_changes(findings)
    assert [f.severity for f in changes] == ["low"], findings
    assert "not things of one kind" in changes[0].explanation


def test_a_noun_put_in_the_place_of_one_of_its_kind_stays_medium(extractor):
    findings = pair_findings(extractor, '"The farmers have lost their harvest to the floods," said Anna Berg, the minister.',
                             '"The fishermen have lost their harvest to the floods," said Anna Berg, the minister.')
    assert [f.severity for f in _quote_changes(findings)] == ["medium"], findings


def test_a_cereal_for_a_cereal_stays_medium(extractor):
    findings = pair_findings(extractor, '"The floods destroyed most of the wheat in the province," said Anna Berg, the minister.',
                             '"The floods destroyed most of the rice in the province," said Anna Berg, the minister.')
    assert [f.severity for f in _quote_changes(findings)] == ["medium"], findings
