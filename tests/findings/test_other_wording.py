"""A qualifier one translation adds where the source specifies the same thing in words the
translation leaves unsaid ("draft" for "proposed", "inbound tourists" for "tourist arrivals") may
be the other wording of one detail: shown low, with the source's words named. A qualifier on a
thing the source leaves bare stays a counted addition. Hand-written pairs."""
from __future__ import annotations

from .helpers import pair_findings


def _additions(findings, severity):
    return [f for f in findings if f.type == "unsupported_addition" and f.severity == severity]


def test_a_qualifier_where_the_source_specifies_the_thing_otherwise_is_low(extractor):
    cases = [
        ("The council rejected the proposed parking fee plan on Tuesday evening.",
         "The council rejected the draft parking fee on Tuesday evening.", "draft", "proposed"),
        ("Hotel bookings rose sharply because tourist arrivals doubled in May.",
         "Hotel bookings rose sharply because inbound tourists doubled in May.", "inbound", "arrivals"),
        ("The city is determined to expand its tram network next year.",
         "The city resolutely expands its tram network next year.", "resolutely", "determined"),
        ("About 2,000 people gathered in the Lyon metropolitan area on Monday.",
         "About 2,000 people gathered in central Lyon on Monday.", "central", "metropolitan"),
    ]
    for source, derived, word, source_word in cases:
        findings = pair_findings(extractor, source, derived)
        assert not _additions(findings, "medium"), derived
        low = [f for f in _additions(findings, "low") if f.derived_value == word]
        assert low and repr(source_word) in low[0].explanation and source_word in low[0].source_text


def test_a_qualifier_on_a_bare_head_stays_an_addition(extractor):
    cases = [
        ("The council rejected the parking fee on Tuesday evening.",
         "The council rejected the draft parking fee on Tuesday evening.", "draft"),
        ("Hotel bookings rose sharply because tourists doubled in May.",
         "Hotel bookings rose sharply because inbound tourists doubled in May.", "inbound"),
        ("The city will expand its tram network next year.",
         "The city will resolutely expand its tram network next year.", "resolutely"),
        ("About 2,000 people gathered in Lyon on Monday.", "About 2,000 people gathered in central Lyon on Monday.",
         "central"),
    ]
    for source, derived, word in cases:
        assert [f.derived_value for f in _additions(pair_findings(extractor, source, derived), "medium")] == [word]
