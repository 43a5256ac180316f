"""A changed amount of time is a number change, not a date change (issue 17, session 21 fix21).

"Sentenced to 2 years" / "sentenced to 2 1/2 years", "for three days" / "for four days" say how long,
and the count of the span changed: DESIGN's number_change (a quantity changed: value, unit, scale), as
the cross-language detector already types a duration ("duration:year"). The tagger marks such spans
DATE, so they were typed date_change and explained as "The date changed" (seen by lineage21 on a real
shared_source edge: a prison term of "2" / "2 1/2" years). A point in time stays a date_change: "three
days ago", "two years later", "on March 12", "in 2019". The type only: severity is as it was.

First form (a546a3c, dropped): numbers_cmp typed them number_change where it found them. Measured once:
bench_independent confirm high 5 -> 6 (number_change high 3 -> 4, date_change medium 4 -> 2). In one
sentence with a changed date and a changed amount of time written with the same figure ("On March 3 ...
to 3 years"), a number_change and a date_change of one figure read to merge.py as two detectors agreeing
on one change, a second signal that makes high. This form finds them as before (date_change, its
explanation saying "amount of time") and types them once the pair's severity is settled. The same count
of another unit ("the two-year anniversary" / "the two-month anniversary", attributes_cmp) often says when
and stays a date_change (tests/findings/test_summary_slots.py).

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


def test_one_figure_as_a_date_and_an_amount_of_time_is_typed_as_before(extractor):
    """"On March 3 ... to 3 years" for "On March 2 ... to 2 years": one finding for the figure, as before
    (the date, high on its own here: the sentence renders one source sentence), no second signal made
    by the typing, and the date stays a date."""
    changes = _changes(pair_findings(
        extractor, "On March 2, he was sentenced to 2 years in prison, the court said. The case began in 2019.",
        "On March 3, he was sentenced to 3 years in prison, the court said. The case began in 2019."))
    assert [(f.type, f.derived_value) for f in changes] == [("date_change", "3")], changes
    assert "detectors_agree" not in (changes[0].signals or []), changes
