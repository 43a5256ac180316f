"""A place named for a place it lies in, or within, is no certain swap (issue 17.5, wrong highs on
faithful pairs).

Two renderings of one sentence may name a place more or less precisely: "foreign journalists in
China" / "in Beijing", "the storm hit Florida" / "hit Miami". Where WordNet puts one of the two
places inside the other, the name in the other's place is one signal, and that it names another
place is not known: the swap is medium, not high. Places side by side ("Florida" / "Texas") stay a
high swap."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Foreign journalists in China were invited to the event.", "Foreign journalists in Beijing were invited to the event."),
    ("The conference will be held in Shanghai next month.", "The conference will be held in China next month."),
    ("The storm hit Florida on Monday.", "The storm hit Miami on Monday."),
])
def test_a_place_inside_the_other_is_no_high_swap(extractor, source, derived):
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert swaps and all(f.severity == "medium" for f in swaps), swaps
    assert "lies within" in swaps[0].explanation


@pytest.mark.parametrize("source,derived", [
    ("The storm hit Florida on Monday.", "The storm hit Texas on Monday."),
    ("Rescue teams from Turkey arrived in Syria on Tuesday.", "Rescue teams from Turkey arrived in Iraq on Tuesday."),
])
def test_places_side_by_side_stay_a_high_swap(extractor, source, derived):
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in swaps] == ["high"], swaps
