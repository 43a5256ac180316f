"""A figure bounded from the other side ("in excess of 1,000" / "less than 1000") is a change."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def test_reversed_bound_is_a_number_change(extractor):
    findings = pair_findings(extractor, "The satellites weighed in excess of 1,000 pounds each, Nasa said.",
                             "The satellites weighed less than 1000 pounds each, Nasa said.")
    hits = [f for f in findings if f.type == "number_change"]
    assert hits and hits[0].derived_value == "less than 1000" and hits[0].source_value == "in excess of 1,000"


@pytest.mark.parametrize("der", [
    "The satellites weighed more than 1000 pounds each, Nasa said.",
    "The satellites weighed over 1,000 pounds each, Nasa said.",
    "The satellites weighed 1,000 pounds each, Nasa said.",
])
def test_same_side_or_plain_figure_is_no_change(extractor, der):
    findings = pair_findings(extractor, "The satellites weighed in excess of 1,000 pounds each, Nasa said.", der)
    assert not [f for f in findings if f.severity != "low"], findings


# "Almost" and "nearly" say a count falls short of the figure: a bound from above, against a source that
# says the count went past it ("topped", "more than"). Session 25's add25 M2 (21ac72c), measured and dropped:
# the positive cases are strict xfails, the controls pass on main.
@pytest.mark.xfail(strict=True, reason="add25 M2 (21ac72c) dropped: DEMETR tuning additions 91 -> 92, the confirm part "
                   "unchanged (a tune-only gain)")
@pytest.mark.parametrize("src,der", [
    ("The number of confirmed cases in the region topped 2 million on Friday, officials said.",
     "The number of confirmed cases in the region reached almost 2 million on Friday, officials said."),
    ("More than 500 people were evacuated from the valley overnight.",
     "Nearly 500 people were evacuated from the valley overnight."),
    ("The company's sales surpassed $3 billion last year.",
     "The company's sales came to almost $3 billion last year."),
])
def test_short_of_a_figure_against_past_it_is_a_number_change(extractor, src, der):
    hits = [f for f in pair_findings(extractor, src, der) if f.type == "number_change" and f.severity != "low"]
    assert hits and "bound is reversed" in hits[0].explanation, hits


@pytest.mark.parametrize("src,der", [
    # an approximation either side of the figure, or the plain figure: no bound to reverse
    ("About 500 people were evacuated from the valley overnight.",
     "Nearly 500 people were evacuated from the valley overnight."),
    ("500 people were evacuated from the valley overnight.",
     "Almost 500 people were evacuated from the valley overnight."),
    # the same side
    ("Fewer than 500 people were evacuated from the valley overnight.",
     "Nearly 500 people were evacuated from the valley overnight."),
    # "top" as a rank, not a verb of going past a figure
    ("The top 10 firms paid almost 40 percent of the tax.",
     "The ten largest firms paid nearly 40 percent of the tax."),
])
def test_an_approximation_without_a_reversed_bound_is_no_change(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.type == "number_change" and f.severity != "low"], findings
