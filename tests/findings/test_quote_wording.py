"""A word in a quote rendered by the word the dictionary defines it with (issue 17.4, prec14).

Chinese has one word for "civil aviation" and "civilian aircraft"; a translator picks either, and
the quote still names the same thing. WordNet's definition of "aviation" ("the operation of
aircraft ...") ties the two; "farmers" and "fishermen" are defined by neither, and stay a change.
"""
from __future__ import annotations

from .helpers import pair_findings


def _quote_changes(findings):
    return [f for f in findings if f.type == "quote_change"]


def test_a_quote_word_rendered_by_the_word_that_defines_it_is_low(extractor):
    findings = pair_findings(extractor, '"The object posed a real threat to civil aviation," said Anna Berg, the minister.',
                             '"The object posed a real threat to civilian aircraft," said Anna Berg, the minister.')
    changes = _quote_changes(findings)
    assert changes and all(f.severity == "low" for f in changes), findings
    assert "defines one word with the other" in changes[0].explanation
    assert not [f for f in findings if f.severity in ("high", "medium")], findings


def test_a_quote_word_defined_by_neither_stays_medium(extractor):
    findings = pair_findings(extractor, '"The farmers have lost their harvest to the floods," said Anna Berg, the minister.',
                             '"The fishermen have lost their harvest to the floods," said Anna Berg, the minister.')
    assert [f.severity for f in _quote_changes(findings)] == ["medium"], findings
