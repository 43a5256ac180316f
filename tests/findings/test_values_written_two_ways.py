"""One value written two ways is no change (issue 17.5: a paraphrase read as a change).

Translations and house styles write the same value differently: a figure with its thousands grouped by a
space ("3 000", the French, Russian and SI style) or by a comma ("3,000"); a mixed number in words ("two
and a half hours") or in digits ("2.5 hours"); a romanised given name as one word or as its syllables
("Menrui" / "Men Rui"). Read as different values, each gave a high number, date or entity change on a
faithful pair. A different value written either way is still a change.

Session 20 (fa20) coded these as candidate A (7562236) and A' (d966d8c): the token reader itself read "3 000"
as 3000 and "two and a half" as 2.5. Measured, bench_independent confirm gained a medium date_change: a new
first reading also makes new changes ("two and a half years" against another report's "two years", which
the old reading, "two", matched). Session 21 (fa21) rebuilds it as a second reading that only *supports*:
numbers.second_readings gives the grouped figure and the mixed number, a value the other version writes
that second way is no change and no omission, and nothing is compared on the second reading, so it can
clear a false change and add none. The cases where a different value is written the grouped way or in
words ("3 500" for "3,000", "two and a half" for "three") keep the finding the first reading gives ("500",
"two"), so their strict xfails below stay: they ask for the whole figure to be quoted.

(A time on the 12-hour clock, "3 p.m." for "15:00", is left out: a bare hour, "at 10" or "10 o'clock", may
be either half of the day, so reading "10 p.m." as 22 makes it differ from a bare "10" that may say the same.)"""
from __future__ import annotations

import pytest

from .helpers import pair_findings


_QUOTED_WHOLE = pytest.mark.xfail(strict=True, reason="the second reading only supports; the change is found, "
                                  "on the first reading's piece, not on the whole figure")


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("The plant employs 3000 workers in the region.", "The plant employs 3 000 workers in the region."),
    ("The plant employs 3,000 workers in the region.", "The plant employs 3\u00a0000 workers in the region."),
    ("The fund holds 12.5 million dollars in bonds.", "The fund holds 12 500 000 dollars in bonds."),
    ("The plant employs 3 000 workers in the region.", "The plant employs 3000 workers in the region."),
])
def test_digits_grouped_by_a_space_are_one_figure(extractor, src, der):
    assert not _flagged(pair_findings(extractor, src, der))


@_QUOTED_WHOLE
def test_a_figure_grouped_by_a_space_that_differs_is_a_change(extractor):
    findings = pair_findings(extractor, "The plant employs 3,000 workers in the region.",
                             "The plant employs 3 500 workers in the region.")
    assert [f for f in _flagged(findings) if f.type == "number_change" and f.derived_value == "3 500"], findings


def test_a_day_before_a_count_is_not_one_figure(extractor):
    findings = pair_findings(extractor, "On March 3, 200 people were arrested in the capital.",
                             "On March 3 200 people were arrested in the capital.")
    assert not _flagged(findings), findings


@pytest.mark.parametrize("src,der", [
    ("The meeting lasted two and a half hours on Monday.", "The meeting lasted 2.5 hours on Monday."),
    ("Some one and a half million people voted on Sunday.", "Some 1.5 million people voted on Sunday."),
    ("The meeting lasted 2.5 hours on Monday.", "The meeting lasted two and a half hours on Monday."),
    ("He was sentenced to 2 1/2 years in prison.", "He was sentenced to two and a half years in prison."),
])
def test_a_mixed_number_in_words_is_its_figure(extractor, src, der):
    assert not _flagged(pair_findings(extractor, src, der))


@_QUOTED_WHOLE
def test_a_mixed_number_against_another_figure_is_a_change(extractor):
    findings = pair_findings(extractor, "The meeting lasted two and a half hours on Monday.",
                             "The meeting lasted three hours on Monday.")
    assert [f for f in _flagged(findings) if f.source_value == "two and a half"], findings


@pytest.mark.parametrize("src,der", [
    ("Reporter Men Rui said the survey was released on Monday.", "Reporter Menrui said the survey was released on Monday."),
    ("Reporter Menrui said the survey was released on Monday.", "Reporter Men Rui said the survey was released on Monday."),
])
def test_a_name_cut_into_syllables_is_one_name(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _flagged(findings), findings


def test_another_name_with_one_syllable_alike_is_a_swap(extractor):
    findings = pair_findings(extractor, "Reporter Men Rui said the survey was released on Monday.",
                             "Reporter Wang Rui said the survey was released on Monday.")
    assert [f for f in _flagged(findings) if f.type == "entity_swap"], findings


def test_a_second_reading_makes_no_change_of_its_own(extractor):
    """fa20's cost: read first as 2.5, "two and a half years" became a new change against "two years"
    (a medium between independent reports). The second reading only supports a value: what the first
    reading compared is compared as before, here "two" against "two"."""
    findings = pair_findings(extractor, "He was sentenced to two years in prison on Monday.",
                             "He was sentenced to two and a half years in prison on Monday.")
    assert not [f for f in findings if f.type in ("date_change", "number_change")], findings


@pytest.mark.parametrize("text,expected", [
    ("The plant employs 3 000 workers.", [3000.0]),
    ("The fund holds 12 500 000 dollars.", [12500000.0]),
    ("It has 12 500 and 30 000 members.", [12500.0, 30000.0]),
    ("Some one and a half million people voted.", [1500000.0]),
    ("The talks lasted two and a half hours.", [2.5]),
    # not one figure: a day and a count, a year and a count, a page header's date and time, a phone number
    ("On March 3 200 people were arrested.", []),
    ("On Dec. 3 200 people were arrested.", []),
    ("In 2013 200 people were arrested.", []),
    ("Monday, March 11, 2013 23: 51", []),
    ("Call 555 123 4567 for tickets.", []),
    ("It took a decade and a half.", []),  # fifteen years, not 10.5
])
def test_second_readings(text, expected):
    from storytrace.findings.numbers import second_readings
    assert [v for v, _, _ in second_readings(text)] == expected
