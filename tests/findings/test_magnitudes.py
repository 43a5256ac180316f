"""A count said by its order of magnitude in words or by its floor in figures ("tens of thousands of
people" / "more than 10,000 people"), and a growth said by its factor or its percentage ("doubled" /
"increased by 100%"): no figure added or left out. Another count ("about 5,000" against "tens of
thousands"), a figure with no lower bound, and a percentage that is not the factor's stay findings."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.severity != "low"
            and f.type in ("unsupported_addition", "omission", "number_change")]


@pytest.mark.parametrize("source,derived", [
    ("Tens of thousands of people marched in the capital on Saturday.",
     "More than 10,000 people marched in the capital on Saturday."),
    ("More than 10,000 people marched in the capital on Saturday.",
     "Tens of thousands of people marched in the capital on Saturday."),
    ("Hundreds of rescuers searched the rubble of the school.", "Over 100 rescuers searched the rubble of the school."),
    ("Dozens of countries sent rescue teams to the region.", "More than 10 countries sent rescue teams to the region."),
    ("The factory's output doubled in 2022.", "The factory's output increased by 100% in 2022."),
    ("The factory's output increased by 100% in 2022.", "The factory's output doubled in 2022."),
    ("The factory's output tripled in 2022.", "The factory's output rose 200% in 2022."),
])
def test_one_magnitude_said_two_ways(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("Tens of thousands of people marched in the capital on Saturday.",
     "About 5,000 people marched in the capital on Saturday."),
    ("Tens of thousands of people marched in the capital on Saturday.",
     "Exactly 10,000 people marched in the capital on Saturday."),
    ("Thousands of people marched in the capital on Saturday.",
     "More than 10,000 people marched in the capital on Saturday."),
    ("The factory's output tripled in 2022.", "The factory's output rose 300% in 2022."),
    ("The factory's output doubled in 2022.", "The factory's output doubled, and exports rose 100% in 2022."),
])
def test_another_count_or_growth_stays(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)


def test_a_percentage_said_of_no_increase_is_no_factor(extractor):
    # "doubled" is a growth; a 100% said of a risk or a share is no percentage increase
    found = pair_findings(extractor, "The factory's output doubled in 2022.",
                          "The factory faced a 100% risk of delays in 2022.", [([0], [0])])
    assert _counted(found), found
