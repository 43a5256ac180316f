"""One question for both number detectors (numbers_cmp: a figure added; omissions: a figure left out):
is the figure said another way? Hand-written sentences; the detectors' own pairs are in
test_calendar_stretches.py, test_magnitudes.py and test_relative_years.py."""
from __future__ import annotations

from datetime import date, datetime

from storytrace.findings.said_another_way import said_another_way, time_said_from_writing


def _at(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)


def test_each_rendering_is_asked():
    here = "Sales rose in the first three quarters."
    assert said_another_way(3, *_at(here, "three"), here, "Sales rose from January to September.")
    here = "More than 10,000 people marched."
    assert said_another_way(10_000, *_at(here, "10,000"), here, "Tens of thousands of people marched.")
    here = "Output increased by 100% in 2022."
    assert said_another_way(100, *_at(here, "100"), here, "Output doubled in 2022.")
    here = "About 5,000 people marched."
    assert not said_another_way(5_000, *_at(here, "5,000"), here, "Tens of thousands of people marched.")


def test_a_time_said_from_the_day_of_writing():
    here, there = "Exports rose 5% in 2022.", "Exports rose 5% last year."
    start = here.index("2022")
    assert time_said_from_writing(2022, True, start, here, there, None) == (True, "last year")
    assert time_said_from_writing(2022, True, start, here, there, date(2023, 2, 10)) == (True, "last year")
    # a publication time (a datetime is a date) reads the same
    assert time_said_from_writing(2022, True, start, here, there, datetime(2023, 2, 10, 9, 30)) == (True, "last year")
    assert time_said_from_writing(2021, True, start, here.replace("2022", "2021"), there, date(2023, 2, 10)) == (False, "")
    # a count of years, not a year, against "since <year>"
    here, there = "The rate is the lowest in 53 years.", "The rate is the lowest since 1969."
    assert time_said_from_writing(53, False, here.index("53"), here, there, date(2022, 6, 1)) == (True, "since 1969")
    assert time_said_from_writing(53, False, here.index("53"), here, there, date(2010, 6, 1)) == (False, "")
