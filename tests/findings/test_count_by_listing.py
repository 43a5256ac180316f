"""A count rendered by a list: "the two sessions ... are held" / "the Congress and the Conference are
held". A list of that many things in the counted noun's place says the number; it is no omission.
Hand-written pairs; the first two give a medium omission of the number on d435a1c. Session 22's candidate
(real22, ``_counted_by_listing`` in findings/detectors/omissions.py, commit da76d58) fixed them, but with the
weekday candidate it cost two right omissions on the translations confirm part (recall 114 -> 112/288) and
removed no wrong one there: dropped, the cases stay as strict xfails."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings


def _numbers_left_out(extractor, source, derived):
    return [f.source_value for f in pair_findings(extractor, source, derived) if f.type == "omission"]


@pytest.mark.parametrize(
    "source, derived",
    [
        ("Every year, the two sessions of the National People's Congress are held in Beijing.",
         "Every year, the National People's Congress and the National People's Political Consultative Conference"
         " are held in Beijing."),
        ("Police said two men were arrested at the border on Monday.",
         "Police said John Smith and Peter Brown were arrested at the border on Monday."),
    ],
)
@pytest.mark.xfail(strict=True, reason="real22's listing candidate was dropped (cost confirm recall)")
def test_a_list_of_as_many_things_says_the_count(extractor, source, derived):
    assert _numbers_left_out(extractor, source, derived) == []


@pytest.mark.parametrize(
    "source, derived, left_out",
    [
        # a list of two where the source counts three: the count is not said
        ("Police said three men were arrested at the border on Monday.",
         "Police said John Smith and Peter Brown were arrested at the border on Monday.", ["three"]),
        ("Every year, the two sessions of the National People's Congress are held in Beijing.",
         "Every year, the sessions of the National People's Congress are held in Beijing.", ["two"]),
    ],
)
def test_a_count_no_list_says_is_still_left_out(extractor, source, derived, left_out):
    assert _numbers_left_out(extractor, source, derived) == left_out
