"""A stretch of the calendar said by its count or by its ends ("the first three quarters" / "from
January to September", "the first half of the year" / "the first six months"): the count is no figure
added or left out when the other version names the same months. Another stretch ("January to June"
for "the first three quarters") stays a finding, and so does a count of something else."""
from __future__ import annotations

import pytest

from storytrace.findings.calendar_stretches import stretches

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.severity != "low"
            and f.type in ("unsupported_addition", "omission", "number_change", "date_change")]


@pytest.mark.parametrize("source,derived", [
    ("Tourism revenue reached 8.9 billion dollars in the first three quarters of 2022.",
     "Tourism revenue reached 8.9 billion dollars from January to September 2022."),
    ("Tourism revenue reached 8.9 billion dollars from January to September 2022.",
     "Tourism revenue reached 8.9 billion dollars in the first three quarters of 2022."),
    ("Exports grew 8% in the first half of the year.", "Exports grew 8% in the first six months of the year."),
    ("Exports grew 8% in the first six months of the year.", "Exports grew 8% in the first half of the year."),
    ("Sales rose 4% in the first quarter.", "Sales rose 4% in the first three months."),
    ("Sales rose 4% in January-February.", "Sales rose 4% in the first two months."),
])
def test_one_stretch_said_two_ways_is_no_figure(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("Tourism revenue reached 8.9 billion dollars from January to June 2022.",
     "Tourism revenue reached 8.9 billion dollars in the first three quarters of 2022."),
    ("Exports grew 8% in the first half of the year.", "Exports grew 8% in the first four months of the year."),
    ("Exports grew 8% in the first half of the year.", "Exports grew 8% at six ports in the first half of the year."),
])
def test_another_stretch_or_another_count_stays(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)


def test_stretches_by_their_months():
    assert [s[:2] for s in stretches("in the first three quarters of 2022")] == [(1, 9)]
    assert [s[:2] for s in stretches("from January to September 2022")] == [(1, 9)]
    assert [s[:2] for s in stretches("the second half")] == [(7, 12)]
    assert [s[:2] for s in stretches("Q2")] == [(4, 6)]
    assert stretches("prices may rise in June") == []
