"""Numbers inside words. Centuries are ranks of time: "the 7th century" for "the 8th century" is
a date change, while "the early 19th century" renders "the 1800s". A name with a number in it
("Covid-19", "802.11g") changes when its number does."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def test_another_century_is_a_date_change(extractor):
    findings = pair_findings(extractor, "Blossom viewing has been part of the town's culture since the 8th century.",
                             "Blossom viewing has been part of the town's culture since the 7th century.")
    hits = [f for f in findings if f.type == "date_change"]
    assert hits and hits[0].derived_value == "7th" and hits[0].source_value == "8th", findings


def test_a_century_that_contains_the_sources_decade_is_no_change(extractor):
    findings = pair_findings(extractor, "The island had not seen the disease since the 1800s, officials said.",
                             "The island had not seen the disease since the early 19th century, officials said.")
    assert not [f for f in findings if f.severity != "low"], findings


def test_a_century_that_does_not_contain_it_is_flagged(extractor):
    findings = pair_findings(extractor, "The island had not seen the disease since the 1800s, officials said.",
                             "The island had not seen the disease since the early 20th century, officials said.")
    assert [f for f in findings if f.derived_value == "20th" and f.severity != "low"], findings


@pytest.mark.parametrize("src,der,changed,was", [
    ("The player is in isolation again and is tested daily for Covid-19, the league said.",
     "The player is in isolation again and is tested daily for Covid-22, the league said.", "Covid-22", "Covid-19"),
    ("It stays compatible with 802.11a, 802.11b and 802.11g if the base station has two radios.",
     "It stays compatible with 802.11a, 802.11b and 802.22g if the base station has two radios.", "802.22g", "802.11g"),
])
def test_a_name_whose_number_changed_is_a_number_change(extractor, src, der, changed, was):
    hits = [f for f in pair_findings(extractor, src, der) if f.type == "number_change"]
    assert hits and hits[0].derived_value == changed and hits[0].source_value == was, hits


def test_the_same_name_written_in_other_capitals_is_no_change(extractor):
    findings = pair_findings(extractor, "He is tested daily for Covid-19 and flew on an F-16 on Monday.",
                             "He is tested daily for COVID-19 and flew on an F-16 on Monday.")
    assert not [f for f in findings if f.type == "number_change"], findings
