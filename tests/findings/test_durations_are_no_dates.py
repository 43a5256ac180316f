"""A length of time is a number, not a date (findings/detectors/numbers_cmp.py, session 18): the
tagger puts "4 1/2 hours" in a TIME span, but a change of it is a number_change, and "three days
ago" still points at a date."""
from findings.helpers import pair_findings


def _types(extractor, source, derived):
    return [f.type for f in pair_findings(extractor, source, derived, [([0], [0])])
            if f.type in ("date_change", "number_change")]


def test_hours_of_a_standoff_are_a_number(extractor):
    assert _types(extractor, "The standoff lasted 4 1/2 hours before police moved in.",
                  "The standoff lasted 6 hours before police moved in.") == ["number_change"]


def test_days_of_talks_are_a_number(extractor):
    assert _types(extractor, "The two sides met for three days of talks in Geneva.",
                  "The two sides met for five days of talks in Geneva.") == ["number_change"]


def test_days_ago_is_still_a_date(extractor):
    assert _types(extractor, "The minister resigned three days ago, officials said.",
                  "The minister resigned five days ago, officials said.") == ["date_change"]


def test_a_day_of_the_month_is_still_a_date(extractor):
    assert _types(extractor, "The minister resigned on March 3, officials said.",
                  "The minister resigned on March 5, officials said.") == ["date_change"]
