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
