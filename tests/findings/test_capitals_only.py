"""A span that is a name only by its capital letters, where capitals are a style (issue 17.5:
false alarms on faithful pairs). Known wrong findings, kept as strict xfails.

A headline in title case capitalises every word, and a text capitalises an office or body that a
common compound names ("Prime Minister": WordNet's "prime_minister", a common noun). A version that
says the same in lower-case words of its own ("continues" for "Works", "premier" for "Prime
Minister") gets a medium omission at d435a1c. Session 22 (fa22) coded this as candidate T (a span
the tagger gives no entity, every word a common English word, in a title-case sentence or inside a
capitalised common compound: shown as low) and dropped it: measured on both parts, no confirm
false-alarm figure moved, and DEMETR critical confirm fell 673 -> 671 (by a finding the faithful pair
lacks 665 -> 663) and WMT en caught 69 -> 68 (headline mistranslations caught through a capitalised
word). See bench/RESULTS.md, "Issue 17, session 22 (fa22)". The controls (real names stay flagged) pass."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings, kind):
    return [f for f in findings if f.type == kind and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("Quake Relief Works Day and Night", "Earthquake relief continues around the clock"),
    ("Floods Cut Power to Thousands as Repair Works Stall", "Floods cut power to thousands as repairs stall"),
    ("The Prime Minister opened the bridge on Monday.", "The premier opened the bridge on Monday."),
    ("The former Prime Minister of the republic died on Monday.", "The republic's former premier died on Monday."),
    ("The Foreign Minister said the talks would resume on Monday.",
     "The head of diplomacy said the talks would resume on Monday."),
])
@pytest.mark.xfail(strict=True, reason="candidate T dropped (fa22): confirm critical and WMT en caught fell")
def test_a_capitalised_common_word_left_out_is_no_name_lost(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _counted(findings, "omission"), [(f.source_value, f.severity) for f in findings]
    assert any(f.type == "omission" and "capital letters" in f.explanation for f in findings)


@pytest.mark.parametrize("src,der,dropped", [
    ("Merkel Visits Flood Zone in Bavaria", "Visit to flood zone in Bavaria", "Merkel"),  # a person the tagger types
    ("Storm Leaves Thousands Without Power in Texas", "Storm leaves thousands without power", "Texas"),  # a place
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
    # a capitalised common word in an ordinary sentence keeps the name reading: the first form of
    # this rule lowered it too and lost planted names on DEMETR and SummEdits
    ("Other nominations include Best Picture, Best Director and Best Production Design.",
     "Other nominations include Best Picture, Best Director and Best Art Direction.", "Art"),
])
def test_a_name_added_outside_a_headline_or_office_is_still_flagged(extractor, src, der, added):
    findings = pair_findings(extractor, src, der)
    assert any(f.derived_value == added for f in _counted(findings, "unsupported_addition")), \
        [(f.type, f.derived_value, f.severity) for f in findings]
