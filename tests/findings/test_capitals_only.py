"""A span that is a name only by its capital letters (issue 17.5: false alarms on faithful pairs).

Headlines capitalise every word, and texts capitalise offices and the terms of a rite or a prize.
Where the tagger finds no name and every word of the capitalised span is a common English word, the
capitals are the one signal that it names anything: a version that says the same in lower-case
words of its own ("continues" for "Works", "chancellor" for "Prime Minister", "a good harvest" for
"Fertility") is shown as low, not counted (before: a medium omission or unsupported addition).
A name the tagger types, a word that is no common word, or a place WordNet knows stays a name."""
from __future__ import annotations

import pytest

from storytrace.findings.capitals import capitals_only

from .helpers import pair_findings


def _counted(findings, kind):
    return [f for f in findings if f.type == kind and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("Quake Relief Works Day and Night", "Earthquake relief continues around the clock"),
    ("The last Communist Prime Minister of the republic passed away today.",
     "The republic's last communist chancellor died today."),
    ("It may well be an old Spring and Fertility ritual.",
     "It was very likely an old ritual to celebrate spring and pray for a good harvest."),
])
def test_a_capitalised_common_word_left_out_is_no_name_lost(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _counted(findings, "omission"), [(f.source_value, f.severity) for f in findings]
    assert any(f.type == "omission" and "capital letters" in f.explanation for f in findings)


def test_a_capitalised_common_word_added_is_no_name_added(extractor):
    findings = pair_findings(extractor, "Other nominations include Best Picture and Best Production Design.",
                             "Other nominations include Best Picture and Best Art Direction.")
    assert not _counted(findings, "unsupported_addition"), [(f.derived_value, f.severity) for f in findings]


@pytest.mark.parametrize("src,der,dropped", [
    ("Merkel Visits Flood Zone in Bavaria", "Visit to flood zone in Bavaria", "Merkel"),  # a person the tagger types
    ("The minister met officials of the Heilongjiang bureau on Monday.",
     "The minister met officials of the bureau on Monday.", "Heilongjiang"),  # no common word
])
def test_a_real_name_left_out_is_still_an_omission(extractor, src, der, dropped):
    findings = pair_findings(extractor, src, der)
    assert any(f.source_value == dropped for f in _counted(findings, "omission")), \
        [(f.type, f.source_value, f.severity) for f in findings]


@pytest.mark.parametrize("src,der,added", [
    ("The envoy met the minister in Paris on Monday.", "The envoy met Minister Brown in Paris on Monday.", "Brown"),
    ("The report was released by the ministry on Monday.", "The report was released by the Art ministry on Monday.",
     "Art ministry"),
])
def test_a_real_name_added_is_still_flagged(extractor, src, der, added):
    findings = pair_findings(extractor, src, der)
    assert any(f.derived_value == added for f in _counted(findings, "unsupported_addition")), \
        [(f.type, f.derived_value, f.severity) for f in findings]


def test_capitals_only_needs_an_untyped_span_of_common_words():
    assert capitals_only("PROPN", ["Works"])
    assert capitals_only("PROPN", ["Prime"])
    assert not capitals_only("PERSON", ["Brown"])  # the tagger types it: a name
    assert not capitals_only("PROPN", ["Rui"])  # no common word
    assert not capitals_only("PROPN", ["Turkey"])  # a place WordNet knows
    assert not capitals_only("PROPN", [])
