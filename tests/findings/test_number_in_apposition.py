"""A number in apposition to a name ("Lena Ortiz, 34,": her age) and a number the parser hangs on the same
name as a modifier ("a mother of 13 Lena Ortiz") say different things about her: the second is no changed
version of the first, least of all a changed date. An age changed in apposition is still a change.
Hand-written pairs.

Seen on ECB+ tuning topic 33 ("Mother of 13 Zurana Horton" / "Zurana Horton, 34," read as a medium
date_change 34 -> 13). Session 25 (real25) tried pairing a number by its noun only when both stand in
apposition or both do not: the 13 then paired with "two men" through the name both sentences share.
Session 28 (real28): the general cause is the count the parser hangs on one person's name; a single
person is not counted, so what the figure counts is unwritten and no source figure is known to be the
one it replaced (numbers_cmp._hung_on_a_persons_name). The figure stays checked as an addition."""
from __future__ import annotations

from findings.helpers import pair_findings

SOURCE = "The footage was shown at the trial of two men charged with killing Lena Ortiz, 34, on Oct. 21, 2011."


def _changes(findings):
    return [(f.type, f.derived_value, f.source_value) for f in findings
            if f.type in ("number_change", "date_change") and f.severity != "low"]


def test_a_count_before_a_name_is_no_changed_age(extractor):
    derived = ("Video of Brooklyn mother of 13 Lena Ortiz shot and killed in a gang shooting was revealed Thursday,"
               " according to the Daily Ledger.")
    findings = pair_findings(extractor, SOURCE, derived)
    assert _changes(findings) == []
    # still a figure the source does not give
    assert any(f.type == "unsupported_addition" and f.derived_value == "13" for f in findings)


def test_a_count_of_people_before_a_name_is_still_compared(extractor):
    derived = "The footage was shown at the trial of three men charged with killing Lena Ortiz, 34, on Oct. 21, 2011."
    assert _changes(pair_findings(extractor, SOURCE, derived)) != []


def test_an_age_changed_in_apposition_is_still_a_change(extractor):
    derived = "The footage was shown at the trial of two men charged with killing Lena Ortiz, 43, on Oct. 21, 2011."
    assert _changes(pair_findings(extractor, SOURCE, derived)) != []
