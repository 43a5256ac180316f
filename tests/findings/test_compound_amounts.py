"""An amount written as a compound modifier keeps its scale word (issue 17: date and number changes only
between values about the same thing; real ECB+ topic 24, read in session 20).

"A two-million-euro booty" and "a $2.6-million deal" join the amount to its noun with hyphens; the
amount is still two million and 2.6 million. Read without the scale word behind the hyphen, the figure
is "two" or "2.6", and a version writing "two million euros" or "$2.6 million" seems to have changed it:
a high number_change on a faithful pair.

And a rank is no count's slot partner: "the second floor" orders floors, "24 Elm Street" names a house.
A rank is matched only by a rank already; the only unmatched figure of a kind, taken for the one a new
figure replaced, is a rank only for a rank.
"""
from __future__ import annotations

import pytest

from storytrace.findings.numbers import sentence_numbers
from storytrace.findings.text import Parser

from .helpers import pair_findings, prepare


@pytest.mark.parametrize("text,value", [
    ("The men made off with a two-million-euro booty in Paris on Monday.", 2e6),
    ("The company signed a $2.6-million deal with the city on Monday.", 2.6e6),
    ("The city approved a 300-million-dollar budget on Monday.", 3e8),
])
def test_a_hyphenated_amount_keeps_its_scale(extractor, text, value):
    parsed = Parser(extractor).parse(prepare(extractor, text, "t"))
    assert [n.value for s in parsed.sentences for n in sentence_numbers(s)] == [value]


@pytest.mark.parametrize("source,derived", [
    ("Four men made off with a two-million-euro booty in Paris on Monday, a police source said.",
     "Four men made off with a two million euro booty in Paris on Monday, a police source said."),
    ("The company signed a $2.6-million deal with the city on Monday.",
     "The company signed a $2.6 million deal with the city on Monday."),
])
def test_a_hyphenated_amount_written_apart_changes_nothing(extractor, source, derived):
    findings = pair_findings(extractor, source, derived)
    assert not [f for f in findings if f.type in ("number_change", "date_change")], findings


def test_another_hyphenated_amount_is_still_a_change(extractor):
    findings = pair_findings(extractor, "The company signed a $2.6-million deal with the city on Monday.",
                             "The company signed a $3.6 million deal with the city on Monday.")
    assert [(f.type, f.source_value, f.severity) for f in findings] == [("number_change", "2.6-million", "high")]


def test_a_rank_is_not_the_count_that_replaced_it(extractor):
    findings = pair_findings(
        extractor,
        "The bodies were found inside the Elm Street apartment on Tuesday after the landlord smelled gas coming"
        " from the second floor.",
        "A smell of gas led to the discovery of the bodies in an apartment at 24 Elm Street.", [([0], [0])])
    assert not [f for f in findings if f.type == "number_change"], findings


def test_a_rank_changed_is_still_a_change(extractor):
    findings = pair_findings(extractor, "The fire started on the second floor of the building on Tuesday.",
                             "The fire started on the fourth floor of the building on Tuesday.")
    assert [(f.type, f.derived_value) for f in findings if f.type == "number_change"] == [("number_change", "fourth")]
