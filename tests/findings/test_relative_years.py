"""A year said two ways: "last year" in one version, the year it points to in the other. A translator
may name the year a deictic phrase means; that adds no figure and drops none. With the writer's date
the year is checked; without it the pair cannot check it, so the finding is low, never medium. A year
beside no such phrase, or beside one that points elsewhere, stays a finding."""
from __future__ import annotations

from datetime import date

import pytest

from storytrace.findings.relative_years import span_said_as_year, year_said_relatively

from .helpers import pair_findings, prepare


def _counted(findings):
    return [f for f in findings if f.severity != "low" and f.type in ("unsupported_addition", "omission")]


@pytest.mark.parametrize("source,derived", [
    ("Exports rose 5% last year, the ministry said on Monday.", "Exports rose 5% in 2022, the ministry said on Monday."),
    ("Exports rose 5% in 2022, the ministry said on Monday.", "Exports rose 5% last year, the ministry said on Monday."),
    ("The port expects more ships this year than ever before.", "The port expects more ships in 2023 than ever before."),
])
def test_a_year_for_last_year_is_low_without_a_date(extractor, source, derived):
    found = pair_findings(extractor, source, derived, [([0], [0])])
    assert _counted(found) == [], found
    assert any("cannot check" in f.explanation for f in found), found


def test_the_year_pointed_to_is_no_finding_with_the_date(extractor):
    source = prepare(extractor, "Exports rose 5% last year, the ministry said on Monday.", "s")
    source.published = date(2023, 2, 10)
    found = pair_findings(extractor, source, "Exports rose 5% in 2022, the ministry said on Monday.", [([0], [0])])
    assert [f for f in found if f.type == "unsupported_addition"] == [], found


def test_another_year_than_the_one_pointed_to_stays(extractor):
    source = prepare(extractor, "Exports rose 5% last year, the ministry said on Monday.", "s")
    source.published = date(2023, 2, 10)
    found = pair_findings(extractor, source, "Exports rose 5% in 2021, the ministry said on Monday.", [([0], [0])])
    assert _counted(found), found


@pytest.mark.parametrize("source,derived", [
    ("Exports rose 5% in the spring, the ministry said on Monday.", "Exports rose 5% in 2022, the ministry said on Monday."),
    ("Exports rose 5% in 2022, the ministry said on Monday.", "Exports rose 5% in the spring, the ministry said on Monday."),
    # the phrase is said on both sides: the year is a figure of its own
    ("Exports rose 5% last year, the ministry said on Monday.",
     "Exports rose 5% last year and 3% in 2019, the ministry said on Monday."),
])
def test_a_year_without_a_deictic_phrase_in_its_place_stays(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)


def test_the_phrase_must_be_said_more_often_on_the_other_side():
    assert year_said_relatively(2022, "in 2022", "last year", None) == (True, "last year")
    assert year_said_relatively(2022, "in 2022 and last year", "last year", None) == (False, "")
    assert year_said_relatively(2022, "in 2022", "last year", date(2023, 1, 5)) == (True, "last year")
    assert year_said_relatively(2021, "in 2021", "last year", date(2023, 1, 5)) == (False, "")
    assert year_said_relatively(2023, "in 2023", "this year", None) == (True, "this year")


@pytest.mark.parametrize("source,derived", [
    ("The jobless rate fell to 3.4%, the lowest since 1969.", "The jobless rate fell to 3.4 percent, the lowest in 53 years."),
    ("The jobless rate fell to 3.4 percent, the lowest in 53 years.", "The jobless rate fell to 3.4%, the lowest since 1969."),
])
def test_a_span_back_to_a_year_is_low_without_a_date(extractor, source, derived):
    found = pair_findings(extractor, source, derived, [([0], [0])])
    assert _counted(found) == [], found
    assert any("cannot check" in f.explanation for f in found), found


def test_a_span_that_misses_the_year_stays(extractor):
    source = prepare(extractor, "The jobless rate fell to 3.4%, the lowest since 1969.", "s")
    source.published = date(2023, 2, 5)
    found = pair_findings(extractor, source, "The jobless rate fell to 3.4 percent, the lowest in 23 years.",
                          [([0], [0])])
    assert _counted(found), found
    source.published = date(2023, 2, 5)
    found = pair_findings(extractor, source, "The jobless rate fell to 3.4 percent, the lowest in 54 years.",
                          [([0], [0])])
    assert [f for f in found if f.type == "unsupported_addition"] == [], found


def test_a_figure_too_long_for_a_float_is_no_year_nor_span():
    # a run of hundreds of digits reads as infinity: no year, no count of years, and no crash
    inf = float("inf")
    assert span_said_as_year(inf, 0, "9" * 400 + " years", "since 1969", None) == (False, "")
    assert year_said_relatively(inf, "in " + "9" * 400, "last year", None) == (False, "")
