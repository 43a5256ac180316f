""""A witness told CNN": the news organisation told is where the words went (a channel of saying, like
"on Twitter"), not the source the statement is attributed to (issue 17; nlp/channel.addressed_outlet).
A person told, and a source cited with "according to", stay compared."""
from __future__ import annotations

from .helpers import pair_findings


def _attributions(findings):
    return [(f.derived_value, f.source_value) for f in findings if f.type == "attribution_change"]


def test_the_outlet_told_is_no_attribution_target(extractor):
    findings = pair_findings(extractor, "The mayor told the BBC that the bridge would reopen on Monday.",
                             "The mayor told CNN that the bridge would reopen on Monday.")
    assert not _attributions(findings), findings


def test_the_outlet_told_is_not_compared_with_a_cited_source(extractor):
    findings = pair_findings(extractor, "According to Reuters, the bridge would reopen on Monday.",
                             "The mayor told CNN that the bridge would reopen on Monday.")
    assert not _attributions(findings), findings


def test_a_person_told_and_a_cited_source_stay_compared(extractor):
    findings = pair_findings(extractor, "According to Reuters, the bridge would reopen on Monday.",
                             "According to the Associated Press, the bridge would reopen on Monday.")
    assert _attributions(findings) == [("Associated Press", "Reuters")]
    findings = pair_findings(extractor, "The mayor told John Smith that the bridge would reopen on Monday.",
                             "The mayor told Peter Brown that the bridge would reopen on Monday.")
    assert _attributions(findings) == [("Peter Brown", "John Smith")]
