"""A name written another way that WordNet knows is the same name: a place's other name ("Napoli"
/ "Naples", "Peking" / "Beijing") or another form of a word in an organisation's name ("Election
Commission" / "Electoral Commission"). Another place or body is still a change."""
from __future__ import annotations

from .helpers import pair_findings

SOURCE = "In extra time Allan made the final score 2:0 for Naples and the evening bitter for Sassuolo."


def test_another_name_of_the_same_place_is_no_change(extractor):
    findings = pair_findings(extractor, SOURCE, "In added time, Allan made it 2-0 for Napoli and a bitter evening for Sassuolo.")
    assert not [f for f in findings if f.severity != "low"], findings


def test_another_place_is_still_flagged(extractor):
    findings = pair_findings(extractor, SOURCE, "In added time, Allan made it 2-0 for Rome and a bitter evening for Sassuolo.")
    assert [f for f in findings if "Rome" in (f.derived_value or "") and f.severity != "low"], findings


def test_another_form_of_a_word_in_a_name_is_no_swap(extractor):
    source = "The Electoral Commission said on Monday that the vote would be held in March."
    findings = pair_findings(extractor, source, "The Election Commission said on Monday that the vote would be held in March.")
    assert not [f for f in findings if f.severity != "low"], findings
    other = pair_findings(extractor, source, "The Finance Commission said on Monday that the vote would be held in March.")
    assert [f for f in other if f.type in ("entity_swap", "unsupported_addition") and f.severity != "low"], other
