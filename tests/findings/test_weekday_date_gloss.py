"""A date in brackets after a weekday ("on Friday (February 10)") glosses the weekday: both name one
day. A version that keeps the weekday and leaves the date out drops no fact. Hand-written pairs; the
first gives a medium omission of "10" on d435a1c. Session 22's candidate (real22, ``_date_of_kept_weekday``
in findings/detectors/omissions.py, commit d75d37d) fixed it, but with the listing candidate it cost two right
omissions on the translations confirm part and removed no wrong one there: dropped, a strict xfail."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings

SOURCE = "On Friday (February 10), the military shot down an object flying over Alaska."


def _left_out(extractor, derived):
    return [f.source_value for f in pair_findings(extractor, SOURCE, derived) if f.type == "omission"]


@pytest.mark.xfail(strict=True, reason="real22's weekday candidate was dropped (cost confirm recall)")
def test_the_weekday_kept_says_the_day(extractor):
    assert _left_out(extractor, "On Friday afternoon, the military shot down an object flying over Alaska.") == []


def test_another_weekday_does_not_say_it(extractor):
    findings = pair_findings(extractor, SOURCE, "On Saturday afternoon, the military shot down an object flying"
                             " over Alaska.")
    assert any(f.severity in ("medium", "high") for f in findings)
