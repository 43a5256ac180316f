"""A name is not left out where the version still says who is meant (issue 17.4, prec14).

An omission is a referent gone from the sentence. "The Prime Minister also ..." for "Prime
Minister Pham Minh Chinh also ..." calls the person by the title the source gives them, a
definite description of one holder, as a later mention in the source itself would: a real but
minor difference, low. "US" for "U.S." is one abbreviation with and without its stops: nothing
is left out. A version that names nobody there ("A minister"), or drops "U.S." from
"the U.S. Department of Labor", still leaves something out.
"""
from __future__ import annotations

from .helpers import pair_findings

PM = "Prime Minister Pham Minh Chinh also spoke by video with Vietnamese students in Da Nang about their studies."
LABOR = "On February 3, the U.S. Department of Labor announced the non-farm payroll data for January."


def _omissions(findings):
    return [f for f in findings if f.type == "omission"]


def test_a_person_called_by_the_title_the_source_gives_them_is_a_low_omission(extractor):
    found = _omissions(pair_findings(extractor, PM, "The Prime Minister also spoke by video with Vietnamese students"
                                                    " in Da Nang about their studies."))
    assert [f.severity for f in found] == ["low"], found
    assert 'the title the source gives them ("the Prime Minister")' in found[0].explanation


def test_a_person_no_longer_named_or_titled_is_still_left_out(extractor):
    found = _omissions(pair_findings(extractor, PM, "A minister also spoke by video with Vietnamese students"
                                                    " in Da Nang about their studies."))
    assert [f.severity for f in found] == ["medium"], found


def test_an_abbreviation_without_its_stops_is_said(extractor):
    found = _omissions(pair_findings(extractor, LABOR, "A: On February 3, the US Department of Labor announced"
                                                       " the non-farm payroll data for January."))
    assert not found, found


def test_an_abbreviation_dropped_with_a_hole_is_still_left_out(extractor):
    found = _omissions(pair_findings(extractor, LABOR, "A: On February 3, the Department of Labor announced"
                                                       " the non-farm payroll data for January."))
    assert [f.severity for f in found] == ["medium"], found
