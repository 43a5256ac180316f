""""A before B" tells what "B after A" tells: two opposite relating words are no negation flip when
the events round them are swapped, the event one places being what the other places it against.
Hand-written pairs; the first three give a negation_flip on d435a1c (the third a HIGH: "resigned" is
the head of both relating words, once as the event placed, once as what it is placed against)."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings


@pytest.mark.parametrize(
    "source, derived",
    [
        ("The ship sank after the storm hit the coast.", "The storm hit the coast before the ship sank."),
        ("The company was sold after it was hit by a scandal.", "The company was hit by a scandal before it was sold."),
        ("The minister resigned after weeks of protests in the capital.",
         "Protests went on in the capital for weeks before the minister resigned."),
        ("A balloon was shot down near the coast after days of drifting in the airspace.",
         "A balloon drifted in the airspace for days before being destroyed near the coast."),
    ],
)
def test_events_swapped_round_opposite_words_are_no_flip(extractor, source, derived):
    flips = [f for f in pair_findings(extractor, source, derived) if f.type == "negation_flip"]
    assert flips == []


@pytest.mark.parametrize(
    "source, derived",
    [
        ("The ship sank after the storm hit the coast.", "The ship sank before the storm hit the coast."),
        ("The minister resigned after weeks of protests in the capital.",
         "The minister resigned before weeks of protests in the capital."),
    ],
)
def test_one_event_placed_the_other_way_is_still_a_flip(extractor, source, derived):
    flips = [f for f in pair_findings(extractor, source, derived) if f.type == "negation_flip"]
    assert [(f.derived_value, f.source_value, f.severity) for f in flips] == [("before", "after", "high")]
