"""One figure written two ways is no change: a day of the month with its ordinal suffix after an
abbreviated month ("Feb. 11th" / "February 11"), a time of day on the 12- and 24-hour clocks
("1:45 pm" / "13:45"), and a share said as a fraction or as a percentage ("half of" / "50% of",
"two-thirds of" / "67% of"). Another day, time or share stays a finding."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.type in ("number_change", "date_change", "unsupported_addition", "omission")
            and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("On Saturday (February 11), unions launched a national mobilization.",
     "On Saturday (Feb. 11th), unions launched a national mobilization."),
    ("The F-22 shot down the object at about 1:45 pm on Friday.",
     "The F-22 shot down the object at around 13:45 on Friday."),
    ("The F-22 shot down the object at around 13:45 on Friday.",
     "The F-22 shot down the object at about 1:45 p.m. on Friday."),
    ("About half of the workers joined the strike.", "About 50% of the workers joined the strike."),
    ("About 50% of the workers joined the strike.", "About half of the workers joined the strike."),
    ("A quarter of the firms cut jobs last year.", "25 percent of the firms cut jobs last year."),
    ("Two-thirds of the voters backed the plan.", "67% of the voters backed the plan."),
])
def test_one_figure_written_another_way_is_no_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("On Saturday (February 11), unions launched a national mobilization.",
     "On Saturday (Feb. 12th), unions launched a national mobilization."),
    ("The F-22 shot down the object at about 1:45 pm on Friday.",
     "The F-22 shot down the object at around 14:45 on Friday."),
    ("About half of the workers joined the strike.", "About 40% of the workers joined the strike."),
])
def test_another_figure_is_still_a_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)
