"""An amount of time that differs between two independent reports is at most medium (issue 17, item 3:
high only where two signals agree; session 19's analysis of its three dropped duration rules).

Reporters who each measure a span of time take it from different moments ("questioned for four hours"
from the arrest, "six hours" from the call), round it their own way, or count to another day: between
independent reports a difference there is seldom an error. In a copy, a translation or a summary the
span was the source's, and a changed one is an error (between machine translations of one text a
duration against a date is often the mistranslation itself), so there the edge is the second signal
and the change stays high. A point in time ("three days ago") and an age ("a 34-year-old") are not
amounts of time, and other figures keep their severity on every edge.
"""
from __future__ import annotations

import pytest

from storytrace.findings import detect_findings
from storytrace.model import AlignedPair, Alignment, Edge, Story

from .helpers import prepare


def _changes(extractor, source: str, derived: str, relation: str):
    src, der = prepare(extractor, source, "src"), prepare(extractor, derived, "der")
    alignment = Alignment("src", "der", [AlignedPair([0], [0], 0.95)])
    story = Story("s1", "t", ["src", "der"], [alignment], [Edge("src", "der", relation, 0.9, 0.9, 0.9)])
    found = detect_findings(story, {"src": src, "der": der})
    return [f for f in found if f.type in ("number_change", "date_change")]


_HOURS = ("Police questioned the suspect for four hours at the station on Tuesday, officials said.",
          "Police questioned the suspect for six hours at the station on Tuesday, officials said.")


def test_an_amount_of_time_between_independent_reports_is_medium(extractor):
    changes = _changes(extractor, *_HOURS, "independent")
    assert changes and all(f.severity == "medium" and "derived_edge" in f.lacks for f in changes), changes


@pytest.mark.parametrize("relation", ["verbatim_copy", "rewrite", "translation"])
def test_an_amount_of_time_changed_in_a_derived_version_keeps_its_severity(extractor, relation):
    changes = _changes(extractor, *_HOURS, relation)
    assert [f.severity for f in changes] == ["high"], changes


def test_a_count_between_independent_reports_keeps_its_severity(extractor):
    changes = _changes(extractor, "Police arrested four men at the station on Tuesday, officials said.",
                       "Police arrested six men at the station on Tuesday, officials said.", "independent")
    assert [f.severity for f in changes] == ["high"], changes


@pytest.mark.parametrize("text,value,amount", [
    ("after 4.5 hours of testimony", "4.5", True),
    ("he has worked there for 25 years", "25", True),
    ("a 20-year sentence", "20", True),
    ("the fire started three days ago", "three", False),
    ("two years later he left", "two", False),
    ("a 34-year-old man", "34", False),
    ("four men were arrested", "four", False),
])
def test_what_is_an_amount_of_time(text, value, amount):
    from storytrace.findings.numbers import amount_of_time

    assert amount_of_time(text, value) is amount


@pytest.mark.parametrize("text,value,amount", [
    ("he waited 5 hours  -  ago", "5", False),
    ("he waited 5 hours -later", "5", False),
    ("a 5 - year  sentence", "5", True),
])
def test_what_is_an_amount_of_time_with_spaces_around_a_hyphen(text, value, amount):
    from storytrace.findings.numbers import amount_of_time

    assert amount_of_time(text, value) is amount


def test_a_long_blank_after_the_unit_is_read_in_linear_time():
    # Article text keeps its blanks (a page copied with its layout); the look-ahead for "ago"/"later"
    # after a unit of time gave back and retook them one by one: 40,000 spaces took a minute.
    import time

    from storytrace.findings.numbers import amount_of_time

    text = "questioned for 5 hours" + " " * 40_000 + "at the station"
    started = time.process_time()
    assert amount_of_time(text, "5") is True
    assert time.process_time() - started < 2.0
