"""A qualifier slipped into a date or time phrase ("in fiscal years" for "in years", "his midnight
stars" for "his stars") is a common word the tagger happens to read as part of the time, not a
name: it says which years, which stars, and is an unsupported addition like any other. A time
phrase the source says in the same words adds nothing."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity != "low"]


@pytest.mark.parametrize("src,der,word", [
    ("Last month the airline had its worst crash in years when a plane bound for Oslo went down.",
     "Last month the airline had its worst crash in fiscal years when a plane bound for Oslo went down.", "fiscal"),
    ("The coach named the three things he wants to see from his stars on the way to the final.",
     "The coach named the three things he wants to see from his midnight stars on the way to the final.", "midnight"),
])
def test_word_slipped_into_a_time_phrase_is_an_addition(extractor, src, der, word):
    findings = pair_findings(extractor, src, der)
    hits = _additions(findings, word)
    assert hits and hits[0].severity == "medium", findings


def test_same_time_phrase_is_no_addition(extractor):
    src = "The ministry said sales had fallen in fiscal years 2019 and 2020 by a fifth."
    findings = pair_findings(extractor, src, "The ministry said that sales had fallen by a fifth in fiscal years 2019 and 2020.")
    assert not _additions(findings, "fiscal"), findings
