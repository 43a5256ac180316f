"""A changed amount of time is a number change, not a date change (issue 17, session 21 fix21).

"Sentenced to 2 years" / "sentenced to 2 1/2 years", "for three days" / "for four days" say how long,
and the count of the span changed: DESIGN's number_change (a quantity changed: value, unit, scale), as
the cross-language detector already types a duration ("duration:year"). The tagger marks such spans
DATE, so they were typed date_change and explained as "The date changed" (seen by lineage21 on a real
shared_source edge: a prison term of "2" / "2 1/2" years). A point in time stays a date_change: "three
days ago", "two years later", "on March 12", "in 2019". The type only: severity is as it was.

Session 19 measured a wider rule (a duration never compared with a date, high only when both amounts are
said of one word; tests/findings/test_durations.py, strict xfails) and dropped it; this one changes
neither the pairing nor the severity."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _changes(findings):
    return [f for f in findings if f.type in ("date_change", "number_change")]


@pytest.mark.parametrize("source,derived,changed", [
    ("He was sentenced to 2 years, with 9 months to serve, the court said.",
     "He was sentenced to 2 1/2 years, with 9 months to serve, the court said.", "2 1/2"),
    ("The talks went on for three days in Geneva, officials said.",
     "The talks went on for four days in Geneva, officials said.", "four"),
    ("The strike lasted 12 hours, the union said on Friday.", "The strike lasted 14 hours, the union said on Friday.",
     "14"),
    ("He was given a 20-year sentence on Friday.", "He was given a 25-year sentence on Friday.", "25"),
])
def test_a_changed_amount_of_time_is_a_number_change(extractor, source, derived, changed):
    changes = _changes(pair_findings(extractor, source, derived))
    assert [(f.type, f.derived_value) for f in changes] == [("number_change", changed)], changes
    assert "date changed" not in changes[0].explanation, changes


def test_a_span_of_another_unit_is_a_number_change(extractor):
    changes = _changes(pair_findings(extractor, "The talks will last one month, officials said.",
                                     "The talks will last one year, officials said."))
    assert [f.type for f in changes] == ["number_change"], changes


@pytest.mark.parametrize("source,derived", [
    ("The talks began three days ago in Geneva.", "The talks began four days ago in Geneva."),
    ("The talks ended two years later in Geneva.", "The talks ended three years later in Geneva."),
    ("The talks began on March 12 in Geneva.", "The talks began on March 11 in Geneva."),
])
def test_a_point_in_time_stays_a_date_change(extractor, source, derived):
    changes = _changes(pair_findings(extractor, source, derived))
    assert [f.type for f in changes] == ["date_change"], changes


def test_the_type_leaves_severity_as_it_was(extractor):
    """The prison term between two versions, one made from the other: high, as the date_change was."""
    changes = _changes(pair_findings(extractor, "He was sentenced to 2 years, with 9 months to serve, the court said.",
                                     "He was sentenced to 2 1/2 years, with 9 months to serve, the court said."))
    assert [f.severity for f in changes] == ["high"], changes
