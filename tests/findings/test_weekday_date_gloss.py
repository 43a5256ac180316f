"""A date in brackets after a weekday ("on Friday (February 10)") glosses the weekday: both name one
day. A version that keeps the weekday and leaves the date out drops no fact. Hand-written pairs; the
first gives a medium omission of "10" on d435a1c."""
from __future__ import annotations

from findings.helpers import pair_findings

SOURCE = "On Friday (February 10), the military shot down an object flying over Alaska."


def _left_out(extractor, derived):
    return [f.source_value for f in pair_findings(extractor, SOURCE, derived) if f.type == "omission"]


def test_the_weekday_kept_says_the_day(extractor):
    assert _left_out(extractor, "On Friday afternoon, the military shot down an object flying over Alaska.") == []


def test_another_weekday_does_not_say_it(extractor):
    findings = pair_findings(extractor, SOURCE, "On Saturday afternoon, the military shot down an object flying"
                             " over Alaska.")
    assert any(f.severity in ("medium", "high") for f in findings)
