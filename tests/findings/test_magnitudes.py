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


@pytest.mark.parametrize("source,derived", [
    # a percentage "of" a whole is a share ("set up 100% of the stalls"), whatever verb stands near it
    ("The number of stalls doubled in 2022.", "Volunteers set up 100% of the stalls in 2022."),
    ("Output at the plant doubled in 2022.", "Output at the plant grew to 100% of its capacity in 2022."),
    # a word that only starts like an increase verb says no increase ("surgeons" is no "surge")
    ("The number of surgeons doubled in 2022.", "Surgeons reported a 100% success rate in 2022."),
])
def test_a_share_or_a_lookalike_word_is_no_growth(extractor, source, derived):
    found = pair_findings(extractor, source, derived, [([0], [0])])
    assert [f for f in _counted(found) if "100" in f.derived_value], found


def test_percentage_points_are_no_percentage_increase():
    # a change of a rate in points is no growth factor: "up 100 percentage points" is no "doubled"
    from storytrace.findings.magnitudes import factor_said_as_percent
    here = "Turnout was up 100 percentage points on the island."
    assert not factor_said_as_percent(100, here.index("100") + 3, here, "Turnout doubled on the island.")
    here = "Turnout was up 100 percent on the island."
    assert factor_said_as_percent(100, here.index("100") + 3, here, "Turnout doubled on the island.")
