"""A number in apposition to a name ("Lena Ortiz, 34,": her age) and a number the parser hangs on the same
name as a modifier ("a mother of 13 Lena Ortiz") say different things about her: the second is no changed
version of the first, least of all a changed date. An age changed in apposition is still a change.
Hand-written pairs.

Known wrong on main (seen on ECB+ tuning topic 33: "Mother of 13 Zurana Horton" / "Zurana Horton, 34," read as
a medium date_change 34 -> 13). Session 25 (real25) tried pairing a number by its noun only when both stand
in apposition or both do not: the 13 then paired with "two men" through the name both sentences share
(_about_same_thing), still a wrong medium number_change. Not measured, not kept."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings

SOURCE = "The footage was shown at the trial of two men charged with killing Lena Ortiz, 34, on Oct. 21, 2011."


def _changes(findings):
    return [(f.type, f.derived_value, f.source_value) for f in findings
            if f.type in ("number_change", "date_change") and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="known wrong change (real25, session 25): the count pairs with the age by the"
                   " name they hang on, or with another count through that name; no fix kept")
def test_a_count_before_a_name_is_no_changed_age(extractor):
    derived = ("Video of Brooklyn mother of 13 Lena Ortiz shot and killed in a gang shooting was revealed Thursday,"
               " according to the Daily Ledger.")
    assert _changes(pair_findings(extractor, SOURCE, derived)) == []


def test_an_age_changed_in_apposition_is_still_a_change(extractor):
    derived = "The footage was shown at the trial of two men charged with killing Lena Ortiz, 43, on Oct. 21, 2011."
    assert _changes(pair_findings(extractor, SOURCE, derived)) != []
